/**
 * The entry of the bundled command (`dist/wire.cjs`, built by esbuild in `npm run build`): one
 * file to load instead of a hundred modules, in which every module (and every Node module it
 * needs) is evaluated only when a run first uses it. The same file is the worker threads' script.
 */
import { isMainThread } from "node:worker_threads";
import { fileURLToPath } from "node:url";
import { useWorkerScript } from "./pool.js";

if (isMainThread) {
  useWorkerScript(fileURLToPath(import.meta.url));
  void import("./main.js");
} else {
  void import("./worker.js");
}
