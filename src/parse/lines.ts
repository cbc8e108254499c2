/**
 * Lines of a text range, with their content trimmed of surrounding white space.
 * `\n`, `\r\n` and a lone `\r` end a line; offsets are UTF-16 offsets into the whole text.
 */
import { isHSpace } from "../text/chars.js";

export interface Line {
  /** Where the line starts and where its content ends (before the line end). */
  start: number;
  end: number;
  /** Where the next line starts (after the line end), or `end` for the last line. */
  next: number;
  /** The line's content without leading and trailing white space. */
  contentStart: number;
  contentEnd: number;
  blank: boolean;
}

/** The index of the first line after line `i` that is not blank, or -1. */
export function nextContent(lines: Line[], i: number): number {
  for (let k = i + 1; k < lines.length; k++) if (!lines[k]!.blank) return k;
  return -1;
}

export function scanLines(text: string, from = 0, to = text.length): Line[] {
  const lines: Line[] = [];
  let s = from;
  while (s < to || (s === from && to === from)) {
    let e = s;
    while (e < to) {
      const c = text.charCodeAt(e);
      if (c === 0x0a || c === 0x0d) break;
      e++;
    }
    let next = e;
    if (e < to) next = text.charCodeAt(e) === 0x0d && text.charCodeAt(e + 1) === 0x0a && e + 1 < to ? e + 2 : e + 1;
    let cs = s;
    while (cs < e && isHSpace(text.charCodeAt(cs))) cs++;
    let ce = e;
    while (ce > cs && isHSpace(text.charCodeAt(ce - 1))) ce--;
    lines.push({ start: s, end: e, next, contentStart: cs, contentEnd: ce, blank: cs === ce });
    if (next === e) break;
    s = next;
  }
  return lines;
}
