/** The process entry: wires the real streams to `run` and sets the exit code. */
import { fstatSync } from "node:fs";
import { run, type Writer } from "./run.js";
import { escapeForTerminal } from "../text/escape.js";
import { removeTemporaries } from "../outputs/writers.js";
import { restoreHeapGrowth } from "./heap.js";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  // `wire parse big/ | head -1`: the reader left; end quietly.
  if (e.code === "EPIPE") {
    // The compiled-code cache written at exit must fit the next run's V8 flags.
    restoreHeapGrowth();
    process.exit(0);
  }
  throw e;
});

// `wire parse in/ -o out/ 2>&1 | head -3`: losing stderr must not stop the work. After an
// error on stderr (EPIPE, a closed terminal) diagnostics are dropped and the run goes on.
let stderrOpen = true;
process.stderr.on("error", () => {
  stderrOpen = false;
});
const stderr: Writer = {
  write: (s: string) => (stderrOpen && !process.stderr.destroyed ? process.stderr.write(s) : true),
  get isTTY() {
    return process.stderr.isTTY;
  },
  get columns() {
    return process.stderr.columns;
  },
};

// Ctrl-C and SIGTERM: stop the batch cleanly (no partial output, the summary, exit 130 or
// 143). A read blocked on a FIFO is not waited for; a second signal ends at once, still
// removing temporary files.
const controller = new AbortController();
const onSignal = (name: "SIGINT" | "SIGTERM") => {
  if (controller.signal.aborted) {
    removeTemporaries();
    dieBy(name);
  }
  controller.abort(name);
};
process.on("SIGINT", () => onSignal("SIGINT"));
process.on("SIGTERM", () => onSignal("SIGTERM"));

/**
 * Ends the process by the signal itself (the shell reports 130 or 143). `process.exit` would
 * wait for a thread still blocked opening a FIFO that has no writer; the signal's default
 * action does not.
 */
function dieBy(name: "SIGINT" | "SIGTERM"): void {
  process.removeAllListeners(name);
  process.kill(process.pid, name);
}

/**
 * Standard input, set up when first read (a run over files never touches it: making the stream
 * costs start-up time), or an iterable that fails with EISDIR when it is a folder (`wire parse < dir/`).
 */
function standardInput(): AsyncIterable<Uint8Array | string> {
  return {
    [Symbol.asyncIterator]: () => {
      let folder = false;
      try {
        folder = fstatSync(0).isDirectory();
      } catch {
        // no standard input at all: read it as usual
      }
      if (!folder) return (process.stdin as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
      const error = Object.assign(new Error("standard input is a directory"), { code: "EISDIR" });
      return { next: () => Promise.reject(error) };
    },
  };
}

run(process.argv.slice(2), {
  stdin: standardInput(),
  stdout: process.stdout,
  stderr,
  env: process.env,
  canPage: true,
  signal: controller.signal,
}).then(
  (code) => {
    process.exitCode = code;
    // A stopped run may leave a read pending (a FIFO with no writer, a silent stdin) that
    // keeps the process alive: then end by the signal itself.
    if (controller.signal.aborted) {
      const name = controller.signal.reason === "SIGTERM" ? "SIGTERM" : "SIGINT";
      setTimeout(() => dieBy(name), 1000).unref();
    }
  },
  (e: unknown) => {
    stderr.write(`wire: internal error: ${escapeForTerminal((e as Error)?.message ?? String(e))}\n`);
    process.exitCode = 1;
  },
);
