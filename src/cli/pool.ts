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

interface Waiter {
  resolve: (r: JobResult[]) => void;
  reject: (e: Error) => void;
}

export class WorkerPool {
  /** Each worker's groups in flight, oldest first: a worker answers its messages in order. */
  private readonly queues = new Map<Worker, Waiter[]>();
  private readonly errors = new Map<Worker, Error>();
  private readonly waiting: ((w: Worker) => void)[] = [];
  private readonly script = workerScript();
  private closed = false;

  constructor(private readonly size: number) {}

  /** Runs a group of jobs on a free worker (waiting for one when all are busy). Rejects with `WorkerDied`. */
  async run(jobs: Job[], transfer: ArrayBuffer[] = []): Promise<JobResult[]> {
    return this.post(await this.acquire(), jobs, transfer);
  }

  /**
   * Runs a group on a worker that can take it now, or returns null: the caller runs it itself.
   * A worker may hold `depth` groups, so that it has its next one at hand while the caller is busy
   * with its own (it never waits for this thread to hand it one).
   */
  tryRun(jobs: Job[], transfer: ArrayBuffer[] = [], depth = 2, workers = this.size): Promise<JobResult[]> | null {
    const w = this.free(depth, workers);
    return w ? this.post(w, jobs, transfer) : null;
  }

  private post(w: Worker, jobs: Job[], transfer: ArrayBuffer[]): Promise<JobResult[]> {
    const queue = this.queues.get(w)!;
    // A busy worker holds the process open: a parse under way is never abandoned by an empty event loop.
    if (!queue.length) w.ref();
    return new Promise<JobResult[]>((resolve, reject) => {
      queue.push({ resolve, reject });
      // Bytes are copied, not transferred, unless the caller says it no longer needs them.
      w.postMessage(jobs, transfer);
    });
  }

  /** Starts workers now (all of them, or `n`), idle: they load while this thread reads (a big file's first pass). */
  warm(n = this.size): void {
    while (!this.closed && this.queues.size < Math.min(n, this.size)) this.spawn();
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
    const w = nw;
    // Idle workers must not keep the process alive; `post` refs a worker while it works.
    w.unref();
    this.queues.set(w, []);
    w.on("message", (r: JobResult[]) => {
      const queue = this.queues.get(w);
      const head = queue?.shift();
      if (!queue || !head) return;
      if (!queue.length) w.unref();
      head.resolve(r);
      this.release(w);
    });
    w.on("error", (e: Error) => {
      if (!this.errors.has(w)) this.errors.set(w, e);
    });
    w.on("exit", (code: number) => {
      const queue = this.queues.get(w) ?? [];
      const why = deathMessage(this.errors.get(w) ?? null, code);
      this.discard(w);
      for (const q of queue) q.reject(new WorkerDied(why));
    });
    return w;
  }

  /** The least busy worker with fewer than `depth` groups, starting one while fewer than `max` run. */
  private free(depth = 1, max = this.size): Worker | null {
    let best: Worker | null = null;
    let load = depth;
    for (const [w, queue] of this.queues)
      if (queue.length < load) {
        best = w;
        load = queue.length;
      }
    if (best && load === 0) return best;
    if (!this.closed && this.queues.size < Math.min(max, this.size)) return this.spawn();
    return best;
  }

  private acquire(): Promise<Worker> {
    const w = this.free();
    if (w) return Promise.resolve(w);
    return new Promise((r) => this.waiting.push(r));
  }

  /** A worker is free again: whoever waits for one gets it. */
  private release(w: Worker): void {
    if (this.waiting.length && this.queues.get(w)?.length === 0) this.waiting.shift()!(w);
  }

  /** A dead worker leaves the pool; whoever waits for one gets a new one. */
  private discard(w: Worker): void {
    this.queues.delete(w);
    this.errors.delete(w);
    if (this.closed) return;
    const next = this.waiting.shift();
    if (next) next(this.spawn());
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.queues.keys()].map((w) => w.terminate()));
  }
}
