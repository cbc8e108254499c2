/**
 * Small helpers the envelope readers share: lines of a range with their visible content
 * (white space and control characters trimmed), and the tables of `data/envelopes.json`.
 */
import table from "../data/envelopes.json" with { type: "json" };
import { scanLines, type Line } from "../parse/lines.js";
import type { FieldMatch, Range } from "./types.js";

export const SOH = "\x01";
export const STX = "\x02";
export const ETX = "\x03";
export const EOT = "\x04";
export const SYN = "\x16";

/** A control character that is never copy (C0 but TAB and line ends, DEL, C1). */
export function isControl(c: number): boolean {
  return (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
}

const invisible = (c: number) => isControl(c) || c === 0x20 || c === 0x09 || c === 0xa0;

export interface VLine extends Line {
  /** The line's content without white space and control characters at either edge. */
  vs: number;
  ve: number;
}

export function visibleLines(text: string, from: number, to: number): VLine[] {
  if (to <= from) return [];
  return scanLines(text, from, to).map((l) => {
    let vs = l.start;
    let ve = l.end;
    while (vs < ve && invisible(text.charCodeAt(vs))) vs++;
    while (ve > vs && invisible(text.charCodeAt(ve - 1))) ve--;
    return { ...l, vs, ve };
  });
}

export function field(start: number, end: number, value: string | number | null): FieldMatch {
  return { start, end, value };
}

/** [s, e) with the given characters (and white space) trimmed from the end. */
export function trimEnd(text: string, s: number, e: number, chars: string): Range {
  while (e > s && (chars.includes(text[e - 1]!) || invisible(text.charCodeAt(e - 1)))) e--;
  return { start: s, end: e };
}

export function trimStart(text: string, s: number, e: number, chars: string): Range {
  while (s < e && (chars.includes(text[s]!) || invisible(text.charCodeAt(s)))) s++;
  return { start: s, end: e };
}

const TAKE_WORDS = new Set(table.takeKeys);

/**
 * A take or version key, not a headline: `EXTRA`, `REFILE`, `1ST LEAD`, `1stLd-Writethru`,
 * `(Achtung)`, `URGENT`; short and written in capitals, or a known key word.
 */
export function isTakeKey(s: string): boolean {
  const t = s.trim();
  if (!t || t.length > 40) return false;
  if (/^\([\p{L}\d .-]{1,30}\)$/u.test(t)) return true;
  if (/^\d+(?:st|nd|rd|th)\s*(?:Ld|lead|Lead|LEAD|Add|ADD|Writethru)\b/u.test(t)) return true;
  const words = t.split(/[\s-]+/u).filter(Boolean);
  if (words.length > 4) return false;
  if (words.some((w) => TAKE_WORDS.has(w.toUpperCase().replace(/[^\p{L}]/gu, "")))) {
    return words.every(
      (w) => w === w.toUpperCase() || /^\d+(?:st|nd|rd|th)$/iu.test(w) || TAKE_WORDS.has(w.toUpperCase()),
    );
  }
  return false;
}

export function anpaUrgency(letter: string): number | null {
  return (table.anpaPriority as Record<string, number>)[letter.toLowerCase()] ?? null;
}

const NOTICES = table.notForPublication.map((n) => n.toLowerCase());

/** A line that starts an editor's note: the text below is not for publication. */
export function isNotForPublication(s: string): boolean {
  const t = s
    .trim()
    .toLowerCase()
    .replace(/[.:]+$/u, "");
  return NOTICES.some((n) => t === n.toLowerCase() || (t.startsWith(n) && t.length < n.length + 20));
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

export function monthNumber(name: string): number | null {
  const k = MONTHS.indexOf(name.slice(0, 3).toLowerCase());
  return k < 0 ? null : k + 1;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `YYYY-MM-DDTHH:MM:00Z`, or null when the parts are not a real time. */
export function isoTime(y: number, mo: number, d: number, h: number, mi: number): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi));
  if (t.getUTCDate() !== d) return null;
  return `${y}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}:00Z`;
}

/** Two-digit years in feed trailers: 70-99 are 19xx, the rest 20xx. */
export function fullYear(yy: number): number {
  return yy >= 70 ? 1900 + yy : 2000 + yy;
}
