/**
 * `p`, or "stop" as soon as `signal` aborts: a read blocked on a FIFO or a silent stdin, or a
 * worker busy with a long input, is not waited for.
 *
 * Not `Promise.race` with one promise of the stop: every race leaves a reaction on that promise,
 * which never settles in a run that ends normally, and each reaction keeps what its race
 * resolved to alive (an input's text, its records), so memory grew with every record of a dump.
 * The listener here is removed when `p` settles.
 */
export function orStop<T>(p: Promise<T>, signal: AbortSignal | undefined): Promise<T | "stop"> {
  if (!signal) return p;
  if (signal.aborted) return Promise.resolve("stop");
  return new Promise<T | "stop">((resolve, reject) => {
    const stop = () => resolve("stop");
    signal.addEventListener("abort", stop, { once: true });
    p.then(
      (v) => {
        signal.removeEventListener("abort", stop);
        resolve(v);
      },
      (e: unknown) => {
        signal.removeEventListener("abort", stop);
        reject(e);
      },
    );
  });
}
