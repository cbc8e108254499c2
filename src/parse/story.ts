/**
 * One story: runs the recognisers over the story's lines and assembles the public record.
 * Internally every stage speaks UTF-16 offsets; `toRecord` turns them into code points,
 * lines and columns at the very end.
 */
import type {
  AgencyRef, Attribution, DateParts, Dateline, Diagnostic, Paragraph, Place, Quote, Signoff, Source, Story, TextPart,
} from "../story.js";
import { capFindings, finding, type Finding } from "../diagnostics.js";
import type { Positions } from "../text/positions.js";
import { latinOfCode } from "../data/index.js";
import { findDateline, type DatelineMatch } from "./dateline.js";
import type { Range } from "../text/range.js";
import { findSignoff, type SignoffMatch } from "./signoff.js";
import { headerKind, isHeadline } from "./headline.js";
import { paragraphsOf, sentencesOf, type Segment } from "./paragraphs.js";
import { detectLanguage } from "./language.js";
import { lookupPlace, lookupPlaceLoosely } from "./places.js";
import { inferYear, isValidDate, isoDate, type RefDate } from "./date.js";
import type { Line } from "./lines.js";
import { quotesOf } from "../quotes/index.js";
import { findCreditLine, findSlugs, splitTrailer } from "./leftovers.js";
import { plainText, tagsWithin, type Tag } from "../text/markup.js";
import { personName } from "../quotes/names.js";

export interface StoryOptions {
  refDate: RefDate | null;
  lang: string | null;
  /** The HTML tags of the whole input, found once (see text/markup.ts). */
  tags: Tag[];
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
  const tags = tagsWithin(options.tags, range.start, range.end);
  // A line holding nothing but markup (`<br>`, `</font>`) counts as blank for the recognisers.
  if (tags.length) lines = lines.map((l) => (l.blank || !onlyMarkup(text, l, tags) ? l : { ...l, blank: true }));
  const first = lines.findIndex((l) => !l.blank);
  const dl = findDateline(text, lines, tags);

  // Headline, byline: what stands before the dateline.
  let headline: Range | null = null;
  let byline: Range | null = null;
  const before: Range[] = [];
  if (dl) {
    // The headline is the first line that is not a wire header, an editor's note, a summary
    // bullet, a byline or a credit line; what follows it up to the dateline is kept in order.
    let headlineOpen = true;
    let bylineLine = -1;
    for (let i = first; i < dl.firstLine; i++) {
      const l = lines[i]!;
      if (l.blank) continue;
      const content = text.slice(l.contentStart, l.contentEnd);
      const r = { start: l.contentStart, end: l.contentEnd };
      const kind = headerKind(content);
      if (kind === "byline" && !byline) {
        byline = r;
        bylineLine = i;
      } else if (kind === "byline-credit" && byline && bylineLine >= 0 && prevContent(lines, i) === bylineLine) {
        byline = { start: byline.start, end: r.end };
        bylineLine = i;
      } else if (kind === null && headlineOpen && !headline && isHeadline(content)) {
        headline = r;
      } else {
        if (kind === "note" || kind === "slug" || kind === "credit") {
          findings.push(finding("header-line", kind === "note" ? "an editor's note above the dateline" : kind === "slug" ? "a wire header line above the dateline" : "a publisher's credit line above the dateline", r.start, r.end));
        }
        if (kind === null) headlineOpen = false;
        before.push(r);
      }
    }
    if (dl.prefix) {
      if (dl.prefix.kind === "byline" && !byline) byline = dl.prefix;
      else if (!headline && before.length === 0) headline = dl.prefix;
      else before.push(dl.prefix);
    }
  }

  // Sign-off: at the end, never overlapping the dateline.
  const minLine = dl ? dl.lastLine : Math.max(first, 0);
  // Markup at a line's edges (`--IANS<br/>`) is not part of the sign-off.
  const bare = tags.length ? lines.map((l) => (l.blank ? l : withoutEdgeMarkup(text, l, tags))) : lines;
  let so: SignoffMatch | null = first < 0 ? null : findSignoff(text, bare, minLine);
  if (so && dl && so.start < dl.end) so = null;

  // Body: everything else, cut into paragraphs.
  const bodyStart = dl ? dl.end : range.start;
  const bodyEnd = so ? so.start : range.end;
  const segments = bodySegments(text, lines, before, bodyStart, bodyEnd, tags);
  const paras = paragraphsOf(text, segments, findings);
  splitTrailer(text, paras, findings);
  findCreditLine(text, paras, findings);
  findSlugs(text, paras, findings);

  // Language and agency.
  const language = options.lang ?? detectLanguage(text, range.start, range.end);
  const hasMarkup = tags.length > 0 || /&(?:#\d|#x|[a-z]{2,8};)/iu.test(text.slice(range.start, range.end));
  const textOf = (r: Range) => (hasMarkup ? plainText(text, r.start, r.end, tags) : text.slice(r.start, r.end));
  const part = (r: Range): TextPart => ({ text: textOf(r), span: span(pos, r), line: pos.line(r.start) });
  if (tags.length) findings.push(finding("markup-removed", `${tags.length} HTML tag${tags.length === 1 ? "" : "s"} left out of the text`, tags[0]!.start, tags[0]!.end));
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

  const sentenceRanges = paras.map((p) => sentencesOf(text, p));
  const paragraphs: Paragraph[] = paras.map((p, k) => ({
    text: textOf(p),
    span: span(pos, p),
    line: pos.line(p.start),
    break: p.break,
    sentences: sentenceRanges[k]!.map((s) => ({ span: span(pos, s) })),
  }));

  // Quotes and reported speech.
  const found = quotesOf(text, paras.map((p, k) => ({ ...p, sentences: sentenceRanges[k]! })), findings);
  const person = (r: Range | null) => (r ? { text: textOf(r), name: personName(textOf(r)) } : null);
  const cue = (r: Range | null) => (r ? { text: textOf(r), span: span(pos, r) } : null);
  // Fields written out, not spread: object spread is slow on this hot path.
  const quotes: Quote[] = found.quotes.map((q) => ({
    text: textOf(q.inner),
    span: span(pos, q.inner),
    line: pos.line(q.inner.start),
    paragraph: q.paragraph + 1,
    kind: q.kind,
    speaker: person(q.speaker),
    via: person(q.via),
    cue: cue(q.cue),
    closed: q.closed,
  }));
  const attributions: Attribution[] = found.attributions.map((a) => ({
    kind: a.kind,
    source: person(a.source)!,
    cue: cue(a.cue)!,
    span: span(pos, a.span),
    line: pos.line(a.span.start),
    paragraph: a.paragraph + 1,
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
    quotes,
    attributions,
    signoff,
    diagnostics: toDiagnostics(pos, findings),
  };
}

function prevContent(lines: Line[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!lines[k]!.blank) return k;
  return -1;
}

function span(pos: Positions, r: Range) {
  return { start: pos.cp(r.start), end: pos.cp(r.end) };
}

function places(text: string, dl: DatelineMatch, findings: Finding[]): Place[] {
  return dl.places.map((r) => {
    const t = text.slice(r.start, r.end);
    let e = lookupPlace(t);
    if (!e) {
      e = lookupPlaceLoosely(t);
      if (e) findings.push(finding("place-spelling", `place "${t}" read as ${e.name} (spelt differently)`, r.start, r.end));
      else findings.push(finding("unknown-place", `place "${t}" is not in the gazetteer`, r.start, r.end));
    }
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
  return capFindings(findings).map((f) => ({
      code: f.code,
      severity: f.severity,
      message: f.message,
      span: span(pos, f),
      line: pos.line(f.start),
      column: pos.column(f.start),
    }));
}

/** True when a line holds only markup and white space. */
function onlyMarkup(text: string, l: Line, tags: Tag[]): boolean {
  let k = l.contentStart;
  for (const t of tagsWithin(tags, l.contentStart, l.contentEnd)) {
    if (text.slice(k, t.start).trim()) return false;
    k = t.end;
  }
  return !text.slice(k, l.contentEnd).trim();
}

/**
 * The body cut into segments (line pieces) for the paragraph stage, with what separates each
 * from the one before: a blank line, a break tag (`<br>`), indentation, or another part.
 */
function bodySegments(text: string, lines: Line[], before: Range[], bodyStart: number, bodyEnd: number, tags: Tag[]): Segment[] {
  const segments: Segment[] = [];
  let blank = false;
  let tagBreak = false;
  let barrier = false;
  let wrapped = false;
  // Hard-wrapped copy where every line ends in a break tag (`...on<br/>`): that tag is a wrap.
  const wraps = tags.length > 0 && endsInBreaks(text, lines, bodyStart, bodyEnd, tags);
  const push = (s: number, e: number, indented: boolean) => {
    const r = trimMarkup(text, s, e, tags);
    if (r.end > r.start) {
      const later = segments.length > 0;
      segments.push({ start: r.start, end: r.end, blankBefore: blank && later, breakBefore: tagBreak && later, barrier: barrier && later, indented, wrapped: wrapped && later });
      blank = tagBreak = barrier = wrapped = false;
    }
  };
  for (const r of before) push(r.start, r.end, false);
  barrier = true;
  for (const l of lines) {
    if (l.blank && !tagsWithin(tags, l.start, l.end).some((t) => t.isBreak)) {
      if (l.start >= bodyStart && l.start < bodyEnd) blank = true;
      continue;
    }
    if (l.contentEnd <= bodyStart) continue;
    if (l.contentStart >= bodyEnd) break;
    const s = Math.max(l.contentStart, bodyStart);
    const e = Math.min(l.contentEnd, bodyEnd);
    const indented = s === l.contentStart && (l.contentStart - l.start >= 2 || text[l.start] === "\t");
    // Break tags cut the line into pieces.
    let k = s;
    const inLine = tagsWithin(tags, s, e);
    if (wraps && inLine.length > 0 && inLine.every((t) => t.isBreak) && !text.slice(s, e).replace(TAG_TEXT, "").trim()) {
      // A line holding only break tags separates paragraphs like a blank line.
      if (segments.length > 0) blank = true;
      continue;
    }
    for (const t of inLine) {
      if (!t.isBreak) continue;
      push(k, t.start, indented && k === s);
      if (wraps && !text.slice(t.end, e).trim()) wrapped = true;
      else tagBreak = true;
      k = t.end;
    }
    push(k, e, indented && k === s);
  }
  return segments;
}

const TAG_TEXT = /<[^<>]*>/g;

/** True when most lines of the body that hold text end in a break tag (and there are at least two). */
function endsInBreaks(text: string, lines: Line[], bodyStart: number, bodyEnd: number, tags: Tag[]): boolean {
  let withText = 0;
  let ending = 0;
  for (const l of lines) {
    if (l.blank || l.contentEnd <= bodyStart) continue;
    if (l.contentStart >= bodyEnd) break;
    const inLine = tagsWithin(tags, l.contentStart, l.contentEnd);
    const last = inLine[inLine.length - 1];
    const onlyTags = !text.slice(l.contentStart, l.contentEnd).replace(TAG_TEXT, "").trim();
    if (onlyTags) continue;
    withText++;
    if (last && last.isBreak && last.end === l.contentEnd) ending++;
  }
  return ending >= 2 && ending * 5 >= withText * 3;
}

function withoutEdgeMarkup(text: string, l: Line, tags: Tag[]): Line {
  const r = trimMarkup(text, l.contentStart, l.contentEnd, tags);
  return r.start === l.contentStart && r.end === l.contentEnd ? l : { ...l, contentStart: r.start, contentEnd: r.end, blank: r.end <= r.start };
}

/** [s, e) without white space and markup at either edge. */
function trimMarkup(text: string, s: number, e: number, tags: Tag[]): Range {
  const inside = tags.length ? tagsWithin(tags, s, e) : [];
  let a = 0;
  let b = inside.length - 1;
  for (;;) {
    while (s < e && /\s/u.test(text[s]!)) s++;
    if (a <= b && inside[a]!.start === s) {
      s = inside[a++]!.end;
      continue;
    }
    break;
  }
  for (;;) {
    while (e > s && /\s/u.test(text[e - 1]!)) e--;
    if (a <= b && inside[b]!.end === e) {
      e = inside[b--]!.start;
      continue;
    }
    break;
  }
  return { start: s, end: Math.max(s, e) };
}
