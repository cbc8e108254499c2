/**
 * One decoded input to story records: empty input, legacy-font text (warned about, or converted
 * with spans mapped back), the split into stories, then per story the recognisers
 * (`findStoryParts`, on the markup pre-pass's view) and the assembler (`assembleStory`, on the
 * text itself). The stages in order:
 *
 *   lines -> stories (split) -> markup masked -> parts (dateline, headline, sign-off, paragraphs, quotes) -> record
 */
import type { Source, StoryRules } from "../story.js";
import { finding, toDiagnostics, type Finding } from "../diagnostics.js";
import { Positions } from "../text/positions.js";
import { isBlank } from "../text/chars.js";
import { maskMarkup } from "../text/markup.js";
import { convertKrutiDev, looksKrutiDev } from "../legacy/krutidev.js";
import { SpanMap } from "../legacy/remap.js";
import { looksChanakya } from "../legacy/chanakya.js";
import { scanLines } from "./lines.js";
import { splitStories } from "./split.js";
import { findStoryParts } from "./story.js";
import { assembleStory } from "./assemble.js";
import { parseRefDate, type RefDate } from "./date.js";
import type { ParseOptions, ParseResult } from "./options.js";
import { isTableLine } from "./tables.js";
import { findEnvelopes, hasControls, maskText, type Envelopes } from "../envelope/index.js";
import type { StoryMatch } from "./match.js";

/** What the record's `source` says of the input as a whole. */
export interface InputMeta {
  bytes: number;
  sha256: string;
  encoding: string;
}

export function parseText(
  text: string,
  options: ParseOptions,
  meta: InputMeta,
  decodeFindings: Finding[] = [],
  charset: string | null = null,
): ParseResult {
  const refDate = resolveRefDate(options.refDate);
  const lang = options.lang && options.lang !== "auto" ? options.lang : null;
  const pos = new Positions(text);
  const inputFindings: Finding[] = [...decodeFindings];
  if (isBlank(text)) {
    inputFindings.push(finding("empty-input", "input holds no text", 0, text.length));
    return { stories: [], diagnostics: toDiagnostics(pos, inputFindings), encoding: meta.encoding };
  }
  // A feed file in transmission envelopes: one story per envelope, framing blanked.
  const envelopes = findEnvelopes(text);
  if (envelopes) return parseEnvelopes(text, pos, envelopes, options, meta, inputFindings, charset);
  // Devanagari typed in a legacy font (Kruti Dev): warn, or convert and map spans back.
  // Detection reads a sample: legacy-font copy has no Unicode Devanagari at all.
  // Tables and agate (columns of names and figures) are left out: they are no font's text.
  const raw = text.slice(0, 65536);
  const unicodeHindi = hindiOutsideTables(raw);
  const sample = unicodeHindi ? raw : withoutTables(raw);
  if (!unicodeHindi && looksChanakya(sample)) {
    inputFindings.push(
      finding(
        "legacy-font-encoding",
        "text looks typed in a Chanakya-style legacy Hindi font (Latin-1 letters for Devanagari); it cannot be converted",
        0,
        0,
      ),
    );
  } else if (!unicodeHindi && looksKrutiDev(sample)) {
    if (options.convertLegacy) {
      const conv = convertKrutiDev(text);
      const map = new SpanMap(conv.text, conv.source, text);
      const inner = parseText(conv.text, { ...options, convertLegacy: false }, meta);
      for (const story of inner.stories) {
        map.remap(story);
        const converted = finding(
          "legacy-font-encoding",
          "Kruti Dev legacy-font text converted to Unicode; spans point into the input",
          0,
          0,
          "info",
        );
        story.diagnostics.unshift(...toDiagnostics(pos, [converted]));
      }
      return inner;
    }
    inputFindings.push(
      finding(
        "legacy-font-encoding",
        "text looks typed in the Kruti Dev legacy Hindi font (Latin letters for Devanagari); --convert-legacy converts it",
        0,
        0,
      ),
    );
  }
  // Control characters never reach a part's text: they read as spaces (offsets unchanged).
  if (hasControls(text)) text = maskText(text, []);
  const lines = scanLines(text);
  const ranges = splitStories(text, lines, options.split !== false);
  const markup = maskMarkup(text);
  const rules: StoryRules[] | null = options.trace ? [] : null;
  const stories = ranges.map((r, k) => {
    const source: Source = {
      path: options.path ?? null,
      index: k + 1,
      count: ranges.length,
      bytes: meta.bytes,
      sha256: meta.sha256,
      encoding: meta.encoding,
    };
    const match = findStoryParts(markup, r.lines, r, { lang });
    if (rules) rules.push(rulesOf(match));
    const story = assembleStory(text, pos, match, source, refDate);
    // Input-level warnings (legacy font) belong to every story of the input.
    if (inputFindings.length) story.diagnostics.unshift(...toDiagnostics(pos, inputFindings));
    return story;
  });
  // A roundup item names no agency of its own: it is the roundup's.
  stories.forEach((story, k) => {
    if (k > 0 && ranges[k]!.inherits && story.agency === null) story.agency = stories[k - 1]!.agency;
  });
  const diagnostics = inputFindings.length && stories.length ? [] : toDiagnostics(pos, inputFindings);
  return { stories, diagnostics, encoding: meta.encoding, ...(rules ? { rules } : {}) };
}

/** The rule that read each part: what `--trace` shows. */
function rulesOf(m: StoryMatch): StoryRules {
  return {
    headline: m.headline?.rule ?? null,
    byline: m.byline?.rule ?? null,
    dateline: m.dateline?.rule ?? null,
    signoff: m.signoff?.rule ?? null,
    quotes: m.quotes.map((q) => q.rule ?? "?"),
  };
}

/** One story per envelope; the framing and control characters blanked for the recognisers. */
function parseEnvelopes(
  text: string,
  pos: Positions,
  envelopes: Envelopes,
  options: ParseOptions,
  meta: InputMeta,
  inputFindings: Finding[],
  charset: string | null,
): ParseResult {
  const refDate = resolveRefDate(options.refDate);
  const lang = options.lang && options.lang !== "auto" ? options.lang : null;
  const masked = maskText(
    text,
    envelopes.stories.flatMap((e) => e.blank),
  );
  const markup = maskMarkup(masked);
  const all = [...inputFindings, ...envelopes.findings];
  const rules: StoryRules[] | null = options.trace ? [] : null;
  const stories = envelopes.stories.map((e, k) => {
    const source: Source = {
      path: options.path ?? null,
      index: k + 1,
      count: envelopes.stories.length,
      bytes: meta.bytes,
      sha256: meta.sha256,
      encoding: meta.encoding,
    };
    const lines = scanLines(masked, e.body.start, e.body.end);
    const match = findStoryParts(markup, lines, e.body, { lang, envelope: e });
    if (rules) rules.push(rulesOf(match));
    const story = assembleStory(masked, pos, match, source, refDate, { original: text, charset });
    if (all.length) story.diagnostics.unshift(...toDiagnostics(pos, all));
    return story;
  });
  return {
    stories,
    diagnostics: stories.length ? [] : toDiagnostics(pos, all),
    encoding: meta.encoding,
    ...(rules ? { rules } : {}),
  };
}

/** Whether a line that is not a table line holds Devanagari (as `withoutTables` would leave it). */
function hindiOutsideTables(sample: string): boolean {
  const devanagari = /[\u0900-\u097f]/gu;
  for (let m = devanagari.exec(sample); m; m = devanagari.exec(sample)) {
    let s = m.index;
    while (s > 0 && !isBreak(sample.charCodeAt(s - 1))) s--;
    let e = m.index;
    while (e < sample.length && !isBreak(sample.charCodeAt(e))) e++;
    if (!isTableLine(sample.slice(s, e))) return true;
    devanagari.lastIndex = e;
  }
  return false;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

export function withoutTables(sample: string): string {
  const lines = sample.split(/\r\n|\r|\n/u);
  const kept = lines.filter((l) => !isTableLine(l));
  return kept.length === lines.length ? sample : kept.join("\n");
}

function resolveRefDate(s: string | null | undefined): RefDate | null {
  if (!s) return null;
  const r = parseRefDate(s);
  if (!r) throw new RangeError(`refDate must be a real date written YYYY-MM-DD, got "${s}"`);
  return r;
}
