/** Character classes and the folding used to compare names written in different ways. */

/** Devanagari independent vowels and consonants (what may start a word). */
export function isDevanagariLetter(c: number): boolean {
  return (c >= 0x0904 && c <= 0x0939) || (c >= 0x0958 && c <= 0x0961) || (c >= 0x0972 && c <= 0x097f);
}

/** Any code point of the Devanagari block that is part of a word (letters, signs, digits excluded). */
export function isDevanagariWordChar(c: number): boolean {
  return (c >= 0x0900 && c <= 0x0963) || (c >= 0x0971 && c <= 0x097f) || c === 0x200c || c === 0x200d;
}

export function isLatinUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

export function isLatinLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}

export function isLatinLetter(c: number): boolean {
  return isLatinUpper(c) || isLatinLower(c);
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Horizontal white space: space, tab, NBSP and the Unicode spaces, not line ends. */
export function isHSpace(c: number): boolean {
  return (
    c === 0x20 ||
    c === 0x09 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0x0b ||
    c === 0x0c ||
    c === 0xfeff
  );
}

export function isLineEnd(c: number): boolean {
  return c === 0x0a || c === 0x0d;
}

export function isSpace(c: number): boolean {
  return isHSpace(c) || isLineEnd(c) || c === 0x85 || c === 0x2028 || c === 0x2029;
}

/**
 * Where `code` first stands in [from, to) of the text, or -1. Unlike `indexOf` it never reads
 * past `to`: searching each of many short ranges of a long text for a character the text lacks
 * would otherwise read the rest of the text once per range.
 */
export function indexWithin(text: string, code: number, from: number, to: number): number {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) return i;
  return -1;
}

/** True when the string has no character but white space. */
export function isBlank(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) return false;
  return true;
}

const DEV_DIGIT_ZERO = 0x0966;

/** `"१४"` -> 14, `"01"` -> 1; null when not all digits. */
export function parseDigits(s: string): number | null {
  if (s.length === 0 || s.length > 6) return null;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let d: number;
    if (isAsciiDigit(c)) d = c - 0x30;
    else if (c >= DEV_DIGIT_ZERO && c <= DEV_DIGIT_ZERO + 9) d = c - DEV_DIGIT_ZERO;
    else return null;
    n = n * 10 + d;
  }
  return n;
}

// An alternation, not a class: ZWJ and ZWNJ are dropped one by one (a class reads as joined emoji to the linter).
const FOLD_DROP = /\u093c|\u200c|\u200d|\u00ad|\ufeff/g;

/**
 * Folds a written name so that spelling variants compare equal: NFD, drop nukta, ZWJ/ZWNJ,
 * soft hyphen and BOM; chandrabindu -> anusvara; NFC; lower case; runs of white space or `-`
 * -> one space; drop `.`; trim. (The same algorithm as `scripts/fold.mjs`.)
 */
export function fold(s: string): string {
  // Only names are kept: longer strings (a line, a sentence) are seldom asked again, and copying
  // them as keys (`ownCopy`) would cost more than folding them again.
  if (s.length > FOLD_KEPT) return foldUncached(s);
  let f = folded.get(s);
  if (f === undefined) {
    if (folded.size >= FOLD_CACHE) folded.clear();
    f = foldUncached(s);
    folded.set(ownCopy(s), f);
  }
  return f;
}

/**
 * A copy of `s` that holds no other string alive, for keeping as a cache's key: V8 makes a
 * string cut from a longer one (13 characters or more) point into that one, so a key cut from
 * a story would keep the whole story's text for as long as the cache keeps the key.
 */
export function ownCopy(s: string): string {
  // (A JSON round trip builds a new flat string: five times faster than splitting and joining.)
  return s.length < 13 ? s : (JSON.parse(JSON.stringify(s)) as string);
}

/** Folds are asked again and again for the same names (speakers, places): a bounded cache. */
const FOLD_CACHE = 10000;
/** The longest string whose fold is kept. */
const FOLD_KEPT = 40;
const folded = new Map<string, string>();

function foldUncached(s: string): string {
  // Most names and lines are ASCII and plain Devanagari, which NFD and NFC leave as they are:
  // they skip both normalizations (the same answer, a property test holds the two paths alike).
  if (isNormalPlain(s))
    return s
      .replace(/\u0901/g, "\u0902")
      .toLowerCase()
      .replace(/[\s\u00a0-]+/g, " ")
      .replace(/\./g, "")
      .trim();
  return s
    .normalize("NFD")
    .replace(FOLD_DROP, "")
    .replace(/\u0901/g, "\u0902")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s\u00a0-]+/g, " ")
    .replace(/\./g, "")
    .trim();
}

/**
 * Whether NFD and NFC both leave `s` unchanged, by a sufficient test: every character is ASCII or
 * Devanagari with no canonical decomposition (not `क़`, `ऩ` ...), no nukta (which composes with
 * the letter before it) and no stress sign (which canonical ordering may move); of the rest only
 * the virama has a combining class, and viramas side by side keep their order.
 */
function isNormalPlain(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x0900 || c > 0x097f) return false;
    if (c === 0x093c || c === 0x0929 || c === 0x0931 || c === 0x0934) return false;
    if ((c >= 0x0958 && c <= 0x095f) || (c >= 0x0951 && c <= 0x0954)) return false;
  }
  return true;
}
