/**
 * One story: runs the recognisers over the story's lines and assembles the public record.
 * Internally every stage speaks UTF-16 offsets; `toRecord` turns them into code points,
 * lines and columns at the very end.
 */
import type {
  AgencyRef, DateParts, Dateline, Diagnostic, Paragraph, Place, Signoff, Source, Story, TextPart,
} from "../story.js";
import { finding, type Finding } from "../diagnostics.js";
import type { Positions } from "../text/positions.js";
import { latinOfCode } from "../data/index.js";
import { findDateline, type DatelineMatch, type Range } from "./dateline.js";
import { findSignoff, type SignoffMatch } from "./signoff.js";
import { isHeadline } from "./headline.js";
import { paragraphsOf, sentencesOf, type Segment } from "./paragraphs.js";
import { detectLanguage } from "./language.js";
import { lookupPlace } from "./places.js";
import { inferYear, isValidDate, isoDate, type RefDate } from "./date.js";
import type { Line } from "./lines.js";

export interface StoryOptions {
  refDate: RefDate | null;
  lang: string | null;
}

export function parseStory(
  text: string,
  pos: Positions,
  lines: Line[],
  range: Range,
  source: Source,
  options: StoryOptions,
): Story {
  const findings: Finding[] = [];
  const first = lines.findIndex((l) => !l.blank);
  const dl = findDateline(text, lines);

  // Headline, byline: what stands before the dateline.
  let headline: Range | null = null;
  let byline: Range | null = null;
  const before: Range[] = [];
  if (dl) {
    for (let i = first; i < dl.firstLine; i++) {
      const l = lines[i]!;
      if (l.blank) continue;
      if (i === first && isHeadline(text.slice(l.contentStart, l.contentEnd))) {
        headline = { start: l.contentStart, end: l.contentEnd };
      } else before.push({ start: l.contentStart, end: l.contentEnd });
    }
    if (dl.prefix) {
      if (dl.prefix.kind === "byline") byline = dl.prefix;
      else if (!headline && before.length === 0) headline = dl.prefix;
      else before.push(dl.prefix);
    }
  }

  // Sign-off: at the end, never overlapping the dateline.
  const minLine = dl ? dl.lastLine : Math.max(first, 0);
  let so: SignoffMatch | null = first < 0 ? null : findSignoff(text, lines, minLine);
  if (so && dl && so.start < dl.end) so = null;

  // Body: everything else, cut into paragraphs.
  const bodyStart = dl ? dl.end : range.start;
  const bodyEnd = so ? so.start : range.end;
  const segments: Segment[] = [];
  let blank = false;
  let barrier = false;
  const pushSeg = (s: number, e: number) => {
    while (s < e && /\s/u.test(text[s]!)) s++;
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (e > s) {
      segments.push({ start: s, end: e, blankBefore: blank && segments.length > 0, barrier: barrier && segments.length > 0 });
      blank = false;
      barrier = false;
    }
  };
  for (const r of before) pushSeg(r.start, r.end);
  barrier = true;
  for (const l of lines) {
    if (l.blank) {
      if (l.start >= bodyStart && l.start < bodyEnd) blank = true;
      continue;
    }
    if (l.contentEnd <= bodyStart) continue;
    if (l.contentStart >= bodyEnd) break;
    pushSeg(Math.max(l.contentStart, bodyStart), Math.min(l.contentEnd, bodyEnd));
  }
  const paras = paragraphsOf(text, segments, findings);

  // Language and agency.
  const language = options.lang ?? detectLanguage(text, range.start, range.end);
  const part = (r: Range): TextPart => ({ text: text.slice(r.start, r.end), span: span(pos, r), line: pos.line(r.start) });
  const agencyRef = (a: (Range & { code: string | null }) | null): AgencyRef | null =>
    a ? { code: a.code, text: text.slice(a.start, a.end) } : null;

  let dateline: Dateline | null = null;
  if (dl) dateline = { ...part(dl), places: places(text, dl, findings), date: dateParts(text, dl, options, findings), agency: agencyRef(dl.agency) };
  else findings.push(finding("missing-dateline", "no dateline found (place, date and agency at the top of the story)", range.start, range.start));

  let signoff: Signoff | null = null;
  if (so) {
    signoff = {
      ...part(so),
      agency: agencyRef(so.agency),
      codes: so.codes.map((c) => {
        const t = text.slice(c.start, c.end);
        return { text: t, latin: latinOfCode(t) };
      }),
    };
  } else if (first >= 0) {
    findings.push(finding("missing-signoff", "no sign-off found (agency and desk codes at the end)", range.end, range.end));
  }

  const paragraphs: Paragraph[] = paras.map((p) => ({
    ...part(p),
    break: p.break,
    sentences: sentencesOf(text, p).map((s) => ({ span: span(pos, s) })),
  }));

  return {
    schema: "wire.story/1",
    source,
    language,
    agency: dateline?.agency ?? signoff?.agency ?? null,
    headline: headline ? part(headline) : null,
    dateline,
    byline: byline ? part(byline) : null,
    paragraphs,
    quotes: [],
    attributions: [],
    signoff,
    diagnostics: toDiagnostics(pos, findings),
  };
}

function span(pos: Positions, r: Range) {
  return { start: pos.cp(r.start), end: pos.cp(r.end) };
}

function places(text: string, dl: DatelineMatch, findings: Finding[]): Place[] {
  return dl.places.map((r) => {
    const t = text.slice(r.start, r.end);
    const e = lookupPlace(t);
    if (!e) findings.push(finding("unknown-place", `place "${t}" is not in the gazetteer`, r.start, r.end));
    return { text: t, name: e?.name ?? null, country: e?.country ?? null };
  });
}

function dateParts(text: string, dl: DatelineMatch, options: StoryOptions, findings: Finding[]): DateParts | null {
  const d = dl.date;
  if (!d) return null;
  const t = text.slice(d.start, d.end);
  if (!isValidDate(d.day, d.month, d.year)) {
    findings.push(finding("invalid-date", `"${t}" is not a date that exists; kept as written`, d.start, d.end));
    return { text: t, day: d.day, month: d.month, year: d.year, yearFrom: d.year === null ? null : "text", iso: null };
  }
  if (d.year !== null) return { text: t, day: d.day, month: d.month, year: d.year, yearFrom: "text", iso: isoDate(d.year, d.month, d.day) };
  if (options.refDate) {
    const y = inferYear(d.day, d.month, options.refDate);
    findings.push(finding("year-inferred", `year ${y} inferred from the reference date`, d.start, d.end));
    return { text: t, day: d.day, month: d.month, year: y, yearFrom: "ref-date", iso: isoDate(y, d.month, d.day) };
  }
  return { text: t, day: d.day, month: d.month, year: null, yearFrom: null, iso: null };
}

export function toDiagnostics(pos: Positions, findings: Finding[]): Diagnostic[] {
  return findings
    .slice()
    .sort((a, b) => a.start - b.start || a.end - b.end)
    .map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      span: span(pos, f),
      line: pos.line(f.start),
      column: pos.column(f.start),
    }));
}
