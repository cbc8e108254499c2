/**
 * Small helpers of the input side: names, relative paths, the extension filter, order, and
 * one-line messages for file-system errors.
 */
import { statSync } from "node:fs";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import * as zlib from "node:zlib";
import type { InputItem } from "./item.js";

/** Where an item comes from: the fields every item of one file/entry/stream shares. */
export interface Origin {
  name: string;
  relPath: string;
  /** The input's identity in the output folder's manifest (see InputItem.key). */
  key: string;
  mtimeMs?: number;
  unsafe?: string;
}

export type ErrorCode = NonNullable<InputItem["error"]>["code"];

/** Entries larger than this are not read (an error item instead). */
export const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

/** Compares strings by Unicode code point (not UTF-16 code unit, which puts U+E000–U+FFFF after astral characters). */
export function byCodePoint(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fix(x) - fix(y);
  }
  return a.length - b.length;
}

function fix(u: number): number {
  if (u < 0xd800) return u;
  return u <= 0xdfff ? u + 0x2000 : u - 0x800;
}

/** Glob characters: an argument holding one of them (and not existing as a path) is a pattern. */
export function hasGlobChars(s: string): boolean {
  return /[*?[{]/.test(s);
}

/** Splits a pattern into the folder before its first segment with glob characters and the rest. */
export function splitGlob(pattern: string): { base: string; rest: string } {
  const segs = pattern.split("/");
  let i = 0;
  while (i < segs.length - 1 && !hasGlobChars(segs[i]!)) i++;
  const head = segs.slice(0, i);
  let base = head.join("/");
  if (base === "" && pattern.startsWith("/")) base = "/";
  return { base: base === "" ? "." : base, rest: segs.slice(i).join("/") };
}

/** The display name of `rel` under the display name of a folder. */
export function under(display: string, rel: string): string {
  if (display === "." || display === "") return rel;
  return display.endsWith("/") ? display + rel : `${display}/${rel}`;
}

/** An argument without its trailing slashes ("news/" -> "news", "/" stays "/"). */
export function trimSlashes(arg: string): string {
  const t = arg.replace(/\/+$/, "");
  return t === "" ? (arg.startsWith("/") ? "/" : ".") : t;
}

/** The last segment of a POSIX or native path. */
export function baseName(p: string): string {
  const t = p.replace(/[\\/]+$/, "");
  const k = Math.max(t.lastIndexOf("/"), t.lastIndexOf("\\"));
  return (k < 0 ? t : t.slice(k + 1)) || "_";
}

const ARCHIVE = /\.(zip|tar|tgz|tar\.gz)$/i;

export type ArchiveKind = "zip" | "tar" | "tgz";

export function archiveKind(name: string): ArchiveKind | null {
  const m = ARCHIVE.exec(name);
  if (!m) return null;
  const e = m[1]!.toLowerCase();
  return e === "zip" ? "zip" : e === "tar" ? "tar" : "tgz";
}

/** "dir/news.tar.gz" -> "dir/news". */
export function archiveStem(rel: string): string {
  const s = rel.replace(ARCHIVE, "");
  return s === "" || s.endsWith("/") ? rel : s;
}

/** "dir/dump.jsonl" -> "dir/dump": the last extension of the last segment goes. */
export function dumpStem(rel: string): string {
  const s = rel.replace(/\.[^./]*$/, "");
  return s === "" || s.endsWith("/") ? rel : s;
}

/**
 * The extensions read by default when walking folders and archives, by what the inputs hold:
 * plain-text story files as agencies, wire-service feeds and newsroom systems deliver them
 * (`.txt`, `.text`, `.story`, `.wire`, `.nws`/`.news`, ANPA 1312 `.anpa`/`.ans`, IPTC 7901
 * `.iptc`/`.7901`, `.asc`), or record dumps. Archives found in a folder are always opened.
 * `--ext` replaces the list (`--ext '*'` reads every file); a file named on the command line
 * is always read.
 */
export const DEFAULT_EXT: Record<"text" | "jsonl" | "csv", string[]> = {
  text: ["txt", "text", "story", "wire", "nws", "news", "anpa", "ans", "iptc", "7901", "asc"],
  jsonl: ["jsonl", "ndjson"],
  csv: ["csv"],
};

/** Normalises the `ext` option: no dots, lower case, no empties; `*` alone means every file (an empty list). */
export function normaliseExt(ext: string[]): string[] {
  const list = ext.map((e) => e.trim().replace(/^\.+/, "").toLowerCase()).filter((e) => e !== "");
  return list.includes("*") ? [] : list;
}

/** Whether a file name passes the extension filter (an empty filter passes everything). */
export function extOk(name: string, ext: string[]): boolean {
  if (ext.length === 0) return true;
  const b = baseName(name).toLowerCase();
  return ext.some((e) => b.endsWith("." + e));
}

/**
 * The output mapping: a path (as given, relative to `cwd` or absolute) -> the relative path an
 * output folder mirrors. A path under the current folder keeps its path from there
 * (`hi/001.txt` -> `hi/001.txt`); any other keeps its path from the deepest folder common to
 * every argument outside the current folder (`/data/hi/001.txt` and `/data/en/001.txt` ->
 * `hi/001.txt`, `en/001.txt`; a lone `/data/hi` -> `001.txt`).
 */
export function outputMapper(args: string[], cwd: string): (path: string) => string {
  const outside: string[] = [];
  for (const a of args) {
    if (a === "-") continue;
    const base = resolve(cwd, argFolder(a, cwd));
    if (!inside(cwd, base)) outside.push(base);
  }
  const common = outside.length ? outside.reduce(commonFolder) : null;
  return (p: string) => {
    const abs = resolve(cwd, p);
    let r = inside(cwd, abs)
      ? relative(cwd, abs)
      : common !== null && inside(common, abs)
        ? relative(common, abs)
        : abs;
    if (sep !== "/") r = r.split(sep).join("/");
    return sanitiseRel(r);
  };
}

/** The folder an argument's inputs are mapped from: a folder itself, a pattern's fixed folder, a file's folder. */
function argFolder(arg: string, cwd: string): string {
  try {
    return statSync(resolve(cwd, arg)).isDirectory() ? arg : dirname(arg);
  } catch {
    return hasGlobChars(arg) ? splitGlob(arg).base : dirname(arg);
  }
}

function inside(folder: string, p: string): boolean {
  const r = relative(folder, p);
  return r === "" || (!r.startsWith("..") && !isAbsolute(r));
}

function commonFolder(a: string, b: string): string {
  let c = a;
  while (!inside(c, b)) {
    const up = dirname(c);
    if (up === c) return c;
    c = up;
  }
  return c;
}

/** Why an archive entry's name is unsafe to write under an output folder, or undefined. */
export function unsafeReason(name: string): string | undefined {
  if (name.includes("\0")) return "entry name contains a NUL byte";
  const n = name.replace(/\\/g, "/");
  if (n.startsWith("/")) return "entry name is an absolute path";
  if (/^[A-Za-z]:/.test(n)) return "entry name has a drive letter";
  if (n.split("/").includes("..")) return 'entry name contains ".."';
  return undefined;
}

/** A relative POSIX path that stays where it is put: no root, drive, "..", ".", empty segments or NULs. */
export function sanitiseRel(p: string): string {
  const segs = p
    .replace(/\0/g, "")
    .replace(/\\/g, "/")
    .replace(/^[A-Za-z]:/, "")
    .split("/")
    .filter((s) => s !== "" && s !== "." && s !== "..");
  return segs.join("/") || "_";
}

/** Whether an archive entry is hidden: a segment of its path starts with "." (but is not "." or ".."). */
export function hiddenEntry(name: string): boolean {
  return name
    .replace(/\\/g, "/")
    .split("/")
    .some((s) => s.startsWith(".") && s !== "." && s !== "..");
}

/** A record id as one path segment: separators, controls and characters Windows refuses become "_". */
export function idSegment(id: string): string {
  // eslint-disable-next-line no-control-regex
  let s = id.replace(/[/\\\x00-\x1f<>:"|?*]/g, "_");
  if (/^\.+$/.test(s)) s = s.replace(/\./g, "_");
  return s === "" ? "_" : s;
}

/** A one-line message for an error, the common file-system ones in plain words. */
export function errorMessage(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    case "ENOTDIR":
      return "not a directory";
    case "ELOOP":
      return "too many levels of symbolic links";
    case "EMFILE":
    case "ENFILE":
      return "too many open files";
    case "EIO":
      return "input/output error";
    case "ENAMETOOLONG":
      return "file name too long";
    case "ENOSPC":
      return "no space left on device";
    case "EDQUOT":
      return "disk quota exceeded";
    case "EROFS":
      return "read-only file system";
    case "EEXIST":
      return "a file of that name exists";
  }
  const m = e instanceof Error ? e.message : String(e);
  const line = (m.split(/\r?\n/)[0] ?? "").trim() || "unknown error";
  return line.charAt(0).toLowerCase() + line.slice(1);
}

export function errorItem(o: Origin, code: ErrorCode, message: string): InputItem {
  const item: InputItem = { name: o.name, relPath: o.relPath, key: o.key, error: { code, message } };
  if (o.unsafe) item.unsafe = o.unsafe;
  if (o.mtimeMs !== undefined) item.mtimeMs = o.mtimeMs;
  return item;
}

export function bytesItem(o: Origin, bytes: Uint8Array): InputItem {
  const item: InputItem = { name: o.name, relPath: o.relPath, key: o.key, bytes };
  if (o.unsafe) item.unsafe = o.unsafe;
  if (o.mtimeMs !== undefined) item.mtimeMs = o.mtimeMs;
  return item;
}

export function textItem(o: Origin, text: string): InputItem {
  const item: InputItem = { name: o.name, relPath: o.relPath, key: o.key, text };
  if (o.unsafe) item.unsafe = o.unsafe;
  if (o.mtimeMs !== undefined) item.mtimeMs = o.mtimeMs;
  return item;
}

/** Standard CRC-32 (zlib.crc32 where Node has it, from 20.15). */
let table: Uint32Array | null = null;
export function crc32(buf: Uint8Array): number {
  const native = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
  if (typeof native === "function") return native(buf) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = table[(c ^ buf[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * The values of an async iterator until it ends or fails. A failure ends the loop instead of
 * throwing and is left in `state.error`, so a reader can yield what came before it and then
 * report it. The iterator is not closed here: its owner does that.
 */
export async function* untilError<T>(it: AsyncIterator<T>, state: { error?: unknown }): AsyncGenerator<T> {
  for (;;) {
    let r: IteratorResult<T>;
    try {
      r = await it.next();
    } catch (e) {
      state.error = e;
      return;
    }
    if (r.done) return;
    yield r.value;
  }
}
