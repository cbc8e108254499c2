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
import { agencyNamed, agencyOf, agencyTags } from "../data/index.js";
import { isLetterOrMark, isRegExpSpace } from "../text/classes.js";
import { isDevanagariLetter, isDevanagariWordChar } from "../text/chars.js";
import signoffTable from "../data/signoffs.json" with { type: "json" };
import type { Line } from "./lines.js";
import { isAgencyCredit } from "./headline.js";
import { slashParts, type Range } from "../text/range.js";

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

const CODE = String.raw`[\p{L}\p{M}\u200c\u200d]{1,12}`;
/** Agency tags by their first character, longest first. */
const TAGS_BY_FIRST = new Map<string, string[]>();
for (const t of [...agencyTags].sort((a, b) => b.length - a.length)) {
  const list = TAGS_BY_FIRST.get(t[0]!);
  if (list) list.push(t);
  else TAGS_BY_FIRST.set(t[0]!, [t]);
}
/** Codes glued after the last sentence: must hold a slash (`जीसीबी/एएनएम`, `ab/`). */
/** After a sentence's end: a tag in letters, then one to six groups of capitals (`PTI CHS NB NB`). */
const GLUED_INITIALS = /[.!?"”’)]\s+([A-Za-z]{2,8}(?:\s+[A-Z]{1,6}(?:\/[A-Z]{1,6})*){1,6})(?:\s+\.)?$/u;
/**
 * After a sentence's end: an agency's tag alone, as the agency writes it (`PTI`, `IANS`, `AFP`,
 * `Yonhap`), after a space or glued where pages run paragraphs together (`... for Christmas
 * Day.Yonhap`); the caller checks that the tag is an agency's. A mark the page left between
 * (`... not yet known. � PTI`, a dash lost to the encoding) or a bar after it (`... the Indian
 * rupee. PTI |`) is the sign-off's.
 */
const GLUED_TAG = /[.!?"”’]\s*((?:[\ufffd|]\s*)?\p{Lu}\p{L}{2,9}(?:\s+\|)?)$/u;
const GLUED_CODES = new RegExp(String.raw`[।.!?"”’)]\s+(${CODE}\/(?:${CODE}(?:\/${CODE})*\/?)?)$`, "u");
interface MarkRow {
  agency: string | null;
  line: string;
  flags?: string;
  glued?: string;
  above?: string;
  names?: string;
  needs: string[];
  publisher?: boolean;
}
/**
 * A closing mark of signoffs.json. Its patterns are compiled at their first use: most runs try
 * only the marks whose `needs` words a line holds, and compiling the rest (Unicode classes,
 * case-insensitive) would be a good part of a short run's start-up.
 */
class EndMark {
  /** The agency's code; null when the mark names it (group `agency`, read with `agencyOf`). */
  readonly code: string | null;
  /** Words of which the line must hold one before the patterns are tried (lower case). */
  readonly needs: string[];
  /** A page's own credit that names no agency (`(Web editor: A, B)`): a sign-off without one. */
  readonly publisher: boolean;
  readonly #row: MarkRow;
  readonly #compiled = new Map<"line" | "glued" | "above" | "names", RegExp | null>();

  constructor(row: MarkRow) {
    this.#row = row;
    this.code = row.agency;
    this.needs = row.needs;
    this.publisher = row.publisher ?? false;
  }

  #pattern(key: "line" | "glued" | "above" | "names"): RegExp | null {
    let re = this.#compiled.get(key);
    if (re === undefined) {
      const source = this.#row[key];
      re = source ? new RegExp(source, `u${this.#row.flags ?? ""}`) : null;
      this.#compiled.set(key, re);
    }
    return re;
  }

  get line(): RegExp {
    return this.#pattern("line")!;
  }
  get glued(): RegExp | null {
    return this.#pattern("glued");
  }
  get above(): RegExp | null {
    return this.#pattern("above");
  }
  get names(): RegExp | null {
    return this.#pattern("names");
  }
}
const END_MARKS: EndMark[] = (signoffTable.marks as MarkRow[]).map((m) => new EndMark(m));

/**
 * Whether `s` holds one of a mark's `needs` words, in any case (`ſ` is an `s` to a
 * case-insensitive pattern).
 */
function mayHold(mark: EndMark, s: string): boolean {
  const lower = lowerOf(s);
  return mark.needs.some((w) => lower.includes(w));
}

/** `s` lower-cased as `mayHold` compares it, kept for the next mark (every mark asks of the same line). */
function lowerOf(s: string): string {
  if (s !== lowered.s) lowered = { s, lower: s.toLowerCase().replaceAll("ſ", "s") };
  return lowered.lower;
}
let lowered = { s: "", lower: "" };
const AFTER = signoffTable.after.map((a) => new RegExp(a, "u"));
const MAX = 80;
/**
 * The longest note under a closing mark: a reporter's contact line runs on with phone numbers
 * (`((name@thomsonreuters.com; within U.S. +1 646 223 8780, outside U.S. +91 806749 8325;))`).
 */
const AFTER_MAX = 200;
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
  /** `--आईएएनएस` (or a bare `IANS`) then `एसकेपी` on the line below */
  { name: "codes-below-sign-line", match: codesBelowSignLine },
  /** a closing mark, then a line such as Reuters' `Our Standards: ...` */
  { name: "end-mark-then-note", match: endMarkThenNote },
  /** an agency's closing mark filling the line (`Enditem`, `(Reporting by ...)`) */
  { name: "end-mark", match: (v) => endMark(v.text, v.lines, v.last, v.minLine) },
  /** `PTI`, `पीटीआई` alone; Bhasha's `भाषा यासिर पवनेश`, maybe with a desk name again below */
  { name: "tag-names-line", match: tagNamesLine },
  /** an agency's closing mark after the last sentence */
  { name: "glued-end-mark", match: gluedEndMark },
  /** KCNA's ` -0-`, on its own line or after the last sentence */
  { name: "kcna-zero", match: kcnaZero },
  /** desk codes glued after the last sentence (`लेंगे। जीसीबी/एएनएम`) */
  { name: "glued-codes", match: gluedCodes },
  /** an agency's tag, maybe with initials, in capitals after the last sentence (`... he said. PTI CHS NB NB`, `... awaited. PTI`) */
  { name: "glued-initials", match: gluedInitials },
  /** the dash and tag after the last sentence (`... गया था। –आईएएनएस`, `... he said. --IANS`) */
  { name: "glued-sign-line", match: gluedSignLine },
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
  if (!short || !isDeskCodes(content, 0, content.length)) return null;
  let prev = last - 1;
  while (prev >= minLine && lines[prev]!.blank) prev--;
  const P = lines[prev];
  if (P && prev >= minLine) {
    // `--IANS` or the bare tag (`IANS`), then the codes below, maybe after a blank line.
    const head = signLine(text, P, prev) ?? tagNames(text, P, prev, false);
    if (head && head.codes.length === 0) {
      // The tag printed again below (`AFP` / `AFP`) is no code.
      const again = text.slice(L.contentStart, L.contentEnd) === text.slice(P.contentStart, P.contentEnd).trim();
      return { ...head, end: L.contentEnd, codes: again ? [] : codeRanges(text, L.contentStart, L.contentEnd) };
    }
  }
  return null;
}

function endMarkThenNote({ text, lines, minLine, last, line: L }: SignoffView): SignoffMatch | null {
  if (L.contentEnd - L.contentStart > AFTER_MAX) return null;
  const content = text.slice(L.contentStart, L.contentEnd);
  if (!AFTER.some((a) => a.test(content))) return null;
  let prev = last - 1;
  while (prev >= minLine && lines[prev]!.blank) prev--;
  if (prev >= minLine) {
    // The closing mark on its own line, or glued after the last sentence (`... on Sunday.
    // (Reporting by A Editing by B)` / `Our Standards: ...`).
    const above =
      endMark(text, lines, prev, minLine) ??
      gluedEndMark({ text, lines, minLine, last: prev, line: lines[prev]!, content: "", short: false });
    if (above) return { ...above, end: L.contentEnd };
  }
  return null;
}

function gluedEndMark({ text, last, line: L }: SignoffView): SignoffMatch | null {
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - GLUED_REACH), L.contentEnd);
  for (const mark of END_MARKS) {
    if (!mayHold(mark, tail)) continue;
    const g = mark.glued?.exec(tail);
    if (!g || g.index === 0) continue;
    const code = markAgency(mark, g);
    if (code === undefined) continue;
    const s = L.contentEnd - g[1]!.length;
    // A credit's agency is its name (`(Source: PTI)`: `PTI`), as on a line of its own.
    const named = mark.code === null ? groupRange(g, "agency", L.contentEnd - tail.length) : null;
    const found: SignoffMatch = {
      start: s,
      end: L.contentEnd,
      firstLine: last,
      agency: code === null ? null : { ...(named ?? { start: s, end: L.contentEnd }), code },
      codes: groupCode(g, L.contentEnd - tail.length),
    };
    if (mark.names) {
      const names = creditNames(text, s, L.contentEnd, mark.names);
      if (names.length) found.names = names;
    }
    const reporter = groupRange(g, "reporter", L.contentEnd - tail.length);
    if (reporter) found.names = [{ ...reporter, role: "reporter" }];
    return found;
  }
  return null;
}

/**
 * KCNA's `-0-`, alone or after the last sentence, maybe with the Juche date of the page after it:
 * >     ... in a short span of time. -0- (Juche112.3.18.)
 * >                                  ^^^ the code; the date stays with the sign-off
 */
function kcnaZero({ text, last, line: L }: SignoffView): SignoffMatch | null {
  let end = L.contentEnd;
  if (text.charCodeAt(end - 1) === 0x29) {
    const j = JUCHE_DATE.exec(text.slice(Math.max(L.contentStart, end - 24), end));
    if (j) end -= j[0].length;
  }
  if (!text.endsWith("-0-", end)) return null;
  const s = end - 3;
  if (s === L.contentStart || /\s/.test(text[s - 1]!)) {
    return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: [{ start: s, end }] };
  }
  return null;
}
/** A KCNA page's date after `-0-`: `(Juche112.3.18.)`, `(Juche 106.2.1)`. */
const JUCHE_DATE = /\s+\(Juche\s?\d{1,3}\.\d{1,2}\.\d{1,2}\.?\)$/u;

function gluedCodes({ text, last, line: L }: SignoffView): SignoffMatch | null {
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - 60), L.contentEnd);
  // The codes hold a slash.
  if (!tail.includes("/")) return null;
  const g = GLUED_CODES.exec(tail);
  if (!g) return null;
  const s = L.contentEnd - g[1]!.length;
  // An agency's tag after another's (`RSS/Xinhua`: Nepal's agency relays Xinhua's copy).
  const slash = g[1]!.lastIndexOf("/");
  const relayed =
    slash > 0 && g[1]!.indexOf("/") === slash ? relayedSignoff(text, s, s + slash + 1, L.contentEnd, last) : null;
  if (relayed) return relayed;
  return { start: s, end: L.contentEnd, firstLine: last, agency: null, codes: codeRanges(text, s, L.contentEnd) };
}

function gluedInitials({ text, last, line: L }: SignoffView): SignoffMatch | null {
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - 40), L.contentEnd);
  const g = GLUED_INITIALS.exec(tail);
  if (g) {
    // A stray full stop may close the line (`... for tankers. PTI SBR ASK ASK .`): the sign-off's too.
    const e = L.contentEnd - (g[0].length - g[0].lastIndexOf(g[1]!) - g[1]!.length);
    const s = e - g[1]!.length;
    const found = initialsLine(text, { ...L, contentStart: s, contentEnd: e }, last);
    if (found && found.codes.length > 0) return { ...found, end: L.contentEnd };
  }
  // The tag alone (`... are awaited. PTI`, `... the authorities added.Yonhap`): the last word,
  // after a space or a sentence's end, names an agency (asked first: most last words name none,
  // and they spare the pattern).
  const bar = /\s+\|$/u.exec(tail);
  const word = lastWord(bar ? tail.slice(0, bar.index) : tail);
  const code = agencyOf(word)?.code ?? null;
  const t = code === null ? null : GLUED_TAG.exec(tail);
  if (code === null || !t) return null;
  const e = L.contentEnd - (bar ? bar[0].length : 0);
  const s = e - word.length;
  return {
    start: L.contentEnd - t[1]!.length,
    end: L.contentEnd,
    firstLine: last,
    agency: { start: s, end: e, code },
    codes: [],
  };
}

/** The text after the last white space or sentence-ending mark of `s` (at most ten characters back). */
function lastWord(s: string): string {
  let k = s.length;
  while (k > 0 && s.length - k <= 10 && !isRegExpSpace(s.charCodeAt(k - 1)) && !`.!?"”’`.includes(s[k - 1]!)) k--;
  return s.slice(k);
}

function gluedSignLine({ text, last, line: L }: SignoffView): SignoffMatch | null {
  const tail = text.slice(Math.max(L.contentStart, L.contentEnd - 60), L.contentEnd);
  // The last dash that follows a sentence's end, after white space or right after it.
  for (let k = tail.length - 2; k > 1; k--) {
    const c = tail.charCodeAt(k);
    if (c !== 0x2d && c !== 0x2013 && c !== 0x2014) continue;
    let b = k;
    while (b > 0 && tail.charCodeAt(b - 1) === 0x2d) b--;
    if (b === 0) continue;
    // Right after the sentence's end only a dash no word is joined by (`चाहता है।--आईएएनएस`: the
    // line break before the sign-off lost).
    if (!isRegExpSpace(tail.charCodeAt(b - 1)) && !(SENTENCE_END.has(tail[b - 1]!) && (k > b || c !== 0x2d))) continue;
    let e = b;
    while (e > 0 && isRegExpSpace(tail.charCodeAt(e - 1))) e--;
    if (e === 0 || !SENTENCE_END.has(tail[e - 1]!)) continue;
    const s = L.contentEnd - tail.length + b;
    const found = signLine(text, { ...L, contentStart: s }, last);
    return found ? { ...found, start: s } : null;
  }
  return null;
}

/** What ends the sentence before a glued sign-off. */
const SENTENCE_END = new Set([".", "!", "?", "।", '"', "”", "’", ")"]);

/** An agency's closing mark filling line `index` (`Enditem`, `(Reporting by ...)`, `abc@yna.co.kr (END)`). */
function endMark(text: string, lines: Line[], index: number, minLine: number): SignoffMatch | null {
  const L = lines[index]!;
  if (L.contentEnd - L.contentStart > 400) return null;
  let start = L.contentStart;
  let first = index;
  let content = text.slice(L.contentStart, L.contentEnd);
  // A bracketed credit wrapped over two lines (`(Reporting by A, B and` / `C and D)`): read whole,
  // its line break as spaces (the offsets stay the text's).
  const W = index > minLine ? lines[index - 1] : undefined;
  if (W && !W.blank && content.endsWith(")") && !content.includes("(") && W.contentEnd - W.contentStart <= 300) {
    const above = text.slice(W.contentStart, W.contentEnd);
    if (above.startsWith("(") && !above.includes(")")) {
      start = W.contentStart;
      first = index - 1;
      content = text.slice(start, L.contentEnd).replace(/[\r\n]/gu, " ");
    }
  }
  for (const mark of END_MARKS) {
    if (!mayHold(mark, content)) continue;
    const m = mark.line.exec(content);
    if (!m) continue;
    const code = markAgency(mark, m);
    if (code === undefined) continue;
    const named = mark.code === null ? groupRange(m, "agency", start) : null;
    const found: SignoffMatch = {
      start,
      end: L.contentEnd,
      firstLine: first,
      agency: code === null ? null : { ...(named ?? { start, end: L.contentEnd }), code },
      codes: groupCode(m, start),
    };
    if (mark.names) {
      const names = creditNames(text, start, L.contentEnd, mark.names);
      if (names.length) found.names = names;
    }
    const reporter = groupRange(m, "reporter", start);
    if (reporter) found.names = [{ ...reporter, role: "reporter" }];
    if (mark.above && !reporter) {
      // The reporter's e-mail on the line above (`abc@yna.co.kr` / `(END)`).
      let prev = first - 1;
      while (prev >= minLine && lines[prev]!.blank) prev--;
      const P = lines[prev];
      if (P && prev >= minLine) {
        const a = mark.above.exec(text.slice(P.contentStart, P.contentEnd));
        const r = a ? groupRange(a, "reporter", P.contentStart) : null;
        if (r) return { ...found, start: P.contentStart, firstLine: prev, names: [{ ...r, role: "reporter" }] };
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
    // (A line break inside a wrapped credit reads as a space.)
    const part = text.slice(s, k).replace(/[\r\n]/gu, " ");
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
 * (`Source: Xinhua`, `© AFP`); undefined when that group names no agency (`Source: China Daily`);
 * null for a page's own credit (`publisher`).
 */
function markAgency(mark: EndMark, m: RegExpExecArray): string | null | undefined {
  if (mark.code !== null) return mark.code;
  if (mark.publisher) return null;
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

/**
 * `dpa abc def`, `AAP XY`, `AAP XY/ab`: the agency, then initials (no dashes). Read by hand as the
 * pattern `^(TAG)\s+([A-Za-z]{1,4}(?:(?:\s+|\/)[A-Za-z]{1,4}){0,7}\/?)$` would (the longest tag
 * that fits first); the agency tag, or null.
 */
export function initialsLineTag(line: string): string | null {
  // A stray full stop after initials in capitals (`PTI MPBSMN.`), as after glued initials.
  const content = /[A-Z]\.$/u.test(line) ? line.slice(0, -1) : line;
  // Cheap necessary conditions first: a tag's first letter opens the line, a letter or `/` ends it.
  if (!TAG_FIRST.has(content.charCodeAt(0)) || !/[A-Za-z/0-9]$/u.test(content)) return null;
  for (const tag of TAGS_BY_FIRST.get(content[0]!) ?? []) {
    if (!content.startsWith(tag)) continue;
    let r = tag.length;
    while (r < content.length && isRegExpSpace(content.charCodeAt(r))) r++;
    // `Kyodo News`, `Reuters Staff`: the agency's name, no initials.
    if (r > tag.length && isInitials(content, r) && !isAgencyCredit(content)) return tag;
  }
  return null;
}

/**
 * `[A-Za-z]{1,4}(?:(?:\s+|\/)[A-Za-z]{1,4}){0,7}\/?` filling `s` from `from` on (a group in capitals
 * may have up to six letters: two desks' initials run together, `PTI CHS CHT RGCHT`); or initials
 * whose last group (the second to the eighth) is a filing time, maybe after a desk's letters
 * (UNI's `BR VA AKJ GC1745`, `AS 1310`).
 */
function isInitials(s: string, from: number): boolean {
  const n = s.length;
  let i = from;
  for (let groups = 1; groups <= 8; groups++) {
    const start = i;
    if (groups >= 2 && FILING_TIME.test(s.slice(i))) return true;
    let upper = true;
    while (i < n && isAsciiLetter(s.charCodeAt(i))) if (s.charCodeAt(i++) > 0x5a) upper = false;
    // Two desks' initials run together make a group of five or six capitals (`RGCHT`, `TDSTDS`).
    if (i === start || i - start > (upper ? 6 : 4)) return false;
    if (i === n) return true;
    if (s.charCodeAt(i) === 0x2f) {
      if (++i === n) return true;
    } else if (isRegExpSpace(s.charCodeAt(i))) {
      while (i < n && isRegExpSpace(s.charCodeAt(i))) i++;
    } else return false;
  }
  return false;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A desk's last initials group with its filing time (`GC1745`, `1310`). */
const FILING_TIME = /^[A-Za-z]{0,4}[0-9]{3,8}$/u;

function initialsLine(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  const tag = initialsLineTag(content);
  if (tag === null) return null;
  const code = agencyOf(tag)?.code ?? null;
  if (code === null) return null;
  const from = L.contentStart + tag.length;
  const codes: Range[] = [];
  const rest = content.slice(tag.length);
  for (const c of rest.matchAll(/[A-Za-z]+[0-9]*|[0-9]+/gu))
    codes.push({ start: from + c.index, end: from + c.index + c[0].length });
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: L.contentStart, end: L.contentStart + tag.length, code },
    codes,
  };
}

/**
 * An agency's tag alone on the last line (`PTI`, `पीटीआई`), or a Hindi tag and up to three
 * desk names in Devanagari (Bhasha: `भाषा यासिर पवनेश`, maybe after `सं`), each a code; a line below holding one
 * or two such names again (`पवनेश`) belongs to it, its names codes too, as written. The names may
 * also stand below a tag alone (`भाषा` / `योगेश संतोष` / `संतोष`, `एपी` / `सिम्मी पारुल`).
 */
function tagNamesLine({ text, lines, minLine, last, line: L, short }: SignoffView): SignoffMatch | null {
  if (!short) return null;
  const below = tagNames(text, L, last, false) ?? capsTagAlone(text, L, last) ?? fullName(text, L, last);
  if (below) return deskNamesAbove(text, lines, minLine, last, below) ?? below;
  // The line below the names: one or two names, the line above a tag and names.
  if (!namesOnly(text, L.contentStart, L.contentEnd, 2)) return null;
  const prev = prevContentLine(lines, last, minLine);
  if (prev < 0) return null;
  const P = lines[prev]!;
  const head = tagNames(text, P, prev, true) ?? devanagariTagAlone(text, P, prev);
  if (head)
    return { ...head, end: L.contentEnd, codes: [...head.codes, ...wordRanges(text, L.contentStart, L.contentEnd)] };
  // Names on two lines below a tag alone: `भाषा` / `योगेश संतोष` / `संतोष`.
  if (!namesOnly(text, P.contentStart, P.contentEnd, 3)) return null;
  const top = prevContentLine(lines, prev, minLine);
  const tag = top < 0 ? null : devanagariTagAlone(text, lines[top]!, top);
  if (!tag) return null;
  return {
    ...tag,
    end: L.contentEnd,
    codes: [...wordRanges(text, P.contentStart, P.contentEnd), ...wordRanges(text, L.contentStart, L.contentEnd)],
  };
}

/**
 * A Hindi tag alone under the desk's names, `सं` first (UNI Varta: `सं महेश विक्रम` / `वार्ता`, as
 * Bhasha writes `भाषा सं आनन्द नरेश` on one line): the names are the sign-off's codes, `सं` too.
 */
function deskNamesAbove(
  text: string,
  lines: Line[],
  minLine: number,
  last: number,
  tag: SignoffMatch,
): SignoffMatch | null {
  if (tag.codes.length > 0 || !isDevanagariLetter(text.charCodeAt(tag.start))) return null;
  const prev = prevContentLine(lines, last, minLine);
  if (prev < 0) return null;
  const P = lines[prev]!;
  if (!text.startsWith("सं ", P.contentStart) || !namesOnly(text, P.contentStart, P.contentEnd, 4)) return null;
  return { ...tag, start: P.contentStart, firstLine: prev, codes: wordRanges(text, P.contentStart, P.contentEnd) };
}

/**
 * An agency's tag written in capitals alone on the last line, where the agency writes it in
 * mixed case (`REUTERS`, `XINHUA`, as pages print the credit under agency copy).
 */
function capsTagAlone(text: string, L: Line, index: number): SignoffMatch | null {
  const n = L.contentEnd - L.contentStart;
  if (n < 2 || n > 12) return null;
  for (let k = L.contentStart; k < L.contentEnd; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x41 || c > 0x5a) return null;
  }
  // (`agencyOf` reads a tag in any case; the tag as written, `PTI`, was read before this.)
  const code = agencyOf(text.slice(L.contentStart, L.contentEnd))?.code ?? null;
  if (code === null) return null;
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: L.contentStart, end: L.contentEnd, code },
    codes: [],
  };
}

/** The content line above line `i`, not above `minLine`, or -1. */
function prevContentLine(lines: Line[], i: number, minLine: number): number {
  let k = i - 1;
  while (k >= minLine && lines[k]!.blank) k--;
  return k >= minLine ? k : -1;
}

/** A Hindi agency tag alone filling line `L` (`भाषा`, `एपी`): the head of names below it. */
function devanagariTagAlone(text: string, L: Line, index: number): SignoffMatch | null {
  if (!isDevanagariLetter(text.charCodeAt(L.contentStart))) return null;
  const head = tagNames(text, L, index, false);
  return head && head.codes.length === 0 ? head : null;
}

/** The white-space separated words of `text[from, to)`. */
function wordRanges(text: string, from: number, to: number): Range[] {
  const out: Range[] = [];
  for (let k = from; k < to; ) {
    while (k < to && isRegExpSpace(text.charCodeAt(k))) k++;
    const s = k;
    while (k < to && !isRegExpSpace(text.charCodeAt(k))) k++;
    if (k > s) out.push({ start: s, end: k });
  }
  return out;
}

/**
 * The agency's full name alone on the last line, as pages close its copy (`Press Trust of
 * India`, `The Associated Press`, `REUTERS NEWS SERVICE`): the sign-off, with no codes; or with
 * reporters' names after it, each after a slash, which are its codes, one per name
 * (`हिन्दुस्थान समाचार / संजीव शर्मा`). A portal's name in the agency's place counts too, in
 * brackets before the names (`(Udaipur Kiran) / चन्द्र नारायण शुक्ल`) or before the agency's tag
 * (`कड़वा सत्य/शिन्हुआ`).
 */
function fullName(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  // An agency's name is a few words: most last lines are ruled out before any lookup.
  if (content.length > 70 || !content.includes(" ")) return null;
  // The reporter's names after a slash (Hindusthan Samachar: `हिन्दुस्थान समाचार / संजीव शर्मा`).
  const slash = content.indexOf("/");
  const own = slash > 0 ? content.slice(0, slash).trimEnd() : content;
  if (own.length > 40) return null;
  const names = slash > 0 ? slashParts(text, L.contentStart + slash + 1, L.contentEnd) : [];
  if (slash > 0 && (names.length === 0 || !names.every((r) => namesOnly(text, r.start, r.end, 3)))) return null;
  // A portal's own name where the agency's stood, in brackets before the reporters' names
  // (`(Udaipur Kiran) / चन्द्र नारायण शुक्ल`: no agency), or before the agency's tag (`कड़वा
  // सत्य/शिन्हुआ`: the agency the tag names).
  if (names.length === 1 && own.length > 1) {
    const relayed = agencyOf(text.slice(names[0]!.start, names[0]!.end));
    if (relayed?.code)
      return {
        start: L.contentStart,
        end: L.contentEnd,
        firstLine: index,
        agency: { start: names[0]!.start, end: names[0]!.end, code: relayed.code },
        codes: [],
      };
  }
  if (names.length > 0 && /^\([^()]{2,30}\)$/u.test(own))
    return { start: L.contentStart, end: L.contentEnd, firstLine: index, agency: null, codes: names };
  const name = own.replace(/^the\s+/iu, "").replace(/\.$/u, "");
  // Or its tag and `News`, `News Service` or `Staff` (`REUTERS NEWS SERVICE`), as pages credit it.
  const tag = name.replace(/\s+(?:news(?:\s+service)?|staff)$/iu, "");
  const agency = agencyNamed(name) ?? (tag !== name ? agencyOf(tag) : undefined);
  if (!agency) return null;
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: L.contentStart, end: L.contentStart + own.length, code: agency.code },
    codes: names,
  };
}

/** `TAG` alone, or `TAG name name` (names required when `withNames`), filling line `L`. */
function tagNames(text: string, L: Line, index: number, withNames: boolean): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  if (!TAG_FIRST.has(content.charCodeAt(0))) return null;
  for (const tag of TAGS_BY_FIRST.get(content[0]!) ?? []) {
    if (!content.startsWith(tag)) continue;
    const code = agencyOf(tag)?.code ?? null;
    if (code === null) continue;
    const rest = L.contentStart + tag.length;
    const bare = rest === L.contentEnd;
    if (bare ? withNames : !(isRegExpSpace(text.charCodeAt(rest)) && isDevanagariLetter(tag.charCodeAt(0)))) continue;
    // `सं` (the desk's abbreviation) may open the names: `भाषा सं आनन्द नरेश मनीषा`.
    const desk = !bare && text.startsWith(" सं ", rest) ? 1 : 0;
    if (!bare && !namesOnly(text, rest, L.contentEnd, 3 + desk)) continue;
    const codes = wordRanges(text, rest, L.contentEnd);
    return {
      start: L.contentStart,
      end: L.contentEnd,
      firstLine: index,
      agency: { start: L.contentStart, end: rest, code },
      codes,
    };
  }
  return null;
}

/** `from`..`to` holds one to `max` words of Devanagari (`isDevanagariWordChar`, and the full stop of a short title: `डॉ.`; a desk name: at most 12 each), spaces between. */
function namesOnly(text: string, from: number, to: number, max: number): boolean {
  let words = 0;
  let k = from;
  while (k < to) {
    while (k < to && isRegExpSpace(text.charCodeAt(k))) k++;
    if (k >= to) break;
    const s = k;
    while (k < to && !isRegExpSpace(text.charCodeAt(k))) {
      const c = text.charCodeAt(k);
      // An abbreviated title's full stop (`डॉ.रजनीकांत शुक्ला`, `प्रो. ...`).
      if (c === 0x2e && k > s && k - s <= 4) {
        k++;
        continue;
      }
      if (!isDevanagariWordChar(c)) return false;
      k++;
    }
    if (k - s > 12 || ++words > max) return false;
  }
  return words > 0;
}

/**
 * A sign-off `[start, end)` whose part from `after` on, after a slash, is another agency's tag
 * (`RSS/Xinhua`, `- APP/AFP`): the relaying agency is named first, the one whose copy it is last.
 * That agency, and no codes; null when the part names none.
 */
function relayedSignoff(text: string, start: number, after: number, end: number, index: number): SignoffMatch | null {
  const code = agencyOf(text.slice(after, end))?.code;
  return code ? { start, end, firstLine: index, agency: { start: after, end, code }, codes: [] } : null;
}

function signLine(text: string, L: Line, index: number): SignoffMatch | null {
  const content = text.slice(L.contentStart, L.contentEnd);
  const m = signLineParts(content);
  if (!m) return null;
  // Another agency's tag after the slash (`- APP/AFP`: Pakistan's APP relays AFP's copy).
  const relayed =
    m.codes && content[content.length - m.codes.length - 1] === "/"
      ? relayedSignoff(text, L.contentStart, L.contentEnd - m.codes.length, L.contentEnd, index)
      : null;
  if (relayed) return relayed;
  const tagStart = L.contentStart + content.indexOf(m.tag, 1);
  const codes = m.codes ? codeRanges(text, L.contentEnd - m.codes.length, L.contentEnd) : [];
  return {
    start: L.contentStart,
    end: L.contentEnd,
    firstLine: index,
    agency: { start: tagStart, end: tagStart + m.tag.length, code: agencyOf(m.tag)?.code ?? null },
    codes,
  };
}

/**
 * A sign line's agency tag and desk codes, read by hand as the pattern
 * `^(?:-{1,3}|—|–)\s*(TAG)(?:\s+(CODES)|\/(CODES))?$` would read them (TAG: any agency tag, the longest
 * that fits first; CODES: `isDeskCodes`; `-AFP/wk` holds codes after a slash): a pattern alternating every tag with classes of all letters
 * cost more to compile than a run spends reading its lines. Failing that, a tag in capitals alone
 * after the dashes that names an agency (`-- BERNAMA`).
 *
 * ```
 * > | -- IANS skp/anm
 *        ^^^^ tag  ^^^^^^^ codes
 * ```
 */
export function signLineParts(content: string): { tag: string; codes: string | null } | null {
  const n = content.length;
  let p = 0;
  const c0 = content.charCodeAt(0);
  if (c0 === 0x2d) {
    while (p < n && content.charCodeAt(p) === 0x2d) p++;
    if (p > 3) return null; // no tag starts with a dash
  } else if (c0 === 0x2014 || c0 === 0x2013) p = 1;
  else return null;
  while (p < n && isRegExpSpace(content.charCodeAt(p))) p++;
  for (const tag of TAGS_BY_FIRST.get(content[p] ?? "") ?? []) {
    if (!content.startsWith(tag, p)) continue;
    const q = p + tag.length;
    if (q === n) return { tag, codes: null };
    let r = q;
    while (r < n && isRegExpSpace(content.charCodeAt(r))) r++;
    if (r > q && r < n && isDeskCodes(content, r, n)) return { tag, codes: content.slice(r) };
    // The codes after a slash glued to the tag (`-AFP/wk`).
    if (r === q && content.charCodeAt(q) === 0x2f && q + 1 < n && isDeskCodes(content, q + 1, n))
      return { tag, codes: content.slice(q + 1) };
  }
  // The tag in capitals, as Bernama closes its copy (`-- BERNAMA`; the tables spell it `Bernama`).
  const rest = content.slice(p);
  if (/^[A-Z][A-Z-]{2,}$/u.test(rest) && agencyOf(rest)?.code) return { tag: rest, codes: null };
  return null;
}

/**
 * Whether `s[from, to)` is desk codes, `CODE(/CODE)*` with an optional trailing `/`, each code one to
 * twelve letters, marks, ZWNJ or ZWJ (`एसकेपी`, `skp/anm`, `ab/`).
 */
export function isDeskCodes(s: string, from: number, to: number): boolean {
  let n = 0; // code points in the code at hand
  let codes = 0;
  for (let i = from; i < to; ) {
    const c = s.codePointAt(i)!;
    i += c > 0xffff ? 2 : 1;
    if (c === 0x2f) {
      if (n === 0) return false;
      codes++;
      n = 0;
    } else if (c === 0x200c || c === 0x200d || isLetterOrMark(c)) {
      if (++n > 12) return false;
    } else return false;
  }
  return n > 0 || codes > 0;
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
