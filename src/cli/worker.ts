/** Worker thread entry: runs jobs posted by the pool and posts their results back. */
import { parentPort } from "node:worker_threads";
import { runJob, type Job } from "./job.js";

// A message is a group of jobs (small stories travel together); the answer keeps their order.
parentPort?.on("message", (jobs: Job[]) => {
  parentPort!.postMessage(jobs.map(runJob));
});
