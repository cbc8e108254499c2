/**
 * Splits an input into stories: after a sign-off that more copy follows, and at a dateline line
 * that starts a new story after a finished one (the previous line ends a sentence). A headline
 * line right above that dateline belongs to the new story.
 *
 * ```
 * > | ... यात्रा करेंगे।
 * > | --आईएएनएस            <- sign-off: the first story ends here
 * > | एसकेपी
 * > | दूसरी खबर का शीर्षक     <- headline of the second story
 * > | मुंबई, 15 सितंबर (आईएएनएस)। ...
 * ```
 * Copy whose line breaks were lost is cut inside a line: a headline glued to the last word of
 * the story before (`... 12 घायलमुंबई में इमारत गिरी` above `मुंबई, 4 मई (आईएएनएस)।`), and the
 * items of a roundup that each open with a desk slug, a headline and a glued `PLACE :` dateline
 * (`...है ।दि12 बाढ़ लीड राहत असम में बाढ़ से हालात बिगड़ेनयी दिल्ली : ...`): such an item
 * inherits the roundup's agency; its slug stays at the end of the story before. A line after a
 * finished sentence that opens with a headline glued to its lead, with no dateline
 * (`हवाई में नाव पर लावा गिरा, 23 घायलहवाई में ...`), starts a story that inherits the agency too.
 * So does each item of a digest after a separator line (`-----------------`), its headline and
 * its dateline (Yonhap's summaries: `SEOUL -- ...`).
 *
 * Every line is tested once, with bounded work per line, so splitting is linear.
 */
import { nextContent, type Line } from "./lines.js";
import type { Range } from "../text/range.js";
import { datelineAt, roundupItemAt, type DatelineFound, type DatelineMatch } from "./dateline.js";
import { isBlank, isHSpace } from "../text/chars.js";
import { isLetterOrMark } from "../text/classes.js";
import table from "../data/leftovers.json" with { type: "json" };
import { findSignoff } from "./signoff.js";
import { gluedLeadAt, headerKind, isHeadline, isTrailingLeftover, RULE } from "./headline.js";
import { mayHoldSlug } from "./leftovers.js";

export interface StoryRange extends Range {
  lines: Line[];
  /** A roundup item: the story takes the agency of the story before it when it names none. */
  inherits?: boolean;
}

interface Start {
  line: number;
  /** Where inside the line the story starts, when not at the line's start. */
  at: number | null;
  inherits: boolean;
}

const SLUG = new RegExp(String.raw`(?:^|[\s।:])((?:${table.slugPrefixes.join("|")})\d{1,3})\s`, "gu");
const SLUG_LEAD = new Set(table.slugLead);
/** How far after a desk slug the item's dateline may stand. */
const ITEM_REACH = 400;

const FINAL = /[।॥.?!"”’)\]]$/u;
/** A dash and a word in title case ending a line: maybe an agency's mark after the last sentence. */
const GLUED_DASH_TAG = /[.!?”"’][ \t]*[-–—―][ \t]*\p{Lu}[\p{L}]+$/u;
/** A line longer than this is a paragraph of copy (with a sign-off glued to it, or ending a sentence), no headline or credit line. */
const PROSE = 80;
/** The longest bracketed sign-off line read (Reuters' reporters and editors of a long story). */
const LONG_SIGNOFF = 400;
/** How many characters of a lead tell it again. */
const LEAD_KEY = 40;

/** A mark that opens a quotation in a headline: `‘`, `“`, `"`, and `'` at a word's start. */
const OPENING_MARK = /[‘“"]|^'/u;

export function splitStories(text: string, lines: Line[], split = true): StoryRange[] {
  const whole = [{ start: 0, end: text.length, lines }];
  if (!split) return whole;
  const starts: Start[] = []; // where later stories start
  let body = false; // the current story has copy after its dateline
  let seenDateline = false;
  let undatedCopy = false; // the current story, with no dateline yet, has had a paragraph of copy (`PROSE`, ending a sentence)
  let last = -1; // the last non-blank line
  let beforeLast = -1; // the one before it
  let afterSignoff = false;
  // The sign-off just met is an agency's tag in brackets after a sentence (`... July 30, 2023. (Yonhap)`).
  let bracketedMark = false;
  const contentOf = (k: number) => text.slice(lines[k]!.contentStart, lines[k]!.contentEnd);
  const finished = (k: number) => k >= 0 && FINAL.test(contentOf(k));
  const isRule = (k: number) => k >= 0 && RULE.test(contentOf(k));
  const at = (line: number, pos: number | null = null, inherits = false) => starts.push({ line, at: pos, inherits });
  // The current story's dateline and the start of its lead, to tell a page's repeat of them.
  let opened: { dateline: string; lead: string } | null = null;
  /** The first words of the lead after dateline `d` of line `k` (on its line, or on the next). */
  const leadOf = (d: DatelineFound, k: number): string => {
    const L = lines[k]!;
    let from = d.end;
    if (isBlank(text.slice(from, L.contentEnd))) {
      const n = nextContent(lines, k);
      if (n < 0) return "";
      from = lines[n]!.contentStart;
    }
    while (from < text.length && isHSpace(text.charCodeAt(from))) from++;
    return text.slice(from, from + LEAD_KEY);
  };
  const sameLead = (d: DatelineFound, k: number): boolean =>
    opened !== null && opened.dateline === text.slice(d.start, d.end).trim() && opened.lead === leadOf(d, k);
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    const content = contentOf(i);
    const dl = l.contentEnd - l.contentStart > 3 ? datelineAt(text, lines, i) : null;
    const isDateline = dl !== null;
    // The current story's dateline and lead printed again (a page's summary, then the story).
    const repeat = isDateline && sameLead(dl, i);
    // A page's leftover line after a sign-off (`Next Story`, a time stamp) still belongs to its story.
    if (afterSignoff && !isDateline && isTrailingLeftover(content)) continue;
    if (afterSignoff && bracketedMark && !isDateline && isCopyLine(content)) {
      // A photo's caption credited with the agency's tag in brackets (`Children play in a pool in
      // Seoul on July 30, 2023. (Yonhap)`), then more paragraphs of copy with no dateline or
      // headline: the same story goes on (a story ending in that tag is followed by a headline
      // or a dateline).
      afterSignoff = false;
    }
    if (afterSignoff) {
      // Copy after a sign-off starts a new story (this line is its headline or its dateline);
      // desk codes glued to its headline (`एमकेएसभोपाल में ...`) stay with the sign-off.
      const nx = isDateline ? -1 : nextContent(lines, i);
      const next = nx >= 0 ? datelineAt(text, lines, nx) : null;
      at(i, next ? gluedPlace(text, l.contentStart, Math.min(l.contentEnd, l.contentStart + 40), next) : null);
      afterSignoff = false;
      body = false;
      seenDateline = isDateline;
      undatedCopy = false;
    } else if (isDateline && seenDateline && body && contentOf(last) !== content && !repeat) {
      // (A dateline line that repeats the line above is the same story: a page's summary that
      // repeats the lead, then the story from its dateline; so is the same dateline again before
      // the same lead, `नयी दिल्ली, 20 जुलाई (भाषा) NEET ...` / `नयी दिल्ली, 20 जुलाई (भाषा)` / `NEET ...`.)
      if (finished(last)) {
        at(i, null, dl.agency === null);
        body = false;
      } else if (last >= 0 && isHeadline(contentOf(last)) && finished(beforeLast)) {
        // A headline right above belongs to the new story.
        at(last, null, dl.agency === null);
        body = false;
      } else if (isRule(last) || (isRule(beforeLast) && isHeadline(contentOf(last)))) {
        // A digest's item: a separator line, the item's headline, its dateline; the item takes
        // the digest's agency when its dateline names none (`SEOUL -- ...`).
        at(isRule(last) ? last : beforeLast, null, true);
        body = false;
      } else {
        // A headline glued to the last word of the story before.
        const cut = gluedHeadline(text, lines[last]!, dl);
        if (cut !== null) {
          at(last, cut);
          body = false;
        }
      }
    }
    if (!isDateline && seenDateline && body && finished(last) && gluedLeadAt(content) !== null) {
      // A story with no dateline whose headline is glued to its lead (`... 23 घायलहवाई में ...`).
      at(i, null, true);
      body = false;
    }
    if (isDateline && !repeat) opened = { dateline: text.slice(dl.start, dl.end).trim(), lead: leadOf(dl, i) };
    if (isDateline) {
      seenDateline = true;
      // The lead on the dateline's own line is body too.
      if (dl.end < l.contentEnd - 1) body = true;
    } else if (seenDateline) body = true;
    if (seenDateline && body) for (const h of roundupItems(text, l)) at(i, h, true);
    // Briefs with no dateline, each closed by its agency (`... the company added. - Bernama`):
    // a sign-off glued to a paragraph of copy, or after one, ends it as a dateline's story's
    // sign-off does (not a credit line under a headline or a photo's caption: `PTI` above the lead).
    const prose = !seenDateline && content.length > PROSE;
    if ((seenDateline && body) || undatedCopy || prose) {
      const end = signoffEnding(text, lines, i);
      if (end) {
        afterSignoff = true;
        bracketedMark = end.rule === "glued-end-mark" && text[end.start] === "(";
      }
    }
    if (prose && !undatedCopy && isCopyLine(content)) undatedCopy = true;
    beforeLast = last;
    last = i;
  }
  if (starts.length === 0) return whole;
  const out: StoryRange[] = [];
  let from: Start = { line: 0, at: null, inherits: false };
  for (const s of starts) {
    if (
      s.line < from.line ||
      (s.line === from.line && (s.at ?? lines[s.line]!.start) <= (from.at ?? lines[from.line]!.start))
    )
      continue;
    out.push(range(text, lines, from, s));
    from = s;
  }
  out.push(range(text, lines, from, null));
  return out.filter((r) => r.lines.some((l) => !l.blank));
}

/**
 * Where a headline glued to the end of line `l` starts: after the line's last sentence end, the
 * first word whose tail is the place the next dateline names (`घायलमुंबई में ...`). Null when
 * there is none.
 */
function gluedHeadline(text: string, l: Line, dl: DatelineMatch): number | null {
  let s = Math.max(l.contentStart, l.contentEnd - 300);
  for (let k = l.contentEnd - 1; k >= s; k--) {
    if ("।॥.?!".includes(text[k]!)) {
      s = k + 1;
      break;
    }
  }
  return gluedPlace(text, s, l.contentEnd, dl);
}

/** The first place in [s, e) where the dateline's first place stands glued to a word before it. */
function gluedPlace(text: string, s: number, e: number, dl: DatelineMatch): number | null {
  const place = dl.places[0];
  if (!place) return null;
  const name = text.slice(place.start, place.end);
  if (name.length < 2) return null;
  for (let k = text.indexOf(name, s); k >= 0 && k < e; k = text.indexOf(name, k + 1)) {
    // Glued: a letter right before the name, none right after it.
    const after = k + name.length;
    if (
      k > s &&
      isLetterOrMark(text.charCodeAt(k - 1)) &&
      !(after < text.length && isLetterOrMark(text.charCodeAt(after)))
    )
      return k;
  }
  return null;
}

/** Where the headlines of roundup items on line `l` start (after each desk slug with an item dateline). */
function roundupItems(text: string, l: Line): number[] {
  if (l.contentEnd - l.contentStart < 40) return [];
  const out: number[] = [];
  const s = text.slice(l.contentStart, l.contentEnd);
  if (!mayHoldSlug(s)) return out;
  for (const m of s.matchAll(SLUG)) {
    const slugStart = l.contentStart + m.index! + m[0].length - m[1]!.length - 1;
    const h = slugEnd(text, slugStart, l.contentEnd);
    if (h !== null && roundupItemAt(text, h, Math.min(l.contentEnd, h + ITEM_REACH))) out.push(h);
  }
  return out;
}

/**
 * Where a desk slug ends and the item's headline starts. The slug is a code and a few keywords
 * (`दि28 वायरस लॉकडाउन लीड सरकार`, `प्रादे15 मप्र वायरस मौत`); the headline starts one word after
 * `लीड`, or where a keyword comes back (`दि5 वायरस एम्स एम्स का ...`), also glued to the last
 * keyword (`... वायरस मौतमप्र में ...`), or at an opening quotation mark (`दि8 वायरस मामले ‘कोविड-19: ...`);
 * failing those, after three keywords.
 */
function slugEnd(text: string, from: number, to: number): number | null {
  const words: { start: number; end: number; text: string }[] = [];
  let k = from;
  while (k < to && words.length < 9) {
    while (k < to && isHSpace(text.charCodeAt(k))) k++;
    const ws = k;
    while (k < to && !isHSpace(text.charCodeAt(k))) k++;
    if (k > ws) words.push({ start: ws, end: k, text: text.slice(ws, k) });
  }
  const keys: string[] = [];
  for (let i = 1; i < words.length && i <= 7; i++) {
    const w = words[i]!;
    if (i >= 2 && SLUG_LEAD.has(words[i - 2]!.text)) return w.start;
    // An opening quotation mark is never in a slug: the headline starts there (`... मामले ‘कोविड-19: ...`,
    // glued `... इटली‘बहुत लंबे’ ...`).
    if (i >= 2) {
      const q = w.text.search(OPENING_MARK);
      if (q === 0 || (q > 0 && !isMarkAt(w.text, q))) return w.start + q;
    }
    if (i >= 2 && keys.includes(w.text)) return (words[i + 1]?.text === w.text ? words[i + 1]! : w).start;
    // A keyword glued to the headline's first word, which repeats an earlier keyword.
    if (i >= 2) {
      for (const key of keys) {
        const at = w.text.indexOf(key.length >= 3 ? key.slice(0, Math.max(3, key.length - 1)) : key, 1);
        if (key.length >= 2 && at > 0 && !isMarkAt(w.text, at)) return w.start + at;
      }
    }
    keys.push(w.text);
  }
  const w = words[4];
  return w ? w.start : null;
}

/** Whether position k of s holds a combining sign (no word starts there). */
function isMarkAt(s: string, k: number): boolean {
  return /[\p{M}]/u.test(s[k]!);
}

/** A paragraph of copy: longer than a headline (`PROSE`), ending a sentence, no header line. */
function isCopyLine(content: string): boolean {
  return content.length > PROSE && FINAL.test(content.trimEnd()) && headerKind(content) === null;
}

/** The sign-off that closes a story at line i (its last line, its codes included), or null. */
function signoffEnding(text: string, lines: Line[], i: number): { rule: string; start: number } | null {
  const l = lines[i]!;
  let end = l.contentEnd;
  while (end > l.contentStart && isHSpace(text.charCodeAt(end - 1))) end--;
  if (l.contentEnd - l.contentStart > PROSE) {
    if (text.endsWith(" -0-", end)) return { rule: "kcna-zero", start: end - 3 };
    // A long line is a paragraph: only an agency's mark glued after its last sentence
    // (`... the company added. - Bernama`) can close it.
    // (Most paragraphs end in a mark: the cheap test first.)
    // So can a long line in brackets: Reuters' `(Reporting by ...; Editing by ...)` naming many.
    const bracketed = text.charCodeAt(l.contentStart) === 0x28 && text.charCodeAt(end - 1) === 0x29;
    if (
      !(bracketed && end - l.contentStart <= LONG_SIGNOFF) &&
      (!isLetterOrMark(text.charCodeAt(end - 1)) ||
        !GLUED_DASH_TAG.test(text.slice(Math.max(l.contentStart, end - 40), end)))
    )
      return null;
  }
  const so = findSignoff(text, lines, Math.max(0, i - 2), i);
  if (!so || (so.end !== l.contentEnd && so.end !== end)) return null;
  // `--IANS` with its codes on the next line, `भाषा यासिर पवनेश` with a name again below, `भाषा`
  // with names on the next two lines: the story ends after those lines.
  const next = nextContent(lines, i);
  if (so.agency && next >= 0) {
    const withCodes = findSignoff(text, lines, so.firstLine, next);
    if (withCodes && withCodes.start === so.start && withCodes.end === lines[next]!.contentEnd) return null;
  }
  return so;
}

/**
 * Stories' places in a text as numbers, three per story (start, end, 1 when it inherits), from
 * `first` to `last` (exclusive) of `ranges`, shifted back by `base`: what a first pass over the
 * input learnt, handed to the second pass (`rangesAt`) so that each slice is not split again.
 */
export function boundsOf(ranges: StoryRange[], first = 0, last = ranges.length, base = 0): Int32Array {
  const out = new Int32Array((last - first) * 3);
  for (let k = first; k < last; k++) {
    const r = ranges[k]!;
    const j = (k - first) * 3;
    out[j] = r.start - base;
    out[j + 1] = r.end - base;
    out[j + 2] = r.inherits ? 1 : 0;
  }
  return out;
}

/**
 * The story ranges of `text` from their `boundsOf`: the same ranges `splitStories` gives (each
 * story's lines cut to it), found without trying any line as a dateline or a sign-off.
 */
export function rangesAt(text: string, lines: Line[], bounds: Int32Array): StoryRange[] {
  const out: StoryRange[] = [];
  let li = 0;
  // The Start of offset x: its line (bounds only grow, so the walk is linear) and where in it.
  const startAt = (x: number): Start => {
    while (li + 1 < lines.length && lines[li + 1]!.start <= x) li++;
    return { line: li, at: x === lines[li]!.start ? null : x, inherits: false };
  };
  for (let j = 0; j + 2 < bounds.length; j += 3) {
    const from = startAt(bounds[j]!);
    from.inherits = bounds[j + 2] === 1;
    const end = bounds[j + 1]!;
    const to = end >= text.length ? null : startAt(end);
    out.push(range(text, lines, from, to));
  }
  return out;
}

function range(text: string, lines: Line[], from: Start, to: Start | null): StoryRange {
  const end = to === null ? text.length : (to.at ?? lines[to.line]!.start);
  const lastLine = to === null ? lines.length : to.at === null ? to.line : to.line + 1;
  const ls = lines.slice(from.line, lastLine).map((l) => cut(text, l, from.at ?? l.start, end));
  const start = ls[0]!.start;
  return from.inherits ? { start, end, lines: ls, inherits: true } : { start, end, lines: ls };
}

/** Line l limited to [from, to). */
function cut(text: string, l: Line, from: number, to: number): Line {
  if (from <= l.start && to >= l.next) return l;
  const start = Math.max(l.start, from);
  const end = Math.min(l.end, to);
  const next = to < l.next ? end : l.next;
  let cs = Math.max(l.contentStart, start);
  let ce = Math.min(l.contentEnd, end);
  while (cs < ce && isHSpace(text.charCodeAt(cs))) cs++;
  while (ce > cs && isHSpace(text.charCodeAt(ce - 1))) ce--;
  return { start, end, next, contentStart: cs, contentEnd: Math.max(cs, ce), blank: ce <= cs };
}
