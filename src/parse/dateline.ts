/**
 * The dateline: where and when the story was filed, and which agency filed it.
 *
 * ```
 * > | सोल, 14 सितंबर (आईएएनएस)। रूसी राष्ट्रपति ...      place, date, (tag), separator
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^
 * > | वॉशिंगटन (आईएएनएस): भारतीय मूल के ...               no date
 * > | भोपाल, आइएएनएस । मध्य प्रदेश में ...                tag without parentheses
 * > | आईएएनएस                                            tag alone, place on the next line
 * > | हैदराबाद।
 * > |     PORTLAND, Ore., Feb 26 - Oregon ...            no tag: CAPS place, date, dash
 * > | By Lalit K Jha Washington, Jul 27 (PTI) ...        byline before the place
 * > | Mar 4 (Reuters) - ...   (Reuters) - ...             no place: a date alone, or the tag opening the line
 * > | CHICAGO (REUTERS) - ...                            tags in capitals
 * > | LIMA, Peru (AP) _ ...                              AP's raw wire separator
 * > | PUNE/MUMBAI: (Mar 3) ...                           place, colon, the date in brackets
 * > | PERTH, May 9 AAP - ...                             the tag after the date, no brackets
 * > | AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ -- ...   the tag between slashes
 * > | SEOUL -- ...   PAJU, South Korea -- ...            a summary item: CAPS place and `--` only
 * > | NEW YORK — The Walt Disney Co. ...                 a paper's AP copy: a known CAPS place and a dash
 * > | LONE ROCK — A wildfire ...                         a town no gazetteer knows, no label (data/leftovers.json capsLabels)
 * > | ... by morning. — Reuters picTHE HAGUE, July 30 — ...   a photo's caption glued to it by its credit
 * > | KOLKATA: The Eastern Railway said on ...           a paper's reprint: place and colon only
 * > | [SEOUL] The South Korean won sped ...              a known place in square brackets
 * > | By IANS, Hyderabad: Expert assistance ...          the agency as a byline, the place, a colon
 * > | नई दिल्ली 27 फरवरी।भारत ने ...                       a paper's own copy: place, date, danda or colon
 * ```
 * Only the first few lines of a story are searched, and each search looks at a bounded
 * window of its line, so the cost does not grow with the story.
 */
import { agencyNames, agencyOf, agencyTags, monthOf } from "../data/index.js";
import { alternation } from "../text/regexp.js";
import { isAsciiDigit, isBlank, isDevanagariLetter, isHSpace, isLatinLower, isLatinUpper } from "../text/chars.js";
import { isLetter, isRegExpSpace, runEnd } from "../text/classes.js";
import { dateAtEnd, type DateMatch } from "./date.js";
import { lookupPlace, qualifierCountry } from "./places.js";
import { nextContent, type Line } from "./lines.js";
import {
  CREDIT_DASH,
  DASH_CREDIT,
  TIME_TAIL,
  headerKind,
  isCreditedCaption,
  isDeskCredit,
  isPageLeftover,
} from "./headline.js";
import { slashParts, type Range } from "../text/range.js";
import leftovers from "../data/leftovers.json" with { type: "json" };
import monthsTable from "../data/months.json" with { type: "json" };

/** What a dateline form reads: the story's lines, line `i`, and a bounded window of it from `p0`. */
export interface DatelineView {
  text: string;
  lines: Line[];
  i: number;
  /** Where the line's content starts, after any markup before the place. */
  p0: number;
  /** `text.slice(p0, ...)`, at most WINDOW characters and never past the line. */
  win: string;
}

/** A dateline form: its name (kept on the match as `rule`) and how it reads a line. */
export interface DatelineRule {
  name: string;
  match: (v: DatelineView) => DatelineMatch | null;
}

/**
 * The dateline forms, tried in this order on each line: the first that matches reads the
 * dateline. An agency's new form is one row (and a fixture asserting its `rule`).
 */
export const DATELINE_RULES: readonly DatelineRule[] = [
  /** `PLACE[, DATE] (TAG)[SEP]`, also `DATE (TAG) -` and `(TAG) -` with no place */
  { name: "paren-tag", match: (v) => parenTag(v.text, v.lines, v.win, v.p0, v.i) },
  /** `TAG` alone on a line, then `PLACE।` on the next */
  { name: "bare-tag-line", match: (v) => bareTagLine(v.text, v.lines, v.i) },
  /** `PLACE, TAG SEP` (`भोपाल, आइएएनएस ।`, `WASHINGTON, Kyodo -`) */
  { name: "comma-tag", match: (v) => commaTag(v.text, v.win, v.p0, v.i) },
  /** `TAG, PLACE SEP` (`एएनआई, ढाका (बांग्लादेश)।`, a desk's `डिजिटल डेस्क, मुंबई।`) */
  { name: "tag-comma", match: (v) => tagComma(v.text, v.lines, v.win, v.p0, v.i) },
  /** `PLACE | TAG |` (`Nairobi, Kenya | Xinhua |`) */
  { name: "place-bar-tag", match: (v) => placeBarTag(v.text, v.win, v.p0, v.i) },
  /** `PLACE: (DATE)` (`PUNE/MUMBAI: (Mar 3)`) */
  { name: "colon-date", match: (v) => colonDate(v.text, v.win, v.p0, v.i) },
  /** `PLACE, DATE TAG -` (`PERTH, May 9 AAP -`; `FUKUOKA, Dec. 7, Kyodo` filling its line above the lead) and `PLACE, DATE /TAG/ --` (`/PRNewswire-AsiaNet/ --`) */
  { name: "date-tag", match: (v) => dateTag(v.text, v.lines, v.win, v.p0, v.i) },
  /** `PLACE[, STATE], DATE -` with no tag (Reuters) */
  { name: "date-dash", match: (v) => dateDash(v.text, v.win, v.p0, v.i) },
  /** `PLACE -- ` in capitals, no date and no tag (Yonhap's summary items: `SEOUL -- `, `PAJU, South Korea -- `; `NEW YORK — ` for a known place) */
  { name: "place-dashes", match: (v) => placeDashes(v.text, v.win, v.p0, v.i) },
  /** a known place, a dash and the agency's tag filling the line, the lead on the next (`Seoul - Yonhap`, `Tokyo - KUNA`) */
  { name: "place-dash-tag", match: (v) => placeDashTag(v.text, v.lines, v.i) },
  /** a known city in title case or Devanagari, an en or em dash, then the lead (`Geneva – World Health ...`, `मुंबई – हालिया फिल्म ...`) */
  { name: "city-dash-lead", match: (v) => cityDashLead(v.text, v.win, v.p0, v.i) },
  /** `By TAG, PLACE: ` before a lead that ends a sentence (`By IANS, Hyderabad: `): the agency's byline, then the place */
  { name: "agency-byline", match: (v) => agencyByline(v.text, v.win, v.p0, v.i) },
  /** `PLACE DATE।` / `PLACE DATE:` before a lead that ends a sentence, no tag (Hindi papers: `नई दिल्ली 27 फरवरी।`) */
  { name: "place-date-mark", match: (v) => placeDateMark(v.text, v.win, v.p0, v.i) },
  /** `PLACE[,] DAY MONTH` in Devanagari, then the lead with no separator (Bhasha copy with its tag cut: `नयी दिल्ली, पांच जून दिल्ली में ...`) */
  { name: "place-date-lead", match: (v) => placeDateLead(v.text, v.win, v.p0, v.i) },
  /** `PLACE, DATE (TAG)` with a tag no table knows, then the lead (`Chandigarh, June 19 (TNS) The ...`) */
  { name: "unknown-tag", match: (v) => unknownTag(v.text, v.win, v.p0, v.i) },
  /** the agency's tag, a place and a date with its year filling a line (`PTI Kolkata Mar 09 2015`): the tag is the byline */
  { name: "agency-place-line", match: (v) => agencyPlaceLine(v.text, v.lines, v.i) },
  /** `PLACE, DATE [YEAR]` filling its line, a lead on the next line with text (`New Delhi, January 15, 2013`, `Kathmandu, March 29`) */
  { name: "place-date-line", match: (v) => placeDateLine(v.text, v.lines, v.i) },
  /** `PLACE: ` before a lead that ends a sentence, no date and no tag (papers' reprints: `KOLKATA: `, `नई दिल्ली: `) */
  { name: "place-colon", match: (v) => placeColon(v.text, v.win, v.p0, v.i) },
  /** `PLACE।`, `PLACE |` before a lead that ends a sentence, no date and no tag (Hindi portals: `अंकारा। तुर्की में ...`) */
  { name: "place-danda", match: (v) => placeDanda(v.text, v.win, v.p0, v.i) },
  /** `PLACE:` filling its line, a lead on the next (`नई दिल्ली:` / `शहर की ऐतिहासिक ...`) */
  { name: "place-colon-line", match: (v) => placeColonLine(v.text, v.lines, v.i) },
  /** a known place in capitals, a comma or none, a month and a day, then the lead with no mark between (`NAIROBI, Sept 24 Kenya's ...`, `PARIS Aug 19 European shares rose ...`) */
  { name: "caps-place-date-lead", match: (v) => capsPlaceDateLead(v.text, v.win, v.p0, v.i) },
  /** a known place in title case (maybe its state in brackets), a comma, a month and a day, then the lead with no mark between (`Lucknow, Nov 10 Three ...`) */
  { name: "place-date-lead-latin", match: (v) => titlePlaceDateLead(v.text, v.win, v.p0, v.i) },
  /** a known city in capitals, then the lead with no mark between (`CHENNAI The Sri Lankan Navy on Sunday ...`) */
  { name: "caps-place-lead", match: (v) => capsPlaceLead(v.text, v.win, v.p0, v.i) },
  /** a known place in capitals in square brackets, then the lead (`[SEOUL] The South Korean won ...`) */
  { name: "bracket-place-lead", match: (v) => bracketPlaceLead(v.text, v.win, v.p0, v.i) },
  /** `PLACE, ` before a lead, no date and no tag (after the rules that read a date after the comma): a known place in Devanagari or in capitals (`मुंबई, स्थानीय शेयर बाजारों ...`, `SEOUL, South Korea's ...`) */
  { name: "place-comma", match: (v) => placeComma(v.text, v.win, v.p0, v.i) },
  /** a known city in capitals filling its line, maybe with its country, a lead on the next (`CAIRO` / `Egyptian security forces ...`) */
  { name: "caps-place-line", match: (v) => capsPlaceLine(v.text, v.lines, v.i) },
  /** a known city in title case filling its line, a lead on the next (`Beijing` / `Beijing issued a yellow alert ...`) */
  { name: "city-line", match: (v) => cityLine(v.text, v.lines, v.i) },
  /** a roundup item's headline glued to `PLACE :` (`...हालात बिगड़ेनयी दिल्ली : ...`) */
  { name: "glued-place-colon", match: (v) => gluedPlaceColon(v.text, v.win, v.p0, v.i) },
];

/** A dateline as a form read it, with the name of that form. */
export type DatelineFound = DatelineMatch & { rule: string };

export interface DatelineMatch extends Range {
  /** Index (into the story's lines) of the line the dateline starts on, and of the one it ends on. */
  firstLine: number;
  lastLine: number;
  places: Range[];
  date: (Range & DateMatch) | null;
  agency: (Range & { code: string | null }) | null;
  /** Text before the place on the dateline's line: a byline, an editor's note, or leftover junk. */
  prefix: (Range & { kind: "byline" | "other" | "leftover" }) | null;
}

/** A line's end as the lines stage reads it: LF, CRLF or a lone CR. */
const LINE_END = /\r\n?|\n/u;

/** How far into a line the agency tag may stand. */
const WINDOW = 300;
/** How many non-blank lines at the top of a story may hold the dateline. */
const MAX_LINES = 8;

const TAGS = alternation(agencyTags);
/** The tags, lower-cased: `(TAG)` is read case-insensitively (`(REUTERS)`), by a set lookup. */
const TAG_LOWER = new Set(agencyTags.map((t) => t.toLowerCase()));
const TAG_EXACT = new Set(agencyTags);
/** `PUNE/MUMBAI: (Mar 3)`: places, a colon, then the date in brackets. */
const COLON_DATE = /^([^:()\n]{1,60}?)\s*:\s*\(([^()\n]{3,24})\)/u;
const DATE_PART = String.raw`(?:[\p{L}]+(?:\.\s*|\s+)[0-9]{1,2}|[0-9]{1,2}\s+[\p{L}]+\.?)(?:,?\s+[0-9]{4})?`;
/**
 * What every dated form below needs: a comma, space, and the start of a date (`, May 9`, `, 9 May`),
 * as the pattern `,\s+(?:\p{L}+\.?\s+[0-9]|[0-9]{1,2}\s+\p{L})` finds it, read by hand (that
 * pattern's classes of all letters cost a run more to compile than reading its lines). Most lines of
 * a body have none, and this test is far cheaper than the forms' own patterns. With `colon`, a
 * colon may stand for the comma (`नयी दिल्ली: 11 जून`).
 */
export function hasDateStart(s: string, colon = false): boolean {
  const n = s.length;
  for (let k = nextPart(s, 0, colon); k >= 0; k = nextPart(s, k + 1, colon)) {
    let i = k + 1;
    while (i < n && isRegExpSpace(s.charCodeAt(i))) i++;
    if (i === k + 1 || i === n) continue;
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      // `, 9 May`: one or two figures, space, a letter.
      let j = i + 1;
      if (j < n && isDigit(s.charCodeAt(j))) j++;
      if (j < n && isDigit(s.charCodeAt(j))) continue;
      const w = j;
      while (j < n && isRegExpSpace(s.charCodeAt(j))) j++;
      if (j > w && j < n && isLetter(s.codePointAt(j)!)) return true;
    } else {
      // `, May 9`, `, Feb. 2`, `, Aug.16`: letters, then space or a full stop (and perhaps space), a figure.
      let j = runEnd(s, i, n, isLetter);
      if (j === i) continue;
      const stop = s.charCodeAt(j) === 0x2e;
      if (stop) j++;
      const w = j;
      while (j < n && isRegExpSpace(s.charCodeAt(j))) j++;
      if ((j > w || stop) && j < n && isDigit(s.charCodeAt(j))) return true;
    }
  }
  return false;
}

/** The next comma (or, when `colon`, colon) in `s` from `from`, or -1. */
function nextPart(s: string, from: number, colon: boolean): number {
  const comma = s.indexOf(",", from);
  if (!colon) return comma;
  const c = s.indexOf(":", from);
  return comma < 0 ? c : c < 0 ? comma : Math.min(comma, c);
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
/** `PERTH, May 9 AAP -`, `DENVER, Apr 2 AP -`: the tag after the date, no parentheses. */
const DATE_TAG = new RegExp(String.raw`^([^\n]{1,80}?),\s+(${DATE_PART}),?\s+(${TAGS})\s*(?=--|-|—|–|_|$)`, "u");
/** `AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --`: the tag between slashes. */
const SLASH_TAG = new RegExp(String.raw`^([^\n]{1,120}?),\s+(${DATE_PART})\s*\/\s*(${TAGS})\s*\/\s*(?=--|-|—|–)`, "u");
/** Capital letters of Latin script in a place's name: ASCII, Latin-1 (`NÎMES`, `BOGOTÁ`) and a few of Latin Extended-A (`İZMİR`, `ŁÓDŹ`). */
const CAPS = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞİŁŃŇŐŒŘŚŞŠŢŤŪŮŰŸŹŻŽ";
/** A word of a place in capitals (`SEOUL`, `U.S.`, `O'HARE`, `NÎMES`). */
const CAPS_WORD = `[${CAPS}][${CAPS}.'’&-]*[${CAPS}.]`;
/**
 * `SEOUL -- `, `PAJU, South Korea -- `: a place in capitals (a country after a comma), then `--`
 * and the lead; or a dash or hyphen between spaces (`NEW YORK — `, `AUSTIN, Texas — `, `TOKYO - `);
 * `--` or `—` may be glued to the place (`SEOUL-- North Korea ...`).
 */
const PLACE_DASHES = new RegExp(
  String.raw`^(${CAPS_WORD}(?:\s${CAPS_WORD}){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z][A-Za-z.]+){0,2})?)(\s+(?:--\s*|[—–-]\s+)|(?:--|—)\s*)(?=["“‘'(]?\p{Lu})`,
  "u",
);
/** The city in capitals before `, State` in a `PLACE_DASHES` match. */
const CAPS_CITY = new RegExp(String.raw`^${CAPS_WORD}(?:\s${CAPS_WORD}){0,3}`, "u");
/** A place of up to four words in capitals, maybe several joined by `/` (`PUNE/MUMBAI`). */
const CAPS_PLACE = new RegExp(String.raw`^${CAPS_WORD}(?:[\s/]${CAPS_WORD}){0,3}$`, "u");
/** `KOLKATA: `, `NEW DELHI: `, `नई दिल्ली: `, `Kochi (Kerala): `: the place, a colon, the lead. */
export const PLACE_COLON = /^([^:()\n]{2,40}?(?:\s*\([^()\n]{2,30}\))?)\s*:\s+(?=\S)/u;
/**
 * What `PLACE_COLON` needs, tested before it (it runs on every line the story splitter reads): no
 * colon in the first two characters, and a colon with a space after it.
 */
export function mayBePlaceColon(win: string): boolean {
  let colon = win.indexOf(":");
  if (colon < 2) return false;
  while (colon >= 0 && !isRegExpSpace(win.charCodeAt(colon + 1))) colon = win.indexOf(":", colon + 1);
  return colon >= 0;
}
/** A sentence end inside the lead (a headline such as `Mumbai: Police receive hoax call` has none). */
const LEAD_SENTENCE = /[.!?।](?:["'”’)]*)(?:\s|$)/u;
/** Words from which a line is too long for a headline, with or without a sentence end. */
const LEAD_WORDS = 25;

/**
 * Whether the first line after a dateline without a tag reads as a story's lead: eight words or
 * more with a sentence end, or a line longer than any headline (`Mumbai: Calling its lucky-draw
 * offer ... ordered it to stop the scheme within a month.The company had been luring ...`, where
 * the first sentence end is glued to the next sentence).
 */
function isLead(firstLine: string): boolean {
  const n = wordCount(firstLine);
  return n >= LEAD_WORDS || (n >= 8 && LEAD_SENTENCE.test(firstLine));
}

/** Whether the rest of the line from `from` is a lead (`isLead`), read up to 400 characters. */
function leadAt(text: string, from: number): boolean {
  return isLead(text.slice(from, Math.min(text.length, from + 400)).split(LINE_END, 1)[0]!);
}

/** Whether the next line with text after line `i` is a lead. */
function leadBelow(text: string, lines: Line[], i: number): boolean {
  const next = lines[nextContent(lines, i)];
  return !!next && isLead(text.slice(next.contentStart, Math.min(next.contentEnd, next.contentStart + 400)));
}

/** Where line `L`'s content ends without the spaces and tabs after it. */
function trimmedEnd(text: string, L: Line): number {
  let end = L.contentEnd;
  while (end > L.contentStart && isHSpace(text.charCodeAt(end - 1))) end--;
  return end;
}
const DATE_DASH =
  /^([^\n]{1,80}?),\s+((?:[\p{L}]+\.?\s+[0-9]{1,2}|[0-9]{1,2}\s+[\p{L}]+)(?:,?\s+[0-9]{4})?)\s*(?=--|-|—|–|―)/u;

/** `(TAG)` in the window, the first one: where it starts and ends, and the tag as written. */
function parenTagIn(win: string): { index: number; end: number; tag: string } | null {
  let close = -1;
  for (let k = win.indexOf("("); k >= 0; k = win.indexOf("(", k + 1)) {
    if (close < k) close = win.indexOf(")", k + 1);
    if (close < 0) return null;
    const tag = win.slice(k + 1, close).trim();
    if (tag.length > 0 && TAG_LOWER.has(tag.toLowerCase()) && !qualifierBeforeDate(win, close + 1))
      return { index: k, end: close + 1, tag };
    // A tag whose letters are spaced out (`( ए एफ पी )`, `(यू एन आई)`).
    if (tag.length <= 16 && isSpacedTag(tag)) return { index: k, end: close + 1, tag };
    if (relayedTag(tag)) return { index: k, end: close + 1, tag };
  }
  return null;
}

/**
 * Whether the bracket that closes at `end` qualifies a place, for a date and the agency's tag
 * follow it: PTI names a state by its initials (`Sriharikota (AP), Apr 12 (PTI)`), and Andhra
 * Pradesh's are AP's own tag. Read: a comma, at most 20 characters with a figure, then a bracket.
 */
function qualifierBeforeDate(win: string, end: number): boolean {
  let k = end;
  while (k < win.length && win[k] === " ") k++;
  if (win[k] !== ",") return false;
  const open = win.indexOf("(", k);
  const between = open < 0 ? "" : win.slice(k, open);
  if (between.length === 0 || between.length > 20 || !/[0-9]/u.test(between) || between.includes(")")) return false;
  const close = win.indexOf(")", open);
  const tag = close > open ? win.slice(open + 1, close).trim() : "";
  return TAG_LOWER.has(tag.toLowerCase());
}

/** Whether `tag` is a known tag with its letters spaced out (`ए एफ पी` for `एएफपी`). */
function isSpacedTag(tag: string): boolean {
  return tag.includes(" ") && TAG_LOWER.has(tag.replace(/\s+/gu, "").toLowerCase());
}

/** The code of a tag with its letters spaced out, or null. */
function spacedAgency(tag: string): string | null {
  return isSpacedTag(tag) ? (agencyOf(tag.replace(/\s+/gu, ""))?.code ?? null) : null;
}

/**
 * An agency's tag after another's, with a slash (`PNA/Xinhua`: the Philippine agency relays
 * Xinhua's copy): the agency is the last one named; null when the last part names none.
 */
export function relayedTag(tag: string): string | null {
  const slash = tag.lastIndexOf("/");
  if (slash <= 0 || tag.length > 40 || tag.indexOf("/") !== slash) return null;
  const last = tag.slice(slash + 1).trim();
  return last.length > 0 && TAG_LOWER.has(last.toLowerCase()) ? last : null;
}

/** Finds the dateline in the first lines of a story; null when there is none. */
export function findDateline(text: string, lines: Line[]): DatelineFound | null {
  const seen: string[] = [];
  for (let i = 0; i < lines.length && seen.length < MAX_LINES; i++) {
    const line = lines[i]!;
    if (line.blank) continue;
    const m = matchLine(text, lines, i);
    if (m) return m;
    // Wire headers, notes, bullets and bylines above the dateline do not use up the search, nor
    // does a line said again (pages print the headline two or three times: as a title, an
    // image's caption, a highlight).
    const content = text.slice(line.contentStart, Math.min(line.contentEnd, line.contentStart + 301));
    if (content.length > 300 || (!headerKind(content) && !isPageLeftover(content))) {
      const said = content.trim();
      if (!seen.includes(said)) seen.push(said);
    } else if (i > 40) break;
  }
  return null;
}

/** The dateline starting at line i (at its first character, after markup), or null: for the story splitter. */
export function datelineAt(text: string, lines: Line[], i: number): DatelineFound | null {
  const m = matchLine(text, lines, i);
  // `By IANS, Hyderabad: ` opens its line with the agency's byline: that line starts the story.
  if ((m?.rule === "agency-byline" || m?.rule === "agency-place-line") && m.firstLine === i) return m;
  return m && m.firstLine === i && !m.prefix && m.start <= lines[i]!.contentStart + 1 ? m : null;
}

/** The glued `PLACE :` dateline of a roundup item whose headline starts at `from`, or null. */
export function roundupItemAt(text: string, from: number, to: number): DatelineMatch | null {
  return gluedPlaceColon(text, text.slice(from, to), from, 0);
}

function matchLine(text: string, lines: Line[], i: number): DatelineFound | null {
  const line = lines[i]!;
  // Markup before the place (`<font size="2" face="Arial">Mumbai, June 8 (IANS)`) reads as
  // spaces (text/markup.ts) and is not part of it.
  let p0 = line.contentStart;
  while (p0 < line.contentEnd && isHSpace(text.charCodeAt(p0))) p0++;
  // An agency's photo caption opens as a dateline and ends in its credit: no dateline.
  const lastChar = text.charCodeAt(line.contentEnd - 1);
  if ((lastChar === 0x29 || lastChar === 0x5d) && isCreditedCaption(text.slice(p0, line.contentEnd))) return null;
  const windowEnd = Math.min(line.contentEnd, p0 + WINDOW);
  const win = text.slice(p0, windowEnd);
  const view: DatelineView = { text, lines, i, p0, win };
  for (const rule of DATELINE_RULES) {
    const m = rule.match(view);
    if (m) return { ...m, rule: rule.name };
  }
  // A photo's caption whose credit is glued to the dateline (`... by morning. — Reuters picTHE
  // HAGUE, July 30 — A fire ...`): the dateline after the credit, the caption a page's leftover.
  const at = gluedCaptionEnd(text, p0, line.contentEnd);
  if (at > 0) {
    const after: DatelineView = { text, lines, i, p0: at, win: text.slice(at, Math.min(line.contentEnd, at + WINDOW)) };
    for (const rule of DATELINE_RULES) {
      const m = rule.match(after);
      if (m && m.start >= at && !m.prefix)
        return { ...m, prefix: { start: p0, end: at, kind: "leftover" }, rule: rule.name };
    }
  }
  return null;
}

/**
 * Where a caption's credit glued to the next word ends (`— Reuters picTHE HAGUE`, `- AFP photoPARIS`),
 * in the first `CAPTION_REACH` characters of the line; else 0.
 */
function gluedCaptionEnd(text: string, from: number, to: number): number {
  const head = text.slice(from, Math.min(to, from + CAPTION_REACH));
  // (A cheap necessary condition first: the credit's word, which few lines hold.)
  if (!head.includes(" pic") && !head.includes(" photo") && !head.includes(" by ")) return 0;
  const m = GLUED_CREDIT.exec(head);
  return m ? from + m.index + m[0].length : 0;
}
const CAPTION_REACH = 600;
/**
 * A caption's credit glued to a dateline in capitals: a dash, then a credit of one to three
 * capitalised words and a caption suffix (`— Reuters picTHE HAGUE`), or a photographer's name
 * (`— Picture by Yusof Mat IsaKUALA LUMPUR`: the name's last word in lower case after its capital).
 */
const GLUED_CREDIT = new RegExp(
  String.raw`${DASH_CREDIT}(?=[A-Z])|${CREDIT_DASH}(?:Picture|Photo)\s+by\s+(?:[A-Z][\p{L}]*\s+){0,3}[A-Z]\p{Ll}+(?=\p{Lu}{2})`,
  "u",
);

/** `PLACE[, DATE] (TAG)[SEP]` */
function parenTag(text: string, lines: Line[], win: string, p0: number, i: number): DatelineMatch | null {
  const m = parenTagIn(win);
  if (!m) return null;
  const tagStart = p0 + m.index;
  const tagEnd = p0 + m.end;
  // A tag after a sentence's end (`... शामिल हैं। (भाषा)`) credits the copy at its end: no
  // place or date stands before it.
  if (afterSentenceEnd(win, m.index)) return null;
  // A tag at the end of a long run of prose (a photo's caption: `FILE PHOTO: ... released by
  // North Korea's Korean Central News Agency (KCNA).`) is a credit, not a dateline's.
  if (m.index > 120 && wordCount(win.slice(0, m.index)) > 16) return null;
  const nameStart = tagStart + win.slice(m.index, m.end).indexOf(m.tag);
  let end = separatorEnd(text, tagEnd);
  const head = headParts(text, p0, tagStart) ?? placeless(text, p0, tagStart, end > tagEnd);
  if (!head) return null;
  // Where a prefix stands before a "place" no gazetteer knows, two shapes are no dateline: a
  // sentence of a dozen words or more (a photo's caption with the agency's credit: `Citizens ...
  // as the temperature fell to minus 10 C. (Yonhap)`), and a reporter's byline with the agency in
  // brackets alone on its line (`By Sandra Maler (Reuters)`: the name's last word is no place).
  const p = head.prefix;
  // A headline credited with the tag at its end (`It's a boy for Kate Hudson, rocker fiance
  // Bellamy (AP)`, the dateline on a line below) is no dateline either: words, a "place", no
  // date and nothing after the tag on its line.
  if (p && !head.places.some((r) => lookupPlace(text.slice(r.start, r.end)))) {
    if (p.kind === "other" && wordCount(text.slice(p.start, p.end)) >= 12) return null;
    const tagEndsLine = isBlank(text.slice(tagEnd, lines[i]!.contentEnd));
    if (p.kind === "byline" && !head.date && tagEndsLine) return null;
    if (p.kind === "other" && !head.date && tagEndsLine && wordCount(text.slice(p.start, p.end)) >= 3) return null;
  }
  // The date after the tag (`Bamako (AFP) Jan 13, 2011 A Niger ...`), as some portals print it.
  const after = end === tagEnd && !head.date && head.places.length ? dateAfterTag(text, tagEnd) : null;
  if (after) end = separatorEnd(text, after.end);
  return {
    start: head.prefix && head.places.length ? head.places[0]!.start : p0,
    end,
    firstLine: i,
    lastLine: i,
    places: head.places,
    date: head.date ?? after,
    agency: {
      start: nameStart,
      end: nameStart + m.tag.length,
      // A tag the table knows whole (`tca/dpa`) is that agency's; only then the relayed one.
      code: agencyOf(m.tag)?.code ?? agencyOf(relayedTag(m.tag) ?? "")?.code ?? spacedAgency(m.tag),
    },
    prefix: head.prefix,
  };
}

/**
 * A date in full right after an agency's tag, before the lead or a separator: a month's name,
 * the day, a comma and the year.
 * >     Bamako (AFP) Jan 13, 2011 A Niger government official ...
 * >                  ^^^^^^^^^^^^ the date
 */
function dateAfterTag(text: string, from: number): (Range & DateMatch) | null {
  const m = DATE_AFTER_TAG.exec(text.slice(from, from + 24));
  if (!m) return null;
  const d = dateAtEnd(m[1]!);
  if (d?.start !== 0 || d.year === null) return null;
  const start = from + m[0].length - m[1]!.length;
  return { ...d, start, end: from + m[0].length };
}
const DATE_AFTER_TAG = /^[ \t]+([A-Z][a-z]{2,8}\.? [0-9]{1,2}, [0-9]{4})(?=\s|$)/u;

/**
 * The text before `at` ends a sentence: a danda, `!` or `?`, or a full stop after a word of three
 * letters or more in lower case (a full stop also ends abbreviations in places: `MEMPHIS, Tenn. (AP)`).
 */
function afterSentenceEnd(win: string, at: number): boolean {
  let k = at;
  while (k > 0 && isHSpace(win.charCodeAt(k - 1))) k--;
  if (k === 0) return false;
  const c = win.charCodeAt(k - 1);
  if (c === 0x0964 || c === 0x21 || c === 0x3f) return true;
  // A full stop after a word in lower case (`... no tsunami was triggered. (AP)`), not after an
  // abbreviation in capitals (`MEMPHIS, Tenn. (AP)`).
  if (c !== 0x2e) return false;
  let w = k - 1;
  while (w > 0 && isLatinLower(win.charCodeAt(w - 1))) w--;
  return k - 1 - w >= 3 && (w === 0 || isHSpace(win.charCodeAt(w - 1)));
}

/**
 * A dateline without a place: only a date before the tag (`Mar 4 (Reuters) -`, `Feb. 2 (Xinhua) --`),
 * or the tag opening the line and followed by a separator (`(Reuters) - ...`).
 */
function placeless(text: string, from: number, to: number, separated: boolean): Head | null {
  let end = to;
  while (end > from && (isHSpace(text.charCodeAt(end - 1)) || text[end - 1] === ",")) end--;
  if (end === from) return separated ? { places: [], date: null, prefix: null } : null;
  const d = dateAtEnd(text.slice(from, end));
  if (d?.start !== 0) return null;
  return { places: [], date: { ...d, start: from, end }, prefix: null };
}

/**
 * A roundup item whose line breaks were lost: its headline glued to a place and a colon
 * (`असम में बाढ़ से हालात बिगड़ेनयी दिल्ली : असम में ...`). The place must be glued to the word
 * before it, and the headline before it must hold no sentence end; the headline is the prefix.
 */
function gluedPlaceColon(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  for (let c = win.indexOf(":"), n = 0; c > 0 && n < 4; c = win.indexOf(":", c + 1), n++) {
    let e = c;
    while (e > 0 && isHSpace(win.charCodeAt(e - 1))) e--;
    // A date between the place and the colon (ANI's `...touristsGulmarg, Apr 17 : ...`).
    const from = Math.max(0, e - 40);
    const d = dateAtEnd(win.slice(from, e));
    let pe = e;
    if (d) {
      pe = from + d.start;
      while (pe > 0 && (isHSpace(win.charCodeAt(pe - 1)) || win[pe - 1] === ",")) pe--;
    }
    const s = gluedPlaceStart(win, pe);
    if (s === null) continue;
    const prefix = win.slice(0, s);
    if (/[।॥.?!]/u.test(prefix) || wordCount(prefix) > 40) return null;
    return {
      start: p0 + s,
      end: separatorEnd(text, p0 + e),
      firstLine: i,
      lastLine: i,
      places: [{ start: p0 + s, end: p0 + pe }],
      date: d ? { ...d, start: p0 + from + d.start, end: p0 + e } : null,
      agency: null,
      prefix: { start: p0, end: p0 + s, kind: "other" },
    };
  }
  return null;
}

/** Where a known place ending at `e` starts, when it is glued to a word before it (`बिगड़ेनयी दिल्ली`). */
function gluedPlaceStart(win: string, e: number): number | null {
  // The place's last word, then up to two more words, the first of them glued to a longer token.
  let k = e;
  while (k > 0 && !isHSpace(win.charCodeAt(k - 1))) k--;
  for (let words = 0; words < 3 && k > 0; words++) {
    const tokenEnd = k - 1;
    let t = tokenEnd;
    while (t > 0 && !isHSpace(win.charCodeAt(t - 1))) t--;
    // Try every split of the token [t, tokenEnd): the place is its tail plus what follows.
    for (let cut = t + 1; cut < tokenEnd - 1; cut++) {
      if (!mayStartGlued(win, cut)) continue;
      if (lookupPlace(win.slice(cut, e))) return cut;
    }
    k = t;
  }
  // A one-word place glued to the word before it.
  let t = e;
  while (t > 0 && !isHSpace(win.charCodeAt(t - 1))) t--;
  for (let cut = t + 1; cut < e - 1; cut++) {
    if (!mayStartGlued(win, cut)) continue;
    if (lookupPlace(win.slice(cut, e))) return cut;
  }
  return null;
}

/**
 * Whether a glued place may start at `cut`: not on a Devanagari mark, and in Latin letters only
 * at a capital after a letter in lower case (`touristsGulmarg`), so that a word's own tail is no
 * place (`Dharamshala` holds no `Ala`).
 */
function mayStartGlued(win: string, cut: number): boolean {
  const c = win.charCodeAt(cut);
  if (isMark(c) || isLatinLower(c)) return false;
  return !isLatinUpper(c) || isLatinLower(win.charCodeAt(cut - 1));
}

/** Devanagari vowel signs, virama and nasal marks: no word starts with one. */
function isMark(c: number): boolean {
  return (
    (c >= 0x0900 && c <= 0x0903) ||
    (c >= 0x093a && c <= 0x094f) ||
    (c >= 0x0951 && c <= 0x0957) ||
    (c >= 0x0962 && c <= 0x0963) ||
    c === 0x200c ||
    c === 0x200d
  );
}

/** `PUNE/MUMBAI: (Mar 3)` */
function colonDate(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const colon = win.indexOf(":");
  if (colon < 1 || win.indexOf("(", colon) < 0) return null;
  const m = COLON_DATE.exec(win);
  if (!m) return null;
  const placeText = m[1]!;
  if (wordCount(placeText) > 4) return null;
  const inner = m[2]!.trim();
  const d = dateAtEnd(inner);
  if (d?.start !== 0) return null;
  const places = slashParts(text, p0, p0 + placeText.length);
  if (places.length === 0 || !places.some((r) => lookupPlace(text.slice(r.start, r.end)))) return null;
  const ds = p0 + m[0].lastIndexOf(inner);
  return {
    start: p0,
    end: separatorEnd(text, p0 + m[0].length),
    firstLine: i,
    lastLine: i,
    places,
    date: { ...d, start: ds, end: ds + inner.length },
    agency: null,
    prefix: null,
  };
}

/**
 * `TAG, PLACE SEP` (Dainik Jagran's web copy: `एएनआई, ढाका (बांग्लादेश)।`, `आईएएनएस, नई दिल्ली।`):
 * the agency's tag opening the line, a comma, a known place of at most four words (maybe
 * qualified in brackets), then a danda, a bar or a colon (as `PLACE, TAG SEP`, no lead is asked
 * for: the tag and the place are enough). A desk's credit may stand for the tag, naming no agency
 * (Dainik Bhaskar's `डिजिटल डेस्क, मुंबई।`). With no separator the place must fill the line and a
 * lead (`isLead`) stand on the next (`AFP, Kabul`). A slash may stand for the comma, as portals
 * credit copy to the agencies at large (`एजेंसी/ नई दिल्ली।`).
 */
function tagComma(text: string, lines: Line[], win: string, p0: number, i: number): DatelineMatch | null {
  const { comma } = commaOrSlash(win);
  if (comma < 1 || comma > 30) return null;
  const tag = win.slice(0, comma).trimEnd();
  const isTag = TAG_EXACT.has(tag);
  if (!isTag && !isDeskCredit(tag)) return null;
  let s = comma + 1;
  while (s < win.length && isRegExpSpace(win.charCodeAt(s))) s++;
  let sep = -1;
  for (let k = s; k < win.length && k < s + 64; k++) {
    const c = win.charCodeAt(k);
    if (c === 0x0964 || c === 0x3a || c === 0x7c) {
      sep = k;
      break;
    }
    if (c === 0x0a || c === 0x2c) return null;
  }
  // Or the place fills the line and the lead starts on the next (`AFP, Kabul` / `Three people ...`).
  const alone = sep < 0 && win.length - s <= 64 && p0 + win.length === lines[i]!.contentEnd;
  if (alone) sep = win.length;
  if (sep < 0) return null;
  const placeText = win.slice(s, sep).trimEnd();
  const bare = placeText.replace(/\s*\([^()]*\)$/u, "");
  if (!bare || wordCount(bare) > 4 || !lookupPlace(bare)) return null;
  if (alone && !leadBelow(text, lines, i)) return null;
  return {
    start: p0,
    end: alone ? p0 + s + placeText.length : separatorEnd(text, p0 + sep),
    firstLine: i,
    lastLine: i,
    places: slashParts(text, p0 + s, p0 + s + placeText.length),
    date: null,
    agency: isTag ? { start: p0, end: p0 + tag.length, code: agencyOf(tag)?.code ?? null } : null,
    prefix: null,
  };
}

/**
 * `Nairobi, Kenya | Xinhua |  Kenyan anti-terrorism police ...`: a known place (maybe with its
 * country after a comma), the agency's tag between bars, then the lead; the place is the first
 * part of a comma only when the whole is not known.
 */
function placeBarTag(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const bar = win.indexOf("|");
  if (bar < 2 || bar > 40) return null;
  const close = win.indexOf("|", bar + 1);
  if (close < 0 || close - bar > 32) return null;
  const tag = win.slice(bar + 1, close).trim();
  if (!TAG_EXACT.has(tag)) return null;
  const placeText = win.slice(0, bar).trimEnd();
  const comma = placeText.indexOf(",");
  const known = lookupPlace(placeText)
    ? placeText
    : comma > 0 && lookupPlace(placeText.slice(0, comma)) && lookupPlace(placeText.slice(comma + 1).trim())
      ? placeText.slice(0, comma)
      : null;
  if (known === null || wordCount(known) > 4) return null;
  const tagStart = p0 + bar + 1 + win.slice(bar + 1).indexOf(tag);
  return {
    start: p0,
    end: separatorEnd(text, p0 + close + 1),
    firstLine: i,
    lastLine: i,
    places: [{ start: p0, end: p0 + known.length }],
    date: null,
    agency: { start: tagStart, end: tagStart + tag.length, code: agencyOf(tag)?.code ?? null },
    prefix: null,
  };
}

/**
 * Where the comma between a tag and a place stands in `win`, or the slash that stands for it when
 * that comes first (`एजेंसी/ नई दिल्ली।`, `नई दिल्ली/एजेंसी।`); -1 when there is neither.
 */
function commaOrSlash(win: string): { comma: number; slashed: boolean } {
  const comma = win.indexOf(",");
  const slash = win.indexOf("/");
  return slash > 0 && (comma < 0 || slash < comma) ? { comma: slash, slashed: true } : { comma, slashed: false };
}

/** `PLACE, TAG SEP` (Dainik Jagran: `भोपाल, आइएएनएस ।`, `काबुल, एएफपी/रायटर।`), also `PLACE/TAG SEP` (`नई दिल्ली/एजेंसी।`) */
function commaTag(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const m = commaTagIn(win);
  if (!m) return null;
  const placeText = win.slice(0, m.comma);
  if (wordCount(placeText) > 4) return null;
  const tagStart = p0 + m.tagStart;
  return {
    start: p0,
    end: separatorEnd(text, tagStart + m.tag.length),
    firstLine: i,
    lastLine: i,
    places: slashParts(text, p0, p0 + placeText.length),
    date: null,
    agency: {
      start: tagStart,
      end: tagStart + m.tag.length,
      code: agencyOf(m.tag.split("/", 1)[0]!.trim())?.code ?? null,
    },
    prefix: null,
  };
}

/**
 * `PLACE, TAG` then `।` or `:`: the first comma within 60 characters, no bracket before it,
 * then a tag (as written) and a separator after optional space.
 */
function commaTagIn(win: string): { comma: number; tagStart: number; tag: string } | null {
  // After a slash (`नई दिल्ली/एजेंसी।`) one tag alone.
  const { comma, slashed } = commaOrSlash(win);
  if (comma < 1 || comma > 60) return null;
  // A bracket only around the place's qualifier, just before the comma (`जलालाबाद (अफगानिस्तान ), एएफपी।`).
  let end = comma;
  while (end > 0 && isRegExpSpace(win.charCodeAt(end - 1))) end--;
  const open = win.charCodeAt(end - 1) === 0x29 ? win.lastIndexOf("(", end - 1) : -1;
  for (let k = 0; k < comma; k++) {
    const c = win.charCodeAt(k);
    if (c === 0x0a || ((c === 0x28 || c === 0x29) && !(open > 0 && (k === open || k === end - 1)))) return null;
  }
  let s = comma + 1;
  while (s < win.length && isRegExpSpace(win.charCodeAt(s))) s++;
  // The separator closest after the comma: a tag holds neither `।` nor `:`, nor a dash after a
  // space (`WASHINGTON, Kyodo - Toyota Motor Corp. ...`).
  let sep = -1;
  for (let k = s; k < win.length && k < s + 64; k++) {
    const c = win.charCodeAt(k);
    if (c === 0x0964 || c === 0x3a || (isDash(c) && k > s && isHSpace(win.charCodeAt(k - 1)))) {
      sep = k;
      break;
    }
  }
  if (sep < 0) return null;
  const tag = win.slice(s, sep).trimEnd();
  // Two agencies' copy: `काबुल, एएफपी/रायटर।`, `वाशिंगटन, प्रेट्र/एपी।` (the first one's code).
  const ok =
    tag.length > 0 && (TAG_EXACT.has(tag) || (!slashed && tag.split("/").every((t) => TAG_EXACT.has(t.trim()))));
  return ok ? { comma, tagStart: s, tag } : null;
}

/** A hyphen, an en dash or an em dash. */
const isDash = (c: number) => c === 0x2d || c === 0x2013 || c === 0x2014;

/** A line holding only the tag, then the place and a separator on the next line. */
function bareTagLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const line = lines[i]!;
  const tag = text.slice(line.contentStart, line.contentEnd);
  if (!TAG_EXACT.has(tag)) return null;
  // The place on the very next line: with a blank line between, the tag is a page's credit (a
  // byline) and the place and date below are a dateline of their own.
  const j = i + 1;
  const next = lines[j];
  if (!next || next.blank) return null;
  const s = next.contentStart;
  const limit = Math.min(next.contentEnd, s + 60);
  let k = s;
  while (k < limit && !"।:".includes(text[k]!)) k++;
  if (k >= limit) return placeDateBelowTag(text, lines, i, j);
  let placeEnd = k;
  while (placeEnd > s && isHSpace(text.charCodeAt(placeEnd - 1))) placeEnd--;
  if (placeEnd === s || wordCount(text.slice(s, placeEnd)) > 4) return null;
  // A place is words, not a time stamp (`AFP` / `2020/8/10 15:38:41`, `PTI` / `Updated:February 19, 2019 ...`).
  if (/[0-9०-९]/u.test(text.slice(s, placeEnd))) return null;
  if (headerKind(text.slice(s, Math.min(next.contentEnd, s + 300))) === "timestamp") return null;
  return {
    start: line.contentStart,
    end: k + 1,
    firstLine: i,
    lastLine: j,
    places: slashParts(text, s, placeEnd),
    date: null,
    agency: { start: line.contentStart, end: line.contentEnd, code: agencyOf(tag)?.code ?? null },
    prefix: null,
  };
}

/**
 * The tag alone on line `i`, then `PLACE, DATE` filling the next line `j` and a lead (`isLead`) below
 * (`PTI` / `New Delhi, May 29` / `A fire broke out ...`): a known place, a day and a month.
 */
function placeDateBelowTag(text: string, lines: Line[], i: number, j: number): DatelineMatch | null {
  const next = lines[j]!;
  if (!/[0-9]/u.test(text.slice(next.contentStart, next.contentEnd))) return null;
  const pd = placeCommaDate(text, next);
  if (!pd || !leadBelow(text, lines, j)) return null;
  const placeEnd = trimmedEnd(text, { ...next, contentEnd: pd.comma });
  const line = lines[i]!;
  const tag = text.slice(line.contentStart, line.contentEnd);
  return {
    start: line.contentStart,
    end: pd.end,
    firstLine: i,
    lastLine: j,
    places: [{ start: next.contentStart, end: placeEnd }],
    date: { ...pd.date, start: pd.dateStart, end: pd.end },
    agency: { start: line.contentStart, end: line.contentEnd, code: agencyOf(tag)?.code ?? null },
    prefix: null,
  };
}

/**
 * `PLACE, DATE` filling line `L`: a known place of at most four words, a comma, then a date and
 * nothing after it. Gives where the line's text ends, where its comma and its date start, and the date.
 */
function placeCommaDate(
  text: string,
  L: Line,
): { end: number; comma: number; dateStart: number; date: DateMatch } | null {
  const end = trimmedEnd(text, L);
  const content = text.slice(L.contentStart, end);
  const comma = content.indexOf(",");
  if (comma < 1 || content.length > 60) return null;
  const placeText = content.slice(0, comma);
  if (wordCount(placeText) > 4 || !lookupPlace(placeText)) return null;
  let ds = comma + 1;
  while (ds < content.length && isHSpace(content.charCodeAt(ds))) ds++;
  const date = dateAtEnd(content.slice(ds));
  if (date?.start !== 0) return null;
  return { end, comma: L.contentStart + comma, dateStart: L.contentStart + ds, date };
}

/** `PLACE[, STATE], DATE TAG -` (AAP, AP) and `PLACE, DATE /TAG/ --` (PR Newswire): the tag without parentheses. */
function dateTag(text: string, lines: Line[], win: string, p0: number, i: number): DatelineMatch | null {
  if (!hasDateStart(win)) return null;
  const m = DATE_TAG.exec(win) ?? SLASH_TAG.exec(win);
  if (!m) return null;
  // The tag ending its line with no dash after it (`FUKUOKA, Dec. 7, Kyodo`): the lead must
  // follow on the next line.
  if (m[0].length === win.length && win.length < WINDOW && !leadBelow(text, lines, i)) return null;
  const placeText = m[1]!;
  if (wordCount(placeText) > 8) return null;
  const d = dateAtEnd(m[2]!);
  if (d?.start !== 0) return null;
  const ds = p0 + placeText.length + m[0].slice(placeText.length).indexOf(m[2]!);
  const ts = ds + m[2]!.length + m[0].slice(ds - p0 + m[2]!.length).indexOf(m[3]!);
  return {
    start: p0,
    end: separatorEnd(text, p0 + m[0].length),
    firstLine: i,
    lastLine: i,
    places: commaPlaces(text, p0, p0 + placeText.length),
    date: { ...d, start: ds, end: ds + m[2]!.length },
    agency: { start: ts, end: ts + m[3]!.length, code: agencyOf(m[3]!)?.code ?? null },
    prefix: null,
  };
}

/** `NEW YORK, LONDON and BEIJING` / `AUSTIN, Texas` -> the places, the city first. */
function commaPlaces(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  const re = /\s*(?:,|\band\b|&)\s*/gu;
  const seg = text.slice(from, to);
  let s = 0;
  for (let m = re.exec(seg); ; m = re.exec(seg)) {
    const e = m ? m.index : seg.length;
    const piece = seg.slice(s, e).trim();
    if (piece) {
      const a = from + s + seg.slice(s, e).indexOf(piece);
      out.push({ start: a, end: a + piece.length });
    }
    if (!m) break;
    s = m.index + m[0].length;
  }
  return out.length ? out : [{ start: from, end: to }];
}

/** `PLACE[, STATE], DATE -` with no agency tag (Reuters: `    SALVADOR, Feb 26 - `). */
function dateDash(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  if (!hasDateStart(win)) return null;
  const m = DATE_DASH.exec(win);
  if (!m) return null;
  const placeText = m[1]!;
  if (wordCount(placeText) > 5) return null;
  const dateStr = m[2]!;
  const d = dateAtEnd(dateStr);
  if (d?.start !== 0) return null;
  if (!lookupPlace(placeText) && !/^[A-Z][A-Z .'&-]*(?:,\s*[A-Z][A-Za-z.]*)?$/.test(placeText)) return null;
  const ds = p0 + m[0].indexOf(dateStr, placeText.length);
  return placeAndDate(p0, separatorEnd(text, p0 + m[0].length), i, placeText.length, d, ds, dateStr.length);
}

/** A dateline of one place and a date and no tag, on line `i` from `start` to `end`. */
function placeAndDate(
  start: number,
  end: number,
  i: number,
  placeLength: number,
  d: DateMatch,
  dateStart: number,
  dateLength: number,
): DatelineMatch {
  return {
    start,
    end,
    firstLine: i,
    lastLine: i,
    places: [{ start, end: start + placeLength }],
    date: { ...d, start: dateStart, end: dateStart + dateLength },
    agency: null,
    prefix: null,
  };
}

/** A dateline that is only a place (`[start, end)` with the separator; the place `[placeStart, placeEnd)`, from `start` unless in brackets), on line `i`. */
function placeOnly(start: number, end: number, i: number, placeEnd: number, placeStart = start): DatelineMatch {
  return {
    start,
    end,
    firstLine: i,
    lastLine: i,
    places: [{ start: placeStart, end: placeEnd }],
    date: null,
    agency: null,
    prefix: null,
  };
}

/** `PLACE - TAG` filling a line: the place, a dash between spaces, the tag as written. */
const PLACE_DASH_TAG = /^(\S[^\n]{0,38}?)[ \t]+[-–—]{1,2}[ \t]+(\S[^\n]{0,20}?)[ \t]*$/u;

/**
 * A known place, a dash and an agency's tag alone on a line, the lead below it, as some portals
 * print agency copy:
 * >     Seoul - Yonhap
 * >     Samsung Electronics Co.'s share in the global memory chip market reached ...
 */
function placeDashTag(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  if (L.contentEnd - L.contentStart > 64) return null;
  const line = text.slice(L.contentStart, L.contentEnd);
  if (!line.includes(" -") && !line.includes(" –") && !line.includes(" —")) return null;
  const m = PLACE_DASH_TAG.exec(line);
  if (!m || !TAG_EXACT.has(m[2]!) || !lookupPlace(m[1]!) || !leadBelow(text, lines, i)) return null;
  const tagStart = L.contentStart + line.lastIndexOf(m[2]!);
  return {
    ...placeOnly(L.contentStart, tagStart + m[2]!.length, i, L.contentStart + m[1]!.length),
    agency: { start: tagStart, end: tagStart + m[2]!.length, code: agencyOf(m[2]!)?.code ?? null },
  };
}

/** `SEOUL -- ` with no date and no tag: the place in capitals, at least three letters. */
function placeDashes(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const m = PLACE_DASHES.exec(win);
  if (!m) return null;
  const placeText = m[1]!;
  if ((placeText.match(/[A-Z]/g) ?? []).length < 3) return null;
  // After a single dash (AP copy as papers print it: `NEW YORK — `) the city must be a known
  // place, or be followed by a known state or country (`TUSCALOOSA, Ala. — `), or be a town no
  // gazetteer knows of one or two words before a lead (`LONE ROCK — `, `CHENGANNUR - `) that is
  // no desk's label, so that a line such as `UPDATE - Police say ...` is no dateline.
  if (
    !m[2]!.trim().startsWith("--") &&
    !lookupPlace(CAPS_CITY.exec(placeText)![0]) &&
    qualifierCountry(placeText) === undefined &&
    !unknownCapsTown(text, placeText, p0 + m[0].length)
  )
    return null;
  return placeOnly(p0, separatorEnd(text, p0 + placeText.length), i, p0 + placeText.length);
}

/** One to three words in title case or Devanagari, spaces, then an en or em dash and a space. */
const CITY_DASH =
  /^((?:\p{Lu}\p{Ll}+|[\u0900-\u097f]+)(?: (?:\p{Lu}\p{Ll}+|[\u0900-\u097f]+)){0,2})[ \t]+[–—][ \t]+(?=\S)/u;

/**
 * A dateline cut to its place, in title case or Devanagari, and an en or em dash (portals'
 * reprints: `Geneva – World Health Organisation chief ...`, `मुंबई – हालिया फिल्म ...`): a known
 * city (a country alone is a section's name), then a lead (`isLead`).
 */
function cityDashLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const c = win.charCodeAt(0);
  if (!isLatinUpper(c) && !isDevanagariLetter(c)) return null;
  // (A cheap necessary condition first: the dash, which few lines hold.)
  const en = win.indexOf(" –");
  const em = win.indexOf(" —");
  const dash = en < 0 ? em : em < 0 ? en : Math.min(en, em);
  if (dash < 2 || dash > 60) return null;
  const m = CITY_DASH.exec(win);
  if (!m || lookupPlace(m[1]!)?.kind !== "city") return null;
  if (!leadAt(text, p0 + m[0].length)) return null;
  const placeEnd = p0 + m[1]!.length;
  return placeOnly(p0, separatorEnd(text, placeEnd), i, placeEnd);
}

/** A town in capitals that no gazetteer knows (one or two words, no label's word) before a lead at `leadFrom`. */
function unknownCapsTown(text: string, placeText: string, leadFrom: number): boolean {
  return (
    !placeText.includes(",") &&
    wordCount(placeText) <= 2 &&
    !placeText.split(/\s+/u).some((w) => CAPS_LABELS.has(w)) &&
    leadAt(text, leadFrom)
  );
}
const CAPS_LABELS = new Set(leftovers.capsLabels);

/** `By IANS, Hyderabad: `: `By`, an agency's tag, a comma, the place, a colon. */
const AGENCY_BYLINE = new RegExp(String.raw`^[Bb][Yy]\s+(${TAGS})\s*,\s*([^:()\n,]{2,40}?)\s*:\s*(?=\S)`, "u");

/**
 * `By IANS, New Delhi: Designers are ...` (IANS copy as portals print it): the agency as a byline,
 * then a known place, or one in capitals, of at most four words, a colon, and a lead (`isLead`).
 * The byline is the dateline's prefix; the tag its agency.
 */
function agencyByline(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  if (win.charCodeAt(0) !== 0x42 && win.charCodeAt(0) !== 0x62) return null; // `B`, `b`
  const m = AGENCY_BYLINE.exec(win);
  if (!m) return null;
  const placeText = m[2]!.trim();
  if (wordCount(placeText) > 4 || (!lookupPlace(placeText) && !CAPS_PLACE.test(placeText))) return null;
  if (!leadAt(text, p0 + m[0].length)) return null;
  const tagStart = p0 + m[0].indexOf(m[1]!);
  const placeStart = p0 + m[0].indexOf(placeText, m[0].indexOf(",") + 1);
  const colon = p0 + m[0].indexOf(":", placeStart - p0 + placeText.length);
  let bylineEnd = placeStart;
  while (bylineEnd > p0 && isHSpace(text.charCodeAt(bylineEnd - 1))) bylineEnd--;
  return {
    start: placeStart,
    end: separatorEnd(text, colon),
    firstLine: i,
    lastLine: i,
    places: [{ start: placeStart, end: placeStart + placeText.length }],
    date: null,
    agency: { start: tagStart, end: tagStart + m[1]!.length, code: agencyOf(m[1]!)?.code ?? null },
    prefix: { start: p0, end: bylineEnd, kind: "byline" },
  };
}

/**
 * `नई दिल्ली 27 फरवरी।`, `नई दिल्ली, 20 सितंबर:`: a place, a date (maybe a year), maybe a tag, a
 * danda, colon or dash; a comma the page left where it cut the tag out stays before the mark
 * (`अबू धाबी, 23 सितंबर, ।`).
 */
const PLACE_DATE_MARK =
  /^([^\n\d,:;।()"“”]{2,40}?(?:\s*\([^()\n\d]{2,30}\))?(?:\s*\[[^[\]\n\d]{2,30}\])?),?\s+((?:[0-9]{1,2}\s+[\p{L}\p{M}]+|[\p{L}\p{M}]+\.?\s+[0-9]{1,2})(?:,?\s+[0-9]{4})?)(?:\s*\(([^()\n\d]{2,24})\))?,?\s*(?=।|:|--|—|–|\|)/u;

/**
 * `PLACE DATE।` with no tag, as Hindi papers date their own copy (`नई दिल्ली 27 फरवरी।भारत ने
 * ...`, `नई दिल्ली 20 सितंबर:उप प्रधान मंत्री ...`): a known place of at most four words, a date
 * with or without a comma before it, a danda (or a bar typed for one), colon or dash, then a lead
 * (`isLead`). The place may be qualified in brackets (`चमोली (उत्तराखंड), 28 फरवरी:`), as in ANI's
 * copy without its tag (`Gandhidham [India], Apr 22 : ...`, `Hyderabad (Telangana) [India], Feb 25 : ...`).
 */
function placeDateMark(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  // Cheap test first: a figure near the start of the line.
  if (!/[0-9]/u.test(win.slice(0, 60))) return null;
  const m = PLACE_DATE_MARK.exec(win);
  if (!m) return null;
  const placeText = m[1]!.trim();
  if (wordCount(placeText) > 4 || !lookupPlace(placeText.replace(/\s*\([^()]*\)$/u, ""))) return null;
  const dateStr = m[2]!;
  const d = dateAtEnd(dateStr);
  if (d?.start !== 0) return null;
  const end = separatorEnd(text, p0 + m[0].length);
  if (!leadAt(text, end)) return null;
  const ds = p0 + m[0].indexOf(dateStr, m[1]!.length);
  const found = placeAndDate(p0, end, i, placeText.length, d, ds, dateStr.length);
  // A tag no table names between the date and the mark (`सियोल, 4 जुलाई (वीएनआई)|`): the
  // agency's text, with no code.
  const tag = m[3]?.trim();
  if (tag) {
    const at = p0 + m[0].lastIndexOf(tag);
    found.agency = { start: at, end: at + tag.length, code: agencyOf(tag)?.code ?? null };
  }
  return found;
}

/** Words that cannot open a lead: a date followed by one is part of the sentence (`पांच जून को`). */
const HI_AFTER_DATE = new Set(monthsTable.notAfterHindiDate);

/**
 * `नयी दिल्ली, पांच जून दिल्ली में ...`, `नयी दिल्ली तीन जून शेयर बाजार ...`, `नीमच (मप्र), तीन
 * अक्टूबर ...`: Bhasha copy as portals print it with `(भाषा)` cut out. A known place of at most
 * four words (the last maybe its state in brackets), maybe a comma, a day (figures or a word) and
 * a month in Devanagari, then a lead (`isLead`) whose first word is no postposition.
 */
function placeDateLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  // Cheap tests first (every line of every story is tried): a Devanagari letter opens the line,
  // and words are cut by hand, at most seven of them.
  if (!isDevanagariLetter(win.charCodeAt(0))) return null;
  const starts: number[] = [];
  const ends: number[] = [];
  for (let p = 0; p < win.length && p < 160 && starts.length < 7; ) {
    while (p < win.length && isRegExpSpace(win.charCodeAt(p))) p++;
    if (p >= win.length || win.charCodeAt(p) === 10) break;
    const q = p;
    while (p < win.length && !isRegExpSpace(win.charCodeAt(p))) p++;
    starts.push(q);
    ends.push(p);
  }
  for (let k = 1; k <= 4 && k + 2 < starts.length; k++) {
    const word = (j: number) => win.slice(starts[j]!, ends[j]!);
    const month = word(k + 1);
    // A month in Devanagari after the day, else no date here.
    if (!isDevanagariLetter(month.charCodeAt(0)) || monthOf(month) === null) continue;
    // The place's last word may be its state in brackets (`नीमच (मप्र), तीन अक्टूबर ...`).
    const state = k >= 2 && /^\([^\d()]+\),?$/u.test(word(k - 1));
    for (let j = 0; j < k; j++) {
      const w = word(j);
      if (state && j === k - 1) continue;
      if (/[\d:;।()"“”]/u.test(w) || (j < k - 1 && w.endsWith(","))) return null;
    }
    const placeEnd = ends[k - 1]! - (win.charCodeAt(ends[k - 1]! - 1) === 0x2c ? 1 : 0);
    const dateStr = win.slice(starts[k]!, ends[k + 1]!);
    const d = dateAtEnd(dateStr);
    if (d?.start !== 0) continue;
    const placeText = win.slice(0, placeEnd);
    if (!lookupPlace(state ? win.slice(0, ends[k - 2]!) : placeText)) continue;
    if (HI_AFTER_DATE.has(word(k + 2))) return null;
    // A tag in brackets before the lead, glued to it or not (`चंडीगढ़, 19 जून (ट्रिन्यू)पूर्व
    // मुख्यमंत्री ...`, `बीजिंग, 11 अक्टूबर (लाइव 7) चीनी ...`): the dateline's agency, a code only
    // when a table knows it.
    const tag = TAG_BEFORE_LEAD.exec(win.slice(starts[k + 2]!, starts[k + 2]! + 40));
    const lead = p0 + starts[k + 2]! + (tag ? tag[0].length : 0);
    if (!leadAt(text, lead)) return null;
    const m = placeAndDate(p0, p0 + ends[k + 1]!, i, placeText.length, d, p0 + starts[k]!, dateStr.length);
    if (!tag) return m;
    const a = p0 + starts[k + 2]! + 1;
    const end = a + tag[1]!.length + 1;
    return { ...m, end, agency: { start: a, end: a + tag[1]!.length, code: agencyOf(tag[1]!)?.code ?? null } };
  }
  return null;
}
const TAG_BEFORE_LEAD = /^\((\p{L}[^()\n]{1,23})\)[ \t]*(?=[\u0900-\u097f])/u;

/**
 * A known place and a date, then a short tag in brackets that no table knows, then the lead
 * (a paper's own news service, a distributor): the tag is the dateline's agency with no code.
 * >     Chandigarh, June 19 (TNS) The state government on Monday ...
 * >                         ^^^^^ the tag
 */
function unknownTag(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const open = win.indexOf("(");
  if (open < 4 || open > 80) return null;
  const close = win.indexOf(")", open);
  // (A colon may part the place from the date: `नयी दिल्ली: 11 जून (ए)`.)
  if (close < 0 || close - open > 26 || !hasDateStart(win.slice(0, open), true)) return null;
  const tag = win.slice(open + 1, close).trim();
  if (!/^\p{L}/u.test(tag) || wordCount(tag) > 3 || NOT_A_TAG.test(tag)) return null;
  const head = headParts(text, p0, p0 + open);
  if (!head?.date || head.prefix || !head.places.some((r) => lookupPlace(text.slice(r.start, r.end)))) return null;
  const end = separatorEnd(text, p0 + close + 1);
  if (!leadAt(text, end)) return null;
  const a = p0 + open + win.slice(open, close).indexOf(tag);
  return {
    start: p0,
    end,
    firstLine: i,
    lastLine: i,
    places: head.places,
    date: head.date,
    agency: { start: a, end: a + tag.length, code: agencyOf(tag)?.code ?? null },
    prefix: null,
  };
}
/** Brackets after a date that hold no tag: a photo's or a file's note. */
const NOT_A_TAG = /\b(?:photo|pic|image|file|video|representational)\b/iu;

/** The first letters of agencies' full names and tags: what a credit line can open with. */
const CREDIT_FIRST = new Set([...agencyNames, ...agencyTags].map((n) => n.charCodeAt(0)));

/**
 * An agency's tag, a known place and a date with its year filling a line (`PTI Kolkata Mar 09
 * 2015`, `IANS New Delhi, Jan 5, 2019 10:20 IST`), with more text below: the place and date are
 * the dateline, the tag before them the byline. (Without a date the line is a portal's credit
 * line, all of it the byline: `agencyPlaceCredit` in headline.ts.)
 */
function agencyPlaceLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  if (L.contentEnd - L.contentStart > 160 || !CREDIT_FIRST.has(text.charCodeAt(L.contentStart))) return null;
  const content = text.slice(L.contentStart, trimmedEnd(text, L));
  if (content.includes(" | ")) return null;
  const dated = tagPlaceDate(L.contentStart, content, i);
  return dated && nextContent(lines, i) >= 0 ? dated : null;
}

/**
 * `PLACE, DATE YEAR` filling its line, as pages print an agency's story under its headline
 * (`New Delhi, January 15, 2013`, then the lead below): a known place of at most four words, a
 * comma, a date with its year and nothing after it, and a lead (`isLead`) on the next line
 * that has text. No agency.
 */
function placeDateLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  const end = trimmedEnd(text, L);
  const n = end - L.contentStart;
  if (n > 60 || n < 8 || !isAsciiDigit(text.charCodeAt(end - 1))) return null;
  const pd = placeCommaDate(text, L);
  if (!pd || !leadBelow(text, lines, i)) return null;
  return placeAndDate(L.contentStart, end, i, pd.comma - L.contentStart, pd.date, pd.dateStart, end - pd.dateStart);
}

/**
 * The Hindu's credit line for agency copy, `PTI New Delhi August 02, 2022 16:12 IST`: a tag, a known
 * place of at most four words, a date with its year, maybe a time: the place and date are the
 * dateline, the tag the byline and the agency (the time is a header-line finding: story.ts).
 */
function tagPlaceDate(start: number, content: string, i: number): DatelineMatch | null {
  const sp = content.indexOf(" ");
  if (sp < 2 || !TAG_EXACT.has(content.slice(0, sp)) || !hasYear(content)) return null;
  const withoutTime = content.replace(TIME_TAIL, "");
  const words = [...withoutTime.slice(sp + 1).matchAll(/\S+/gu)].slice(0, 8);
  for (let k = 1; k <= 4 && k < words.length; k++) {
    const placeEnd = sp + 1 + words[k - 1]!.index + words[k - 1]![0].length;
    const placeText = content.slice(sp + 1, placeEnd);
    if (!lookupPlace(placeText)) continue;
    const ds = sp + 1 + words[k]!.index;
    const d = dateAtEnd(withoutTime.slice(ds));
    if (d?.start !== 0 || d.year === null) return null;
    return {
      start: start + sp + 1,
      end: start + withoutTime.length,
      firstLine: i,
      lastLine: i,
      places: [{ start: start + sp + 1, end: start + placeEnd }],
      date: { ...d, start: start + ds, end: start + withoutTime.length },
      agency: { start, end: start + sp, code: agencyOf(content.slice(0, sp))?.code ?? null },
      prefix: { start, end: start + sp, kind: "byline" },
    };
  }
  return null;
}

function hasYear(s: string): boolean {
  return /\b(?:19|20)[0-9]{2}\b/u.test(s);
}

/**
 * `नई दिल्ली:` alone on its line, the lead on the next (a portal's feed copy): a known place of
 * at most four words and a colon filling the line, then a line that is a lead (`isLead`).
 */
function placeColonLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  const end = trimmedEnd(text, L);
  if (end - L.contentStart > 40 || text.charCodeAt(end - 1) !== 0x3a) return null;
  let pe = end - 1;
  while (pe > L.contentStart && isHSpace(text.charCodeAt(pe - 1))) pe--;
  const placeText = text.slice(L.contentStart, pe);
  if (placeText.length < 2 || wordCount(placeText) > 4 || !lookupPlace(placeText)) return null;
  if (!leadBelow(text, lines, i)) return null;
  return placeOnly(L.contentStart, end, i, pe);
}

/** `NAIROBI, Sept 24 ` then a capital: a place in capitals, a comma or none, a word and a day (`dateAtEnd` reads it as a month). */
const CAPS_PLACE_DATE = /^([A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*){0,3}),? ([A-Z][a-z]{2,8}\.? [0-9]{1,2}) (?=["“‘]?[A-Z])/u;

/**
 * An agency's dateline with its tag and dash cut out (`NAIROBI, Sept 24 Kenya's Citizen TV
 * reported ...`, `PARIS Aug 19 European shares rose ...`): a known place in capitals, a comma or
 * none, a month and a day, then a lead (`isLead`), which in hard-wrapped copy runs on over the
 * lines below.
 */
function capsPlaceDateLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const c = win.charCodeAt(0);
  if (c < 0x41 || c > 0x5a) return null;
  return placeDateThenLead(text, CAPS_PLACE_DATE.exec(win), p0, i);
}

/**
 * The dateline a `PLACE[,] DATE ` match at `p0` reads (group 1 the place, group 2 the date): a
 * known place, a month and a day, then a lead (`isLead`), on its line or carried over the next.
 */
function placeDateThenLead(text: string, m: RegExpExecArray | null, p0: number, i: number): DatelineMatch | null {
  if (!m || !lookupPlace(m[1]!)) return null;
  const d = dateAtEnd(m[2]!);
  if (d?.start !== 0) return null;
  if (!leadOrWrappedAt(text, p0 + m[0].length)) return null;
  const dateStart = p0 + m[0].indexOf(m[2]!, m[1]!.length);
  return placeAndDate(p0, p0 + m[0].length - 1, i, m[1]!.length, d, dateStart, m[2]!.length);
}

/** A place of one to four words in title case, maybe its state in brackets, a comma, a month and a day, a space, then a capital. */
const TITLE_PLACE_DATE =
  /^(\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,3}(?: \(\p{Lu}[\p{L}. ]{0,24}\))?), (\p{Lu}\p{Ll}{2,8}\.? [0-9]{1,2}) (?=["“‘]?\p{Lu})/u;

/**
 * An Indian agency's dateline with its tag cut out (`Lucknow, Nov 10 Three members of a gang
 * ...`, `Chaibasa (Jharkhand), March 20 Jharkhand Police has ...`: PTI and IANS copy as portals
 * print it): a known place in title case, maybe its state in brackets, a comma, a month and a
 * day, then a lead (`isLead`). The date and the comma keep a sentence that opens with a place
 * (`London, the capital, ...`) out.
 */
function titlePlaceDateLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const c = win.charCodeAt(0);
  if (c < 0x41 || c > 0x5a) return null;
  // (A cheap necessary condition first: a comma after the place's words and a figure after it.)
  const comma = win.indexOf(", ");
  if (comma < 2 || comma > 70 || !isAsciiDigit(win.charCodeAt(win.indexOf(" ", comma + 2) + 1))) return null;
  return placeDateThenLead(text, TITLE_PLACE_DATE.exec(win), p0, i);
}

/** Whether a lead (`isLead`) starts at `from`, on its line or carried over the next by a hard wrap. */
function leadOrWrappedAt(text: string, from: number): boolean {
  return leadAt(text, from) || wrappedLeadAt(text, from);
}

/**
 * Whether the text from `from` is a lead that a hard wrap carries over the next lines: its line
 * ends mid-sentence (in a letter, a figure or a comma) and, read on to the first blank line (at
 * most 400 characters, line ends as spaces), it is a lead (`isLead`).
 */
function wrappedLeadAt(text: string, from: number): boolean {
  const chunk = text.slice(from, Math.min(text.length, from + 400));
  const first = chunk.split(LINE_END, 1)[0]!.trimEnd();
  if (first.length === chunk.length || !/[\p{L}\p{N},]$/u.test(first)) return false;
  const block = chunk.split(/\r?\n[ \t]*\r?\n|\r[ \t]*\r/u, 1)[0]!;
  return isLead(block.replace(/\s+/gu, " "));
}

/** A place of one to three words in capitals, a space, then a word in title case. */
const CAPS_PLACE_LEAD = new RegExp(String.raw`^(${CAPS_WORD}(?: ${CAPS_WORD}){0,2}) (?=["“‘]?\p{Lu}\p{Ll})`, "u");

/**
 * A dateline cut to its place in capitals, then the lead with no mark between (`CHENNAI The Sri
 * Lankan Navy on Sunday arrested ...`, `NEW DELHI Monsoon rains in India were ...`): a known city
 * (a country alone is a section's name), then a lead (`isLead`).
 */
function capsPlaceLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const c = win.charCodeAt(0);
  const d = win.charCodeAt(1);
  if (c < 0x41 || c > 0x5a || d < 0x41 || d > 0x5a) return null;
  const m = CAPS_PLACE_LEAD.exec(win);
  if (!m || lookupPlace(m[1]!)?.kind !== "city") return null;
  if (!leadOrWrappedAt(text, p0 + m[0].length)) return null;
  return placeOnly(p0, p0 + m[1]!.length, i, p0 + m[1]!.length);
}

/**
 * A known place in capitals in square brackets, then the lead (`[SEOUL] The South Korean won ...`,
 * `[NEW YORK] Days after ...`: agency copy as The Business Times prints it, with no date or tag).
 */
function bracketPlaceLead(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  if (win.charCodeAt(0) !== 0x5b) return null;
  const close = win.indexOf("]");
  if (close < 3 || close > 32 || !isRegExpSpace(win.charCodeAt(close + 1))) return null;
  const place = win.slice(1, close);
  if (!CAPS_PLACE.test(place) || lookupPlace(place) === undefined) return null;
  if (!leadOrWrappedAt(text, p0 + close + 2)) return null;
  return placeOnly(p0, p0 + close + 1, i, p0 + close, p0 + 1);
}

/**
 * A known city in capitals alone on its line, maybe with its country or state (`CAIRO`, `KABUL,
 * Afghanistan`), then a line that is a lead (`isLead`): AP's dateline as pages print it, on a line
 * of its own under the headline and the byline, with the agency's tag left out. A country alone
 * (`INDIA`, a section's name) is none.
 */
function capsPlaceLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  const end = trimmedEnd(text, L);
  if (end - L.contentStart > 40 || end - L.contentStart < 3) return null;
  const first = text.charCodeAt(L.contentStart);
  if (first < 0x41 || first > 0x5a) return null;
  const placeText = text.slice(L.contentStart, end);
  const comma = placeText.indexOf(",");
  const city = (comma > 0 ? placeText.slice(0, comma) : placeText).trim();
  if (!CAPS_PLACE.test(city) || lookupPlace(city)?.kind !== "city") return null;
  if (comma > 0 && !capsWithCountry(placeText)) return null;
  if (!leadBelow(text, lines, i)) return null;
  return placeOnly(L.contentStart, end, i, end);
}

/** A place's name in title case: up to three words (`Beijing`, `New Delhi`, `Kuala Lumpur`). */
const TITLE_PLACE = /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){0,2}$/u;

/**
 * A known city in title case alone on its line, a lead on the next: the place a page prints
 * between its credit and the copy (`Press Trust of India` / `New Delhi` / `The University Grants
 * Commission ...`), or alone above the lead. A country or a state alone is a section's name.
 * >     Beijing
 * >     Beijing issued a yellow alert for heavy air pollution Tuesday ...
 */
function cityLine(text: string, lines: Line[], i: number): DatelineMatch | null {
  const L = lines[i]!;
  const end = trimmedEnd(text, L);
  if (end - L.contentStart > 30 || end - L.contentStart < 3 || !isLatinUpper(text.charCodeAt(L.contentStart)))
    return null;
  const city = text.slice(L.contentStart, end);
  if (!TITLE_PLACE.test(city) || lookupPlace(city)?.kind !== "city" || !leadBelow(text, lines, i)) return null;
  return placeOnly(L.contentStart, end, i, end);
}

/**
 * `PLACE: ` with no date and no tag, as papers reprint agency copy (`KOLKATA: The Eastern Railway
 * said ...`, `नई दिल्ली: दिल्ली पुलिस ने ...`): a known place, or one in capitals, of at most four
 * words, then a lead (`isLead`: eight words with a sentence end, so that a headline such as
 * `Delhi: 3 die of dengue` is none).
 */
function placeColon(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  if (!mayBePlaceColon(win)) return null;
  const m = PLACE_COLON.exec(win);
  if (!m) return null;
  const placeText = m[1]!.trim();
  if (wordCount(placeText) > 4 || CAPTION_LABELS.has(placeText.toLowerCase())) return null;
  // A portal's keyword in Latin letters before a Devanagari place (`Gujarat गांधीनगर: ...`): a
  // leftover before the dateline.
  const keyword = latinKeywordEnd(placeText);
  const from = p0 + keyword;
  const bare = placeText.slice(keyword).replace(/\s*\([^()]*\)$/u, "");
  const caps = CAPS_PLACE.test(bare) || capsWithCountry(bare);
  let places = slashParts(text, from, from + bare.length);
  const qualified = placeText.slice(keyword);
  // A town no gazetteer knows, vouched for by its country or state in brackets (`इपोह (मलेशिया) : `),
  // as after a dash (`Dhunche (Nepal) -`).
  if (
    !caps &&
    !places.every((r) => lookupPlace(text.slice(r.start, r.end))) &&
    (places.length !== 1 || qualified === bare || wordCount(bare) > 2 || qualifierCountry(qualified) === undefined)
  )
    return null;
  // The place is read with its qualifier, as in every other dateline (`Tezpur (Assam):`).
  if (places.length === 1 && qualified !== bare) places = [{ start: from, end: from + qualified.length }];
  if (!leadAt(text, p0 + m[0].length)) return null;
  let pe = from;
  while (pe > p0 && isHSpace(text.charCodeAt(pe - 1))) pe--;
  return {
    start: from,
    end: separatorEnd(text, p0 + m[1]!.length),
    firstLine: i,
    lastLine: i,
    places,
    date: null,
    agency: null,
    prefix: keyword ? { start: p0, end: pe, kind: "leftover" } : null,
  };
}

/** Where a Devanagari text starts after one or two Latin words before it (`Gujarat गांधीनगर`), or 0. */
function latinKeywordEnd(s: string): number {
  const m = /^[A-Za-z][A-Za-z-]*(?: [A-Za-z][A-Za-z-]*)? +(?=[\u0900-\u097f])/u.exec(s);
  return m ? m[0].length : 0;
}

/**
 * `अंकारा। तुर्की में ...`, `श्रीनगर | उत्तरी कश्मीर के ...`: a known place of at most three words
 * alone before a danda (or a bar typed for one, as Hindi portals do), then a lead (`isLead`); or
 * two such places parted by a slash (`मुंबई/कोलकाता।`).
 */
function placeDanda(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  let k = 0;
  while (k < win.length && k <= 40 && win[k] !== "।" && win[k] !== "|") k++;
  if (k > 40 || k >= win.length) return null;
  const placeText = win.slice(0, k).trim();
  if (placeText.length < 2 || /[\d,:;.()"“”‘’'!?]/u.test(placeText)) return null;
  // Two places for one story's copy, parted by a slash (`मुंबई/कोलकाता।`), each known.
  const places = slashParts(text, p0, p0 + placeText.length);
  if (places.some((r) => wordCount(text.slice(r.start, r.end)) > 3 || !lookupPlace(text.slice(r.start, r.end))))
    return null;
  const end = separatorEnd(text, p0 + k);
  if (!leadAt(text, end)) return null;
  return { ...placeOnly(p0, end, i, p0 + placeText.length), places };
}

/**
 * `PLACE, ` then a lead, as portals reprint copy with the date and the tag cut from its dateline:
 *
 * ```
 * > | मुंबई, स्थानीय शेयर बाजारों में गिरावट का सिलसिला बृहस्पतिवार को भी जारी रहा।
 * >   ^^^^^^ place-comma
 * ```
 *
 * The place is known and written in Devanagari (where a sentence does not open with a bare place
 * and a comma) or in capitals (`SEOUL, South Korea's point man ...`; a place in mixed case may
 * open an appositive: `Mumbai, India's financial capital, ...`); the lead's first word is no place
 * (`दिल्ली, मुंबई और कोलकाता में ...` lists places) and no date.
 */
function placeComma(text: string, win: string, p0: number, i: number): DatelineMatch | null {
  const k = win.indexOf(",");
  if (k < 2 || k > 30 || win[k + 1] !== " ") return null;
  const placeText = win.slice(0, k);
  const deva = /^[\u0900-\u097f]+(?: [\u0900-\u097f]+){0,2}$/u.test(placeText);
  if (!deva && !CAPS_PLACE.test(placeText)) return null;
  if (!lookupPlace(placeText)) return null;
  const rest = win.slice(k + 2);
  const next = /^[\p{L}\p{M}\p{N}'’.-]+(?: [\p{L}\p{M}\p{N}'’.-]+)?/u.exec(rest)?.[0] ?? "";
  if (!next || listsPlaces(rest)) return null;
  // A date after the comma (`नयी दिल्ली, पांच जून को ...`) is the sentence's, or the dateline's that
  // the rules before read: never a lead of this form.
  if (dateAtEnd(next)?.start === 0) return null;
  if (!leadAt(text, p0 + k + 2)) return null;
  return placeOnly(p0, p0 + k + 1, i, p0 + k);
}

/**
 * Whether `s` opens with a place that a list goes on from (`मुंबई और कोलकाता में ...`, `Mumbai,
 * Chennai and ...`): a known place of one or two words, then a comma or a conjunction.
 */
function listsPlaces(s: string): boolean {
  const words = s.split(" ", 4);
  // (Two words only when the first ends in no comma: `INDIA, June` names India and a month.)
  for (let n = words[0]?.endsWith(",") ? 1 : 2; n >= 1; n--) {
    let name = words.slice(0, n).join(" ");
    const comma = name.endsWith(",");
    if (comma) name = name.slice(0, -1);
    if (!lookupPlace(name)) continue;
    return comma || LIST_JOINERS.has(words[n] ?? "");
  }
  return false;
}
const LIST_JOINERS = new Set(["और", "तथा", "व", "एवं", "and", "or", "&"]);

/** `FILE PHOTO:`, `Photo:`: a caption's label before a colon is no place. */
const CAPTION_LABELS = new Set(leftovers.captionWords.map((w) => w.toLowerCase()));

/** `PULI ALAM, Afghanistan`: a place in capitals, a comma, then a known country or state. */
function capsWithCountry(place: string): boolean {
  const comma = place.indexOf(",");
  if (comma <= 0) return false;
  const country = lookupPlace(place.slice(comma + 1).trim());
  return CAPS_PLACE.test(place.slice(0, comma).trim()) && country !== undefined && country.kind !== "city";
}

interface Head {
  places: Range[];
  date: (Range & DateMatch) | null;
  prefix: (Range & { kind: "byline" | "other" | "leftover" }) | null;
}

/** Splits the text before the tag into prefix, place(s) and date. */
function headParts(text: string, from: number, to: number): Head | null {
  let end = to;
  // A comma, a colon or a dash may part the head from the tag (`खाटमांडू, 5 जुलाई: (पी टी आई)`,
  // `NEW YORK — (AP) —`).
  while (end > from && (isHSpace(text.charCodeAt(end - 1)) || text[end - 1] === ",")) end--;
  if (end > from && text[end - 1] === ":") end--;
  else if (end - 1 > from && (text[end - 1] === "—" || text[end - 1] === "–") && isHSpace(text.charCodeAt(end - 2)))
    end--;
  while (end > from && isHSpace(text.charCodeAt(end - 1))) end--;
  if (end === from) return null;
  const head = text.slice(from, end);
  let date: (Range & DateMatch) | null = null;
  let placeEnd = end;
  const d = dateAtEnd(head);
  if (d) {
    date = { ...d, start: from + d.start, end };
    placeEnd = from + d.start;
    while (placeEnd > from && (isHSpace(text.charCodeAt(placeEnd - 1)) || text[placeEnd - 1] === ",")) placeEnd--;
    // A colon may part the place from the date (`नयी दिल्ली: 28 अक्टूबर (भाषा)`).
    if (placeEnd > from && text[placeEnd - 1] === ":" && placeEnd < date.start) {
      placeEnd--;
      while (placeEnd > from && isHSpace(text.charCodeAt(placeEnd - 1))) placeEnd--;
    }
  }
  if (placeEnd === from) return null;
  // Find where the place starts: after an editor's note `(Eds: ...)` / `(अनवारुल हक)`, a byline
  // `By Name`, or other leftovers — the longest known place at the end, else the whole rest.
  let placeStart = from;
  let kind: "byline" | "other" | "leftover" | null = null;
  if (text[placeStart] === "(") {
    const rel = text.slice(placeStart, placeEnd).indexOf(")");
    const close = rel < 0 ? -1 : placeStart + rel;
    if (close > 0 && close < placeEnd - 1) {
      placeStart = close + 1;
      kind = "byline";
      while (isHSpace(text.charCodeAt(placeStart))) placeStart++;
    }
  }
  // Leftovers before a colon (`week: Police Ghaziabad`): the place comes after the last one.
  const before = text.slice(placeStart, placeEnd);
  const colon = Math.max(before.lastIndexOf(":"), before.lastIndexOf("|"));
  if (colon >= 0) {
    // A portal's desk credit before the bar (`जनता से रिश्ता वेबडेस्क| नयी दिल्ली, ...`) is a byline.
    kind ??= isDeskCredit(before.slice(0, colon)) ? "byline" : "other";
    placeStart += colon + 1;
    while (placeStart < placeEnd && isHSpace(text.charCodeAt(placeStart))) placeStart++;
  }
  const rest = text.slice(placeStart, placeEnd);
  const isBy = /^by\s/i.test(rest);
  // `MENAFN - IANS) Kolkata`: a closing bracket with no opening one is a page's leftover, no place.
  const stray = /^[^(]*\)/u.test(rest);
  if (isBy || ((wordCount(rest) > 4 || kind === "other" || stray) && !lookupPlace(rest))) {
    const known = knownSuffix(text, placeStart, placeEnd);
    let s = known ?? lastWordStart(text, placeStart, placeEnd);
    // A headline run into the place (`... ग्रामीण को कुचला, मौतशहडोल, 08 फरवरी (वार्ता)`).
    const glued = known === null ? gluedPlaceStart(text.slice(placeStart, placeEnd), placeEnd - placeStart) : null;
    if (glued !== null) s = placeStart + glued;
    if (s > placeStart) {
      kind = isBy || kind === "byline" ? "byline" : stray ? "leftover" : "other";
      placeStart = s;
    }
  }
  // `By Lalit K Jha /Seoul`: a slash glued to the place separates it from the prefix, which keeps it.
  while (kind !== null && placeStart < placeEnd && text[placeStart] === "/") placeStart++;
  if (placeStart >= placeEnd || wordCount(text.slice(placeStart, placeEnd)) > 6) return null;
  let prefix: Head["prefix"] = null;
  if (kind !== null) {
    let pe = placeStart;
    while (pe > from && isHSpace(text.charCodeAt(pe - 1))) pe--;
    // A byline ends before the bar or colon that parts it from the place (`... वेबडेस्क| नयी दिल्ली`).
    if (kind === "byline" && (text[pe - 1] === "|" || text[pe - 1] === ":")) {
      pe--;
      while (pe > from && isHSpace(text.charCodeAt(pe - 1))) pe--;
    }
    prefix = { start: from, end: pe, kind };
  }
  const places = slashParts(text, placeStart, placeEnd);
  if (places.length === 0) return null;
  return { places, date, prefix };
}

/** Start of the longest run of final words that names a known place, or null. */
function knownSuffix(text: string, from: number, to: number): number | null {
  let best: number | null = null;
  let k = to;
  for (let words = 0; words < 4; words++) {
    while (k > from && isHSpace(text.charCodeAt(k - 1))) k--;
    while (k > from && !isHSpace(text.charCodeAt(k - 1))) k--;
    if (k <= from && words > 0 && best !== null) break;
    if (lookupPlace(text.slice(k, to))) best = k;
    if (k <= from) break;
  }
  return best;
}

function lastWordStart(text: string, from: number, to: number): number {
  let k = to;
  while (k > from && !isHSpace(text.charCodeAt(k - 1))) k--;
  return k;
}

/** (`―`, the horizontal bar, is a dash to some pages: `SEPANG, March 11 ― ...`.) */
const SEPARATORS = ["--", "—", "–", "―", "-", "।", ":", "|", "_"];

/** End of the separator after the tag (`।`, ` ।`, `:`, ` :`, `-`, `--`, `—`), or `from` when none. */
function separatorEnd(text: string, from: number): number {
  let k = from;
  while (k < text.length && isHSpace(text.charCodeAt(k))) k++;
  for (const sep of SEPARATORS) {
    if (text.startsWith(sep, k)) {
      const after = k + sep.length;
      // `-` directly before a lower-case word is a hyphen; before a capital it is Reuters' `(Reuters) -The`.
      if (sep === "-" && isLatinLower(text.charCodeAt(after))) return from;
      // AP's `_` must stand alone: `(AP) _ Thousands`.
      if (sep === "_" && !isHSpace(text.charCodeAt(after))) return from;
      return after;
    }
  }
  return from;
}

function wordCount(s: string): number {
  const t = s.trim();
  if (!t) return 0;
  return t.split(/\s+/u).length;
}
