/**
 * Archives: .zip (yauzl, through a block cache) and .tar, .tar.gz, .tgz (tar-stream). Entries are read one at a time
 * into memory and handed out; nothing is extracted to disk and the archive is never held whole.
 */
import { createReadStream } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { Readable } from "node:stream";
import * as zlib from "node:zlib";
import tar, { type Extract } from "tar-stream";
import yauzl from "yauzl";
import type { InputItem } from "./item.js";
import {
  archiveKind,
  archiveStem,
  crc32,
  errorItem,
  errorMessage,
  extOk,
  hiddenEntry,
  MAX_ENTRY_BYTES,
  sanitiseRel,
  unsafeReason,
  untilError,
  type ArchiveKind,
  type Origin,
} from "./paths.js";

/** What to do with an entry's bytes (turn them into items: one text input, or records). */
export type EntryHandler = (entry: Origin, bytes: Buffer) => AsyncGenerator<InputItem>;

export interface ArchiveOptions {
  ext: string[];
  onEntry: EntryHandler;
  /** Called for each file entry the extension filter leaves out. */
  onSkip?: () => void;
}

type TarEntry = Extract extends AsyncIterable<infer S> ? S : never;

const NESTED = "an archive inside an archive is not read; extract it and name it on the command line";

const TOO_BIG = `entry is larger than ${MAX_ENTRY_BYTES / 1024 / 1024} MiB; not read`;

export function readArchive(
  path: string,
  archive: Origin,
  kind: ArchiveKind,
  o: ArchiveOptions,
): AsyncGenerator<InputItem> {
  return kind === "zip" ? readZip(path, archive, o) : readTar(path, archive, kind === "tgz", o);
}

/** Whether an entry is one to read: a file, not hidden, passing the extension filter. */
function wanted(name: string, o: ArchiveOptions): boolean {
  const n = name.replace(/\\/g, "/");
  if (n === "" || n.endsWith("/") || hiddenEntry(n)) return false;
  if (extOk(n, o.ext)) return true;
  o.onSkip?.();
  return false;
}

function entryOrigin(archive: Origin, name: string): Origin {
  const o: Origin = {
    name: `${archive.name}:${name.replace(/\0/g, "\\0")}`,
    relPath: `${archiveStem(archive.relPath)}/${sanitiseRel(name)}`,
    key: `${archive.key}:${name}`,
  };
  const unsafe = unsafeReason(name);
  if (unsafe) o.unsafe = unsafe;
  else if (archive.unsafe) o.unsafe = archive.unsafe;
  if (archive.mtimeMs !== undefined) o.mtimeMs = archive.mtimeMs;
  return o;
}

/** Reads a stream into one Buffer, failing past `limit` bytes. */
async function collect(stream: AsyncIterable<unknown>, limit: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    const chunk = c as Uint8Array;
    size += chunk.length;
    if (size > limit) throw new Error(TOO_BIG);
    parts.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  }
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts, size);
}

// ---------------------------------------------------------------------------------------------
// zip

/**
 * The zip file, read through a small cache of blocks. yauzl asks for a few dozen bytes at a time
 * (a central directory record, a local header) and opens a file stream and an inflate stream per
 * entry: with `yauzl.open`, every one of those was a read of its own on the thread pool, and a
 * zip of 100,000 short entries read ~5× slower than the same entries in a tar.gz. Here the
 * central directory and the entries are read in blocks (two cursors: the directory at the end,
 * the entries from the start), and an entry's bytes are read and inflated in one call.
 */
class BlockReader extends yauzl.RandomAccessReader {
  static readonly BLOCK = 64 * 1024;
  /** The last few blocks read, by index, the most recent last. */
  private readonly blocks = new Map<number, Promise<Buffer>>();

  constructor(
    private readonly fd: FileHandle,
    readonly size: number,
  ) {
    super();
  }

  private block(k: number): Promise<Buffer> {
    let b = this.blocks.get(k);
    if (b) {
      this.blocks.delete(k);
    } else {
      b = this.direct(k * BlockReader.BLOCK, Math.min(BlockReader.BLOCK, this.size - k * BlockReader.BLOCK));
      if (this.blocks.size >= 4) this.blocks.delete(this.blocks.keys().next().value!);
    }
    this.blocks.set(k, b);
    return b;
  }

  private async direct(position: number, length: number): Promise<Buffer> {
    const buf = Buffer.allocUnsafe(Math.max(0, length));
    let got = 0;
    while (got < length) {
      const { bytesRead } = await this.fd.read(buf, got, length - got, position + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return got === length ? buf : buf.subarray(0, got);
  }

  /** The bytes at [position, position + length), fewer at the end of the file. */
  async range(position: number, length: number): Promise<Buffer> {
    const end = Math.min(position + length, this.size);
    if (end <= position) return Buffer.alloc(0);
    if (end - position > BlockReader.BLOCK) return this.direct(position, end - position);
    const first = Math.floor(position / BlockReader.BLOCK);
    const last = Math.floor((end - 1) / BlockReader.BLOCK);
    const parts: Buffer[] = [];
    for (let k = first; k <= last; k++) {
      const b = await this.block(k);
      const from = k === first ? position - k * BlockReader.BLOCK : 0;
      const to = k === last ? end - k * BlockReader.BLOCK : b.length;
      parts.push(b.subarray(from, Math.min(to, b.length)));
    }
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null, bytesRead?: number) => void,
  ): void {
    this.range(position, length).then(
      (b) => callback(null, b.copy(buffer, offset)),
      (e: Error) => callback(e),
    );
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return Readable.from(
      (async function* (r: BlockReader) {
        for (let at = start; at < end; at += BlockReader.BLOCK)
          yield await r.range(at, Math.min(BlockReader.BLOCK, end - at));
      })(this),
      { objectMode: false },
    );
  }

  override close(callback: (err: Error | null) => void): void {
    this.blocks.clear();
    this.fd.close().then(
      () => callback(null),
      (e: Error) => callback(e),
    );
  }
}

async function openZip(path: string): Promise<{ zf: yauzl.ZipFile; reader: BlockReader }> {
  const fd = await open(path, "r");
  let reader: BlockReader;
  try {
    reader = new BlockReader(fd, (await fd.stat()).size);
  } catch (e) {
    await fd.close();
    throw e;
  }
  return new Promise((resolve, reject) => {
    yauzl.fromRandomAccessReader(
      reader,
      reader.size,
      { lazyEntries: true, autoClose: false, decodeStrings: false, validateEntrySizes: true },
      (err, zf) => {
        if (err || !zf) {
          void fd.close().catch(() => {});
          reject(err ?? new Error("cannot open"));
        } else resolve({ zf, reader });
      },
    );
  });
}

/** An entry's bytes: read whole and inflated in one call (small entries on this thread). */
async function entryBytes(zf: yauzl.ZipFile, reader: BlockReader, entry: yauzl.Entry): Promise<Buffer> {
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
    throw new Error(`unsupported compression method ${entry.compressionMethod}`);
  const { fileDataStart } = await zf.readLocalFileHeaderPromise(entry, { minimal: true });
  const raw = await reader.range(fileDataStart, entry.compressedSize);
  if (raw.length < entry.compressedSize) throw new Error("unexpected end of file");
  let bytes = raw;
  if (entry.compressionMethod === 8) {
    // No more than the header says: a lying header cannot make a bomb of a small entry.
    const opts = { maxOutputLength: Math.max(1, entry.uncompressedSize) };
    try {
      bytes =
        raw.length < 256 * 1024
          ? zlib.inflateRawSync(raw, opts)
          : await new Promise<Buffer>((resolve, reject) =>
              zlib.inflateRaw(raw, opts, (e, b) => (e ? reject(e) : resolve(b))),
            );
    } catch (e) {
      if ((e as { code?: unknown }).code !== "ERR_BUFFER_TOO_LARGE") throw e;
      throw new Error(`entry inflates to more than the ${entry.uncompressedSize} bytes its header says`);
    }
  }
  if (bytes.length !== entry.uncompressedSize)
    throw new Error(`entry holds ${bytes.length} bytes, not the ${entry.uncompressedSize} its header says`);
  return bytes;
}

async function* readZip(path: string, archive: Origin, o: ArchiveOptions): AsyncGenerator<InputItem> {
  let zf: yauzl.ZipFile;
  let reader: BlockReader;
  try {
    ({ zf, reader } = await openZip(path));
  } catch (e) {
    yield errorItem(archive, isFsError(e) ? "read-error" : "archive-error", errorMessage(e));
    return;
  }
  // yauzl reports an error once and then goes quiet: keep it, so that no read waits for ever.
  let fatal: unknown;
  zf.on("error", (e: unknown) => {
    fatal ??= e;
  });
  const nextEntry = () =>
    new Promise<yauzl.Entry | null>((resolve, reject) => {
      if (fatal !== undefined) return reject(fatal);
      const done = () => {
        zf.off("entry", onEntry);
        zf.off("end", onEnd);
        zf.off("error", onError);
      };
      const onEntry = (e: yauzl.Entry) => {
        done();
        resolve(e);
      };
      const onEnd = () => {
        done();
        resolve(null);
      };
      const onError = (e: unknown) => {
        done();
        reject(e);
      };
      zf.on("entry", onEntry);
      zf.on("end", onEnd);
      zf.on("error", onError);
      zf.readEntry();
    });

  try {
    for (;;) {
      let entry: yauzl.Entry | null;
      try {
        entry = await nextEntry();
      } catch (e) {
        yield errorItem(archive, "archive-error", errorMessage(e));
        return;
      }
      if (!entry) return;
      const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, false);
      if (!wanted(name, o)) continue;
      const eo = entryOrigin(archive, name);
      if (archiveKind(name)) {
        yield errorItem(eo, "archive-error", NESTED);
        continue;
      }
      if (entry.uncompressedSize > MAX_ENTRY_BYTES || entry.compressedSize > MAX_ENTRY_BYTES) {
        yield errorItem(eo, "archive-error", TOO_BIG);
        continue;
      }
      if (entry.isEncrypted()) {
        yield errorItem(eo, "archive-error", "entry is encrypted; not read");
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await entryBytes(zf, reader, entry);
        if (crc32(bytes) !== entry.crc32 >>> 0) throw new Error("bad CRC-32; the entry is corrupt");
      } catch (e) {
        yield errorItem(eo, "archive-error", errorMessage(e));
        continue;
      }
      yield* o.onEntry(eo, bytes);
    }
  } finally {
    zf.close();
  }
}

function isFsError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && /^E[A-Z]+$/.test(code);
}

// ---------------------------------------------------------------------------------------------
// tar, tar.gz

/**
 * A truncated gzip fails only at its end, and a failing zlib stream drops the output it still
 * holds. So the data goes through a gunzip that does not fail on truncation (finishFlush:
 * Z_SYNC_FLUSH), which hands tar-stream all it can, and a second, ordinary gunzip, whose output
 * is thrown away, tells whether the gzip stream was whole.
 */
async function* readTar(path: string, archive: Origin, gz: boolean, o: ArchiveOptions): AsyncGenerator<InputItem> {
  const src = createReadStream(path);
  const extract = tar.extract();
  let srcErr: unknown;
  let gzErr: unknown;
  let srcEnded = false;
  let primary: zlib.Gunzip | undefined;
  let check: zlib.Gunzip | undefined;
  let checked: Promise<void> = Promise.resolve();

  const endExtract = () => {
    try {
      extract.end(undefined);
    } catch {
      /* already ended or destroyed */
    }
  };
  extract.on("error", () => {});
  src.on("end", () => {
    srcEnded = true;
  });
  // The first bytes, to tell a file that is not gzip at all from a broken gzip stream.
  let gzHead: Buffer | undefined;
  if (gz)
    src.once("data", (c) => {
      gzHead = Buffer.from(c as Buffer).subarray(0, 2);
    });
  src.on("error", (e) => {
    srcErr ??= e;
    check?.destroy();
    if (primary) primary.end();
    else endExtract();
  });
  if (gz) {
    const p = zlib.createGunzip({ finishFlush: zlib.constants.Z_SYNC_FLUSH });
    const c = zlib.createGunzip();
    primary = p;
    check = c;
    checked = new Promise<void>((resolve) => {
      c.on("error", (e) => {
        gzErr ??= e;
        resolve();
      });
      c.on("end", () => resolve());
      c.on("close", () => resolve());
    });
    c.resume();
    p.on("error", (e) => {
      gzErr ??= e;
      endExtract();
    });
    src.pipe(p);
    src.pipe(c);
    p.pipe(extract);
  } else {
    src.pipe(extract);
  }

  const broken: { error?: unknown } = {};
  try {
    for await (const entry of untilError<TarEntry>(extract[Symbol.asyncIterator](), broken)) {
      const h = entry.header;
      const isFile = h.type === "file" || h.type === "contiguous-file" || h.type == null;
      if (!isFile || !wanted(h.name, o)) {
        broken.error = await drain(entry);
        if (broken.error !== undefined) break;
        continue;
      }
      const eo = entryOrigin(archive, h.name);
      if (archiveKind(h.name)) {
        broken.error = await drain(entry);
        if (broken.error !== undefined) break;
        yield errorItem(eo, "archive-error", NESTED);
        continue;
      }
      if ((h.size ?? 0) > MAX_ENTRY_BYTES) {
        broken.error = await drain(entry);
        if (broken.error !== undefined) break;
        yield errorItem(eo, "archive-error", TOO_BIG);
        continue;
      }
      let bytes: Buffer;
      try {
        bytes = await collect(entry, MAX_ENTRY_BYTES);
      } catch (e) {
        broken.error = e;
        break;
      }
      yield* o.onEntry(eo, bytes);
    }
    // The stream is whole only if the checking gunzip says so; it has all the data once the file has ended.
    if (gz && srcEnded && srcErr === undefined) await checked;
    if (srcErr !== undefined) yield errorItem(archive, "read-error", errorMessage(srcErr));
    else if (gzErr !== undefined) yield errorItem(archive, "archive-error", gzipMessage(gzErr, gzHead));
    else if (broken.error !== undefined) yield errorItem(archive, "archive-error", errorMessage(broken.error));
  } finally {
    src.unpipe();
    primary?.unpipe();
    src.destroy();
    primary?.destroy();
    check?.destroy();
    extract.destroy();
  }
}

/** A gzip error in plain words: a file that is not gzip says so, a broken stream says where it broke. */
function gzipMessage(e: unknown, head: Buffer | undefined): string {
  if (head !== undefined && (head.length < 2 || head[0] !== 0x1f || head[1] !== 0x8b))
    return "not a gzip file (it does not start with the gzip signature 1f 8b); if it is a plain tar, name it .tar";
  if (head === undefined) return "empty file, not a gzip file";
  return `the gzip data is broken: ${errorMessage(e)}`;
}

/** Reads an entry to its end, throwing the data away; the error when the archive broke meanwhile. */
async function drain(entry: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of entry) {
      /* skip */
    }
    return undefined;
  } catch (e) {
    return e ?? new Error("broken archive");
  }
}
