/**
 * Reading one input with a bound: a file, a device, a FIFO or standard input is read up to
 * `--max-input-size` bytes and no further, and binary is decided from the first block, so
 * `/dev/zero`, a 1.5 GB video or an endless pipe cost one block, not all memory.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import { looksBinary } from "../text/decode.js";

/** 16 MiB: parsing takes up to ~150 times the input in memory, well under V8's default heap. */
export const DEFAULT_MAX_INPUT = 16 * 1024 * 1024;

/** Binary or text is decided on this many bytes (decode looks at the first 8 KiB of them). */
const FIRST_BLOCK = 64 * 1024;
const CHUNK = 1024 * 1024;

export type Bounded =
  /** The whole input; or, when its first block is binary, only that block (decode reports it). */
  | { bytes: Buffer }
  /** Larger than the bound: `size` when known (a regular file), else null. */
  | { tooLarge: number | null };

/** `12 MiB`, `512 KiB`, `900 bytes`. */
export function sizeText(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1048576).toFixed(1)} MiB`;
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KiB`;
  return `${n} bytes`;
}

/** The message of an input over the bound. */
export function tooLargeMessage(size: number | null, max: number, what = "input"): string {
  const got = size === null ? `more than ${sizeText(max)}` : sizeText(size);
  return `${what} is ${got}, over the ${sizeText(max)} limit; raise it with --max-input-size (parsing needs about 150 times the size in memory), or split the input`;
}

/** A byte-order mark of UTF-16 or UTF-32: NUL bytes are expected there, not a sign of binary. */
function wideBom(b: Uint8Array): boolean {
  return (
    b.length >= 2 &&
    ((b[0] === 0xff && b[1] === 0xfe) ||
      (b[0] === 0xfe && b[1] === 0xff) ||
      (b[0] === 0 && b[1] === 0 && b[2] === 0xfe))
  );
}

/** True when the input's first block says binary (so nothing more needs reading). */
export function binaryStart(first: Uint8Array): boolean {
  if (wideBom(first)) return false;
  const body =
    first.length >= 3 && first[0] === 0xef && first[1] === 0xbb && first[2] === 0xbf ? first.subarray(3) : first;
  return looksBinary(body);
}

/** Collects chunks up to `max` bytes, deciding binary from the first block. */
export async function collectBounded(chunks: AsyncIterable<Uint8Array>, max: number): Promise<Bounded> {
  const parts: Buffer[] = [];
  let size = 0;
  let checked = false;
  for await (const c of chunks) {
    const b = Buffer.isBuffer(c) ? c : Buffer.from(c.buffer, c.byteOffset, c.byteLength);
    parts.push(b);
    size += b.length;
    if (!checked && size >= FIRST_BLOCK) {
      checked = true;
      const first = Buffer.concat(parts).subarray(0, FIRST_BLOCK);
      if (binaryStart(first)) return { bytes: Buffer.from(first) };
    }
    if (size > max) return { tooLarge: null };
  }
  return { bytes: exact(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)) };
}

/**
 * The bytes in a memory block of their own size. A small file is read into a 64 KB block (and
 * `Buffer.concat` may share a pool): held as it is, every 3 KB story of a folder kept 64 KB
 * alive until a collection, and a worker was sent a copy of the whole block (a typed array
 * posts its whole buffer). A folder of 4,000 stories peaked at 280 MB of buffers.
 */
function exact(b: Buffer): Buffer {
  if (b.byteOffset === 0 && b.buffer.byteLength === b.length) return b;
  const own = Buffer.alloc(b.length);
  b.copy(own);
  return own;
}

/**
 * A regular file of at most `SMALL` bytes read at once, synchronously: for a run's only input
 * (`once` above), where loading the promise-based file API and starting libuv's thread pool cost
 * more start-up time than reading the file takes; a batch keeps reading its files concurrently.
 * Null for anything else (a bigger file, a device, a FIFO), read as a stream.
 */
function readSmallFile(path: string, max: number): Bounded | null {
  let fd: number;
  let size: number;
  try {
    // Never opened unless a regular file: opening a FIFO waits for its writer, and a signal could
    // not stop a run blocked there.
    const st = statSync(path);
    if (!st.isFile() || st.size > SMALL || st.size > max) return null;
    size = st.size;
    fd = openSync(path, "r");
  } catch {
    return null; // the streamed read reports it
  }
  try {
    const buf = Buffer.allocUnsafe(size + 1);
    let used = 0;
    while (used < buf.length) {
      const n = readSync(fd, buf, used, buf.length - used, null);
      if (n === 0) break;
      used += n;
    }
    // Grown while it was read: read it as a stream.
    if (used > size) return null;
    // As `collectBounded` decides: binary from the first block, when there is a whole one.
    if (used >= FIRST_BLOCK && binaryStart(buf.subarray(0, FIRST_BLOCK)))
      return { bytes: Buffer.from(buf.subarray(0, FIRST_BLOCK)) };
    return { bytes: exact(buf.subarray(0, used)) };
  } finally {
    closeSync(fd);
  }
}
const SMALL = 256 * 1024;

/**
 * A file, device or FIFO by path, read with the bound (a regular file over it is not read at all);
 * `once`: the run's only input, a small regular file of which is read synchronously.
 */
export async function readBounded(path: string, max: number, once = false): Promise<Bounded> {
  const small = once ? readSmallFile(path, max) : null;
  if (small) return small;
  const fh = await open(path, "r");
  try {
    const st = await fh.stat();
    if (st.isFile() && st.size > max) return { tooLarge: st.size };
    return await collectBounded(readChunks(fh, st.isFile() ? st.size : null), max);
  } finally {
    await fh.close();
  }
}

/**
 * A file's bytes in blocks, each filled before it is given: the first of `FIRST_BLOCK` (or the
 * file's size and one byte, when it is a smaller regular file), then of `CHUNK`. The end of the
 * input is probed in the room left in the block, so a small file costs one small block where it
 * used to cost 64 KB and an empty megabyte.
 */
async function* readChunks(fh: Awaited<ReturnType<typeof open>>, size: number | null): AsyncGenerator<Buffer> {
  let buf = Buffer.allocUnsafe(size === null ? FIRST_BLOCK : Math.min(FIRST_BLOCK, size + 1));
  let used = 0;
  for (;;) {
    const { bytesRead } = await fh.read(buf, used, buf.length - used, null);
    if (bytesRead === 0) {
      if (used) yield buf.subarray(0, used);
      return;
    }
    used += bytesRead;
    if (used === buf.length) {
      yield buf;
      buf = Buffer.allocUnsafe(CHUNK);
      used = 0;
    }
  }
}

export type BoundedLine = string | { tooLong: number } | { binary: true };

/**
 * The lines of a stream (LF or CRLF), each at most `max` bytes: a longer line is skipped as it
 * streams by and given as `{ tooLong: bytes }`, never held whole. A stream whose first block
 * looks binary gives `{ binary: true }` and nothing more (`/dev/zero` has no line end).
 */
export async function* boundedLines(
  chunks: AsyncIterable<Uint8Array | string>,
  max: number,
): AsyncGenerator<BoundedLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let skipped = -1;
  let first = true;
  for await (const c0 of chunks) {
    const c =
      typeof c0 === "string"
        ? Buffer.from(c0, "utf8")
        : Buffer.isBuffer(c0)
          ? c0
          : Buffer.from(c0.buffer, c0.byteOffset, c0.byteLength);
    if (first && c.length) {
      first = false;
      if (binaryStart(c.subarray(0, FIRST_BLOCK))) {
        yield { binary: true };
        return;
      }
    }
    let i = 0;
    while (i < c.length) {
      const nl = c.indexOf(10, i);
      const end = nl < 0 ? c.length : nl;
      if (skipped >= 0) skipped += end - i;
      else if (size + (end - i) > max) {
        skipped = size + (end - i);
        parts = [];
        size = 0;
      } else if (end > i) {
        parts.push(c.subarray(i, end));
        size += end - i;
      }
      if (nl < 0) break;
      if (skipped >= 0) yield { tooLong: skipped };
      else yield lineText(parts, size);
      skipped = -1;
      parts = [];
      size = 0;
      i = nl + 1;
    }
  }
  if (skipped >= 0) yield { tooLong: skipped };
  else if (size > 0) yield lineText(parts, size);
}

function lineText(parts: Buffer[], size: number): string {
  const s = (parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)).toString("utf8");
  return s.endsWith("\r") ? s.slice(0, -1) : s;
}
