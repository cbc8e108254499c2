/**
 * Runs jobs on worker threads, N at a time. Results arrive in any order; `BatchRunner`
 * puts them back in input order. Workers are started lazily and ended by `close()`.
 * A worker that dies (out of memory, a crash) fails the jobs it held, is replaced, and the
 * others go on: a busy worker keeps the process alive, so a death is never a silent exit.
 */
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import type { Worker, ResourceLimits } from "node:worker_threads";
import type { Job, JobResult } from "./job.js";

let bundled: string | null = null;

/** `node:worker_threads`, loaded at the first worker: a run that starts none does not pay for it. */
const threads = (): typeof import("node:worker_threads") => createRequire(import.meta.url)("node:worker_threads");

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

/**
 * A worker's young generation, in MB (V8's default is 48: two semi-spaces of 16 MB and a third
 * for large objects). A worker parses slices of about 256 KB and keeps little alive between
 * them; with the default, each worker's heap reached 60–70 MB while a third of that was live.
 * A young generation this size costs no measurable time and only sizes collections: it can never
 * make a worker run out of memory (the old generation, unlimited here, holds what survives).
 */
export const WORKER_YOUNG_MB = 12;

/**
 * The process's Node flags as a worker takes them: V8 heap and stack flags
 * (`--max-old-space-size=1200` ...) are not allowed in a worker's execArgv and become its
 * resource limits; flags that only apply to an -e / stdin entry are left out. The young
 * generation is `WORKER_YOUNG_MB` unless `--max-semi-space-size` says otherwise.
 */
export function workerOptions(execArgv: readonly string[]): { execArgv: string[]; resourceLimits: ResourceLimits } {
  const limits: ResourceLimits = {};
  const kept: string[] = [];
  for (const a of execArgv) {
    const m =
      /^--(max-old-space-size|max_old_space_size|max-semi-space-size|max_semi_space_size|stack-size|stack_size)=(\d+)$/u.exec(
        a,
      );
    if (m) {
      const n = Number(m[2]);
      const name = m[1]!.replace(/_/gu, "-");
      if (name === "max-old-space-size") limits.maxOldGenerationSizeMb = n;
      else if (name === "max-semi-space-size") limits.maxYoungGenerationSizeMb = n * 3;
      else limits.stackSizeMb = Math.max(1, Math.round(n / 1024));
      continue;
    }
    if (a.startsWith("--input-type") || a === "-e" || a === "--eval") continue;
    kept.push(a);
  }
  limits.maxYoungGenerationSizeMb ??= WORKER_YOUNG_MB;
  return { execArgv: kept, resourceLimits: limits };
}

/** A one-line reason for a worker's death. */
function deathMessage(e: Error | null, exitCode: number | null): string {
  if (e) {
    const code = (e as { code?: string }).code;
    if (code === "ERR_WORKER_OUT_OF_MEMORY")
      return "the parser ran out of memory on this input (try splitting it, or --max-input-size)";
    return `the parser's thread stopped: ${e.message.split("\n")[0]}`;
  }
  return `the parser's thread stopped (exit code ${exitCode})`;
}

export class WorkerDied extends Error {}

export class WorkerPool {
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly script = workerScript();
  private closed = false;

  constructor(private readonly size: number) {}

  /** Runs a group of jobs on a free worker (waiting for one when all are busy). Rejects with `WorkerDied`. */
  async run(jobs: Job[], transfer: ArrayBuffer[] = []): Promise<JobResult[]> {
    const w = await this.acquire();
    // A busy worker holds the process open: a parse under way is never abandoned by an empty event loop.
    w.ref();
    return new Promise<JobResult[]>((resolveJob, reject) => {
      let firstError: Error | null = null;
      const onMessage = (r: JobResult[]) => {
        cleanup();
        w.unref();
        this.release(w);
        resolveJob(r);
      };
      const onError = (e: Error) => {
        firstError ??= e;
      };
      const onExit = (code: number) => {
        cleanup();
        this.discard(w);
        reject(new WorkerDied(deathMessage(firstError, code)));
      };
      const cleanup = () => {
        w.off("message", onMessage);
        w.off("error", onError);
        w.off("exit", onExit);
      };
      w.on("message", onMessage);
      w.on("error", onError);
      w.on("exit", onExit);
      // Bytes are copied, not transferred, unless the caller says it no longer needs them.
      w.postMessage(jobs, transfer);
    });
  }

  /** Starts every worker now, idle: they load while this thread reads (a big file's first pass). */
  warm(): void {
    while (!this.closed && this.all.size < this.size) this.idle.push(this.spawn());
  }

  private spawn(): Worker {
    const { execArgv, resourceLimits } = workerOptions(process.execArgv);
    let nw: Worker;
    try {
      nw = new (threads().Worker)(this.script, { execArgv, resourceLimits });
    } catch (e) {
      // A flag of the process a worker does not take: start the worker with none.
      if ((e as { code?: string }).code !== "ERR_WORKER_INVALID_EXEC_ARGV") throw e;
      nw = new (threads().Worker)(this.script, { execArgv: [], resourceLimits });
    }
    // Idle workers must not keep the process alive; `run` refs a worker while it works.
    nw.unref();
    nw.on("error", () => {});
    this.all.add(nw);
    return nw;
  }

  private acquire(): Promise<Worker> {
    const w = this.idle.pop();
    if (w) return Promise.resolve(w);
    if (this.all.size < this.size) return Promise.resolve(this.spawn());
    return new Promise((r) => this.waiting.push(r));
  }

  private release(w: Worker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /** A dead worker leaves the pool; whoever waits for one gets a new one. */
  private discard(w: Worker): void {
    this.all.delete(w);
    const k = this.idle.indexOf(w);
    if (k >= 0) this.idle.splice(k, 1);
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.all].map((w) => w.terminate()));
  }
}
