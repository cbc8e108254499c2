/**
 * wire: news-agency wire copy -> structured story records.
 *
 * ```ts
 * import { parse } from "wirecopy";
 * const [story] = parse(text, { refDate: "2024-09-01" });
 * story.dateline?.places[0]?.name; // "Seoul"
 * ```
 */
import { createHash } from "node:crypto";
import type { Diagnostic, Source, Story } from "./story.js";
import { decode } from "./text/decode.js";
import { Positions } from "./text/positions.js";
import { finding, type Finding } from "./diagnostics.js";
import { scanLines } from "./parse/lines.js";
import { splitStories } from "./parse/split.js";
import { parseStory, toDiagnostics } from "./parse/story.js";
import { parseRefDate, type RefDate } from "./parse/date.js";
import { isBlank } from "./text/chars.js";
import { convertKrutiDev, looksKrutiDev } from "./legacy/krutidev.js";
import { SpanMap } from "./legacy/remap.js";
import { looksChanakya } from "./legacy/chanakya.js";
import { findTags } from "./text/markup.js";

export type * from "./story.js";
export { formatDiagnostic } from "./diagnostics.js";

export interface ParseOptions {
  /** `YYYY-MM-DD`: the day the copy was filed; missing dateline years are inferred from it. */
  refDate?: string | null;
  /** `auto` (default) detects the language per story; `hi`, `en` force it. */
  lang?: string | null;
  /** The input's name, reported as `source.path`. */
  path?: string | null;
  /** Split an input holding several stories (default true); false: the input is one story. */
  split?: boolean;
  /** Convert text typed in the Kruti Dev legacy font to Unicode before parsing (spans still point into the input). */
  convertLegacy?: boolean;
}

export interface ParseResult {
  stories: Story[];
  /** Diagnostics about the input as a whole (encoding, empty input), not about one story. */
  diagnostics: Diagnostic[];
  encoding: string;
  /** The decoded text that spans point into (null when the bytes could not be decoded). */
  text?: string | null;
}

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

function parseText(
  text: string,
  options: ParseOptions,
  meta: { bytes: number; sha256: string; encoding: string },
): ParseResult {
  const refDate = resolveRefDate(options.refDate);
  const lang = options.lang && options.lang !== "auto" ? options.lang : null;
  const pos = new Positions(text);
  const inputFindings: Finding[] = [];
  if (isBlank(text)) {
    inputFindings.push(finding("empty-input", "input holds no text", 0, text.length));
    return { stories: [], diagnostics: toDiagnostics(pos, inputFindings), encoding: meta.encoding };
  }
  // Devanagari typed in a legacy font (Kruti Dev): warn, or convert and map spans back.
  // Detection reads a sample: legacy-font copy has no Unicode Devanagari at all.
  const sample = text.slice(0, 65536);
  const unicodeHindi = /[\u0900-\u097f]/u.test(sample);
  if (!unicodeHindi && looksChanakya(sample)) {
    inputFindings.push(finding("legacy-font-encoding", "text looks typed in a Chanakya-style legacy Hindi font (Latin-1 letters for Devanagari); it cannot be converted", 0, 0));
  } else if (!unicodeHindi && looksKrutiDev(sample)) {
    if (options.convertLegacy) {
      const conv = convertKrutiDev(text);
      const map = new SpanMap(conv.text, conv.source, text);
      const inner = parseText(conv.text, { ...options, convertLegacy: false }, meta);
      for (const story of inner.stories) {
        map.remap(story);
        const converted = finding("legacy-font-encoding", "Kruti Dev legacy-font text converted to Unicode; spans point into the input", 0, 0, "info");
        story.diagnostics.unshift(...toDiagnostics(pos, [converted]));
      }
      return inner;
    }
    inputFindings.push(finding("legacy-font-encoding", "text looks typed in the Kruti Dev legacy Hindi font (Latin letters for Devanagari); --convert-legacy converts it", 0, 0));
  }
  const lines = scanLines(text);
  const ranges = splitStories(text, lines, options.split !== false);
  const tags = findTags(text, 0, text.length);
  const stories = ranges.map((r, k) => {
    const source: Source = {
      path: options.path ?? null,
      index: k + 1,
      count: ranges.length,
      bytes: meta.bytes,
      sha256: meta.sha256,
      encoding: meta.encoding,
    };
    const story = parseStory(text, pos, r.lines, r, source, { refDate, lang, tags });
    // Input-level warnings (legacy font) belong to every story of the input.
    if (inputFindings.length) story.diagnostics.unshift(...toDiagnostics(pos, inputFindings));
    return story;
  });
  if (inputFindings.length && stories.length) return { stories, diagnostics: [], encoding: meta.encoding };
  return { stories, diagnostics: toDiagnostics(pos, inputFindings), encoding: meta.encoding };
}

function resolveRefDate(s: string | null | undefined): RefDate | null {
  if (!s) return null;
  const r = parseRefDate(s);
  if (!r) throw new RangeError(`refDate must be a real date written YYYY-MM-DD, got "${s}"`);
  return r;
}

function sha256(b: Uint8Array): string {
  return createHash("sha256").update(b).digest("hex");
}

export { parseRefDate } from "./parse/date.js";
