/**
 * Dates as datelines write them, read from the END of the text before the agency tag:
 *
 * ```
 * > | सोल, 14 सितंबर (आईएएनएस)।         > | New Delhi, Sept. 14, 2023 (IANS)
 *          ^^^^^^^^^                                ^^^^^^^^^^^^^^^^
 * > | नयी दिल्ली, दो मार्च (भाषा)        > | Allahabad, Aug 01 (PTI)
 *                 ^^^^^^^^                          ^^^^^^
 * ```
 * Day: ASCII or Devanagari digits, or a Hindi number word. Month: any name in `months.json`.
 * Year: four digits, only when written.
 */
import { dayWordOf, monthOf } from "../data/index.js";
import { parseDigits } from "../text/chars.js";

export interface DateMatch {
  /** Offset of the date's first character within the searched string. */
  start: number;
  day: number;
  month: number;
  year: number | null;
}

const WORD = String.raw`[\p{L}\p{M}\u200c\u200d]+\.?`;
const DAY = String.raw`[0-9०-९]{1,2}|[\p{L}\p{M}]+`;
const YEAR = "[0-9०-९]{4}";
// Day first (Hindi, British): "14 सितंबर", "14 September 2023", "दो मार्च"
const DAY_MONTH = new RegExp(String.raw`(?:^|[\s,])((${DAY})\s+(${WORD})(?:,?\s+(${YEAR}))?)$`, "u");
// Month first (English): "Sep 14", "Sept. 14, 2023", "June 8"
const MONTH_DAY = new RegExp(String.raw`(?:^|[\s,])((${WORD})\s+([0-9०-९]{1,2})(?:,?\s+(${YEAR}))?)$`, "u");

/** Reads a date at the end of `s` (already trimmed of trailing space and commas). */
export function dateAtEnd(s: string): DateMatch | null {
  if (s.length > 400) s = s.slice(-400);
  const offset = 0;
  let m = MONTH_DAY.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    const day = parseDigits(m[3]!);
    if (month !== null && day !== null) {
      return { start: offset + m.index + m[0].length - m[1]!.length, day, month, year: year(m[4]) };
    }
  }
  m = DAY_MONTH.exec(s);
  if (m) {
    const month = monthOf(m[3]!);
    const day = parseDigits(m[2]!) ?? dayWordOf(m[2]!);
    if (month !== null && day !== null) {
      return { start: offset + m.index + m[0].length - m[1]!.length, day, month, year: year(m[4]) };
    }
  }
  return null;
}

function year(s: string | undefined): number | null {
  return s === undefined ? null : parseDigits(s);
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
