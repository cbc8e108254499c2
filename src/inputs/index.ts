/**
 * The input side of batch conversion: command-line arguments (files, folders, globs, archives,
 * record dumps, standard input) become a stream of inputs, one at a time, in a stable order.
 * A bad input is an item with an error, never an exception.
 */
import type { Stats } from "node:fs";
import { createReadStream, rmSync, statSync } from "node:fs";
import { mkdtemp, open, readdir, realpath, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import {
  binaryStart,
  collectBounded,
  DEFAULT_MAX_INPUT,
  readBounded,
  tooLargeMessage,
  type Bounded,
} from "./bounded.js";
import { join, relative, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import {
  archiveKind,
  DEFAULT_EXT,
  byCodePoint,
  bytesItem,
  errorItem,
  errorMessage,
  extOk,
  hasGlobChars,
  normaliseExt,
  outputMapper,
  sanitiseRel,
  splitGlob,
  trimSlashes,
  under,
  type Origin,
} from "./paths.js";
import type * as RecordsModule from "./records.js";

// Archives, globs and records are loaded only by the runs that meet them: a plain file starts faster.
const records = (): Promise<typeof RecordsModule> => import("./records.js");
import type { InputItem } from "./item.js";

export type { InputItem } from "./item.js";

export interface ExpandOptions {
  /** Only these extensions (without dot, case-insensitive) when walking directories and archives; empty = the
   *  default list for `from` (DEFAULT_EXT); ["*"] = every file. Files named explicitly are always read. */
  ext: string[];
  from: "text" | "jsonl" | "csv";
  textField: string; // default "text"
  idField?: string;
  stdin: AsyncIterable<Uint8Array | string>;
  /** Plain text files at least this big are handed over unread (`file`), to be read as a stream. */
  streamFrom?: number;
  /** Called for problems that are not an input of their own (a symlink loop, a hidden file skipped is NOT reported): message lines. */
  warn?: (message: string) => void;
  /** The folder relative paths are mapped from (default: the process's current folder). */
  cwd?: string;
  /** Files and folders (absolute paths) a walk must not read: what this run writes. */
  skip?: (absPath: string) => boolean;
  /** Filled in while reading: files a walk left out for their extension. */
  stats?: { skippedByExt: number };
  /** Called with a key prefix when a folder, archive or dump was read to its end without an error: every input
   *  whose key starts with it and was not seen is gone. */
  onComplete?: (keyPrefix: string) => void;
  /** The largest input, record or JSONL line read, in bytes (default `DEFAULT_MAX_INPUT`); larger ones are a `too-large` error item. */
  maxSize?: number;
}

interface Ctx {
  streamFrom?: number;
  ext: string[];
  from: ExpandOptions["from"];
  textField: string;
  idField?: string;
  warn: (message: string) => void;
  map: (path: string) => string;
  cwd: string;
  skip: (absPath: string) => boolean;
  stats: { skippedByExt: number };
  onComplete: (keyPrefix: string) => void;
  maxSize: number;
  /** The run names one input. */
  once: boolean;
}

/**
 * The inputs named by `args`, in order: `-` is standard input; a folder is walked (sorted,
 * depth-first, hidden entries skipped); a pattern that is not a path is globbed; archives give
 * their entries and, with `from` jsonl/csv, every file is a dump of records.
 */
export async function* expandInputs(args: string[], options: ExpandOptions): AsyncGenerator<InputItem> {
  const cwd = options.cwd ?? process.cwd();
  const ext = options.ext.length ? normaliseExt(options.ext) : DEFAULT_EXT[options.from];
  const ctx: Ctx = {
    ext,
    from: options.from,
    textField: options.textField || "text",
    warn: options.warn ?? (() => {}),
    map: outputMapper(args, cwd),
    cwd,
    skip: options.skip ?? (() => false),
    stats: options.stats ?? { skippedByExt: 0 },
    onComplete: options.onComplete ?? (() => {}),
    maxSize: options.maxSize ?? DEFAULT_MAX_INPUT,
    once: args.length === 1,
  };
  if (options.idField) ctx.idField = options.idField;
  if (options.streamFrom !== undefined) ctx.streamFrom = options.streamFrom;
  let stdinRead = false;
  for (const arg of args) {
    if (arg === "-") {
      if (stdinRead) {
        ctx.warn("standard input (-) named more than once; read once");
        continue;
      }
      stdinRead = true;
      yield* fromStdin(options.stdin, ctx);
      continue;
    }
    yield* fromArg(arg, ctx);
  }
}

async function* fromStdin(stdin: AsyncIterable<Uint8Array | string>, ctx: Ctx): AsyncGenerator<InputItem> {
  const origin: Origin = { name: "<stdin>", relPath: "stdin", key: "<stdin>" };
  if (ctx.from === "text") {
    yield* stdinText(stdin, origin, ctx);
    return;
  }
  const { csvRecords, jsonlRecords } = await records();
  if (ctx.from === "jsonl") yield* jsonlRecords(Readable.from(buffers(stdin), { objectMode: false }), origin, ctx);
  else yield* csvRecords(stdin, origin, ctx);
}

/**
 * Standard input as text: held in memory up to `streamFrom` bytes, as a file's bytes are; past
 * that, spooled to a temporary file (removed once the input is done) and handed over as a file to
 * stream, so its records can state its size and hash before the first is written.
 */
async function* stdinText(
  stdin: AsyncIterable<Uint8Array | string>,
  origin: Origin,
  ctx: Ctx,
): AsyncGenerator<InputItem> {
  // Spooled from the streaming line (as a file that big is streamed); below it, the size cap holds.
  const limit = ctx.streamFrom ?? Number.POSITIVE_INFINITY;
  const chunks = buffers(stdin)[Symbol.asyncIterator]();
  const parts: Buffer[] = [];
  let size = 0;
  let spool: Spool | null = null;
  try {
    for (;;) {
      const n = await chunks.next();
      if (n.done) break;
      if (spool) {
        await spool.fh.write(n.value);
        size += n.value.length;
        continue;
      }
      parts.push(n.value);
      size += n.value.length;
      if (size < limit) {
        if (size > ctx.maxSize) break;
        continue;
      }
      // Binary (read no further), or text to spool.
      if (binaryStart(Buffer.concat(parts).subarray(0, 65536))) break;
      const dir = await mkdtemp(join(tmpdir(), "wire-spool-"));
      // Removed also when the process ends on the way (a closed pipe, an error).
      const gone = () => rmSync(dir, { recursive: true, force: true });
      process.on("exit", gone);
      spool = { dir, fh: await open(join(dir, "stdin"), "w"), gone };
      for (const p of parts.splice(0)) await spool.fh.write(p);
    }
  } catch (e) {
    if (spool) await cleanUp(spool);
    yield errorItem(origin, "read-error", errorMessage(e));
    return;
  }
  if (!spool) {
    yield boundedItem(origin, await collectBounded(buffers(parts), ctx.maxSize), ctx);
    return;
  }
  try {
    await spool.fh.close();
    yield { ...bytesItem(origin, new Uint8Array(0)), bytes: undefined, file: { path: join(spool.dir, "stdin"), size } };
  } finally {
    await cleanUp(spool);
  }
}

interface Spool {
  dir: string;
  fh: Awaited<ReturnType<typeof open>>;
  gone: () => void;
}

async function cleanUp(spool: Spool): Promise<void> {
  await spool.fh.close().catch(() => {});
  await rm(spool.dir, { recursive: true, force: true });
  process.off("exit", spool.gone);
}

function toBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, "utf8");
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

async function* buffers(
  src: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>,
): AsyncGenerator<Buffer> {
  for await (const chunk of src) yield toBuffer(chunk);
}

async function* fromArg(arg: string, ctx: Ctx): AsyncGenerator<InputItem> {
  let st: Stats;
  try {
    // A run's only input is looked at synchronously (see `readBounded`'s `once`).
    st = ctx.once ? statSync(arg) : await stat(arg);
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if ((code === "ENOENT" || code === "ENOTDIR") && hasGlobChars(arg)) {
      yield* fromGlob(arg, ctx);
      return;
    }
    yield errorItem(fileOrigin(arg, arg, ctx), "read-error", errorMessage(e));
    return;
  }
  if (st.isDirectory()) {
    yield* walk(arg, ctx);
    return;
  }
  yield* fromFile(arg, { ...fileOrigin(arg, arg, ctx), mtimeMs: st.mtimeMs }, ctx, ctx.once);
}

/** The origin of a file: its display name, its mapped relative path, and its absolute path as its key. */
function fileOrigin(name: string, path: string, ctx: Ctx): Origin {
  return { name, relPath: ctx.map(path), key: resolve(ctx.cwd, path) };
}

/** Passes items through and calls `onComplete(prefix)` when none was an error. */
async function* tracked(items: AsyncGenerator<InputItem>, prefix: string, ctx: Ctx): AsyncGenerator<InputItem> {
  let clean = true;
  for await (const item of items) {
    if (item.error) clean = false;
    yield item;
  }
  if (clean) ctx.onComplete(prefix);
}

/** A pattern: its matches, sorted, each as a file named explicitly; relPath is relative to the pattern's fixed folder. */
async function* fromGlob(pattern: string, ctx: Ctx): AsyncGenerator<InputItem> {
  const { base, rest } = splitGlob(pattern);
  const display = base === "." && !pattern.startsWith("./") ? "." : base;
  let matches: string[];
  try {
    const { glob } = await import("tinyglobby");
    matches = await glob(rest, { cwd: base, dot: false, onlyFiles: true });
  } catch (e) {
    yield errorItem({ name: pattern, relPath: sanitiseRel(pattern), key: pattern }, "read-error", errorMessage(e));
    return;
  }
  if (matches.length === 0) {
    yield errorItem(
      { name: pattern, relPath: sanitiseRel(pattern), key: pattern },
      "read-error",
      `no file matches ${pattern}`,
    );
    return;
  }
  matches.sort(byCodePoint);
  for (const m of matches) {
    const name = under(display, m);
    const path = join(base, m);
    if (ctx.skip(resolve(ctx.cwd, path))) continue;
    let st: Stats;
    try {
      st = await stat(path);
    } catch (e) {
      yield errorItem(fileOrigin(name, path, ctx), "read-error", errorMessage(e));
      continue;
    }
    yield* fromFile(path, { ...fileOrigin(name, path, ctx), mtimeMs: st.mtimeMs }, ctx);
  }
}

/** A walk's state: the real path of its root, and each real folder read, with the name it was read as. */
interface Walk {
  root: string;
  display: string;
  seen: Map<string, string>;
}

/**
 * A folder, depth-first, entries in code-point order at every level. Each real folder is read
 * once: a symbolic link to a folder inside the walk is skipped (the folder is read by its own
 * name, and a link back to a folder above it would loop), and a second link to the same folder
 * outside the walk is skipped too.
 */
async function* walk(root: string, ctx: Ctx): AsyncGenerator<InputItem> {
  const display = trimSlashes(root);
  let real: string;
  try {
    real = await realpath(root);
  } catch (e) {
    yield errorItem(fileOrigin(display, root, ctx), "read-error", errorMessage(e));
    return;
  }
  const w: Walk = { root: real, display, seen: new Map([[real, display]]) };
  const top = resolve(ctx.cwd, root);
  yield* tracked(walkDir(root, display, real, w, ctx), top.endsWith(sep) ? top : top + sep, ctx);
}

/** Whether real path `p` is `folder` or lies inside it. */
function within(folder: string, p: string): boolean {
  return p === folder || p.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}

async function* walkDir(dir: string, display: string, dirReal: string, w: Walk, ctx: Ctx): AsyncGenerator<InputItem> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (e) {
    yield errorItem(fileOrigin(display, dir, ctx), "read-error", errorMessage(e));
    return;
  }
  names.sort(byCodePoint);
  for (const n of names) {
    if (n.startsWith(".")) continue;
    const path = join(dir, n);
    const name = under(display, n);
    if (ctx.skip(resolve(ctx.cwd, path))) continue;
    let st: Stats;
    try {
      st = await stat(path); // follows symlinks
    } catch (e) {
      yield errorItem(fileOrigin(name, path, ctx), "read-error", errorMessage(e));
      continue;
    }
    if (st.isDirectory()) {
      let real: string;
      try {
        real = await realpath(path);
      } catch (e) {
        yield errorItem(fileOrigin(name, path, ctx), "read-error", errorMessage(e));
        continue;
      }
      const shown = (r: string) => {
        const rel = relative(w.root, r).split(sep).join("/");
        return rel === "" ? w.display : `${w.display}/${rel}`;
      };
      if (within(real, dirReal)) {
        ctx.warn(`${name}: a link back to ${shown(real)}, which holds it (a loop); skipped`);
        continue;
      }
      if (real !== join(dirReal, n) && within(w.root, real)) {
        ctx.warn(`${name}: a link to ${shown(real)}, which is read under its own name; skipped`);
        continue;
      }
      const before = w.seen.get(real);
      if (before !== undefined) {
        ctx.warn(`${name}: a link to the folder already read as ${before}; skipped`);
        continue;
      }
      if (ctx.skip(real)) continue;
      w.seen.set(real, name);
      yield* walkDir(path, name, real, w, ctx);
    } else if (st.isFile()) {
      if (!archiveKind(n) && !extOk(n, ctx.ext)) {
        ctx.stats.skippedByExt++;
        continue;
      }
      yield* fromFile(path, { ...fileOrigin(name, path, ctx), mtimeMs: st.mtimeMs }, ctx);
    } else {
      ctx.warn(`${name}: not a regular file; skipped`);
    }
  }
}

/** One file: an archive's entries, a dump's records, or the file's bytes. */
async function* fromFile(path: string, origin: Origin, ctx: Ctx, once = false): AsyncGenerator<InputItem> {
  const kind = archiveKind(origin.name);
  if (kind) {
    const { readArchive } = await import("./archives.js");
    const stats = ctx.stats;
    yield* tracked(
      readArchive(path, origin, kind, {
        ext: ctx.ext,
        onEntry: (eo, bytes) => fromBytes(eo, bytes, ctx),
        onSkip: () => stats.skippedByExt++,
      }),
      `${origin.key}:`,
      ctx,
    );
    return;
  }
  if (ctx.from === "jsonl") {
    yield* tracked((await records()).jsonlRecords(createReadStream(path), origin, ctx), `${origin.key}#`, ctx);
    return;
  }
  if (ctx.from === "csv") {
    yield* tracked((await records()).csvRecords(createReadStream(path), origin, ctx), `${origin.key}#`, ctx);
    return;
  }
  if (ctx.streamFrom !== undefined) {
    try {
      const st = once ? statSync(path) : await stat(path);
      // Not bound by the size cap: a streamed file is never held whole (the batch applies the cap
      // to one story, or to the whole file when it must be read whole after all).
      if (st.isFile() && st.size >= ctx.streamFrom) {
        yield { ...bytesItem(origin, new Uint8Array(0)), bytes: undefined, file: { path, size: st.size } };
        return;
      }
    } catch {
      // Read below, which reports the error.
    }
  }
  let got: Bounded;
  try {
    got = await readBounded(path, ctx.maxSize, once);
  } catch (e) {
    yield errorItem(origin, "read-error", errorMessage(e));
    return;
  }
  yield boundedItem(origin, got, ctx);
}

function boundedItem(origin: Origin, got: Bounded, ctx: Ctx): InputItem {
  if ("tooLarge" in got) return errorItem(origin, "too-large", tooLargeMessage(got.tooLarge, ctx.maxSize));
  return bytesItem(origin, got.bytes);
}

/** An archive entry's bytes: one input, or with jsonl/csv the records they hold. */
async function* fromBytes(origin: Origin, bytes: Buffer, ctx: Ctx): AsyncGenerator<InputItem> {
  if (ctx.from === "jsonl")
    yield* (await records()).jsonlRecords(Readable.from([bytes], { objectMode: false }), origin, ctx);
  else if (ctx.from === "csv") yield* (await records()).csvRecords(buffers([bytes]), origin, ctx);
  else if (bytes.length > ctx.maxSize)
    yield errorItem(origin, "too-large", tooLargeMessage(bytes.length, ctx.maxSize, "entry"));
  else yield bytesItem(origin, bytes);
}
