import { isHSpace } from "./chars.js";

/**
 * A half-open range `[start, end)` of UTF-16 offsets into the decoded input: the one position
 * type every stage speaks internally. Only the assembler turns ranges into the record's
 * code-point spans.
 */
export interface Range {
  start: number;
  end: number;
}

/**
 * The slash-separated parts of `text[from, to)`, each without the white space around it (`isHSpace`);
 * empty parts are left out (`कराची/इस्लामाबाद` -> two places, `समाचार / संजीव शर्मा` -> two names).
 */
export function slashParts(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k === to || text.charCodeAt(k) === 0x2f) {
      let a = s;
      let b = k;
      while (a < b && isHSpace(text.charCodeAt(a))) a++;
      while (b > a && isHSpace(text.charCodeAt(b - 1))) b--;
      if (b > a) out.push({ start: a, end: b });
      s = k + 1;
    }
  }
  return out;
}
