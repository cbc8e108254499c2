/**
 * Where results go. Every file is written whole or not at all: to a temporary name in the
 * same folder, then renamed over the target. An interrupted run removes its temporary files.
 */
import { createHash } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Stats } from "node:fs";
import type { Format } from "../render/index.js";
import { UserError, plainError } from "../errors.js";
import { errorMessage } from "../inputs/paths.js";
import { fold, Manifest, MANIFEST, type Done } from "./manifest.js";
import { piecesOf, type Rendered } from "../render/pieces.js";

const live = new Set<string>();
let counter = 0;

/** A hidden temporary name beside the target, short whatever the target's length. */
function tempName(target: string): string {
  return join(dirname(target), `.wire-${process.pid}-${++counter}.tmp`);
}

/**
 * Removes the temporary files a killed run left in a folder (`.wire-PID-N.tmp` of a process
 * that is gone), so that a rerun leaves no stray file.
 */
export function removeStaleTemporaries(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^\.wire-(\d+)-\d+\.tmp$|^\.wire-manifest\.jsonl\.(\d+)\.tmp$/u.exec(n);
    if (!m) continue;
    const pid = Number(m[1] ?? m[2]);
    if (pid === process.pid || alive(pid)) continue;
    rmSync(join(dir, n), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as { code?: string }).code === "EPERM";
  }
}

/** Removes the temporary files of writes still under way (on Ctrl-C). */
export function removeTemporaries(): void {
  for (const t of live) rmSync(t, { force: true });
  live.clear();
}

/**
 * Writes `content` to `target` atomically: a temporary file in the same folder, renamed over
 * the target once complete, so an interrupted run never leaves a half-written file. (No fsync
 * per file: on archives of 100,000 stories it would dominate the run.)
 */
export function writeWhole(target: string, content: Rendered): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempName(target);
  live.add(tmp);
  try {
    const fd = openSync(tmp, "w");
    try {
      for (const piece of piecesOf(content)) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, target);
  } finally {
    live.delete(tmp);
    rmSync(tmp, { force: true });
  }
}

/** `-o FILE`: every record into one file, appearing only when the run completes. */
export class FileOutput {
  private readonly tmp: string;
  private readonly fd: number;

  constructor(private readonly target: string) {
    this.tmp = tempName(resolve(target));
    try {
      mkdirSync(dirname(resolve(target)), { recursive: true });
      this.fd = openSync(this.tmp, "w");
    } catch (e) {
      const file = fileOnPath(dirname(resolve(target)));
      if (file !== null) throw new UserError(`cannot write ${target}: ${shownPath(file)} is a file, not a folder`);
      throw new UserError(`cannot write ${target}: ${plainError(e)}${hint(e)}`);
    }
    live.add(this.tmp);
  }

  write(s: Rendered): void {
    for (const piece of piecesOf(s)) writeSync(this.fd, piece);
  }

  /** Publishes the file. */
  commit(): void {
    fsyncSync(this.fd);
    closeSync(this.fd);
    renameSync(this.tmp, this.target);
    live.delete(this.tmp);
  }

  /** Drops the partial file. */
  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      /* already closed */
    }
    rmSync(this.tmp, { force: true });
    live.delete(this.tmp);
  }
}

/** The extension of each format's files in an output folder; none is one that inputs are read from. */
export const EXT: Record<Format, string> = {
  json: ".json",
  ndjson: ".ndjson",
  yaml: ".yaml",
  ninjs: ".ninjs.json",
  pretty: ".pretty",
  html: ".html",
  tsv: ".tsv",
  csv: ".csv",
  trace: ".trace",
};

/** Input extensions left out of output names: `a/b.txt` -> `a/b.json`. */
const INPUT_EXT = /\.(txt|text|story|wire|nws|news|anpa|ans|iptc|7901|asc|json|jsonl|ndjson|csv|html?|xml)$/iu;

/** The longest name segment kept as it is, in UTF-8 bytes (file systems allow 255; suffixes need room). */
const MAX_SEGMENT = 200;

/** A segment too long for the file system: its start, cut at a character, then 8 hex digits of its hash. */
export function shortenSegment(seg: string): string {
  if (Buffer.byteLength(seg) <= MAX_SEGMENT) return seg;
  const hash = createHash("sha256").update(seg).digest("hex").slice(0, 8);
  let out = "";
  let bytes = 0;
  for (const ch of seg) {
    const b = Buffer.byteLength(ch);
    if (bytes + b > MAX_SEGMENT - 9) break;
    out += ch;
    bytes += b;
  }
  return `${out}-${hash}`;
}

/**
 * Names Windows reserves for devices, whatever the extension and the case: `CON`, `PRN`, `AUX`,
 * `NUL`, `COM1`-`COM9`, `LPT1`-`LPT9` (and the superscript digits ¹²³). Trailing spaces and
 * dots before the extension do not help (`con .txt` is `CON` too).
 */
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])[ .]*$/iu;

/**
 * A segment that is safe on every system: a device name gets `_` after it (`CON.json` ->
 * `CON_.json`, `aux` -> `aux_`), so outputs copied to Windows open there, and a run gives the
 * same names on every system.
 */
export function portableSegment(seg: string): string {
  const dot = seg.indexOf(".");
  const base = dot < 0 ? seg : seg.slice(0, dot);
  return RESERVED.test(base) ? `${base.replace(/[ .]+$/u, "")}_${dot < 0 ? "" : seg.slice(dot)}` : seg;
}

/** The stem of an input's output names: its relative path without an input extension, long segments shortened. */
export function outputStem(relPath: string): string {
  return relPath
    .replace(INPUT_EXT, "")
    .split("/")
    .map((seg) => shortenSegment(portableSegment(seg)))
    .join("/");
}

/**
 * The name of story `k` of an input, `n`-th choice: `a/b.json`, `a/b.2.json` (second story),
 * `a/b~2.json` (the name was taken), `a/b~2.2.json`.
 */
export function outputName(stem: string, n: number, k: number, ext: string): string {
  return `${stem}${n > 1 ? `~${n}` : ""}${k > 1 ? `.${k}` : ""}${ext}`;
}

export interface DirOptions {
  /** -o as the user wrote it, to name files in messages. */
  display: string;
  format: Format;
  /** Files that are inputs of the run (absolute): never written. */
  inputs: Set<string>;
}

export type StoryWrite = { file: string } | { error: string; code: "write-error" | "unsafe-path" };

/**
 * `-o DIR`: one file per story, mirroring the inputs' relative paths: `a/b.txt` -> `DIR/a/b.json`,
 * its second story `DIR/a/b.2.json`. No two stories of a run share a file: a name already taken
 * (by an earlier story of the run, by another input's file in the manifest, by a file wire did
 * not write, or by an input) gets `~2`, `~3` ... after the stem. Writes never leave DIR: every
 * folder created or entered is checked with its real path.
 */
export class DirOutput {
  readonly root: string;
  private readonly real: string;
  readonly manifest: Manifest;
  readonly ext: string;
  private readonly claimed = new Set<string>();
  private readonly safeDirs = new Set<string>();
  private readonly occurrences = new Map<string, number>();
  /** Stories written under a later choice because a file wire did not write held the name. */
  renamedAroundForeign = 0;
  removed = 0;

  private readonly lock: string;

  constructor(
    dir: string,
    private readonly o: DirOptions,
  ) {
    this.root = resolve(dir);
    try {
      mkdirSync(this.root, { recursive: true });
    } catch (e) {
      const file = fileOnPath(this.root);
      if (file !== null)
        throw new UserError(
          `cannot write ${o.display}: ${shownPath(file)} is a file, not a folder; name a folder for -o DIR/, or leave out the final / to write every record to one file`,
        );
      throw new UserError(`cannot write ${o.display}: ${plainError(e)}${hint(e)}`);
    }
    this.real = realpathSync(this.root);
    this.safeDirs.add("");
    this.lock = join(this.root, LOCK);
    takeLock(this.lock, o.display);
    removeStaleTemporaries(this.root);
    this.manifest = new Manifest(this.root);
    this.ext = EXT[o.format];
  }

  /** The key of an input in this run: its key, or `key*2` for the second input of the run with that key. */
  runKey(key: string): string {
    const n = (this.occurrences.get(key) ?? 0) + 1;
    this.occurrences.set(key, n);
    return n === 1 ? key : `${key}*${n}`;
  }

  /** Whether a folder or file (absolute path) is one the run must not read: DIR itself when walked into, or a file of the manifest. */
  isOutput(abs: string, walkRoots: string[]): boolean {
    if ((abs === this.root || abs === this.real) && !walkRoots.includes(abs)) return true;
    const r = relative(this.root, abs);
    if (r === "" || r.startsWith("..") || isAbsolute(r)) return false;
    const rel = r.split(sep).join("/");
    return rel === MANIFEST || this.claimed.has(fold(rel)) || this.manifest.owner(rel) !== undefined;
  }

  /** The input's files when a rerun can skip it: complete, same content and options, every file there and not taken. */
  upToDate(key: string, hash: string, opts: string): string[] | null {
    const d = this.manifest.complete(key);
    if (!d || d.hash !== hash || d.opts !== opts) return null;
    for (const f of d.files) {
      if (this.claimed.has(fold(f))) return null;
      try {
        if (!lstatSync(join(this.root, f)).isFile()) return null;
      } catch {
        return null;
      }
    }
    for (const f of d.files) this.claimed.add(fold(f));
    return d.files;
  }

  /** Starts writing the stories of one input. */
  open(key: string, relPath: string, hash: string, opts: string): InputWriter {
    return new InputWriter(this, key, outputStem(relPath), hash, opts);
  }

  /** `out/a/b.json` for messages. */
  show(rel: string): string {
    const d = this.o.display;
    return d === "." || d === "./" ? rel : d.endsWith("/") ? d + rel : `${d}/${rel}`;
  }

  /** Whether story file `rel` is free for input `key`; "foreign" when a file (or folder) wire did not write holds the name. */
  free(key: string, rel: string): true | "taken" | "foreign" {
    if (this.claimed.has(fold(rel))) return "taken";
    if (this.o.inputs.has(join(this.root, rel))) return "taken";
    const owner = this.manifest.owner(rel);
    if (owner !== undefined) return owner === key ? true : "taken";
    try {
      lstatSync(join(this.root, rel));
      return "foreign";
    } catch {
      return true;
    }
  }

  claim(rel: string): void {
    this.claimed.add(fold(rel));
  }

  /**
   * Makes the folders of `rel`, checking each one's real path: a symbolic link that leads out
   * of DIR is refused. The answer is an error message, or null when the folder is ready.
   */
  prepare(rel: string): { error: string; code: "write-error" | "unsafe-path" } | null {
    const segs = rel.split("/").slice(0, -1);
    let cur = "";
    for (const seg of segs) {
      cur = cur ? `${cur}/${seg}` : seg;
      if (this.safeDirs.has(cur)) continue;
      const abs = join(this.root, cur);
      try {
        let st: Stats;
        try {
          st = lstatSync(abs);
        } catch {
          mkdirSync(abs);
          st = lstatSync(abs);
        }
        if (st.isSymbolicLink()) {
          const to = realpathSync(abs);
          const r = relative(this.real, to);
          if (r.startsWith("..") || isAbsolute(r))
            return {
              error: `${this.show(cur)} is a symbolic link that leads out of the output folder; not written`,
              code: "unsafe-path",
            };
          st = lstatSync(to);
        }
        if (!st.isDirectory())
          return {
            error: `cannot write ${this.show(rel)}: ${this.show(cur)} is a file, not a folder`,
            code: "write-error",
          };
        removeStaleTemporaries(abs);
      } catch (e) {
        return { error: `cannot write ${this.show(rel)}: ${errorMessage(e)}`, code: "write-error" };
      }
      this.safeDirs.add(cur);
      this.claimed.add(fold(cur));
    }
    return null;
  }

  /** Removes a file of an earlier run that no longer holds a story. */
  remove(rel: string): void {
    if (this.claimed.has(fold(rel))) return;
    try {
      if (lstatSync(join(this.root, rel)).isFile()) {
        rmSync(join(this.root, rel));
        this.removed++;
      }
    } catch {
      /* already gone */
    }
  }

  /** At the end of a complete run: inputs under a folder, archive or dump read whole that were not seen are gone; so are their files. */
  sweep(seen: Set<string>, prefixes: string[]): void {
    if (!prefixes.length) return;
    for (const key of this.manifest.keys()) {
      if (seen.has(key) || !prefixes.some((p) => key.startsWith(p))) continue;
      for (const f of this.manifest.owned(key)) if (this.manifest.owner(f) === key) this.remove(f);
      this.manifest.drop(key);
    }
  }

  close(): void {
    this.manifest.close();
    rmSync(this.lock, { force: true });
  }
}

/** The first part of an absolute path that exists and is not a folder, or null. */
function fileOnPath(abs: string): string | null {
  const parts: string[] = [];
  for (let p = abs; ; p = dirname(p)) {
    parts.unshift(p);
    if (dirname(p) === p) break;
  }
  for (const p of parts) {
    try {
      if (!statSync(p).isDirectory()) return p;
    } catch {
      return null;
    }
  }
  return null;
}

/** An absolute path as the user would write it: relative to the current folder when inside it. */
function shownPath(abs: string): string {
  const r = relative(process.cwd(), abs);
  return r === "" ? "." : r.startsWith("..") || isAbsolute(r) ? abs : r;
}

/** What to do about an output folder the system refuses. */
function hint(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === "EACCES" || code === "EPERM" || code === "EROFS" ? "; choose a folder you can write to with -o" : "";
}

/** The file that keeps two runs from writing into one output folder at once. */
const LOCK = ".wire-lock";

/** Takes the folder's lock, or says which run holds it; a lock left by a process that is gone is taken over. */
function takeLock(path: string, display: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST")
        throw new UserError(`cannot write ${display}: ${plainError(e)}${hint(e)}`);
    }
    let pid = Number.NaN;
    try {
      pid = Number(readFileSync(path, "utf8").trim());
    } catch {
      /* removed meanwhile */
    }
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid))
      throw new UserError(
        `cannot write ${display}: another wire run (process ${pid}) is writing there; wait for it, or remove ${join(display, LOCK)} if it is gone`,
      );
    rmSync(path, { force: true });
  }
  throw new UserError(`cannot write ${display}: its lock ${LOCK} cannot be taken`);
}

/** The stories of one input, written one at a time, then `finish()`. */
export class InputWriter {
  private k = 0;
  private first = 1;
  private readonly files: string[] = [];
  private failed = false;

  constructor(
    private readonly dir: DirOutput,
    readonly key: string,
    private readonly stem: string,
    private readonly hash: string,
    private readonly opts: string,
  ) {}

  /** Writes the next story: its file, or why it could not be written. */
  write(content: Rendered): StoryWrite {
    const k = ++this.k;
    let n = k === 1 ? 1 : this.first;
    let rel = outputName(this.stem, n, k, this.dir.ext);
    let foreign = false;
    for (let f = this.dir.free(this.key, rel); f !== true; f = this.dir.free(this.key, rel)) {
      if (f === "foreign") foreign = true;
      rel = outputName(this.stem, ++n, k, this.dir.ext);
    }
    if (foreign) this.dir.renamedAroundForeign++;
    if (k === 1) this.first = n;
    this.dir.claim(rel);
    const bad = this.dir.prepare(rel);
    if (bad) {
      this.failed = true;
      return bad;
    }
    try {
      this.dir.manifest.put(this.key, rel);
      writeWhole(join(this.dir.root, rel), content);
    } catch (e) {
      this.failed = true;
      return { error: `cannot write ${this.dir.show(rel)}: ${errorMessage(e)}`, code: "write-error" };
    }
    this.files.push(rel);
    return { file: rel };
  }

  /** Marks a story that was not written (an unsafe name): the input stays incomplete. */
  fail(): void {
    this.failed = true;
  }

  /**
   * Ends the input. When every story was written and `ok`, files of an earlier run of this input
   * that no longer hold a story are removed and the input's record is written, last.
   */
  finish(ok: boolean): void {
    if (this.failed || !ok) return;
    const keep = new Set(this.files.map(fold));
    for (const f of this.dir.manifest.owned(this.key))
      if (!keep.has(fold(f)) && this.dir.manifest.owner(f) === this.key) this.dir.remove(f);
    const done: Done = { hash: this.hash, opts: this.opts, files: this.files };
    this.dir.manifest.done(this.key, done);
  }
}
