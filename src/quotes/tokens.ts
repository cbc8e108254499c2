/**
 * Word tokens of a stretch of text, for matching speech cues word by word. Punctuation at
 * the edges of a word becomes tokens of its own (`कहा,` -> `कहा` `,`; `(केसीएनए)` stays one
 * token so an acronym in brackets keeps its brackets).
 */
import { isSpace } from "../text/chars.js";
import { isAbbreviation } from "../data/index.js";
import { tagAt } from "../text/markup.js";

export interface Token {
  text: string;
  start: number;
  end: number;
  /** A punctuation token: `,` `:` `।` `.` `"` ... */
  punct: boolean;
}

const EDGE = new Set([..."\"'“”‘’,:;।॥.!?…-–—"]);

export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    while (i < to && isSpace(text.charCodeAt(i))) i++;
    if (i >= to) break;
    let j = i;
    while (j < to && !isSpace(text.charCodeAt(j))) {
      // An HTML tag ends the word before it and is a token of its own.
      const tag = text[j] === "<" ? tagAt(text, j) : undefined;
      if (tag && tag.end <= to) {
        if (j > i) word(text, i, j, out);
        out.push({ text: text.slice(tag.start, tag.end), start: tag.start, end: tag.end, punct: true });
        i = j = tag.end;
        continue;
      }
      j++;
    }
    if (j > i) word(text, i, j, out);
    i = j;
  }
  return out;
}

/** One space-free word: edge punctuation split off. */
function word(text: string, i: number, j: number, out: Token[]): void {
  // Split leading and trailing edge punctuation off the word.
  {
    let s = i;
    let e = j;
    while (s < e && EDGE.has(text[s]!)) {
      out.push({ text: text[s]!, start: s, end: s + 1, punct: true });
      s++;
    }
    const tail: Token[] = [];
    while (e > s && EDGE.has(text[e - 1]!)) {
      // An abbreviation or an initial keeps its dot: `Dr.`, `Rs.`, `K.`
      if (text[e - 1] === "." && e - 1 === j - 1 && (isAbbreviation(text.slice(s, e - 1)) || /^(?:\p{Lu}\.)*\p{Lu}$/u.test(text.slice(s, e - 1)))) break;
      // A plural possessive keeps its apostrophe: `Mariners'`, `players’`.
      if ((text[e - 1] === "'" || text[e - 1] === "’") && e - 1 === j - 1 && e - 2 > s && text[e - 2] === "s") break;
      tail.push({ text: text[e - 1]!, start: e - 1, end: e, punct: true });
      e--;
    }
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e, punct: false });
    for (let k = tail.length - 1; k >= 0; k--) out.push(tail[k]!);
  }
}
