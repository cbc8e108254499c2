/**
 * Character classes of regular expressions, as predicates on code points, for hand-written
 * scanners that must read exactly what a pattern would: `\s`, and `[\p{L}\p{M}]`.
 * ASCII and Devanagari are answered from ranges; any other character once through the pattern,
 * then from a table, so no run compiles the large Unicode class unless its copy needs it.
 */

/** `\s` of a JavaScript regular expression. */
export function isRegExpSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const LETTER_OR_MARK = /^[\p{L}\p{M}]$/u;
/** Per BMP code point: 0 not yet asked, 1 letter or mark, 2 neither. */
const seen = new Uint8Array(0x10000);

/** `[\p{L}\p{M}]` for one code point. */
export function isLetterOrMark(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp >= 0x0900 && cp <= 0x097f) return isDevanagariLetterOrMark(cp);
  if (cp > 0xffff) return LETTER_OR_MARK.test(String.fromCodePoint(cp));
  const k = seen[cp]!;
  if (k !== 0) return k === 1;
  const yes = LETTER_OR_MARK.test(String.fromCharCode(cp));
  seen[cp] = yes ? 1 : 2;
  return yes;
}

const LETTER = /^\p{L}$/u;
/** Per BMP code point, as `seen`, for `\p{L}`. */
const seenL = new Uint8Array(0x10000);

/** `\p{L}` for one code point. */
export function isLetter(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
  if (cp >= 0x0900 && cp <= 0x097f)
    return (
      (cp >= 0x0904 && cp <= 0x0939) || cp === 0x093d || cp === 0x0950 || (cp >= 0x0958 && cp <= 0x0961) || cp >= 0x0971
    );
  if (cp > 0xffff) return LETTER.test(String.fromCodePoint(cp));
  const k = seenL[cp]!;
  if (k !== 0) return k === 1;
  const yes = LETTER.test(String.fromCharCode(cp));
  seenL[cp] = yes ? 1 : 2;
  return yes;
}

const LETTER_MARK_OR_NUMBER = /^[\p{L}\p{M}\p{N}]$/u;
/** Per BMP code point, as `seen`, for `[\p{L}\p{M}\p{N}]`. */
const seenN = new Uint8Array(0x10000);

/** `[\p{L}\p{M}\p{N}]` for one code point. */
export function isLetterMarkOrNumber(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39);
  // Devanagari: all but the dandas and the abbreviation sign (its digits are numbers).
  if (cp >= 0x0900 && cp <= 0x097f) return !(cp === 0x0964 || cp === 0x0965 || cp === 0x0970);
  if (cp > 0xffff) return LETTER_MARK_OR_NUMBER.test(String.fromCodePoint(cp));
  const k = seenN[cp]!;
  if (k !== 0) return k === 1;
  const yes = LETTER_MARK_OR_NUMBER.test(String.fromCharCode(cp));
  seenN[cp] = yes ? 1 : 2;
  return yes;
}

/**
 * Where a run of code points that `ok` accepts, from `from`, ends, reading no further than `to`
 * (a surrogate pair cut at `to` is a lone surrogate there, as in a pattern run on the slice: no
 * letter): the end of what `[\p{L}\p{M}]+` matches at `from` in `s.slice(0, to)`, with `isLetterOrMark`.
 */
export function runEnd(s: string, from: number, to: number, ok: (cp: number) => boolean): number {
  let i = from;
  while (i < to) {
    let c = s.charCodeAt(i);
    let w = 1;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = (c - 0xd800) * 0x400 + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    if (!ok(c)) break;
    i += w;
  }
  return i;
}

/** A letter or mark, ZWNJ or ZWJ: what a Devanagari word is made of. */
export function isWordChar(cp: number): boolean {
  return cp === 0x200c || cp === 0x200d || isLetterOrMark(cp);
}

/** Devanagari block: everything is a letter or mark but dandas, digits and the abbreviation sign. */
function isDevanagariLetterOrMark(cp: number): boolean {
  return !(cp === 0x0964 || cp === 0x0965 || (cp >= 0x0966 && cp <= 0x096f) || cp === 0x0970);
}

/** The code point that ends at `end` (exclusive) in `s`, and where it starts. */
export function codePointBefore(s: string, end: number): { cp: number; start: number } {
  const lo = s.charCodeAt(end - 1);
  if (lo >= 0xdc00 && lo <= 0xdfff && end >= 2) {
    const hi = s.charCodeAt(end - 2);
    if (hi >= 0xd800 && hi <= 0xdbff) return { cp: (hi - 0xd800) * 0x400 + (lo - 0xdc00) + 0x10000, start: end - 2 };
  }
  return { cp: lo, start: end - 1 };
}
