/**
 * wire: news-agency wire copy -> structured story records.
 *
 * ```ts
 * import { parse } from "wirecopy";
 * const [story] = parse(text, { refDate: "2024-09-01" });
 * story.dateline?.places[0]?.name; // "Seoul"
 * ```
 *
 * The public face only: decoding is `text/decode.ts`, the pipeline `parse/input.ts`.
 */
import { createHash } from "node:crypto";
import { SMALL_HASH_BYTES, sha256Hex } from "./text/sha256.js";
import { decode, decodeAs } from "./text/decode.js";
import { declaredCharset } from "./envelope/index.js";
import { Positions } from "./text/positions.js";
import { toDiagnostics } from "./diagnostics.js";
import { parseText } from "./parse/input.js";
import type { ParseOptions, ParseResult } from "./parse/options.js";
import type { Story } from "./story.js";

export type * from "./story.js";
export type { ParseOptions, ParseResult } from "./parse/options.js";
export { formatDiagnostic } from "./diagnostics.js";
export { parseRefDate } from "./parse/date.js";

/** Parses decoded text into story records. Never throws on any text. */
export function parse(text: string, options: ParseOptions = {}): Story[] {
  return parseDetailed(text, options).stories;
}

/** `parse` with the whole result: the stories, diagnostics about the text as a whole, and (with `trace`) rules. */
export function parseDetailed(text: string, options: ParseOptions = {}): ParseResult {
  const bytes = Buffer.from(text, "utf8");
  return parseText(text, options, { bytes: bytes.length, sha256: sha256(bytes), encoding: "utf-8" });
}

/** Decodes and parses the bytes of one input (a file, standard input). Never throws on any bytes. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  let d = decode(bytes, { encoding: options.encoding ?? null });
  const undecoded = d.text === null && d.findings[0]?.code === "invalid-encoding";
  if ((undecoded || d.findings[0]?.code === "decoded-as") && !options.encoding) {
    // Feed files in a transmission envelope are 8-bit by their standard (or say which charset).
    const declared = declaredCharset(bytes);
    if (declared) {
      const e = decodeAs(bytes, declared, "declared");
      if (e.text !== null) d = e;
    }
  }
  const meta = { bytes: bytes.length, sha256: sha256(bytes), encoding: d.encoding };
  if (d.text === null) {
    return { stories: [], diagnostics: toDiagnostics(new Positions(d.prefix ?? ""), d.findings), encoding: d.encoding };
  }
  const charset = d.findings.length > 0 ? d.encoding : null;
  return { ...parseText(d.text, options, meta, d.findings, charset), text: d.text };
}

/** Bytes hashed in JavaScript so far: past `SMALL_HASH_BYTES` in all, loading `node:crypto` pays. */
let hashedHere = 0;

function sha256(b: Uint8Array): string {
  if (b.length <= SMALL_HASH_BYTES && hashedHere + b.length <= SMALL_HASH_BYTES) {
    hashedHere += b.length;
    return sha256Hex(b);
  }
  return createHash("sha256").update(b).digest("hex");
}
