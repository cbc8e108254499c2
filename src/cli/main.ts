/** The process entry: wires the real streams to `run` and sets the exit code. */
import { run } from "./run.js";
import { escapeForTerminal } from "../text/escape.js";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  // `wire parse big/ | head -1`: the reader left; end quietly.
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

// Ctrl-C: stop the batch cleanly (no partial output, exit 130); a second one ends at once.
const controller = new AbortController();
process.on("SIGINT", () => {
  if (controller.signal.aborted) process.exit(130);
  controller.abort();
});

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env, canPage: true, signal: controller.signal }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`wire: internal error: ${escapeForTerminal((e as Error)?.message ?? String(e))}\n`);
    process.exitCode = 1;
  },
);
