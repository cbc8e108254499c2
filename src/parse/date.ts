/**
 * Dates as datelines write them, read from the END of the text before the agency tag:
 *
 * ```
 * > | सोल, 14 सितंबर (आईएएनएस)।         > | New Delhi, Sept. 14, 2023 (IANS)
 *          ^^^^^^^^^                                ^^^^^^^^^^^^^^^^
 * > | नयी दिल्ली, दो मार्च (भाषा)        > | Allahabad, Aug 01 (PTI)
 *                 ^^^^^^^^                          ^^^^^^
 * > | BEIJING, Aug.16 (Xinhua) --
 *              ^^^^^^
 * ```
 * Day: ASCII or Devanagari digits, or a Hindi number word. Month: any name in `months.json`.
 * Year: four digits, only when written.
 */
import { dayWordOf, monthOf } from "../data/index.js";
import { parseDigits } from "../text/chars.js";
import { codePointBefore, isLetterOrMark, isRegExpSpace } from "../text/classes.js";

export interface DateMatch {
  /** Offset of the date's first character within the searched string. */
  start: number;
  day: number;
  month: number;
  year: number | null;
}

/**
 * Reads a date at the end of `s` (already trimmed of trailing space and commas): month first
 * (`WORD DAY[,] [YEAR]`, or `WORD.DAY` with no space after the full stop), else day first (`DAY WORD[,] [YEAR]`), each preceded by the start, a
 * space or a comma. WORD is letters, marks, ZWJ/ZWNJ and an optional final `.`; DAY is one or two
 * ASCII or Devanagari digits, or (day first) a word of letters and marks; YEAR four digits.
 * A scan from the end: the patterns this replaces (kept as an oracle in test/date.test.ts)
 * compiled large Unicode classes on the first dateline of every run.
 */
export function dateAtEnd(s: string): DateMatch | null {
  if (s.length > 400) s = s.slice(-400);
  const md = monthDay(s);
  if (md) {
    const month = monthOf(s.slice(md.start, md.wordEnd));
    const day = parseDigits(s.slice(md.dayStart, md.dayEnd));
    if (month !== null && day !== null) return { start: md.start, day, month, year: yearAt(s, md.yearStart) };
  }
  const dm = dayMonth(s);
  if (dm) {
    const month = monthOf(s.slice(dm.wordStart, dm.wordEnd));
    const dayText = s.slice(dm.start, dm.dayEnd);
    const day = parseDigits(dayText) ?? dayWordOf(dayText);
    if (month !== null && day !== null) return { start: dm.start, day, month, year: yearAt(s, dm.yearStart) };
  }
  return null;
}

interface Parts {
  start: number;
  wordStart: number;
  wordEnd: number;
  dayStart: number;
  dayEnd: number;
  yearStart: number | null;
}

/** `WORD DAY[,] [YEAR]` at the end of s. */
function monthDay(s: string): Parts | null {
  const y = yearTail(s);
  const dayEnd = y ? y.before : s.length;
  const dayStart = digitRun(s, dayEnd);
  if (dayEnd - dayStart < 1 || dayEnd - dayStart > 2) return null;
  const wordEnd = spaceRun(s, dayStart);
  // `Aug. 16`, and Xinhua's `Aug.16`: after a full stop the figure may follow at once.
  if (wordEnd === dayStart && !(dayStart > 0 && s.charCodeAt(dayStart - 1) === 0x2e)) return null;
  const wordStart = wordRun(s, wordEnd, true);
  if (wordStart === null || !separated(s, wordStart)) return null;
  return { start: wordStart, wordStart, wordEnd, dayStart, dayEnd, yearStart: y ? y.start : null };
}

/** `DAY WORD[,] [YEAR]` at the end of s. */
function dayMonth(s: string): Parts | null {
  const y = yearTail(s);
  const wordEnd = y ? y.before : s.length;
  const wordStart = wordRun(s, wordEnd, true);
  if (wordStart === null) return null;
  const dayEnd = spaceRun(s, wordStart);
  if (dayEnd === wordStart) return null;
  let dayStart = digitRun(s, dayEnd);
  if (dayStart < dayEnd) {
    if (dayEnd - dayStart > 2) return null;
  } else {
    dayStart = letterRun(s, dayEnd, false);
    if (dayStart === dayEnd) return null;
  }
  if (!separated(s, dayStart)) return null;
  return { start: dayStart, wordStart, wordEnd, dayStart, dayEnd, yearStart: y ? y.start : null };
}

/** `[,] YEAR` at the end: where the year starts, and where what precedes the optional comma ends. */
function yearTail(s: string): { start: number; before: number } | null {
  const start = digitRun(s, s.length);
  if (s.length - start !== 4) return null;
  let before = spaceRun(s, start);
  if (before === start) return null;
  if (before > 0 && s.charCodeAt(before - 1) === 0x2c) before--;
  return { start, before };
}

/** Start of the WORD ending at `end` (letters, then an optional `.`), or null. */
function wordRun(s: string, end: number, joiners: boolean): number | null {
  const e = end > 0 && s.charCodeAt(end - 1) === 0x2e ? end - 1 : end;
  const k = letterRun(s, e, joiners);
  return k < e ? k : null;
}

/** Start of the run of letters and marks (and ZWJ/ZWNJ when `joiners`) that ends at `end`. */
function letterRun(s: string, end: number, joiners: boolean): number {
  let k = end;
  while (k > 0) {
    const { cp, start } = codePointBefore(s, k);
    if (!(isLetterOrMark(cp) || (joiners && (cp === 0x200c || cp === 0x200d)))) break;
    k = start;
  }
  return k;
}

function digitRun(s: string, end: number): number {
  let k = end;
  while (k > 0 && isDateDigit(s.charCodeAt(k - 1))) k--;
  return k;
}

function spaceRun(s: string, end: number): number {
  let k = end;
  while (k > 0 && isRegExpSpace(s.charCodeAt(k - 1))) k--;
  return k;
}

/** At the start of s, or after a space or a comma. */
function separated(s: string, k: number): boolean {
  if (k === 0) return true;
  const c = s.charCodeAt(k - 1);
  return c === 0x2c || isRegExpSpace(c);
}

function isDateDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x0966 && c <= 0x096f);
}

function yearAt(s: string, start: number | null): number | null {
  return start === null ? null : parseDigits(s.slice(start));
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** True when day/month can exist (29 February counts) and, with a year, exists in that year. */
export function isValidDate(day: number, month: number, year: number | null): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  if (day > DAYS_IN_MONTH[month - 1]!) return false;
  if (year !== null && month === 2 && day === 29 && !isLeap(year)) return false;
  return true;
}

export interface RefDate {
  year: number;
  month: number;
  day: number;
}

/** Parses `YYYY-MM-DD`; null when malformed or impossible. */
export function parseRefDate(s: string): RefDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const r = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  // Years before 1000 are no filing date (and 0000 would infer year -1).
  return r.year >= 1000 && isValidDate(r.day, r.month, r.year) ? r : null;
}

/** The latest year in which day/month falls on or before the reference date. */
export function inferYear(day: number, month: number, ref: RefDate): number {
  let y = month < ref.month || (month === ref.month && day <= ref.day) ? ref.year : ref.year - 1;
  // 29 February: step back to a leap year.
  for (let k = 0; k < 8 && !isValidDate(day, month, y); k++) y--;
  return y;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}
