/**
 * The sign-off: the agency line and the desk codes that close a story.
 *
 * ```
 * > | --आईएएनएस          > | —IANS skp/anm        > | ... लेंगे। जीसीबी/एएनएम
 *     ^^^^^^^^^              ^^^^^^^^^^^^^                    ^^^^^^^^^^^^^^ codes glued to the end
 * > | एसकेपी              > |  Reuter              > | ... in the world. -0-
 *     ^^^^^^ codes           ^^^^^^ Reuters end       ^^^ KCNA end mark
 * > | (Reporting by A; Editing by B)   > | ... Enditem    > | abc@yna.co.kr (END)
 * > | AAP JT/sb          > | dpa abc def          agency, then initials
 * ```
 * Agencies' closing marks besides `--TAG` are data (`data/signoffs.json`).
 * Only the last two non-blank lines are looked at, so a mention such as `he told IANS.` in the
 * body is never a sign-off.
 */
import { agencyOf, agencyTags } from "../data/index.js";
import { alternation } from "../text/regexp.js";
import signoffTable from "../data/signoffs.json" with { type: "json" };
import type { Line } from "./lines.js";
import type { Range } from "../text/range.js";

export interface SignoffMatch extends Range {
  firstLine: number;
  agency: (Range & { code: string | null }) | null;
  codes: Range[];
  /** People a credits line names (`Reporting by A; Editing by B`), with their role. */
  names?: SignoffName[];
}

/** A person a sign-off names, and the role it gives (`reporting`, `additional-reporting`, `editing` ...). */
export interface SignoffName extends Range {
  role: string;
}

const TAGS = alternation(agencyTags);
const CODE = String.raw`[\p{L}\p{M}\u200c\u200d]{1,12}`;
const CODES = String.raw`${CODE}(?:\/${CODE})*\/?`;
/** `--आईएएनएस`, `-- IANS skp/anm`, `—IANS` */
const SIGN_LINE = new RegExp(String.raw`^(?:-{1,3}|—|–)\s*(${TAGS})(?:\s+(${CODES}))?$`, "u");
const CODES_LINE = new RegExp(`^${CODES}$`, "u");
/** Codes glued after the last sentence: must hold a slash (`जीसीबी/एएनएम`, `ab/`). */
const GLUED_CODES = new RegExp(String.raw`[।.!?"”’)]\s+(${CODE}\/(?:${CODE}(?:\/${CODE})*\/?)?)$`, "u");
interface EndMark {
  /** The agency's code; null when the mark names it (group `agency`, read with `agencyOf`). */
  line: RegExp;
  glued: RegExp | null;
  above: RegExp | null;
  names: RegExp | null;
  code: string | null;
}
const END_MARKS: EndMark[] = (
  signoffTable.marks as {
    agency: string | null;
    line: string;
    flags?: string;
    glued?: string;
    above?: string;
    names?: string;
  }[]
).map((m) => {
  const flags = `u${m.flags ?? ""}`;
  const opt = (re: string | undefined) => (re ? new RegExp(re, flags) : null);
  return {
    line: new RegExp(m.line, flags),
    glued: opt(m.glued),
    above: opt(m.above),
    names: opt(m.names),
    code: m.agency,
  };
});
const AFTER = signoffTable.after.map((a) => new RegExp(a, "u"));
const MAX = 80;
/** How far back from a line's end a closing mark glued after the last sentence may start. */
const GLUED_REACH = 320;

/** What a sign-off form reads: the story's last non-blank line (`last`, not above `minLine`). */
export interface SignoffView {
  text: string;
  lines: Line[];
  minLine: number;
  last: number;
  line: Line;
  /** The line's first MAX + 1 characters. */
  content: string;
  /** The line is at most MAX characters long. */
  short: boolean;
}

/** A sign-off form: its name (kept on the match as `rule`) and how it reads the last line. */
export interface SignoffRule {
  name: string;
  match: (v: SignoffView) => SignoffMatch | null;
}

/** A sign-off as a form read it, with the name of that form. */
export type SignoffFound = SignoffMatch & { rule: string };

/**
 * The sign-off forms, tried in this order on the last line: the first that matches reads the
 * sign-off. Agencies' closing marks are rows of `data/signoffs.json`, read by `end-mark`.
 */
export const SIGNOFF_RULES: readonly SignoffRule[] = [
  /** `--आईएएनएस`, `-- IANS skp/anm`, `—IANS` */
  { name: "sign-line", match: (v) => (v.short ? signLine(v.text, v.line, v.last) : null) },
  /** `dpa abc def`, `AAP XY`, `AAP XY/ab`: the agency, then initials */
  { name: "initials-line", match: (v) => (v.short ? initialsLine(v.text, v.line, v.last) : null) },
  /** `--आईएएनएस` then `एसकेपी` on the line below */
  { name: "codes-below-sign-line", match: codesBelowSignLine },
  /** a closing mark, then a line such as Reuters' `Our Standards: ...` */
  { name: "end-mark-then-note", match: endMarkThenNote },
  /** an agency's closing mark filling the line (`Enditem`, `(Reporting by ...)`) */
  { name: "end-mark", match: (v) => endMark(v.text, v.lines, v.last, v.minLine) },
  /** an agency's closing mark after the last sentence */
  { name: "glued-end-mark", match: gluedEndMark },
  /** KCNA's ` -0-`, on its own line or after the last sentence */
  { name: "kcna-zero", match: kcnaZero },
  /** desk codes glued after the last sentence (`लेंगे। जीसीबी/एएनएम`) */
  { name: "glued-codes", match: gluedCodes },
];

/** The sign-off ending at or before line `lastLine` (default: the last line), not above `minLine`. */
export function findSignoff(
  text: string,
  lines: Line[],
  minLine: number,
  lastLine = lines.length - 1,
): SignoffFound | null {
  let last = lastLine;
  while (last >= minLine && lines[last]!.blank) last--;
  if (last < minLine) return null;
  const L = lines[last]!;
  const content = text.slice(L.contentStart, Math.min(L.contentEnd, L.contentStart + MAX + 1));
  const short = L.contentEnd - L.contentStart <= MAX;
  const view: SignoffView = { text, lines, minLine, last, line: L, content, short };
  for (const rule of SIGNOFF_RULES) {
    const m = rule.match(view);
    if (m) return { ...m, rule: rule.name };
  }
  return null;
}

function codesBelowSignLine({ text, lines, minLine, last, line: L, content, short }: SignoffView): SignoffMatch | null {
  if (!short || !CODES_LINE.test(content)) return null;
  let prev = last - 1;
  while (prev >= minLine && lines[prev]!.blank) prev--;
  const P = lines[prev];
  if (P && prev >= minLine) {
    const head = signLine(text, P, prev);
    if (head && head.codes.length === 0) {
      return { ...head, end: L.contentEnd, codes: codeRanges(text, L.contentStart, L.contentEnd) };
    }
  }
  return null;
}

function endMarkThenNote({ text, lines, minLine, last, line: L, content, short }: SignoffView): SignoffMatch | null {
  if (!short || !AFTER.some((a) => a.test(content))) return null;
  let prev = last - 1;
  while (prev >= minLine && lines[prev]!.blank) prev--;
  if (prev >= minLine) {
    const above = endMark(text, lines, prev, minLine);
    if (above) return { ...above, end: L.contentEnd };
  }
  return null;
}

function gluedEndMark({ text, last, line: L }: SignoffView): SignoffMatch | null {
  for (const mark of END_MARKS) {
    if (!mark.glued) continue;
    const tail = text.slice(Math.max(L.contentStart, L.contentEnd - GLUED_REACH), L.contentEnd);
    const g = mark.glued.exec(tail);
    if (!g || g.index === 0) continue;
    const code = markAgency(mark, g);
    if (code === undefined) continue;
    const s = L.contentEnd - g[1]!.length;
    const found: SignoffMatch = {
      start: s,
      end: L.contentEnd,
      firstLine: last,
      agency: { start: s, end: L.contentEnd, code },
      codes: groupCode(g, L.contentEnd - tail.length),
    };
    if (mark.names) {
      const names = creditNames(text, s, L.contentEnd, mark.names);
      if (names.length) found.names = names;
    }
    return found;
  }
  return null;
}

function kcnaZero({ text, last, line: L }: SignoffView): SignoffMatch | null {
  if (!text.endsWith("-0-", L.contentEnd)) return null;
  const s = L.contentEnd - 3;
  if (s === L.contentStart || /\s/.test(text[s - 1]!)) {
    return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: [{ start: s, end: L.contentEnd }] };
  }
  return null;
}

function gluedCodes({ text, last, line: L }: SignoffView): SignoffMatch | null {
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - 60), L.contentEnd);
  // The codes hold a slash.
  if (!tail.includes("/")) return null;
  const g = GLUED_CODES.exec(tail);
  if (!g) return null;
  const s = L.contentEnd - g[1]!.length;
  return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: codeRanges(text, s, L.contentEnd) };
}

/** An agency's closing mark filling line `index` (`Enditem`, `(Reporting by ...)`, `abc@yna.co.kr (END)`). */
function endMark(text: string, lines: Line[], index: number, minLine: number): SignoffMatch | null {
  const L = lines[index]!;
  if (L.contentEnd - L.contentStart > 400) return null;
  const content = text.slice(L.contentStart, L.contentEnd);
  for (const mark of END_MARKS) {
    const m = mark.line.exec(content);
    if (!m) continue;
    const code = markAgency(mark, m);
    if (code === undefined) continue;
    const named = mark.code === null ? groupRange(m, "agency", L.contentStart) : null;
    const found: SignoffMatch = {
      start: L.contentStart,
      end: L.contentEnd,
      firstLine: index,
      agency: { ...(named ?? { start: L.contentStart, end: L.contentEnd }), code },
      codes: groupCode(m, L.contentStart),
    };
    if (mark.names) {
      const names = creditNames(text, L.contentStart, L.contentEnd, mark.names);
      if (names.length) found.names = names;
    }
    if (mark.above && found.codes.length === 0) {
      let prev = index - 1;
      while (prev >= minLine && lines[prev]!.blank) prev--;
      const P = lines[prev];
      if (P && prev >= minLine) {
        const a = mark.above.exec(text.slice(P.contentStart, P.contentEnd));
        if (a) return { ...found, start: P.contentStart, firstLine: prev, codes: groupCode(a, P.contentStart) };
      }
    }
    return found;
  }
  return null;
}

/**
 * The people a credits line names, clause by clause (`;`):
 * `(Reporting by A and B in Seoul; Additional reporting by C; Editing by D, E)` gives A and B
 * (reporting), C (additional-reporting), D and E (editing). A name stops before ` in PLACE`.
 */
function creditNames(text: string, from: number, to: number, clause: RegExp): SignoffName[] {
  const out: SignoffName[] = [];
  let s = from;
  if (text[s] === "(") s++;
  const end = text[to - 1] === ")" ? to - 1 : to;
  for (let k = s; k <= end; k++) {
    if (k < end && text[k] !== ";") continue;
    const part = text.slice(s, k);
    const lead = part.length - part.trimStart().length;
    const m = clause.exec(part.trim());
    if (m?.groups?.role && m.groups.names) {
      const role = m.groups.role.toLowerCase().replace(/\s+/gu, "-");
      const base = s + lead + m[0].length - m.groups.names.length;
      const list = m.groups.names;
      let pos = 0;
      for (const sep of [...list.matchAll(/\s*(?:,|&|\band\b)\s*/gu), null]) {
        const upto = sep ? sep.index : list.length;
        const raw = list.slice(pos, upto);
        pos = sep ? sep.index + sep[0].length : list.length;
        const name = raw.replace(/\s+(?:in|from)\s+\p{Lu}.*$/u, "").trim();
        if (!/\p{Lu}/u.test(name)) continue;
        const start = base + (upto - raw.length) + raw.indexOf(name);
        out.push({ start, end: start + name.length, role });
      }
    }
    s = k + 1;
  }
  return out;
}

/**
 * The agency a closing mark stands for: its row's, or the one its group `agency` names
 * (`Source: Xinhua`, `© AFP`); undefined when that group names no agency (`Source: China Daily`).
 */
function markAgency(mark: EndMark, m: RegExpExecArray): string | null | undefined {
  if (mark.code !== null) return mark.code;
  const named = m.groups?.agency;
  return named ? agencyOf(named)?.code : undefined;
}

/** The named group `code` of a sign-off match, as a range. */
function groupCode(m: RegExpExecArray, base: number): Range[] {
  const r = groupRange(m, "code", base);
  return r ? [r] : [];
}

/** A named group of a match, as a range (null when it matched nothing). */
function groupRange(m: RegExpExecArray, name: string, base: number): Range | null {
  const c = m.groups?.[name];
  if (!c) return null;
  const at = base + m.index + m[0].indexOf(c);
  return { start: at, end: at + c.length };
}

/** The first characters of the tags. */
const TAG_FIRST = new Set(agencyTags.map((t) => t.charCodeAt(0)));
/** `dpa abc def`, `AAP XY`, `AAP XY/ab`: the agency, then initials (no dashes). */
const INITIALS_LINE = new RegExp(String.raw`^(${TAGS})\s+([A-Za-z]{1,4}(?:(?:\s+|\/)[A-Za-z]{1,4}){0,7}\/?)$`, "u");

function initialsLine(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  // Cheap necessary conditions first: a tag's first letter opens the line, a letter or `/` ends it.
  if (!TAG_FIRST.has(content.charCodeAt(0)) || !/[A-Za-z/]$/u.test(content)) return null;
  const m = INITIALS_LINE.exec(content);
  if (!m) return null;
  const code = agencyOf(m[1]!)?.code ?? null;
  if (code === null) return null;
  const from = L.contentStart + m[1]!.length;
  const codes: Range[] = [];
  const rest = content.slice(m[1]!.length);
  for (const c of rest.matchAll(/[A-Za-z]+/gu))
    codes.push({ start: from + c.index, end: from + c.index + c[0].length });
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: L.contentStart, end: L.contentStart + m[1]!.length, code },
    codes,
  };
}

function signLine(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  // A dash opens the line (cheaper to test than the pattern, which holds every tag).
  const c0 = content.charCodeAt(0);
  if (c0 !== 0x2d && c0 !== 0x2014 && c0 !== 0x2013) return null;
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
