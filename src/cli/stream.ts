/**
 * A big plain-text file, parsed story by story in bounded memory. Two passes over the file: the
 * first learns what every record states about the whole input (its SHA-256, its size, how many
 * stories it holds: `source.sha256`, `source.bytes`, `source.count`) and whether the file can be
 * streamed at all; the second parses, renders and writes each story, then drops it. The records
 * are byte for byte those of parsing the file whole.
 *
 * Files that cannot be streamed are parsed whole, as before: a byte-order mark or UTF-16, NUL
 * bytes, invalid UTF-8 (their diagnostics need the whole input), legacy-font Hindi, no text.
 */
import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";
import type { ParseOptions } from "../index.js";
import { looksChanakya } from "../legacy/chanakya.js";
import { looksKrutiDev } from "../legacy/krutidev.js";
import { parseRefDate } from "../parse/date.js";
import { StoryStream, type StorySlice, type StreamParse } from "../parse/stream.js";
import type { Story } from "../story.js";

/** Files at least this big are streamed (smaller ones are parsed whole: one read, one pass). */
export const STREAM_FROM = 8 << 20;

const CHUNK = 1 << 20;

export type StreamSource = FirstPass;

export interface FirstPass {
  bytes: number;
  sha256: string;
  count: number;
}

/** The first pass; null when the file is to be parsed whole. */
export async function firstPass(path: string): Promise<FirstPass | null> {
  const hash = createHash("sha256");
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  const stories = new StoryStream(null);
  let bytes = 0;
  let sample = "";
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    if (bytes === 0 && (startsWithMark(chunk) || chunk.subarray(0, 8192).includes(0))) return null;
    bytes += chunk.length;
    hash.update(chunk);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      return null;
    }
    if (sample.length < 65536) sample += text.slice(0, 65536 - sample.length);
    stories.push(text);
  }
  try {
    stories.push(decoder.decode());
  } catch {
    return null;
  }
  stories.end();
  if (stories.count === 0) return null;
  // The same test as for a whole input: legacy-font copy has no Unicode Devanagari at all.
  if (!/[\u0900-\u097f]/u.test(sample) && (looksChanakya(sample) || looksKrutiDev(sample))) return null;
  return { bytes, sha256: hash.digest("hex"), count: stories.count };
}

function startsWithMark(b: Buffer): boolean {
  return (
    (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) ||
    (b[0] === 0xff && b[1] === 0xfe) ||
    (b[0] === 0xfe && b[1] === 0xff)
  );
}

/** The second pass: the file's stories, a few at a time, in order. */
export interface StreamedPart {
  stories: Story[];
  /** The window of the input they were parsed from (for byte columns on stderr). */
  window: { text: string; cpBefore: number };
}

/** What the records of a streamed input are parsed with. */
export function streamParse(first: FirstPass, options: ParseOptions): StreamParse {
  const refDate = options.refDate ? parseRefDate(options.refDate) : null;
  const lang = options.lang && options.lang !== "auto" ? options.lang : null;
  const source = {
    path: options.path ?? null,
    count: first.count,
    bytes: first.bytes,
    sha256: first.sha256,
    encoding: "utf-8",
  };
  return { refDate, lang, source };
}

/**
 * The second pass for worker threads: the stretches of whole stories (about a window each), in
 * order; the boundaries are found here once, the stories parsed where the slices are sent.
 */
export async function* streamSlices(path: string, first: FirstPass): AsyncGenerator<StorySlice> {
  const slicer = StoryStream.slicer();
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    slicer.push(decoder.decode(chunk, { stream: true }));
    yield* slicer.takeSlices();
  }
  slicer.push(decoder.decode());
  slicer.end();
  yield* slicer.takeSlices();
  if (slicer.count !== first.count) throw new Error("the file changed while it was read");
}

export async function* streamStories(
  path: string,
  first: FirstPass,
  options: ParseOptions,
): AsyncGenerator<StreamedPart> {
  const stories = new StoryStream(streamParse(first, options));
  const decoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK }) as AsyncIterable<Buffer>) {
    const done = stories.push(decoder.decode(chunk, { stream: true }));
    if (done.length) yield { stories: done, window: stories.window };
  }
  const tail = stories.push(decoder.decode());
  if (tail.length) yield { stories: tail, window: stories.window };
  const last = stories.end();
  if (last.length) yield { stories: last, window: stories.window };
  // The file changed between the passes: its records would not agree with each other.
  if (stories.count !== first.count) throw new Error("the file changed while it was read");
}
