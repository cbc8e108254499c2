/**
 * The sign-off: the agency line and the desk codes that close a story.
 *
 * ```
 * > | --आईएएनएस          > | —IANS skp/anm        > | ... लेंगे। जीसीबी/एएनएम
 *     ^^^^^^^^^              ^^^^^^^^^^^^^                    ^^^^^^^^^^^^^^ codes glued to the end
 * > | एसकेपी              > |  Reuter              > | ... in the world. -0-
 *     ^^^^^^ codes           ^^^^^^ Reuters end       ^^^ KCNA end mark
 * ```
 * Only the last two non-blank lines are looked at, so a mention such as `he told IANS.` in the
 * body is never a sign-off.
 */
import { agencyOf, agencyTags } from "../data/index.js";
import { alternation } from "../text/regexp.js";
import type { Line } from "./lines.js";
import type { Range } from "../text/range.js";

export interface SignoffMatch extends Range {
  firstLine: number;
  agency: (Range & { code: string | null }) | null;
  codes: Range[];
}

const TAGS = alternation(agencyTags);
const CODE = String.raw`[\p{L}\p{M}\u200c\u200d]{1,12}`;
const CODES = String.raw`${CODE}(?:\/${CODE})*\/?`;
/** `--आईएएनएस`, `-- IANS skp/anm`, `—IANS` */
const SIGN_LINE = new RegExp(String.raw`^(?:-{1,3}|—|–)\s*(${TAGS})(?:\s+(${CODES}))?$`, "u");
const CODES_LINE = new RegExp(String.raw`^${CODES}$`, "u");
/** Codes glued after the last sentence: must hold a slash (`जीसीबी/एएनएम`, `ab/`). */
const GLUED_CODES = new RegExp(String.raw`[।.!?"”’)]\s+(${CODE}\/(?:${CODE}(?:\/${CODE})*\/?)?)$`, "u");
const END_MARKS: { re: RegExp; code: string | null }[] = [
  { re: /^(?:Reuter|REUTER)$/, code: "Reuters" },
];
const MAX = 80;

/** The sign-off ending at or before line `lastLine` (default: the last line), not above `minLine`. */
export function findSignoff(text: string, lines: Line[], minLine: number, lastLine = lines.length - 1): SignoffMatch | null {
  let last = lastLine;
  while (last >= minLine && lines[last]!.blank) last--;
  if (last < minLine) return null;
  const L = lines[last]!;
  const content = text.slice(L.contentStart, Math.min(L.contentEnd, L.contentStart + MAX + 1));
  const short = L.contentEnd - L.contentStart <= MAX;

  if (short) {
    const own = signLine(text, L, last);
    if (own) return own;
    if (CODES_LINE.test(content)) {
      let prev = last - 1;
      while (prev >= minLine && lines[prev]!.blank) prev--;
      const P = lines[prev];
      if (P && prev >= minLine) {
        const head = signLine(text, P, prev);
        if (head && head.codes.length === 0) {
          return { ...head, end: L.contentEnd, codes: codeRanges(text, L.contentStart, L.contentEnd) };
        }
      }
    }
    for (const mark of END_MARKS) {
      if (mark.re.test(content)) {
        return {
          start: L.contentStart,
          end: L.contentEnd,
          firstLine: last,
          agency: { start: L.contentStart, end: L.contentEnd, code: mark.code },
          codes: [],
        };
      }
    }
  }
  // KCNA closes with ` -0-`, on its own line or after the last sentence.
  if (text.endsWith("-0-", L.contentEnd)) {
    const s = L.contentEnd - 3;
    if (s === L.contentStart || /\s/.test(text[s - 1]!)) {
      return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: [{ start: s, end: L.contentEnd }] };
    }
  }
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - 60), L.contentEnd);
  const g = GLUED_CODES.exec(tail);
  if (g) {
    const s = L.contentEnd - g[1]!.length;
    return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: codeRanges(text, s, L.contentEnd) };
  }
  return null;
}

function signLine(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  const m = SIGN_LINE.exec(content);
  if (!m) return null;
  const tagStart = L.contentStart + content.indexOf(m[1]!, 1);
  const codes = m[2] ? codeRanges(text, L.contentEnd - m[2].length, L.contentEnd) : [];
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: tagStart, end: tagStart + m[1]!.length, code: agencyOf(m[1]!)?.code ?? null },
    codes,
  };
}

/** `एसजीके/एएनएम` -> two ranges; a trailing `/` gives no empty code. */
function codeRanges(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  let s = from;
  for (let k = from; k <= to; k++) {
    if (k === to || text[k] === "/") {
      if (k > s) out.push({ start: s, end: k });
      s = k + 1;
    }
  }
  return out;
}
