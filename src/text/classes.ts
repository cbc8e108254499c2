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
