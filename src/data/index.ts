/**
 * The language facts the parser reads, loaded once from the JSON tables beside this file.
 * Adding an agency tag, a month spelling or a desk letter is a one-line change there.
 */
import agenciesTable from "./agencies.json" with { type: "json" };
import monthsTable from "./months.json" with { type: "json" };
import numbersTable from "./numbers.json" with { type: "json" };
import lettersTable from "./desk-letters.json" with { type: "json" };
import abbreviationsTable from "./abbreviations.json" with { type: "json" };
import pronounsTable from "./pronouns.json" with { type: "json" };
import { fold } from "../text/chars.js";

export interface Agency {
  code: string | null;
  /** The country a national agency files most of its copy from (`IN` for PTI), if it is one. */
  home?: string;
  tags: string[];
  names: string[];
}

export const agencies: Agency[] = agenciesTable.agencies;

const agencyByTag = new Map<string, Agency>();
for (const a of agencies) for (const t of [...a.tags, ...a.names]) agencyByTag.set(fold(t), a);

/** The agency a tag or name belongs to (`आइएएनएस` -> IANS), or undefined. */
export function agencyOf(text: string): Agency | undefined {
  return agencyByTag.get(fold(text));
}

const agencyByName = new Map<string, Agency>();
for (const a of agencies) for (const n of a.names) agencyByName.set(fold(n), a);

/** The agency a full name belongs to (`Press Trust of India` -> PTI), not a tag; or undefined. */
export function agencyNamed(text: string): Agency | undefined {
  return agencyByName.get(fold(text));
}

/** Every agency's full name, longest first (`Press Trust of India`, `प्रेस ट्रस्ट ऑफ इंडिया`). */
export const agencyNames: string[] = agencies.flatMap((a) => a.names).sort((x, y) => y.length - x.length);

/** Every agency tag, longest first: the alternatives of the dateline and sign-off patterns. */
export const agencyTags: string[] = agencies.flatMap((a) => a.tags).sort((x, y) => y.length - x.length);

const monthByName = new Map<string, number>();
for (const [k, names] of Object.entries(monthsTable.months)) {
  for (const n of names) monthByName.set(fold(n), Number(k));
}

/** `सितम्बर` -> 9, `Sept.` -> 9, `SEPT` -> 9; null when not a month name. */
export function monthOf(word: string): number | null {
  return monthByName.get(fold(word)) ?? null;
}

const dayWords = new Map<string, number>();
for (const [w, n] of Object.entries(numbersTable.days)) dayWords.set(fold(w), n);

/** `दो` -> 2; null when not a day word. */
export function dayWordOf(word: string): number | null {
  return dayWords.get(fold(word)) ?? null;
}

/** Desk-code letter names, longest spelling first. */
const letterNames: [string, string][] = Object.entries(lettersTable.letters)
  .map(([k, v]) => [k.normalize("NFC"), v] as [string, string])
  .sort((a, b) => b[0].length - a[0].length);

/**
 * Spells a Devanagari desk code in Latin letters by its letter names (`एसकेपी` -> `SKP`,
 * `एएनएम` -> `ANM`). Finds a full reading by dynamic programming over the code's prefixes;
 * null when the code is not made only of letter names.
 */
export function latinOfCode(code: string): string | null {
  const s = code.normalize("NFC").replace(/[\u200c\u200d]/g, "");
  if (/^[A-Za-z0-9-]+$/.test(s)) return s.toUpperCase();
  const n = s.length;
  if (n === 0 || n > 64) return null;
  const best: (string | null)[] = new Array(n + 1).fill(null);
  best[0] = "";
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (here === null || here === undefined) continue;
    for (const [name, latin] of letterNames) {
      if (s.startsWith(name, i) && best[i + name.length] === null) best[i + name.length] = here + latin;
    }
  }
  return best[n] ?? null;
}

const abbreviations = new Set<string>();
for (const w of abbreviationsTable.words) {
  abbreviations.add(w);
  abbreviations.add(w.toLowerCase());
}

/** True when `word` (without its dot) is an abbreviation whose dot does not end a sentence. */
export function isAbbreviation(word: string): boolean {
  return abbreviations.has(word) || abbreviations.has(word.toLowerCase());
}

/**
 * Latin letters' names in Devanagari that stand as a name's initial before a full stop (`बेला एम.
 * त्रिवेदी`, `पी. चिदंबरम`); not those that are also words (`आई` "came", `ई`, `ओ`).
 */
const initials = new Set(Object.keys(lettersTable.letters).filter((l) => !abbreviationsTable.initialsNot.includes(l)));

/**
 * True when `word` (without its last full stop) is a name's initial in Devanagari, a Latin
 * letter's name, or several joined by full stops (`एम`, `के.एम`).
 */
export function isDevanagariInitial(word: string): boolean {
  return word.split(".").every((w) => initials.has(w));
}

const titles = new Set(abbreviationsTable.titles);

/** True when `word` (without its full stop) is a title written before a name: `Col`, `Dr`, `डॉ`. */
export function isTitleAbbreviation(word: string): boolean {
  return titles.has(word);
}

const pronouns = new Set(pronounsTable.words);

/** True when a speaker written as `word` names nobody in particular (`he`, `उन्होंने`): not a person. */
export function isPronoun(word: string): boolean {
  return pronouns.has(word.toLowerCase());
}
