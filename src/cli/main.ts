/** The process entry: wires the real streams to `run` and sets the exit code. */
import { run } from "./run.js";

process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  // `wire parse big/ | head -1`: the reader left; end quietly.
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

run(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env }).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`wire: internal error: ${(e as Error)?.message ?? String(e)}\n`);
    process.exitCode = 1;
  },
);
