/**
 * The garbage collector's heap growth while a batch runs. A streamed input keeps 15–20 MB alive
 * (the tables, the slice at hand) but allocates fast; V8 by default lets the old generation grow
 * to four times what survived the last full collection before it collects again, so a run of
 * any size peaked 60–70 MB above its live data. A growth of 30 % over what survived keeps the
 * peak near the live size, at no measurable cost in time (a full collection of 15–20 MB is a few
 * milliseconds). V8 reads the factor at every collection, so setting it once the process runs
 * takes effect, in this thread and in the worker threads alike.
 *
 * V8 compiled-code caches (`dist/wire.cjs.cache`) are tied to the flags they were made under:
 * the default is put back before the process ends, so a cache written at exit still fits the
 * next run.
 *
 * Only runs that read a megabyte or more are tuned (a streamed file, a folder, a dump): loading
 * `node:v8` would add to the start-up of a run of one story, which never collects at all.
 */
import { createRequire } from "node:module";

/** `node:v8`, loaded when first needed (5 ms): a run of a few small stories never tunes the heap. */
const setFlagsFromString = (flags: string): void =>
  (createRequire(import.meta.url)("node:v8") as typeof import("node:v8")).setFlagsFromString(flags);

const TUNED = "--heap-growing-percent=30";
/** V8's own growth (0: its default factors). */
const DEFAULT = "--heap-growing-percent=0";

let tuned = false;

/** Collections keep the heap within 30 % of what survives them, until `restoreHeapGrowth`. */
export function tuneHeapGrowth(): void {
  if (tuned || hasOwnFlag()) return;
  setFlagsFromString(TUNED);
  tuned = true;
}

/** V8's own heap growth again. */
export function restoreHeapGrowth(): void {
  if (!tuned) return;
  setFlagsFromString(DEFAULT);
  tuned = false;
}

/**
 * V8's own growth while one huge story is parsed, when this thread tuned it; true when paused.
 * Such a story keeps hundreds of megabytes alive, and a collection every 30 % of that cost a
 * quarter of its time (2 MB of `"a`: 1.1 s of 5).
 */
export function pauseHeapGrowth(): boolean {
  if (!tuned) return false;
  setFlagsFromString(DEFAULT);
  return true;
}

/** The tuned growth again, after `pauseHeapGrowth`. */
export function resumeHeapGrowth(): void {
  if (tuned) setFlagsFromString(TUNED);
}

/** Whether the heap growth is tuned now (for tests). */
export function heapGrowthTuned(): boolean {
  return tuned;
}

/** `node --heap-growing-percent=N` (or in NODE_OPTIONS): the user's own choice stands. */
function hasOwnFlag(): boolean {
  const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/u)];
  return flags.some((a) => /^--heap[-_]growing[-_]percent=/u.test(a));
}
