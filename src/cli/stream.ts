/**
 * A big plain-text file, parsed story by story in bounded memory. Two passes over the file: the
 * first learns what every record states about the whole input (its SHA-256, its size, how many
 * stories it holds: `source.sha256`, `source.bytes`, `source.count`), whether the file can be
 * streamed at all, and where its slices of whole stories lie (byte ranges, with the code points,
 * lines and stories before each); the second reads each slice by its position and parses it (in
 * this thread or on a worker), one story at a time. The records are byte for byte those of
 * parsing the file whole.
 *
 * Files that cannot be streamed are parsed whole, as before: UTF-16 or UTF-32, NUL bytes, invalid
 * UTF-8 (their diagnostics need the whole input), a feed file (its envelopes are found over the
 * whole text), legacy-font Hindi, no text; and `--no-split`, `--encoding` (one story, another charset).
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import type { ParseOptions } from "../index.js";
import { findEnvelopes, hasControls, maskText } from "../envelope/index.js";
import { looksChanakya } from "../legacy/chanakya.js";
import { looksKrutiDev } from "../legacy/krutidev.js";
import { parseRefDate } from "../parse/date.js";
import { withoutTables } from "../parse/input.js";
import { StoryStream, type StorySlice, type StreamParse } from "../parse/stream.js";
import { isBlank } from "../text/chars.js";

/** Files at least this big are streamed (smaller ones are parsed whole: one read, one pass). */
export const STREAM_FROM = 1 << 20;

const CHUNK = 1 << 20;

/**
 * A streamed file at least this big is parsed on worker threads (with `-j 2` or more); a smaller
 * one in this thread. Workers pay only once the parse outlasts their start: each loads the whole
 * command, warms its tables and compiles the parser again (its own isolate), and the first pass
 * is this thread's alone. On two cores, `-j 2` against `-j 1` came to 0.91× at 8 MB, 0.96× at
 * 12 MB, 1.00× at 16 MB and 1.04× at 24 MB (medians of three), so below 16 MB the second thread
 * would make the run slower.
 */
export const WORKERS_FROM = 16 << 20;

/** Whether a streamed file's slices go to the workers: `jobs` above 1 and `from` bytes or more. */
export function slicesOnWorkers(first: Pick<FirstPass, "bytes">, jobs: number, from = WORKERS_FROM): boolean {
  return jobs > 1 && first.bytes >= from;
}

/** Where a slice lies in the file, and what comes before it. */
export interface SliceRef {
  /** Byte offset and length in the file. */
  start: number;
  length: number;
  cpBefore: number;
  linesBefore: number;
  storiesBefore: number;
  stories: number;
  /** Where its stories lie in its text (`boundsOf`): the second pass does not split again. */
  bounds?: Int32Array;
}

export interface FirstPass {
  bytes: number;
  sha256: string;
  count: number;
  encoding: "utf-8" | "utf-8-bom";
  /** The file's slices, in order (a few numbers per slice of about 256 KB). */
  slices: SliceRef[];
}

/** What a slice's records say of the input as a whole. */
export type StreamSource = Pick<FirstPass, "bytes" | "sha256" | "count" | "encoding">;

/** The first pass over a file; null when it is to be parsed whole, `tooLarge` when one story is longer than `maxHeld` characters. */
export async function firstPass(
  path: string,
  options: ParseOptions = {},
  maxHeld = Number.POSITIVE_INFINITY,
): Promise<FirstPass | null | { tooLarge: number }> {
  if (options.split === false || options.encoding) return null;
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const slicer = StoryStream.slicer();
  const slices: SliceRef[] = [];
  let bytes = 0;
  let offset = 0;
  let bom = false;
  let sample = "";
  let text = false;
  const keep = (done: StorySlice[]) => {
    for (const s of done) {
      const length = Buffer.byteLength(s.text, "utf8");
      const { cpBefore, linesBefore, storiesBefore, stories, bounds } = s;
      slices.push({ start: offset, length, cpBefore, linesBefore, storiesBefore, stories, bounds });
      offset += length;
    }
  };
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (bytes === 0) {
      if (startsWide(chunk) || chunk.subarray(0, 8192).includes(0)) return null;
      bom = chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      if (bom) offset = 3;
    }
    bytes += chunk.length;
    hash.update(chunk);
    let t: string;
    try {
      t = decoder.decode(bom && bytes === chunk.length ? chunk.subarray(3) : chunk, { stream: true });
    } catch {
      return null;
    }
    if (sample.length < 65536) {
      sample += t.slice(0, 65536 - sample.length);
      // Envelopes are looked for in the first 4 KiB, legacy fonts in the first 64 KiB (as parseText does).
      if (sample.length >= 8192 && findEnvelopes(sample)) return null;
    }
    text ||= !isBlank(t);
    slicer.push(hasControls(t) ? maskText(t, []) : t);
    keep(slicer.takeSlices());
    if (slicer.held > maxHeld) return { tooLarge: slicer.held };
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    return null;
  }
  slicer.push(tail);
  slicer.end();
  keep(slicer.takeSlices());
  if (!text || slicer.count === 0 || findEnvelopes(sample)) return null;
  const head = withoutTables(sample);
  if (!/[\u0900-\u097f]/u.test(head) && (looksChanakya(head) || looksKrutiDev(head))) return null;
  return { bytes, sha256: hash.digest("hex"), count: slicer.count, encoding: bom ? "utf-8-bom" : "utf-8", slices };
}

/** UTF-16 or UTF-32 by their byte-order marks. */
function startsWide(b: Buffer): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff) || (b[0] === 0 && b[1] === 0);
}

/** What the records of a streamed input are parsed with. */
export function streamParse(first: StreamSource, options: ParseOptions): StreamParse {
  const refDate = options.refDate ? parseRefDate(options.refDate) : null;
  const lang = options.lang && options.lang !== "auto" ? options.lang : null;
  const source = {
    path: options.path ?? null,
    count: first.count,
    bytes: first.bytes,
    sha256: first.sha256,
    encoding: first.encoding,
  };
  return { refDate, lang, source };
}

/** The second pass: each slice's bytes, read by position, in order. */
export async function* sliceBytes(
  path: string,
  first: FirstPass,
): AsyncGenerator<{ ref: SliceRef; bytes: Uint8Array<ArrayBuffer> }> {
  const fh = await open(path, "r");
  try {
    if ((await fh.stat()).size !== first.bytes) throw new Error("the file changed while it was read");
    for (const ref of first.slices) {
      // Its own buffer, so that it can be handed to a worker without a copy.
      const bytes = new Uint8Array(ref.length);
      let got = 0;
      while (got < ref.length) {
        const { bytesRead } = await fh.read(bytes, got, ref.length - got, ref.start + got);
        if (bytesRead === 0) throw new Error("the file changed while it was read");
        got += bytesRead;
      }
      yield { ref, bytes };
    }
  } finally {
    await fh.close();
  }
}

/** A slice's text from its bytes (control characters read as spaces, as in a whole parse). */
export function sliceOf(ref: SliceRef, bytes: Uint8Array): StorySlice {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw new Error("the file changed while it was read");
  }
  if (hasControls(text)) text = maskText(text, []);
  const { cpBefore, linesBefore, storiesBefore, stories, bounds } = ref;
  return { text, cpBefore, linesBefore, storiesBefore, stories, bounds };
}
