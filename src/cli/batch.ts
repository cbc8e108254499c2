/**
 * The batch loop of `wire parse`: inputs (files, folders, archives, records) are read one at a
 * time, parsed in the main thread or on worker threads, and their results written in input
 * order. At most `2 × jobs` inputs are in flight, so memory stays bounded whatever the size
 * of an archive. A failed input is reported and the rest go on.
 */
import { createHash } from "node:crypto";
import { readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { extname, join, resolve } from "node:path";
import { expandInputs, type InputItem } from "../inputs/index.js";
import { DEFAULT_EXT, errorMessage, normaliseExt } from "../inputs/paths.js";
import { runJob, type Job, type JobResult } from "./job.js";
import { firstPass, sliceBytes, slicesOnWorkers, STREAM_FROM, WORKERS_FROM, type FirstPass } from "./stream.js";
import { DEFAULT_MAX_INPUT, readBounded, tooLargeMessage } from "../inputs/bounded.js";
import { WorkerDied, WorkerPool } from "./pool.js";
import { orStop as stopOr } from "./stop.js";
import { restoreHeapGrowth, tuneHeapGrowth } from "./heap.js";
import { piecesOf } from "../render/pieces.js";
import { DirOutput, FileOutput, removeTemporaries } from "../outputs/writers.js";
import { MANIFEST } from "../outputs/manifest.js";
import { VERSION } from "../version.js";
import { UserError } from "../errors.js";
import type { Format, RenderOptions } from "../render/index.js";
import type { ParseOptions } from "../index.js";
import { htmlPageEnd, htmlPageStart } from "../render/html.js";
import type { Io } from "./io.js";
import { escapeForTerminal } from "../text/escape.js";
import { failureFacts } from "../stats/facts.js";
import { DEFAULT_FIELDS, tableHeader } from "../render/fields.js";
import type { Severity } from "../story.js";

/** A group of inputs sent to a worker at once: at most this many, or this many bytes. */
const GROUP_JOBS = 64;
const GROUP_BYTES = 1 << 20;

export interface BatchOptions {
  inputs: string[];
  format: Format;
  render: RenderOptions;
  parse: ParseOptions;
  /** -q: no summary, only errors on stderr. */
  quiet: boolean;
  /** The least severe diagnostic printed on stderr (`warning`; `info` with -v; `error` with -q). */
  report: Severity;
  /** --strict: warnings fail the run; with -q, one line names each story's warnings. */
  strict?: boolean;
  /** The stories' diagnostics are shown in the output (the pretty view on a terminal or pager): not on stderr. */
  inView?: boolean;
  progress: boolean;
  jobs: number;
  out: string | null;
  force: boolean;
  ext: string[];
  from: "text" | "jsonl" | "csv";
  textField: string;
  /** The largest input, record or JSONL line read, in bytes. */
  maxInputSize?: number;
  idField?: string;
  /** For `wire stats`: write each story's facts as a JSON line (see `src/stats/facts.ts`). */
  facts?: boolean;
}

export interface BatchSummary {
  inputs: number;
  /** Stories parsed, or found up to date in the output folder. */
  stories: number;
  warned: number;
  /** Inputs that failed: not read, not decoded, or a story not written. */
  failed: number;
  /** With -o DIR: story files written, found up to date (not rewritten), not written, and files of earlier runs removed. */
  written: number;
  skipped: number;
  notWritten: number;
  removed: number;
  interrupted: boolean;
}

/** An input on its way: with -o DIR, its key in the run, content hash and record options (for the manifest). */
interface Pending {
  item: InputItem;
  key: string;
  hash: string;
  opts: string;
  /** A streamed input's writer and unwritten stories, across its parts. */
  writer?: ReturnType<DirOutput["open"]>;
  unwritten?: number;
}

export async function runBatch(o: BatchOptions, io: Io, signal?: AbortSignal): Promise<BatchSummary> {
  const sum: BatchSummary = {
    inputs: 0,
    stories: 0,
    warned: 0,
    failed: 0,
    written: 0,
    skipped: 0,
    notWritten: 0,
    removed: 0,
    interrupted: false,
  };
  // Every line for people is escaped: names and copy come from outside (see text/escape.ts).
  const say = (line: string) => io.stderr.write(escapeForTerminal(line) + "\n");
  const dirMode = o.out !== null && (o.out.endsWith("/") || isDirectory(o.out));
  // Inputs named on the command line are never written over.
  const named = new Set(o.inputs.filter((a) => a !== "-" && isFile(a)).map((a) => resolve(a)));
  const walkRoots = o.inputs.filter((a) => a !== "-" && isDirectory(a)).map((a) => resolve(a));
  if (o.out !== null && !dirMode && named.has(resolve(o.out))) {
    say(`wire: ${o.out}: is an input of this run; not overwritten [output-collision]`);
    sum.failed++;
    return sum;
  }
  let dir: DirOutput | null = null;
  let file: FileOutput | null = null;
  try {
    if (dirMode) dir = new DirOutput(o.out!, { display: o.out!, format: o.format, inputs: named });
    else if (o.out !== null) file = new FileOutput(o.out);
  } catch (e) {
    say(`wire: ${e instanceof UserError ? e.message : `cannot write ${o.out}: ${errorMessage(e)}`} [write-error]`);
    sum.failed++;
    return sum;
  }
  const fileAbs = file ? resolve(o.out!) : null;
  // `-f html` to stdout or one file: one page for the run, each story an article of it.
  const page =
    o.format === "html" && !dirMode ? new HtmlPage((s) => (file ? file!.write(s) : io.stdout.write(s))) : null;
  const render: RenderOptions = page ? { ...o.render, htmlArticles: true } : o.render;
  // `-f tsv|csv`: the header row once, before the rows; with -o DIR at the top of every file.
  const table = o.format === "tsv" || o.format === "csv" ? o.format : null;
  if (table && !dirMode) (file ?? io.stdout).write(tableHeader(render.fields ?? DEFAULT_FIELDS, table));
  const jobRender: RenderOptions = table && dirMode ? { ...render, header: true } : render;
  const pool = o.jobs > 1 ? new WorkerPool(o.jobs) : null;
  // A streamed file this big goes to the workers (WIRE_WORKERS_FROM, in bytes, moves the line).
  const workersFrom = Number(io.env?.WIRE_WORKERS_FROM) || WORKERS_FROM;
  const progress = new Progress(
    io,
    o.progress,
    o.progress && io.stderr.isTTY
      ? knownTotal(o.inputs, o.ext.length ? normaliseExt(o.ext) : DEFAULT_EXT[o.from], o.from)
      : null,
  );
  const started = Date.now();
  const seen = new Set<string>();
  const complete: string[] = [];
  const stats = { skippedByExt: 0 };
  const orStop = <T>(p: Promise<T>): Promise<T | "stop"> => stopOr(p, signal);

  /** A group on the pool; a worker that dies fails only the input that killed it. */
  const onPool = async (jobs: Job[], transfer?: ArrayBuffer[]): Promise<JobResult[]> => {
    try {
      return await pool!.run(jobs, transfer);
    } catch (e) {
      return afterDeath(jobs, e);
    }
  };
  /** The results of a group whose worker died: each input on its own, so only the culprit fails. */
  const afterDeath = async (jobs: Job[], e: unknown): Promise<JobResult[]> => {
    if (!(e instanceof WorkerDied)) throw e;
    if (jobs.length === 1 || signal?.aborted) return jobs.map((j) => diedResult(j, e.message));
    const alone = await Promise.all(jobs.map((j) => onPool([j])));
    return alone.flat();
  };

  /** One slice on a worker that can take it now (null when none can), as `onPool` for one job. */
  const onFreeWorker = (job: Job, buffer: ArrayBuffer): Promise<JobResult> | null => {
    const r = pool!.tryRun([job], [buffer], 2, o.jobs - 1);
    return r?.catch((e: unknown) => afterDeath([job], e)).then((rs) => rs[0]!) ?? null;
  };

  // `tally`: `r` ends its input (a streamed input comes in parts), which is counted now.
  const emit = (p: Pending, r: JobResult, tally = true) => {
    const item = p.item;
    for (const m of r.messages) {
      progress.clear();
      say(m);
    }
    if (tally && o.strict && o.quiet && r.warnings.length) {
      progress.clear();
      say(
        `wire: ${item.name}: warning${r.warnings.length > 1 ? "s" : ""} ${r.warnings.join(", ")} (an error under --strict)`,
      );
    }
    if (tally && r.failed) sum.failed++;
    else if (tally && r.warned) sum.warned++;
    sum.stories += r.outputs.length;
    if (tally) progress.add(r.outputs.length, r.bytes, r.failed);
    page?.add(r.toc ?? []);
    if (dir) {
      p.writer ??= dir.open(p.key, item.relPath, p.hash, p.opts);
      const w = p.writer;
      let unwritten = p.unwritten ?? 0;
      for (const text of r.outputs) {
        if (item.unsafe) {
          progress.clear();
          say(`wire: ${item.name}: ${item.unsafe}; not written [unsafe-path]`);
          w.fail();
          unwritten++;
          continue;
        }
        const res = w.write(text);
        if ("file" in res) sum.written++;
        else {
          progress.clear();
          say(`wire: ${item.name}: ${res.error} [${res.code}]`);
          unwritten++;
        }
      }
      if (!tally) {
        p.unwritten = unwritten;
        return;
      }
      w.finish(!r.failed);
      sum.notWritten += unwritten;
      if (unwritten && !r.failed) sum.failed++;
      return;
    }
    for (const text of r.outputs) {
      if (file) file.write(text);
      else {
        // The progress line shares the terminal: clear it before the story goes there.
        if (io.stdout.isTTY) progress.clear();
        for (const piece of piecesOf(text)) io.stdout.write(piece);
      }
    }
  };

  // In flight: groups of inputs whose results may complete out of order; they are emitted in
  // input order. Small inputs travel to the workers in groups (fewer messages).
  const inflight: { items: Pending[]; results: Promise<JobResult[]> }[] = [];
  const limit = Math.max(1, o.jobs) * 2;
  let seq = 0;
  let group: { items: Pending[]; jobs: Job[]; bytes: number } = { items: [], jobs: [], bytes: 0 };
  // A run whose inputs make one group parses it in this thread: starting a worker (which loads
  // everything again) would only make it slower. So the first group goes out once a second
  // input shows that more are coming, or at the end, here.
  let dispatched = 0;
  const full = () => group.jobs.length >= GROUP_JOBS || group.bytes >= GROUP_BYTES;
  const dispatch = (last = false) => {
    if (!group.jobs.length) return;
    const { items, jobs } = group;
    const inline = !pool || (last && dispatched === 0);
    const results = inline ? Promise.resolve(jobs.map(runJob)) : onPool(jobs);
    results.catch(() => {}); // awaited in drainOne; not an unhandled rejection when a signal stops the run
    inflight.push({ items, results });
    dispatched++;
    group = { items: [], jobs: [], bytes: 0 };
  };
  const drainOne = async () => {
    const head = inflight.shift()!;
    const results = await orStop(head.results);
    if (results === "stop") return;
    for (const [k, r] of results.entries()) emit(head.items[k]!, r);
    await drained();
  };
  /** The next job, with what this run's options say about parsing, rendering and reporting. */
  const jobOf = (name: string, bytes?: Uint8Array, text?: string): Job => {
    const job: Job = {
      seq: seq++,
      name,
      parse: o.parse,
      format: o.format,
      render: jobRender,
      report: o.report,
      inView: !!o.inView,
      facts: o.facts,
    };
    if (bytes) job.bytes = bytes;
    if (text !== undefined) job.text = text;
    return job;
  };
  /**
   * A big plain file: its slices of whole stories (see stream.ts) parsed here or, when it is big
   * enough to repay them, on the workers (at most 2 × N in flight), written in order, after the
   * inputs before it.
   */
  const streamInput = async (p: Pending, path: string, first: FirstPass): Promise<void> => {
    await flushAll();
    const item = p.item;
    const job = jobOf(item.name);
    const { bytes, sha256, count, encoding } = first;
    const source = { bytes, sha256, count, encoding };
    const end: JobResult = {
      seq: job.seq,
      outputs: [],
      messages: [],
      warnings: [],
      warned: false,
      failed: false,
      bytes,
    };
    const warnings = new Set<string>();
    const parts: Promise<JobResult>[] = [];
    // Workers only when the file is big enough to repay starting them; this thread parses beside them.
    const workers = pool && slicesOnWorkers(first, o.jobs, workersFrom);
    const take = async () => {
      const r = await parts.shift()!;
      emit(p, r, false);
      await drained();
      end.warned ||= r.warned;
      end.failed ||= r.failed;
      for (const w of r.warnings) warnings.add(w);
    };
    try {
      for await (const { ref, bytes } of sliceBytes(path, first)) {
        const slice: Job = { ...job, slice: { ref, bytes, source } };
        // This thread parses a slice itself whenever every worker already holds two.
        const pooled = workers ? onFreeWorker(slice, bytes.buffer) : null;
        parts.push(pooled ?? Promise.resolve(runJob(slice)));
        if (parts.length >= (workers ? limit : 1)) await take();
        if (signal?.aborted || end.failed) break;
      }
    } catch (e) {
      end.messages.push(`wire: ${item.name}: internal error: ${(e as Error).message} [internal-error]`);
      end.failed = true;
    }
    while (parts.length) await take();
    end.warnings = [...warnings];
    emit(p, end, true);
  };
  // A pipe that reads slower than we write: wait for it, rather than hold the records in memory.
  const drained = async () => {
    type Stream = {
      writableNeedDrain?: boolean;
      once?: (e: string, f: () => void) => unknown;
      off?: (e: string, f: () => void) => unknown;
    };
    const out = io.stdout as Stream;
    if (file || !out.writableNeedDrain || !out.once || !out.off) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off!("drain", done);
        out.off!("close", done);
        resolve();
      };
      out.once!("drain", done);
      out.once!("close", done);
    });
  };
  const flushAll = async () => {
    dispatch();
    while (inflight.length) await drainOne();
  };

  // Collections keep the heap near what is alive once the run reads a megabyte (see heap.ts).
  let read = 0;
  const reading = (bytes: number) => {
    read += bytes;
    if (read >= STREAM_FROM) tuneHeapGrowth();
  };
  try {
    const items = expandInputs(o.inputs, {
      ext: o.ext,
      from: o.from,
      textField: o.textField,
      ...(o.maxInputSize ? { maxSize: o.maxInputSize } : {}),
      idField: o.idField,
      stdin: io.stdin,
      // Files this big are read as streams (WIRE_STREAM_FROM, in bytes, moves the line).
      streamFrom: Number(io.env?.WIRE_STREAM_FROM) || STREAM_FROM,
      warn: (m) => say(`wire: ${m}`),
      stats,
      onComplete: (prefix) => complete.push(prefix),
      ...(dir
        ? { skip: (abs: string) => dir.isOutput(abs, walkRoots) }
        : fileAbs
          ? { skip: (abs: string) => abs === fileAbs }
          : {}),
    });
    const next = items[Symbol.asyncIterator]();
    for (;;) {
      const n = await orStop(next.next());
      if (n === "stop" || (!n.done && signal?.aborted)) {
        // Close the readers (streams, archives) once the read under way ends; not waited for.
        next.return(undefined).catch(() => {});
        break;
      }
      if (n.done) break;
      const item = n.value;
      sum.inputs++;
      const p: Pending = { item, key: item.key, hash: "", opts: "" };
      if (dir) {
        p.key = dir.runKey(item.key);
        seen.add(p.key);
      }
      if (item.error) {
        await flushAll();
        progress.clear();
        // The same error again (a wrong --text-field in every record) is counted, not repeated.
        if (!item.error.repeat) say(`wire: ${item.name}: ${item.error.message} [${item.error.code}]`);
        if (o.facts) io.stdout.write(failureFacts(item.name, item.error.code));
        sum.failed++;
        progress.add(0, 0, true);
        continue;
      }
      // A big plain file: streamed when it can be, else read whole here.
      let streamed: FirstPass | null = null;
      if (item.file) {
        tuneHeapGrowth();
        // The trace and HTML views show the rules of a whole parse.
        const max = o.maxInputSize ?? DEFAULT_MAX_INPUT;
        // A file big enough for the workers: they start loading while this thread makes its first pass.
        // (This thread parses beside them: one fewer than `-j` says.)
        if (pool && slicesOnWorkers({ bytes: item.file.size }, o.jobs, workersFrom)) pool.warm(o.jobs - 1);
        const first =
          o.format === "trace" || o.format === "html"
            ? null
            : await firstPass(item.file.path, o.parse, max).catch(() => null);
        let problem: { code: string; message: string } | null = null;
        if (first && "tooLarge" in first)
          problem = { code: "too-large", message: tooLargeMessage(first.tooLarge, max, "one story") };
        else if (first) streamed = first;
        else {
          // Read whole, within --max-input-size.
          try {
            const got = await readBounded(item.file.path, max);
            if ("tooLarge" in got) problem = { code: "too-large", message: tooLargeMessage(got.tooLarge, max) };
            else item.bytes = got.bytes;
          } catch (e) {
            problem = { code: "read-error", message: errorMessage(e) };
          }
        }
        if (problem) {
          await flushAll();
          progress.clear();
          say(`wire: ${item.name}: ${problem.message} [${problem.code}]`);
          if (o.facts) io.stdout.write(failureFacts(item.name, problem.code));
          sum.failed++;
          progress.add(0, 0, true);
          continue;
        }
      }
      if (dir) {
        p.hash = streamed
          ? streamed.sha256
          : createHash("sha256")
              .update(item.bytes ?? item.text ?? "")
              .digest("hex");
        p.opts = createHash("sha256")
          .update(
            JSON.stringify({ wire: VERSION, name: item.name, format: o.format, render: jobRender, parse: o.parse }),
          )
          .digest("hex");
        const files = o.force ? null : dir.upToDate(p.key, p.hash, p.opts);
        if (files) {
          sum.skipped += files.length;
          sum.stories += files.length;
          continue;
        }
      }
      if (!item.file) reading(item.bytes?.length ?? item.text?.length ?? 0);
      if (streamed) {
        await streamInput(p, item.file!.path, streamed);
        continue;
      }
      const job = jobOf(item.name, item.bytes, item.text);
      if (pool && full()) dispatch();
      group.items.push(p);
      group.jobs.push(job);
      group.bytes += item.bytes?.length ?? item.text?.length ?? 0;
      if (!pool || (full() && dispatched > 0)) dispatch();
      if (inflight.length >= limit) await drainOne();
    }
    if (!signal?.aborted) dispatch(true);
    while (inflight.length && !signal?.aborted) await drainOne();
    if (!signal?.aborted) page?.end();
    if (signal?.aborted) {
      sum.interrupted = true;
      file?.abort();
      removeTemporaries();
    } else {
      file?.commit();
      dir?.sweep(seen, complete);
    }
  } catch (e) {
    file?.abort();
    removeTemporaries();
    throw e;
  } finally {
    progress.clear();
    await pool?.close();
    dir?.close();
    restoreHeapGrowth();
  }
  if (dir) sum.removed = dir.removed;
  if (sum.inputs === 0 && !sum.interrupted) {
    // As ripgrep does: a run that reads nothing says so, and fails.
    const n = stats.skippedByExt;
    say(
      `wire: no inputs matched${n ? `: ${n} file${n === 1 ? "" : "s"} skipped by extension (--ext to choose others)` : ""}`,
    );
    sum.failed++;
    return sum;
  }
  if (dir?.manifest.error !== undefined)
    say(
      `wire: cannot write ${dir.show(MANIFEST)}: ${errorMessage(dir.manifest.error)}; a rerun will redo the inputs it misses [write-error]`,
    );
  if (dir?.renamedAroundForeign && !o.quiet)
    say(
      `wire: ${dir.renamedAroundForeign} stor${dir.renamedAroundForeign === 1 ? "y" : "ies"} written under a name ending ~N: the plain name is held by a file wire did not write`,
    );
  if (!o.quiet && (sum.inputs > 1 || sum.interrupted || dir)) {
    const secs = ((Date.now() - started) / 1000).toFixed(2);
    const files = dir
      ? `${sum.written} written, ${sum.skipped} up to date, ${sum.notWritten ? `${sum.notWritten} not written, ` : ""}${sum.removed ? `${sum.removed} stale removed, ` : ""}`
      : "";
    say(
      `wire: ${sum.inputs} input${sum.inputs === 1 ? "" : "s"}, ${sum.stories} stor${sum.stories === 1 ? "y" : "ies"}, ` +
        `${files}${sum.warned} with warnings, ${sum.failed} failed` +
        `${sum.interrupted ? ", interrupted" : ""} in ${secs} s`,
    );
  }
  return sum;
}

/**
 * The bytes the run will read, when they can be known cheaply: every argument a plain file or a
 * folder of plain files (walked for sizes, hidden entries and other extensions left out). Null
 * for archives, globs, standard input and records, whose size in stories is unknown: no ETA.
 */
function knownTotal(inputs: string[], ext: string[], from: string): number | null {
  if (from !== "text") return null;
  let total = 0;
  let files = 0;
  const seen = new Set<string>();
  const visit = (p: string, top: boolean): boolean => {
    let st: Stats;
    try {
      st = statSync(p);
    } catch {
      return true;
    }
    if (st.isDirectory()) {
      // Symbolic links may loop (`ln -s . loop`): each real folder is counted once.
      let real: string;
      try {
        real = realpathSync(p);
      } catch {
        return true;
      }
      if (seen.has(real)) return true;
      seen.add(real);
      for (const name of readdirSync(p)) {
        if (name.startsWith(".")) continue;
        if (!visit(join(p, name), false)) return false;
      }
      return true;
    }
    if (/\.(zip|tar|tgz|gz)$/iu.test(p)) return false;
    if (!top && ext.length && !ext.includes(extname(p).slice(1).toLowerCase())) return true;
    total += st.size;
    return ++files <= 200_000;
  };
  for (const a of inputs) if (a === "-" || /[*?[{]/u.test(a) || !visit(a, true)) return null;
  return total;
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The result of a job whose worker died under it. */
function diedResult(job: Job, why: string): JobResult {
  return {
    seq: job.seq,
    outputs: [],
    messages: [`wire: ${job.name}: ${why} [internal-error]`],
    warnings: [],
    warned: false,
    failed: true,
    bytes: job.bytes?.length ?? Buffer.byteLength(job.text ?? ""),
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * A one-line progress report on stderr, only on a terminal, not with -q or --no-progress, and
 * only once more than a handful of inputs have gone by: stories, MB/s, errors, and the time
 * left when the total size is known.
 */
class Progress {
  private stories = 0;
  private bytes = 0;
  private errors = 0;
  private inputs = 0;
  private last = 0;
  private shown = false;
  private readonly t0 = Date.now();

  constructor(
    private readonly io: Io,
    private readonly on: boolean,
    private readonly total: number | null,
  ) {}

  add(stories: number, bytes: number, failed: boolean): void {
    this.stories += stories;
    this.bytes += bytes;
    this.inputs++;
    if (failed) this.errors++;
    if (!this.on || !this.io.stderr.isTTY || this.inputs <= 5) return;
    const now = Date.now();
    if (now - this.last < 100) return;
    this.last = now;
    const secs = Math.max(0.001, (now - this.t0) / 1000);
    const mbs = this.bytes / 1048576 / secs;
    this.io.stderr.write(
      `\r\u001b[2Kwire: ${this.inputs} inputs · ${this.stories} stories · ${mbs.toFixed(1)} MB/s · ${this.errors} errors${this.eta(secs)}`,
    );
    this.shown = true;
  }

  /** ` · ETA 1:05` from the rate so far, when the total is known. */
  private eta(secs: number): string {
    if (this.total === null || this.bytes === 0) return "";
    const left = Math.max(0, ((this.total - this.bytes) * secs) / this.bytes);
    return ` · ETA ${Math.floor(left / 60)}:${String(Math.round(left % 60)).padStart(2, "0")}`;
  }

  clear(): void {
    if (this.shown) {
      this.io.stderr.write("\r\u001b[2K");
      this.shown = false;
    }
  }
}

/**
 * The page `-f html` writes for a whole run: its head before the first story, and the table
 * of contents at the end, once the stories are known (the style sheet shows it at the top).
 * The contents list at most `TOC_MAX` stories, so memory stays bounded on any archive.
 */
const TOC_MAX = 5000;

class HtmlPage {
  private started = false;
  private readonly toc: string[] = [];
  private count = 0;

  constructor(private readonly write: (s: string) => unknown) {}

  add(entries: string[]): void {
    if (!entries.length) return;
    this.start();
    for (const e of entries) if (++this.count <= TOC_MAX) this.toc.push(e);
  }

  end(): void {
    this.start();
    const more = this.count - this.toc.length;
    this.write(htmlPageEnd(more > 0 ? [...this.toc, `<li>… and ${more} more</li>`] : this.toc, this.count));
  }

  private start(): void {
    if (this.started) return;
    this.started = true;
    this.write(htmlPageStart());
  }
}
