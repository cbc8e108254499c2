/**
 * Paragraphs of the body, and how each was separated from the one before.
 *
 * ```
 * > | ... ये जानकारी दी।उत्तर कोरिया की ...      a break lost upstream: `inferred`
 *                      ^
 * > | ... police said Saturday.They reached ...  the same in English
 *                             ^
 * > | ... for the season."Inspectors have ...    before a quote, when every mark before it is paired
 *                         ^
 * ```
 * One paragraph per line; but when blank lines separate the body's paragraphs and some block
 * holds several lines (hard-wrapped copy), each block is one paragraph.
 */
import type { BreakKind } from "../story.js";
import { isAbbreviation, isDevanagariInitial, isTitleAbbreviation } from "../data/index.js";
import leftovers from "../data/leftovers.json" with { type: "json" };
import speech from "../data/speech.json" with { type: "json" };
import {
  isAsciiDigit,
  isDevanagariLetter,
  isDevanagariWordChar,
  isHSpace,
  isLatinLetter,
  isLatinLower,
  isLatinUpper,
  isSpace,
} from "../text/chars.js";
import { isLetterMarkOrNumber, isLetterOrMark } from "../text/classes.js";
import { finding, type Finding } from "../diagnostics.js";
import { endsInWrapWord, isPageLeftover, isTrailingLeftover } from "./headline.js";
import type { Range } from "../text/range.js";

export interface Segment extends Range {
  /** A blank line stands between this segment and the previous one. */
  blankBefore: boolean;
  /** A break tag (`<br>`, `<p>`) stands between this segment and the previous one. */
  breakBefore?: boolean;
  /** The segment starts its line and the line is indented. */
  indented?: boolean;
  /** The line before ended in a break tag that only wraps the line (`...on<br/>`). */
  wrapped?: boolean;
}

export interface ParagraphMatch extends Range {
  break: BreakKind;
}

export function paragraphsOf(text: string, segments: Segment[], findings: Finding[]): ParagraphMatch[] {
  const mode = modeOf(text, segments);
  const width = mode === "lines" || mode === "blocks" ? wrapWidth(segments) : 0;
  const raw: ParagraphMatch[] = [];
  for (const [k, seg] of segments.entries()) {
    const prev = raw[raw.length - 1];
    const before = segments[k - 1];
    let joins = mode === "tags" ? !seg.breakBefore : mode === "indent" ? !seg.indented : mode === "blocks";
    // A wrapped line continues its paragraph unless it is indented after a finished sentence.
    if (seg.wrapped && !seg.breakBefore && prev) joins = !(seg.indented && endsSentence(text, prev));
    // In copy with blank lines between blocks, a line far longer than any wrap width that ends a
    // sentence is a paragraph of its own: pages that keep one paragraph per line and leave a blank
    // line only here and there.
    if (joins && mode === "blocks" && prev && before && !seg.blankBefore && unwrappedLine(text, before)) joins = false;
    // In a block hard-wrapped at a fixed width, a line that ends a sentence short enough for the
    // next line's first word to have fitted ends its paragraph: copy that lost the blank lines
    // between its paragraphs (`... in his` / `prize-winning novel.` / `Eimi Yamada, a ...`).
    if (joins && mode === "blocks" && width > 0 && before && !seg.blankBefore && shortEnd(text, before, seg, width))
      joins = false;
    // A line break inside brackets (`(NSE:` / `INFY` / `)`) never ends a paragraph.
    if (prev && !joins && openBracket(text, prev)) joins = true;
    // One paragraph per line, but a line that starts in lower case after one that ends mid-sentence
    // is a wrapped line of the same sentence (`...the police` / `said on Monday.`).
    if (prev && !joins && mode === "lines" && softWrap(text, prev, seg)) joins = true;
    // In copy hard-wrapped at a fixed width, a full line that ends mid-sentence continues into the
    // next line whatever its first letter (`...the late Stephen` / `Kim Sou-hwan, the ...`).
    if (prev && !joins && width > 0 && before && fullLineWrap(text, before, seg, width)) joins = true;
    // A bullet opens an item of its own (`• ‘It’s crazy,’ driver says` / `• Army tanker drivers ...`).
    if (prev && joins && !seg.wrapped && bulletAt(text, seg.start, seg.end)) joins = false;
    // Nor does a line that ends in a preposition, an article or a conjunction (`BEIJING, April 18
    // Average new home prices in` / `China's 70 major cities ...`: hard-wrapped copy whose first
    // line the dateline's cut tag left short).
    if (
      prev &&
      !joins &&
      isLetterMarkOrNumber(text.charCodeAt(seg.start)) &&
      endsInWrapWord(text.slice(Math.max(prev.start, prev.end - 16), prev.end))
    )
      joins = true;
    // A title before a name never ends a paragraph (`... the visiting Chadian leader, Gen.` / `Idriss Mahamat, ...`).
    if (prev && !joins && endsInTitle(text, prev) && isLetterOrMark(text.charCodeAt(seg.start))) joins = true;
    if (prev && joins && !seg.blankBefore) {
      prev.end = seg.end;
      continue;
    }
    raw.push({ start: seg.start, end: seg.end, break: !prev ? "start" : seg.blankBefore ? "blank-line" : "newline" });
  }
  const out: ParagraphMatch[] = [];
  for (const p of raw) splitGlued(text, p, out, findings);
  return out;
}

const SENTENCE_END = /[।॥.?!]["'”’)\]]*$/u;

/** Whether the segment opens with a bullet and a space (`•`, `●`, `▪`, `◦`, `‣`, `*`). */
function bulletAt(text: string, from: number, to: number): boolean {
  let k = from;
  while (k < to && isHSpace(text.charCodeAt(k))) k++;
  return k + 1 < to && "•●▪◦‣*".includes(text[k]!) && isHSpace(text.charCodeAt(k + 1));
}

/** Longer than any width copy is wrapped at (wrapped lines run to 60–100 characters). */
const UNWRAPPED = 240;

/** The text of `r` ends a sentence (`।`, `.`, `?`, `!`, maybe before closing marks). */
function endsSentence(text: string, r: Range): boolean {
  return SENTENCE_END.test(text.slice(Math.max(r.start, r.end - 4), r.end));
}

/** A line longer than `UNWRAPPED` that ends a sentence: no wrapped line of a paragraph. */
function unwrappedLine(text: string, line: Segment): boolean {
  return line.end - line.start > UNWRAPPED && endsSentence(text, line);
}
/** Hindi words no sentence opens with: postpositions and auxiliaries (`को`, `से`, `है` ...). */
const HI_NEVER_FIRST = new Set([...speech.hi.postpositions, ...speech.hi.auxiliaries]);

/** True when `p` ends in a title and its full stop (`Gen.`, `Dr.`, `डॉ.`), a word of its own. */
function endsInTitle(text: string, p: Range): boolean {
  let e = p.end;
  if (text.charCodeAt(e - 1) !== 0x2e) return false;
  e--;
  let k = e;
  while (k > p.start && e - k <= 8 && isLetterOrMark(text.charCodeAt(k - 1))) k--;
  if (k === e || (k > p.start && !isSpace(text.charCodeAt(k - 1)))) return false;
  return isTitleAbbreviation(text.slice(k, e));
}

/** True when the paragraph so far ends inside a bracket opened at most 40 characters before its end. */
function openBracket(text: string, p: Range): boolean {
  // Only the last 40 characters are looked at: a search through the whole text before them
  // made a text of many short lines (2 MB of `a\r`) quadratic.
  const from = Math.max(p.start, p.end - 40);
  for (let i = p.end - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (c === 0x29) return false; // `)`: the last bracket before the end is closed
    if (c === 0x28) return true; // `(`: open at the end
  }
  return false;
}

/**
 * The width copy is hard-wrapped at, or 0 when it does not look hard-wrapped: at least four
 * lines, the longest 50 to 100 characters, and half the lines within 80% of it. One or two lines
 * longer than any width (a lead a page kept on one line above the wrapped rest) are left out
 * when eight lines or more are left.
 */
function wrapWidth(segments: Segment[]): number {
  if (segments.length < 4) return 0;
  let max = 0;
  let longer = 0;
  for (const s of segments) {
    const n = s.end - s.start;
    if (n > 100) longer++;
    else max = Math.max(max, n);
  }
  if (max < 50 || (longer > 0 && (longer > 2 || segments.length - longer < 8))) return 0;
  const full = segments.filter((s) => s.end - s.start >= max * 0.8 && s.end - s.start <= max).length;
  return full * 2 >= segments.length - longer ? max : 0;
}

/**
 * True when line `prev` fills the wrap width (80% of it or more) and either ends mid-sentence in a
 * Latin letter, a figure or a comma while `seg` starts with a letter, a figure or a quote mark, or
 * `seg` starts with a lower-case Latin letter.
 */
function fullLineWrap(text: string, prev: Range, seg: Range, width: number): boolean {
  // The line's own width: a dateline before the segment (`BEIJING -- South ...`) counts too.
  let lineStart = prev.start;
  while (lineStart > 0 && prev.start - lineStart < width && text[lineStart - 1] !== "\n") lineStart--;
  if (prev.end - lineStart < width * 0.8) return false;
  // `...a nuclear state,"` / `Stewart Upton, spokesman ...`: a closing quote mark after a comma.
  const e = beforeClosers(text, prev, prev.end);
  const last = text.charCodeAt(e - 1);
  const ends = e === prev.end ? isLatinLetter(last) || isAsciiDigit(last) || last === 0x2c : last === 0x2c;
  // A line starting in lower case goes on whatever ends the full line before it (`... the U.S.` /
  // `and South Korea ...`, `... News Agency (KCNA)` / `said.`): no paragraph opens in lower case.
  if (!ends) return isLatinLower(text.charCodeAt(seg.start));
  return /^["“‘'(]?[\p{L}\p{N}]/u.test(text.slice(seg.start, seg.start + 2));
}

/**
 * A line that ends a sentence where the next line's first word would still have fitted within
 * the width the copy is wrapped at: the line was ended, not wrapped.
 */
function shortEnd(text: string, line: Range, next: Range, width: number): boolean {
  let lineStart = line.start;
  while (lineStart > 0 && line.start - lineStart < width && text[lineStart - 1] !== "\n") lineStart--;
  let w = next.start;
  while (w < next.end && !isSpace(text.charCodeAt(w))) w++;
  return line.end - lineStart + 1 + (w - next.start) <= width && endsSentence(text, line);
}

/**
 * True when `prev` ends mid-sentence (a lower-case letter or a comma, maybe before a closing
 * quote mark) and `seg` starts in lower case: hard-wrapped copy without blank lines; in Hindi,
 * when `prev` ends in a letter and `seg` starts with one.
 */
function softWrap(text: string, prev: Range, seg: Range): boolean {
  // Hindi has no lower case, but no sentence opens with a postposition or an auxiliary: a line
  // that ends in a letter runs on into one that starts with such a word (`... मोदी ने गुरुवार` /
  // `को कहा कि ...`).
  if (isDevanagariLetter(text.charCodeAt(seg.start))) {
    let e = prev.end;
    while (e > prev.start && isSpace(text.charCodeAt(e - 1))) e--;
    let w = seg.start;
    while (w < seg.end && !isSpace(text.charCodeAt(w))) w++;
    return (
      e > prev.start && isDevanagariWordChar(text.charCodeAt(e - 1)) && HI_NEVER_FIRST.has(text.slice(seg.start, w))
    );
  }
  if (!isLatinLower(text.charCodeAt(seg.start))) return false;
  let e = prev.end;
  while (e > prev.start && isSpace(text.charCodeAt(e - 1))) e--;
  // `...by evening,"` / `he said.`: a closing quote mark after the comma still leaves the sentence open.
  e = beforeClosers(text, prev, e);
  const last = text.charCodeAt(e - 1);
  return e > prev.start && (isLatinLower(last) || last === 0x2c);
}

/**
 * How the copy marks paragraphs: `tags` (HTML break tags; line ends are wraps), `indent`
 * (an indented line starts a paragraph, others continue it: Reuters), `blocks` (blank lines;
 * hard-wrapped lines inside), or `lines` (one paragraph per line).
 */
function modeOf(text: string, all: Segment[]): "tags" | "indent" | "blocks" | "lines" {
  if (all.some((s) => s.breakBefore)) return "tags";
  // A web page's leftover lines (`ADVERTISEMENT`, the time stamp closing the story) go later
  // (`dropPageLeftovers`): the blank lines around them say nothing of the copy's paragraphs.
  const segments = all.filter((s, k) => !isLeftover(text, s, k === all.length - 1));
  let indented = 0;
  let flush = 0;
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i]!;
    if (s.indented) indented++;
    else if (!s.blankBefore) flush++;
  }
  if (indented >= 2 && flush >= 1) return "indent";
  return usesBlocks(text, segments) ? "blocks" : "lines";
}

/** What `dropPageLeftovers` drops from the body: a page's leftover line, a time stamp at its end. */
function isLeftover(text: string, s: Segment, last: boolean): boolean {
  if (s.end - s.start > 120) return false;
  const line = text.slice(s.start, s.end);
  return last ? isTrailingLeftover(line) : isPageLeftover(line);
}

/**
 * Blank lines between blocks of several lines: hard-wrapped copy, one paragraph per block. But
 * when nearly every line inside the blocks ends a sentence, the lines are the paragraphs and a
 * blank line is only here and there (after the headline, before the last paragraph).
 */
function usesBlocks(text: string, segments: Segment[]): boolean {
  let blank = false;
  let inner = 0;
  let ended = 0;
  for (let i = 1; i < segments.length; i++) {
    if (segments[i]!.blankBefore) blank = true;
    else {
      inner++;
      if (endsSentence(text, segments[i - 1]!)) ended++;
    }
  }
  if (!blank || inner === 0) return false;
  return inner < 3 || ended < inner * 0.8;
}

/** Splits a paragraph where a line break was lost (`दी।उत्तर`, `Saturday.They`). */
function splitGlued(text: string, p: ParagraphMatch, out: ParagraphMatch[], findings: Finding[]): void {
  let start = p.start;
  let kind = p.break;
  // The double quotation marks since `start`: whether every one before a mark is paired.
  const marks = { straight: 0, open: 0, close: 0 };
  for (let i = p.start + 1; i < p.end - 1; i++) {
    const c = text.charCodeAt(i);
    countMark(marks, text.charCodeAt(i - 1));
    let glued = false;
    // `।दि12 बाढ़ लीड ...`: a desk slug glued after the danda is no new paragraph.
    if (c === 0x0964) glued = isDevanagariLetter(text.charCodeAt(i + 1)) && !SLUG_AT.test(text.slice(i + 1, i + 12));
    else if (c === 0x2e) glued = gluedFullStop(text, i, p.start) || gluedQuoteStart(text, i, p.start, marks);
    if (!glued) continue;
    out.push({ start, end: i + 1, break: kind });
    findings.push(finding("glued-paragraph", "paragraph break inferred where a line break seems lost", i + 1, i + 1));
    start = i + 1;
    kind = "inferred";
    marks.straight = marks.open = marks.close = 0;
  }
  out.push({ start, end: p.end, break: kind });
}

/** `Saturday.They`: a lower-case word, a full stop, then a capitalised word, with no space. */
function gluedFullStop(text: string, i: number, from: number): boolean {
  if (!isLatinLower(text.charCodeAt(i - 1)) || !isLatinUpper(text.charCodeAt(i + 1))) return false;
  const after = text.charCodeAt(i + 2);
  if (!(isLatinLower(after) || isSpace(after) || Number.isNaN(after))) return false;
  return endsPlainWord(text, i, from);
}

/** Whether the word before the full stop at `i` is no abbreviation (`Gov.`) and holds no stop (`U.S.`). */
function endsPlainWord(text: string, i: number, from: number): boolean {
  let k = i;
  const floor = Math.max(from, i - 24);
  while (k > floor && /[A-Za-z.]/.test(text[k - 1]!)) k--;
  const word = text.slice(k, i);
  return !word.includes(".") && !isAbbreviation(word);
}

interface MarkCount {
  straight: number;
  open: number;
  close: number;
}

function countMark(m: MarkCount, c: number): void {
  if (c === 0x22) m.straight++;
  else if (c === 0x201c) m.open++;
  else if (c === 0x201d) m.close++;
}

/**
 * `patriotism."I appeal ...`, `of the state.”I have spent ...`: a lower-case word, a full stop, a
 * double quotation mark that opens a quote, then a capital, with no space: the next paragraph
 * opens with a quote. The mark opens when every double mark before it in the paragraph is paired
 * (`marks`): then `"` and a wrongly turned `”` close nothing.
 */
function gluedQuoteStart(text: string, i: number, from: number, marks: MarkCount): boolean {
  const q = text.charCodeAt(i + 1);
  if (q !== 0x22 && q !== 0x201c && q !== 0x201d) return false;
  if (!isLatinLower(text.charCodeAt(i - 1)) || !isLatinUpper(text.charCodeAt(i + 2))) return false;
  return marks.straight % 2 === 0 && marks.open === marks.close && endsPlainWord(text, i, from);
}

const isQuoteCloser = (c: number) => c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019;

/** Where the closing quote marks that end `p` before `end` start (`end` when there are none). */
function beforeClosers(text: string, p: Range, end: number): number {
  let e = end;
  while (e > p.start + 1 && isQuoteCloser(text.charCodeAt(e - 1))) e--;
  return e;
}

/** `।` `॥` `?` `!` `.`: what ends a sentence. */
const isTerminator = (c: number) => c === 0x0964 || c === 0x0965 || c === 0x3f || c === 0x21 || c === 0x2e;
/** `"` `'` `”` `’` `»` `)` `]` `›`: what may follow a terminator inside its sentence. */
const isCloser = (c: number) =>
  c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 0x29 || c === 0x5d || c === 0x203a;
const SLUG_AT = new RegExp(String.raw`^(?:${leftovers.slugPrefixes.join("|")})\d{1,3}\s`, "u");

/** Sentence spans of a paragraph: after `।`, `॥`, `?`, `!`, `.` (not after abbreviations or initials). */
export function sentencesOf(text: string, p: Range): Range[] {
  const out: Range[] = [];
  let s = skipSpace(text, p.start, p.end);
  let i = s;
  while (i < p.end) {
    const ch = text.charCodeAt(i);
    if (!isTerminator(ch)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < p.end && (isTerminator(text.charCodeAt(j)) || isCloser(text.charCodeAt(j)))) j++;
    const atEnd = j >= p.end;
    if ((atEnd || isSpace(text.charCodeAt(j))) && (ch !== 0x2e || fullStopEnds(text, i, j, p))) {
      out.push({ start: s, end: j });
      s = skipSpace(text, j, p.end);
      i = s;
      continue;
    }
    i = j;
  }
  if (s < p.end) {
    let e = p.end;
    while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}

function fullStopEnds(text: string, dot: number, after: number, p: Range): boolean {
  // The word before the dot.
  let k = dot;
  const floor = Math.max(p.start, dot - 24);
  while (k > floor && (isLetterOrMark(text.charCodeAt(k - 1)) || text.charCodeAt(k - 1) === 0x2e)) k--;
  const word = text.slice(k, dot);
  if (word.length === 0) return true;
  if (isAbbreviation(word)) return false;
  if (word.includes(".") && /^[\p{L}.]+$/u.test(word) && word.split(".").every((w) => w.length <= 2)) return false; // U.S, K.J.M
  if (word.length === 1 && isLatinUpper(word.charCodeAt(0))) return false; // an initial
  if (isDevanagariInitial(word)) return false; // an initial in Devanagari (`बेला एम. त्रिवेदी`)
  const next = skipSpace(text, after, p.end);
  if (next < p.end) {
    const c = text.charCodeAt(next);
    if (isLatinLower(c) || (c >= 0x30 && c <= 0x39)) return false;
  }
  return true;
}

function skipSpace(text: string, from: number, to: number): number {
  let k = from;
  while (k < to && (isSpace(text.charCodeAt(k)) || isHSpace(text.charCodeAt(k)))) k++;
  return k;
}
