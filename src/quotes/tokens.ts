/**
 * Word tokens of a stretch of text, for matching speech cues word by word. Punctuation at
 * the edges of a word becomes tokens of its own (`कहा,` -> `कहा` `,`; `(केसीएनए)` stays one
 * token so an acronym in brackets keeps its brackets).
 */
import { isSpace } from "../text/chars.js";
import { isAbbreviation } from "../data/index.js";

export class Token {
  private low: string | undefined;

  constructor(
    readonly text: string,
    readonly start: number,
    readonly end: number,
    /** A punctuation token: `,` `:` `।` `.` `"` ... */
    readonly punct: boolean,
  ) {}

  /** The text lower-cased, computed once: every word list compares lower-cased forms. */
  get lower(): string {
    this.low ??= this.text.toLowerCase();
    return this.low;
  }
}

// Bullets (`•`, `▪`, `►`, `●`) open summary points and are never part of a word.
const EDGE_CHARS = "\"'“”‘’,:;।॥.!?…-–—•▪►●";
const EDGE = new Set(Array.from(EDGE_CHARS, (c) => c.charCodeAt(0)));
const isEdge = (c: number) => EDGE.has(c);
const LT = 0x3c;
const GT = 0x3e;

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    while (j < to && !isSpace(text.charCodeAt(j))) j++;
    if (j > i) word(text, i, j, out);
    i = j;
  }
  return out;
}

/**
 * Whether `tokenize(text, from, to)` would hold a word (a token that is not punctuation): a
 * character that is neither white space nor edge punctuation. The same answer without building
 * the tokens. Quotes read the markup pre-pass's view, where tags are already spaces.
 */
export function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!isSpace(c) && !isEdge(c)) return true;
  }
  return false;
}

/**
 * A word `mayHoldWord` can look for: no white space, `<` or `>` in it, no edge punctuation at
 * either end (the tokenizer keeps some: `Dr.`, `players'`).
 */
export function isPlainWord(w: string): boolean {
  if (w.length === 0 || isEdge(w.charCodeAt(0)) || isEdge(w.charCodeAt(w.length - 1))) return false;
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i);
    if (isSpace(c) || c === LT || c === GT) return false;
  }
  return true;
}

/**
 * Whether some token of `lower` (a stretch of text already lower-cased) could be one of `words`
 * (lower-cased plain words, see `isPlainWord`, none longer than `longest`): a cheap test that lets
 * a pass over a sentence be skipped without tokenizing it. Never false when a token's lower-cased
 * text is in `words`; may be true when none is (pieces are cut at every `<` and `>`, not only at tags).
 */
export function mayHoldWord(lower: string, words: ReadonlySet<string>, longest: number): boolean {
  const n = lower.length;
  let i = 0;
  while (i < n) {
    const c = lower.charCodeAt(i);
    if (isSpace(c) || c === LT || c === GT || gluedComma(lower, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = lower.charCodeAt(j);
      if (isSpace(d) || d === LT || d === GT || gluedComma(lower, j)) break;
      j++;
    }
    let s = i;
    let e = j;
    while (s < e && isEdge(lower.charCodeAt(s))) s++;
    while (e > s && isEdge(lower.charCodeAt(e - 1))) e--;
    if (e > s && e - s <= longest && words.has(lower.slice(s, e))) return true;
    i = j;
  }
  return false;
}

/**
 * The tokens of [from, to) when that stretch holds no white space and no `<` (one word, or a
 * piece of one): the same as `tokenize` without the scan.
 */
export function wordTokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  if (to > from) word(text, from, to, out);
  return out;
}

/**
 * Whether the character at `k` is a comma glued between two letters (`efforts,Xi said`,
 * `period,said the CAICT`: the space after it lost upstream); a comma between figures
 * (`1,000`) is none.
 */
function gluedComma(s: string, k: number): boolean {
  return s.charCodeAt(k) === 0x2c && isWordLetter(s.charCodeAt(k - 1)) && isWordLetter(s.charCodeAt(k + 1));
}

/** A Latin letter, or a Devanagari letter or sign (not a figure, not a danda). */
function isWordLetter(c: number): boolean {
  const lower = c | 0x20;
  return (lower >= 0x61 && lower <= 0x7a) || (c >= 0x900 && c <= 0x963) || (c >= 0x970 && c <= 0x97f);
}

/** One space-free word: cut at a comma glued between two letters, each piece's edge punctuation split off. */
function word(text: string, i: number, j: number, out: Token[]): void {
  let a = i;
  for (let k = i + 1; k < j - 1; k++) {
    if (!gluedComma(text, k)) continue;
    piece(text, a, k, out);
    out.push(new Token(",", k, k + 1, true));
    a = k + 1;
  }
  piece(text, a, j, out);
}

/** A piece of a word: edge punctuation split off. */
function piece(text: string, i: number, j: number, out: Token[]): void {
  // Split leading and trailing edge punctuation off the word.
  let s = i;
  let e = j;
  while (s < e && isEdge(text.charCodeAt(s))) {
    out.push(new Token(text[s]!, s, s + 1, true));
    s++;
  }
  while (e > s && isEdge(text.charCodeAt(e - 1))) {
    // An abbreviation or an initial keeps its dot: `Dr.`, `Rs.`, `K.`
    if (
      text[e - 1] === "." &&
      e - 1 === j - 1 &&
      (isAbbreviation(text.slice(s, e - 1)) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(text.slice(s, e - 1)))
    )
      break;
    // A plural possessive keeps its apostrophe: `Mariners'`, `players’`.
    if ((text[e - 1] === "'" || text[e - 1] === "’") && e - 1 === j - 1 && e - 2 > s && text[e - 2] === "s") break;
    e--;
  }
  if (e > s) out.push(new Token(text.slice(s, e), s, e, false));
  // The trailing marks in order, one token each.
  for (let k = e; k < j; k++) out.push(new Token(text[k]!, k, k + 1, true));
}
