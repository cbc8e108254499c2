/**
 * The entry of the bundled command (`dist/wire.cjs`, built by esbuild in `npm run build`): one
 * file to load instead of a hundred modules, in which every module (and every Node module it
 * needs) is evaluated only when a run first uses it. The same file is the worker threads' script.
 *
 * `bin/wire.js` loads it as a module of its own, so there it is the command. A worker thread runs
 * it as the thread's main module: only then is `node:worker_threads` asked which thread this is,
 * so a run on one input never loads it.
 */
import { fileURLToPath } from "node:url";
import { useWorkerScript } from "./pool.js";

const asScript = require.main === module;
if (!asScript || (require("node:worker_threads") as typeof import("node:worker_threads")).isMainThread) {
  useWorkerScript(fileURLToPath(import.meta.url));
  void import("./main.js");
} else {
  void import("./worker.js");
}
