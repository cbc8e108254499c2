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
import { decode } from "./text/decode.js";
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
  const bytes = Buffer.from(text, "utf8");
  return parseText(text, options, { bytes: bytes.length, sha256: sha256(bytes), encoding: "utf-8" }).stories;
}

/** Decodes and parses the bytes of one input (a file, standard input). Never throws on any bytes. */
export function parseBytes(bytes: Uint8Array, options: ParseOptions = {}): ParseResult {
  const d = decode(bytes);
  const meta = { bytes: bytes.length, sha256: sha256(bytes), encoding: d.encoding };
  if (d.text === null) {
    return { stories: [], diagnostics: toDiagnostics(new Positions(d.prefix ?? ""), d.findings), encoding: d.encoding };
  }
  return { ...parseText(d.text, options, meta), text: d.text };
}

function sha256(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}
