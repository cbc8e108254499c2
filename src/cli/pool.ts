/**
 * Runs jobs on worker threads, N at a time. Results arrive in any order; `BatchRunner`
 * puts them back in input order. Workers are started lazily and ended by `close()`.
 */
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import { Worker } from "node:worker_threads";
import type { Job, JobResult } from "./job.js";

let bundled: string | null = null;

/** Workers run this script (the bundled command, which is also a worker entry). */
export function useWorkerScript(path: string): void {
  bundled = path;
}

/** The compiled worker script (also when the pool itself runs from the TypeScript sources in tests). */
function workerScript(): string {
  if (bundled) return bundled;
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, "worker.js");
  if (existsSync(beside)) return beside;
  return resolve(here, "..", "..", "dist", "cli", "worker.js");
}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all: Worker[] = [];
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly script = workerScript();

  constructor(private readonly size: number) {}

  /** Runs a group of jobs on a free worker (waiting for one when all are busy). */
  async run(jobs: Job[]): Promise<JobResult[]> {
    const w = await this.acquire();
    return new Promise<JobResult[]>((resolveJob, reject) => {
      const onMessage = (r: JobResult[]) => {
        cleanup();
        this.release(w);
        resolveJob(r);
      };
      const onError = (e: Error) => {
        cleanup();
        reject(e);
      };
      const cleanup = () => {
        w.off("message", onMessage);
        w.off("error", onError);
      };
      w.on("message", onMessage);
      w.on("error", onError);
      // Bytes are copied, not transferred: the caller may still need them.
      w.postMessage(jobs);
    });
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.all.length < this.size) {
      // Inherit the process's Node flags, except those that only apply to an -e / stdin entry.
      const execArgv = process.execArgv.filter((a) => !a.startsWith("--input-type") && a !== "-e" && a !== "--eval");
      const nw = new Worker(this.script, { execArgv });
      nw.unref();
      this.all.push(nw);
      return Promise.resolve(nw);
    }
    return new Promise((r) => this.waiting.push(r));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  async close(): Promise<void> {
    await Promise.all(this.all.map((w) => w.terminate()));
  }
}
