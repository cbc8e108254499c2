/**
 * Where results go. Every file is written whole or not at all: to a temporary name in the
 * same folder, then renamed over the target. An interrupted run removes its temporary files.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import type { Format } from "../render/index.js";
import { UserError, plainError } from "../errors.js";

const live = new Set<string>();
let counter = 0;

function tempName(target: string): string {
  return join(dirname(target), `.${target.slice(dirname(target).length + 1)}.${process.pid}.${++counter}.tmp`);
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
export function writeWhole(target: string, content: string): void {
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempName(target);
  live.add(tmp);
  try {
    const fd = openSync(tmp, "w");
    try {
      writeSync(fd, content);
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
      // mkdir over a file says EEXIST: the path runs through a file.
      const why = (e as NodeJS.ErrnoException).code === "EEXIST" && (e as NodeJS.ErrnoException).syscall === "mkdir" ? plainError({ code: "ENOTDIR" }) : plainError(e);
      throw new UserError(`cannot write ${target}: ${why}`);
    }
    live.add(this.tmp);
  }

  write(s: string): void {
    writeSync(this.fd, s);
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

const EXT: Record<Format, string> = { json: ".json", ndjson: ".ndjson", yaml: ".yaml", ninjs: ".ninjs.json", pretty: ".txt", html: ".html", tsv: ".tsv", csv: ".csv" };

/**
 * `-o DIR`: one file per story, mirroring the inputs' relative paths: `a/b.txt` -> `DIR/a/b.json`,
 * its second story `DIR/a/b.2.json`. A path that would leave DIR is refused.
 */
export class DirOutput {
  readonly root: string;

  constructor(dir: string, private readonly format: Format) {
    this.root = resolve(dir);
    mkdirSync(this.root, { recursive: true });
  }

  /** The file for story `index` of the input at `relPath`, or null when it would leave DIR. */
  target(relPath: string, index: number): string | null {
    if (!relPath || isAbsolute(relPath) || /(^|[\\/])\.\.([\\/]|$)/u.test(relPath) || /^[A-Za-z]:/u.test(relPath) || relPath.includes("\0")) return null;
    const stem = relPath.replace(/\.(txt|text|story|json|jsonl|csv|html?|xml)$/iu, "");
    const file = resolve(this.root, `${stem}${index > 1 ? `.${index}` : ""}${EXT[this.format]}`);
    const rel = relative(this.root, file);
    if (rel.startsWith("..") || isAbsolute(rel) || rel.split(sep).includes("..")) return null;
    return file;
  }

  /** Whether the first story's file is newer than the input: a rerun skips that input. */
  upToDate(relPath: string, inputMtimeMs: number | undefined): boolean {
    const t = this.target(relPath, 1);
    if (!t || inputMtimeMs === undefined) return false;
    try {
      return statSync(t).mtimeMs >= inputMtimeMs;
    } catch {
      return false;
    }
  }

  write(target: string, content: string): void {
    writeWhole(target, content);
  }
}
