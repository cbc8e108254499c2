/**
 * Who a pronoun or a short name stands for: `speaker.name` of quotes and attributions.
 *
 * ```
 * > | Foreign Ministry spokesman Liu Wen told ...      the fullest form the story uses
 *                                ^^^^^^^
 * > | "...," Liu said.                                 Liu      -> Liu Wen
 * > | "...," he said.                                  he       -> Liu Wen (the nearest earlier person)
 * > | किम जोंग-उन ने ... । किम ने कहा, "..." उन्होंने कहा, "..."    किम, उन्होंने -> किम जोंग-उन
 * ```
 * Only what stands earlier in the story is searched; a pronoun with nobody before it keeps `name: null`.
 * Each search looks at a bounded stretch of text, so the cost stays linear in the story.
 */
import table from "../data/referents.json" with { type: "json" };
import { agencyOf } from "../data/index.js";
import type { Range } from "../text/range.js";
import { isLetterOrMark, isWordChar, runEnd } from "../text/classes.js";
import { isDevanagariWordChar } from "../text/chars.js";

export interface Referent {
  /** The name as the story writes it, and where. */
  name: string;
  from: Range;
}

const EN_PRONOUNS = new Set(table.en.pronouns);
const EN_BODY_PRONOUNS = new Set(table.en.bodyPronouns);
const EN_PLURAL_PRONOUNS = new Set(table.en.pluralPronouns);
const EN_ALL_PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "you", "who", "this", "that"]);
const HI_PRONOUNS = new Set(table.hi.pronouns);
const EN_TITLES = new Set(table.en.titles.map((t) => t.toLowerCase()));
const EN_GROUPS = new Set(table.en.groups);
const HI_TITLES = new Set(table.hi.titles);
const HI_GROUPS = new Set(table.hi.groups);
const HI_STOPS = new Set(table.hi.stops);
/** How far back a name is looked for. */
const REACH = 3000;

const isDevanagari = (s: string) => /[\u0900-\u097f]/u.test(s);

/** A sentence end between two points of the text. */
const SENTENCE_END = /[.!?।][”"’')]*\s/u;

/**
 * For each speaker range (in any order), the person it refers to, or null. `start` is where the
 * story starts; ranges are UTF-16 offsets into `text`.
 */
export function resolveSpeakers(text: string, start: number, speakers: (Range | null)[]): (Referent | null)[] {
  const order = speakers
    .map((r, k) => ({ r, k }))
    .filter((x): x is { r: Range; k: number } => x.r !== null)
    .sort((a, b) => a.r.start - b.r.start);
  const out: (Referent | null)[] = speakers.map(() => null);
  const persons: (Referent & { at: number; end: number })[] = []; // people named so far, in order, with where they were met
  const bodies: (Referent & { at: number })[] = []; // bodies that spoke so far (`the foreign office said`)
  const groups: Referent[] = []; // several people who spoke so far (`Official sources told UNI`)
  for (const { r, k } of order) {
    const written = text.slice(r.start, r.end).trim();
    if (!written) continue;
    const hi = isDevanagari(written);
    if (!hi && EN_BODY_PRONOUNS.has(written.toLowerCase())) {
      // `"...," it said.`: the nearest earlier body that spoke, else one named in capitals.
      const met = bodies[bodies.length - 1];
      out[k] = met ? { name: met.name, from: met.from } : namedBody(text, Math.max(start, r.start - REACH), r.start);
      continue;
    }
    if (!hi && EN_PLURAL_PRONOUNS.has(written.toLowerCase())) {
      // `"...," they said.`: the nearest earlier speaker that is several people (`officials`, `sources`).
      const met = groups[groups.length - 1];
      out[k] = met && r.start - met.from.start <= REACH ? { name: met.name, from: met.from } : null;
      continue;
    }
    if (!hi && isGroup(written)) groups.push({ name: written, from: r });
    if (!hi && isBody(written)) bodies.push({ name: written.replace(/^the\s+/iu, ""), from: r, at: r.start });
    if (hi ? HI_PRONOUNS.has(written) : EN_PRONOUNS.has(written.toLowerCase())) {
      // The nearest earlier person: a speaker already met, or (English) a name written after a title.
      const met = persons[persons.length - 1] ?? null;
      const from = Math.max(start, met ? met.at : 0, r.start - REACH);
      const titled = hi ? agentName(text, from, r.start) : titledName(text, from, r.start);
      // A titled name in the same sentence as that speaker stands in an appositive of theirs
      // (`said Karzai, a brother of President Hamid Karzai.`): the speaker is still the one meant.
      const later =
        titled &&
        (!met ||
          (titled.from.start > met.at &&
            (titled.from.end <= met.end || SENTENCE_END.test(text.slice(met.end, titled.from.start)))));
      out[k] = later ? titled : met && { name: met.name, from: met.from };
      continue;
    }
    if (!isPerson(written, hi)) continue;
    const core = coreName(written, hi);
    const full = fullestName(text, Math.max(start, r.start - REACH), r.start, core, hi);
    const found = full ?? { name: core, from: r };
    persons.push({ ...found, at: r.start, end: r.end });
    if (full && full.name !== written && !written.endsWith(full.name)) out[k] = full;
  }
  return out;
}

function words(s: string): string[] {
  return s.split(/\s+/u).filter(Boolean);
}

/** Several people who speak (`Official sources`, `police officials`): a plural group word ends it. */
function isGroup(s: string): boolean {
  return groupWordAtEnd(s, 6)?.endsWith("s") === true;
}

/** A body that speaks (`the foreign office`, `the company`): its last word is a group word, not a plural (`officials`). */
function isBody(s: string): boolean {
  return groupWordAtEnd(s, 8)?.endsWith("s") === false;
}

/** The group word (`ministry`, `officials`) that ends a source of at most `max` words, lower-cased; else null. */
function groupWordAtEnd(s: string, max: number): string | null {
  const ws = words(s);
  const last = ws[ws.length - 1]!.replace(/[,.;:]+$/u, "").toLowerCase();
  return ws.length <= max && EN_GROUPS.has(last) ? last : null;
}

const BODY_NAME = new RegExp(
  String.raw`(?:[A-Z][\p{L}\p{M}'’-]*\s+(?:of\s+(?:the\s+)?)?){0,4}(?:${[...EN_GROUPS]
    .filter((g) => !g.endsWith("s"))
    .map((g) => g[0]!.toUpperCase() + g.slice(1))
    .join("|")})\b`,
  "gu",
);

/** The last body named in capitals in [from, to): `the Pakistan Foreign Office said` -> `Pakistan Foreign Office`. */
function namedBody(text: string, from: number, to: number): Referent | null {
  let last: Referent | null = null;
  for (const m of text.slice(from, to).matchAll(BODY_NAME)) {
    if (words(m[0]).length < 2) continue;
    const at = from + m.index!;
    last = { name: m[0], from: { start: at, end: at + m[0].length } };
  }
  return last;
}

/** A person rather than a body or group: not an agency, not ending in `Ministry`, `पुलिस` ... */
function isPerson(s: string, hi: boolean): boolean {
  if (agencyOf(s)) return false;
  const ws = words(s);
  const last = ws[ws.length - 1]!.replace(/[,.;:]+$/u, "");
  if (hi) return !HI_GROUPS.has(last) && !HI_PRONOUNS.has(last);
  if (EN_GROUPS.has(last.toLowerCase())) return false;
  const core = coreName(s, false);
  if (EN_PRONOUNS.has(core.toLowerCase()) || EN_ALL_PRONOUNS.has(core.toLowerCase())) return false;
  // A name, or one person named by role (`the commissioner`, `a Pakistani official`), not several.
  return /^[A-Z]/u.test(core) || (ws.length <= 4 && !/s$/u.test(last));
}

/** The name without the titles written before it: `Deputy Commissioner Anupam Kashyap` -> `Anupam Kashyap`. */
function coreName(s: string, hi: boolean): string {
  const ws = words(s);
  let i = 0;
  // (A figure before a Hindi title is an age: `46 वर्षीया जूही`.)
  if (hi) while (i < ws.length - 1 && (HI_TITLES.has(ws[i]!) || /^[0-9\u0966-\u096f]+$/u.test(ws[i]!))) i++;
  else
    while (i < ws.length - 1) {
      const w = ws[i]!;
      if (w.startsWith("(")) {
        // A bracket inside the title (`Joint Commissioner of Police (Law and Order) Shivaji Bodkhe`).
        while (i < ws.length - 1 && !ws[i]!.endsWith(")")) i++;
        i++;
      } else if (EN_TITLES.has(w.replace(/\.$/u, "").toLowerCase()) || /^[a-z]/u.test(w)) i++;
      else break;
    }
  return ws.slice(Math.min(i, ws.length - 1)).join(" ");
}

/**
 * The longest form of a one-word name used earlier in [from, to): `Liu` -> `Liu Wen`,
 * `Njeru` -> `Zachariah Njeru`, `किम` -> `किम जोंग-उन`. Null when the name has several words
 * already or no longer form is found.
 */
function fullestName(text: string, from: number, to: number, name: string, hi: boolean): Referent | null {
  if (words(name).length !== 1 || name.length < 2) return null;
  const hay = text.slice(from, to);
  let best: Referent | null = null;
  for (let i = hay.indexOf(name); i >= 0; i = hay.indexOf(name, i + 1)) {
    const a = i + name.length;
    if (i > 0 && isLetterOrMark(hay.charCodeAt(i - 1))) continue;
    if (a < hay.length && isLetterOrMark(hay.charCodeAt(a)) && !(hi && hay[a] === "-")) continue;
    const r = hi ? extendHi(hay, i, i + name.length) : extendEn(hay, i, i + name.length);
    if (r.end - r.start > name.length && (!best || r.end - r.start >= best.from.end - best.from.start)) {
      best = { name: hay.slice(r.start, r.end), from: { start: from + r.start, end: from + r.end } };
    }
  }
  return best;
}

/** Capitalised words around [s, e), titles excluded: `spokesman Liu Wen told` -> `Liu Wen`. */
function extendEn(hay: string, s: number, e: number): Range {
  let end = e;
  for (let n = 0; n < 3; n++) {
    const m = /^ +((?:[A-Z][\p{L}\p{M}'’-]*\.?|[A-Z]\.))/u.exec(hay.slice(end, end + 40));
    if (!m || EN_TITLES.has(m[1]!.replace(/\.$/u, "").toLowerCase()) || EN_GROUPS.has(m[1]!.toLowerCase())) break;
    end += m[0].length;
  }
  // Before it: given names and initials (`Pham Thu Hang`, `T V Narendran`); not the object of a
  // preposition (`Director of Tourism Farooq Shah`: Farooq Shah).
  let start = s;
  const lefts: number[] = [];
  for (let n = 0; n < 3; n++) {
    const m = /((?:[A-Z][\p{L}\p{M}'’-]*\.?|[A-Z]\.)) +$/u.exec(hay.slice(Math.max(0, start - 40), start));
    if (!m || EN_TITLES.has(m[1]!.replace(/\.$/u, "").toLowerCase())) break;
    start -= m[0].length;
    lefts.push(start);
  }
  if (lefts.length > 1 && /\b(?:of|for|at|in|on|to|from|the|and)\s+$/iu.test(hay.slice(Math.max(0, start - 6), start)))
    start = lefts[lefts.length - 2]!;
  // A name reaching the group words of a body (`Tata Motors`) is no person's name.
  const found = hay.slice(start, end);
  if (words(found).some((w) => EN_GROUPS.has(w.toLowerCase()))) return { start: s, end: e };
  return { start, end };
}

const isLetterMarkOrHyphen = (c: number) => c === 0x2d || isLetterOrMark(c);

/** Devanagari words after [s, e) up to a postposition: `किम जोंग-उन ने` -> `किम जोंग-उन`. */
function extendHi(hay: string, s: number, e: number): Range {
  let end = runEnd(hay, e, Math.min(hay.length, e + 30), isLetterMarkOrHyphen);
  // ` +` then a word of letters, marks, hyphens, ZWNJ or ZWJ, within 40 characters.
  const nextWord = (from: number): Range | null => {
    const to = Math.min(hay.length, from + 40);
    let w = from;
    while (w < to && hay.charCodeAt(w) === 0x20) w++;
    const wEnd = runEnd(hay, w, to, (c) => c === 0x2d || isWordChar(c));
    return w === from || wEnd === w ? null : { start: w, end: wEnd };
  };
  for (let n = 0; n < 2; n++) {
    const w = nextWord(end);
    if (!w || !isNamePart(hay.slice(w.start, w.end))) break;
    // A second word only where a postposition follows it (`अली अब्दुल्ला सालेह ने`), not a
    // word of the sentence (`रेखा सिन्हा जल्द ...`).
    if (n === 1) {
      const after = nextWord(w.end);
      if (after && !HI_STOPS.has(hay.slice(after.start, after.end))) break;
    }
    end = w.end;
  }
  // Before it, a given name that stands right after a title (`फायर ऑफिसर महेश मोध`: `मोध` ->
  // `महेश मोध`).
  const before = hay.slice(Math.max(0, s - 40), s).match(/(\S+) +(\S+) +$/u);
  if (before && HI_TITLES.has(before[1]!) && isNamePart(before[2]!))
    return { start: s - before[0].length + before[0].indexOf(before[2]!, before[1]!.length), end };
  return { start: s, end };
}

/** A Devanagari word that may be part of a name: no stop, title or group word. */
function isNamePart(w: string): boolean {
  for (let k = 0; k < w.length; k++) {
    const c = w.charCodeAt(k);
    if (c !== 0x2d && !isDevanagariWordChar(c)) return false;
  }
  return w.length > 0 && !HI_STOPS.has(w) && !HI_TITLES.has(w) && !HI_GROUPS.has(w);
}

/** The nearest `X ने` in [from, to) whose X is a name: `केंद्रीय मंत्री नितिन गडकरी ने` -> `नितिन गडकरी`. */
function agentName(text: string, from: number, to: number): Referent | null {
  const hay = text.slice(from, to);
  for (let k = hay.lastIndexOf(" ने "); k > 0; k = hay.lastIndexOf(" ने ", k - 1)) {
    // An agent inside a quotation is the speaker's words (`“... कई चीजों ने मुझे संतुष्टि दी।”`), no referent.
    if (insideQuote(hay, k)) continue;
    let s = k;
    const ws: number[] = [];
    // A title before the name (`पुलिस उपाधीक्षक (डीवाईएसपी) पाटिल ने`, the title's short form in
    // brackets between): one word is name enough.
    let titled = false;
    while (ws.length < 3) {
      let a = s;
      while (a > 0 && !/\s/u.test(hay[a - 1]!)) a--;
      const w = hay.slice(a, s);
      if (
        !w ||
        /[।,.:;"'“”‘’()]/u.test(w) ||
        HI_TITLES.has(w) ||
        HI_STOPS.has(w) ||
        HI_GROUPS.has(w) ||
        HI_PRONOUNS.has(w)
      ) {
        titled = HI_TITLES.has(w) || (/^\([^()\s]+\)$/u.test(w) && HI_TITLES.has(wordBefore(hay, a)));
        break;
      }
      ws.push(a);
      s = a;
      while (s > 0 && /[ \t]/u.test(hay[s - 1]!)) s--;
      if (s === 0) break;
    }
    if (ws.length >= 2 || (ws.length === 1 && titled)) {
      const a = ws[ws.length - 1]!;
      return { name: hay.slice(a, k), from: { start: from + a, end: from + k } };
    }
    if (k < 1) break;
  }
  return null;
}

/** The word of `hay` that ends before the white space before `a` (empty at the start). */
function wordBefore(hay: string, a: number): string {
  let e = a;
  while (e > 0 && /\s/u.test(hay[e - 1]!)) e--;
  let b = e;
  while (b > 0 && !/\s/u.test(hay[b - 1]!)) b--;
  return hay.slice(b, e);
}

/**
 * Whether position `k` of `hay` stands inside a quotation: after a `“` with no `”` since, or
 * after an odd number of `"` (counted from the start of `hay`, which starts outside one).
 */
function insideQuote(hay: string, k: number): boolean {
  const open = hay.lastIndexOf("“", k);
  if (open >= 0 && hay.lastIndexOf("”", k) < open) return true;
  let straight = 0;
  for (let i = hay.indexOf('"'); i >= 0 && i < k; i = hay.indexOf('"', i + 1)) straight++;
  return straight % 2 === 1;
}

/** The nearest name written after a title in [from, to): `Deputy Commissioner Anupam Kashyap`. */
function titledName(text: string, from: number, to: number): Referent | null {
  // A bracket inside a title (`Commissioner of Police (Law and Order) Shivaji Bodkhe`) reads as spaces.
  const hay = text.slice(from, to).replace(/ \([^()\n]{1,40}\)(?= )/gu, (b) => " ".repeat(b.length));
  let last: Referent | null = null;
  // Runs of capitalised words; the name is what follows the run's last title word.
  for (const m of hay.matchAll(/(?:[A-Z][\p{L}\p{M}'’-]*\.?)(?: +(?:[A-Z][\p{L}\p{M}'’-]*\.?))+/gu)) {
    const ws = m[0].split(/ +/u);
    let t = -1;
    ws.forEach((w, i) => {
      if (EN_TITLES.has(w.replace(/\.$/u, "").toLowerCase())) t = i;
    });
    const name = ws.slice(t + 1);
    if (t < 0 || name.length < 2 || name.length > 3 || name.some((w) => EN_GROUPS.has(w.toLowerCase()))) continue;
    const text0 = name.join(" ");
    const at = from + m.index! + m[0].lastIndexOf(text0);
    last = { name: text0, from: { start: at, end: at + text0.length } };
  }
  return last;
}
