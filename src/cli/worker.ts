/** Worker thread entry: runs jobs posted by the pool and posts their results back. */
import { parentPort } from "node:worker_threads";
import { runJob, type Job } from "./job.js";

parentPort?.on("message", (job: Job) => {
  parentPort!.postMessage(runJob(job));
});
