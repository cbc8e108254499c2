/**
 * Kruti Dev 010: old Hindi copy typed in a legacy font that draws Devanagari glyphs on Latin
 * keys, so the bytes are Latin text (`Hkkjr` = भारत, `ubZ fnYyh` = नई दिल्ली). This module
 * spots such text and converts it to Unicode, keeping for every output unit the input offset
 * it came from. The key table is data: `src/data/krutidev.json`; the word lists that tell
 * Kruti Dev from English are `src/data/krutidev-detect.json`.
 *
 * Conversion is one greedy longest-match pass over the table plus two reorderings the font
 * needs: `f` (ि) is typed before its consonant cluster and moves after it, and the reph `Z`
 * (र्) is typed after the cluster and its vowel signs and moves before the cluster.
 * Both passes are linear in the input.
 */
import table from "../data/krutidev.json" with { type: "json" };
import detect from "../data/krutidev-detect.json" with { type: "json" };
import { isDevanagariLetter } from "../text/chars.js";

// ---------------------------------------------------------------- the table

/** What a table entry is, for the reordering rules. */
const OTHER = 0; // punctuation, digits, danda ...: ends a syllable
const VOWEL = 1; // independent vowel (अ, आ ...)
const CONS = 2; // consonant or conjunct ending in a full consonant (क, क्ष, ड़)
const HALF = 3; // consonant form ending in virama (क्, क्ष्): the cluster goes on
const CONS_SIGN = 4; // consonant with its vowel sign in one glyph (रु, कृ)
const BELOW = 5; // sign attached to the cluster: ्र, ्य
const VIRAMA = 6; // bare ्
const NUKTA = 7; // bare ़
const SIGN = 8; // dependent vowel sign or visarga (ा, ी, ो, ः ...)
const NASAL = 9; // ं, ँ
const PRE = 10; // typed before its cluster (ि, िं, र्ि)
const REPH = 11; // typed after its cluster (र्, र्ं, ीर्)
type Kind = number;

interface Entry {
  key: string;
  out: string;
  kind: Kind;
  /** PRE and REPH entries: the entry carries a reph (र्) that goes before the cluster. */
  reph: boolean;
  /** PRE and REPH entries: what is left of `out` without the reph. */
  rest: string;
}

const RA_VIRAMA = "\u0930\u094d";

function isConsonant(c: number): boolean {
  return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095f);
}

function isVowelSign(c: number): boolean {
  return (c >= 0x093e && c <= 0x094c) || c === 0x0903 || c === 0x0962 || c === 0x0963;
}

function classify(out: string): Kind {
  const first = out.charCodeAt(0);
  const last = out.charCodeAt(out.length - 1);
  if (isConsonant(first)) {
    if (last === 0x094d) return HALF;
    if (isVowelSign(last)) return CONS_SIGN;
    return CONS;
  }
  if (first === 0x094d) return out.length > 1 ? BELOW : VIRAMA;
  if (first === 0x093c) return NUKTA;
  if (first === 0x0901 || first === 0x0902) return NASAL;
  if (isVowelSign(first)) return SIGN;
  if ((first >= 0x0904 && first <= 0x0914) || first === 0x0960 || first === 0x0961) return VOWEL;
  return OTHER;
}

interface Table {
  prebase: string[];
  reph: string[];
  map: string[][];
}

/** Entries by their first UTF-16 unit, longest key first. */
const byFirst = new Map<number, Entry[]>();
let longestKey = 1;
{
  const t = table as Table;
  const pre = new Set(t.prebase);
  const reph = new Set(t.reph);
  for (const pair of t.map) {
    const key = pair[0]!;
    const out = pair[1]!;
    let kind = classify(out);
    let hasReph = false;
    let rest = out;
    if (pre.has(key) || reph.has(key)) {
      kind = pre.has(key) ? PRE : REPH;
      const at = out.indexOf(RA_VIRAMA);
      hasReph = at >= 0;
      rest = hasReph ? out.slice(0, at) + out.slice(at + 2) : out;
    }
    const e: Entry = { key, out, kind, reph: hasReph, rest };
    const c = key.charCodeAt(0);
    const list = byFirst.get(c) ?? [];
    list.push(e);
    byFirst.set(c, list);
    longestKey = Math.max(longestKey, key.length);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.key.length - a.key.length);
}

/**
 * Windows-1252 bytes 0x80-0x9F read as Latin-1 arrive as C1 controls; the font's digits and
 * dashes live there, so they are looked up as the Windows-1252 characters.
 */
const CP1252_C1 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

function unitAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  return c >= 0x80 && c <= 0x9f ? CP1252_C1.charCodeAt(c - 0x80) : c;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0xa0 || c === 0x0c || c === 0x0b;
}

/** The longest table entry at `i`, or null. */
function match(text: string, i: number): Entry | null {
  const list = byFirst.get(unitAt(text, i));
  if (!list) return null;
  for (const e of list) {
    const n = e.key.length;
    if (i + n > text.length) continue;
    let ok = true;
    for (let k = 1; k < n && ok; k++) ok = unitAt(text, i + k) === e.key.charCodeAt(k);
    if (!ok) continue;
    // An en or em dash standing alone (before a space or the end) is a dash, not दृ / कृ.
    if (
      n === 1 &&
      (e.key === "\u2013" || e.key === "\u2014") &&
      (i + 1 >= text.length || isSpace(text.charCodeAt(i + 1)))
    ) {
      return null;
    }
    return e;
  }
  return null;
}

// ---------------------------------------------------------------- conversion

export interface Converted {
  /** The Unicode Devanagari text. */
  text: string;
  /** For every UTF-16 unit of `text`, the UTF-16 offset in the input it came from. */
  source: Int32Array;
}

/** Where the writer is in a consonant syllable. */
const Syl = {
  /** No open consonant syllable. */
  None: 0,
  /** Cluster open: the last thing was a half form or a virama. */
  Open: 1,
  /** Cluster complete: a full consonant, maybe with signs below. */
  Cluster: 2,
  /** The cluster is followed by vowel signs. */
  Signs: 3,
} as const;
type SylState = (typeof Syl)[keyof typeof Syl];

/** The consonant syllable being written, by output index. */
interface Syllable {
  state: SylState;
  /** Where the syllable starts; -1 when there is none. */
  start: number;
  /** Just after the syllable's cluster (before its vowel signs). */
  clusterEnd: number;
  /** The syllable already has its reph. */
  hasReph: boolean;
  /** A run of ं/ँ typed before a vowel sign (`esa` / `eas`); -1 when none. */
  nasalAt: number;
  /** A sign below (्र) was already moved back over vowel signs in this syllable. */
  belowMoved: boolean;
  /** The open cluster ends in a half-form glyph (not a typed `~`): a following `k` completes it. */
  halfGlyph: boolean;
}

/** A pre-base sign (ि) typed before its consonant cluster, waiting for the cluster to end. */
interface PendingPre {
  entry: Entry;
  /** Input offset it was typed at. */
  at: number;
  /** Its cluster has started. */
  clusterStarted: boolean;
  /** Nasals typed between the sign and its consonant (`fa` ...), with their input offsets. */
  held: number[];
  heldSrc: number[];
}

/**
 * Converts Kruti Dev 010 text to Unicode. Characters not in the table (spaces, line breaks,
 * ASCII digits, Devanagari already in Unicode) pass through unchanged.
 */
export function convertKrutiDev(text: string): Converted {
  const units: number[] = [];
  const src: number[] = [];
  const syl: Syllable = {
    state: Syl.None,
    start: -1,
    clusterEnd: -1,
    hasReph: false,
    nasalAt: -1,
    belowMoved: false,
    halfGlyph: false,
  };
  let pre: PendingPre | null = null;

  const push = (s: string, at: number): void => {
    for (let k = 0; k < s.length; k++) {
      units.push(s.charCodeAt(k));
      src.push(at);
    }
  };
  /** Inserts `s` at output index `pos`; callers keep `units.length - pos` small or do it once a syllable. */
  const insert = (pos: number, s: string, at: number): void => {
    const u: number[] = [];
    const o: number[] = [];
    for (let k = 0; k < s.length; k++) {
      u.push(s.charCodeAt(k));
      o.push(at);
    }
    units.splice(pos, 0, ...u);
    src.splice(pos, 0, ...o);
  };
  /** A sign (vowel sign or nasal) after the cluster, with nasals kept after the vowel sign. */
  const pushSign = (s: string, kind: Kind, at: number): void => {
    if (kind === NASAL) {
      if (syl.nasalAt < 0) syl.nasalAt = units.length;
      push(s, at);
    } else if (syl.nasalAt >= 0 && units.length - syl.nasalAt <= 2) {
      insert(syl.nasalAt, s, at);
      syl.nasalAt += s.length;
    } else {
      push(s, at);
    }
  };
  /** Writes the pending pre-base sign after the cluster just ended (or in place when there is none). */
  const emitPre = (): void => {
    if (!pre) return;
    const p = pre;
    pre = null;
    if (p.entry.reph) {
      if (p.clusterStarted && syl.start >= 0 && !syl.hasReph) {
        insert(syl.start, RA_VIRAMA, p.at);
        syl.clusterEnd += 2;
        syl.hasReph = true;
      } else {
        push(RA_VIRAMA, p.at);
      }
    }
    const rest = p.entry.rest;
    const nasal = rest.length > 1 || p.held.length > 0;
    push(rest.slice(0, 1), p.at);
    if (nasal) syl.nasalAt = units.length;
    if (rest.length > 1) push(rest.slice(1), p.at);
    for (let k = 0; k < p.held.length; k++) {
      units.push(p.held[k]!);
      src.push(p.heldSrc[k]!);
    }
  };
  /** The consonant cluster ends here: its pre-base sign goes in, vowel signs may follow. */
  const closeCluster = (): void => {
    if (syl.state === Syl.Open || syl.state === Syl.Cluster) {
      syl.clusterEnd = units.length;
      syl.state = Syl.Signs;
      syl.nasalAt = -1;
      if (pre?.clusterStarted) emitPre();
    }
  };
  const startSyllable = (): void => {
    closeCluster();
    if (pre && !pre.clusterStarted) pre.clusterStarted = true;
    else if (pre) emitPre();
    syl.start = units.length;
    syl.clusterEnd = -1;
    syl.hasReph = false;
    syl.nasalAt = -1;
    syl.belowMoved = false;
  };
  /** Ends any syllable: a pending pre-base sign with no cluster is written where it was typed. */
  const endSyllable = (): void => {
    closeCluster();
    if (pre) {
      pre.clusterStarted = false;
      emitPre();
    }
    syl.state = Syl.None;
    syl.start = -1;
    syl.nasalAt = -1;
  };

  let i = 0;
  const n = text.length;
  while (i < n) {
    const e = match(text, i);
    if (!e) {
      endSyllable();
      units.push(text.charCodeAt(i));
      src.push(i);
      i++;
      continue;
    }
    const at = i;
    i += e.key.length;
    switch (e.kind) {
      case CONS:
      case HALF: {
        if (syl.state !== Syl.Open) startSyllable();
        push(e.out, at);
        syl.state = e.kind === HALF ? Syl.Open : Syl.Cluster;
        syl.halfGlyph = e.kind === HALF;
        break;
      }
      case CONS_SIGN: {
        endSyllable();
        syl.start = units.length;
        syl.hasReph = false;
        syl.belowMoved = false;
        push(e.out, at);
        syl.clusterEnd = units.length - 1;
        syl.state = Syl.Signs;
        syl.nasalAt = -1;
        break;
      }
      case BELOW: {
        if (syl.state === Syl.Open || syl.state === Syl.Cluster) {
          push(e.out, at);
          syl.state = Syl.Cluster;
        } else if (
          syl.state === Syl.Signs &&
          syl.start >= 0 &&
          syl.clusterEnd >= 0 &&
          !syl.belowMoved &&
          units.length - syl.clusterEnd <= 4
        ) {
          // ्र typed after the vowel signs (`saz`): it belongs to the cluster.
          insert(syl.clusterEnd, e.out, at);
          if (syl.nasalAt >= syl.clusterEnd) syl.nasalAt += e.out.length;
          syl.clusterEnd += e.out.length;
          syl.belowMoved = true;
        } else {
          push(e.out, at);
        }
        break;
      }
      case NUKTA: {
        if (syl.state === Syl.Open && units.length > 0 && units[units.length - 1] === 0x094d) {
          insert(units.length - 1, e.out, at); // the nukta goes before the virama
        } else {
          push(e.out, at);
        }
        break;
      }
      case VIRAMA: {
        if (syl.state === Syl.Open && units[units.length - 1] === 0x094d) break; // ् after a half form: already there
        push(e.out, at);
        if (syl.state === Syl.Cluster) syl.state = Syl.Open;
        syl.halfGlyph = false;
        break;
      }
      case SIGN:
      case NASAL: {
        if (syl.state === Syl.Open && syl.halfGlyph && e.key === "k") {
          // Half form + bar: the full consonant (`[k` = ख, `{k` = क्ष).
          units.pop();
          src.pop();
          syl.state = Syl.Cluster;
          break;
        }
        if (pre && !pre.clusterStarted) {
          if (e.kind === NASAL) {
            // `fa` + consonant: the nasal is written after the ि.
            for (let k = 0; k < e.out.length; k++) {
              pre.held.push(e.out.charCodeAt(k));
              pre.heldSrc.push(at);
            }
            break;
          }
          emitPre();
        }
        closeCluster();
        if (syl.state === Syl.None) syl.state = Syl.Signs;
        pushSign(e.out, e.kind, at);
        break;
      }
      case VOWEL: {
        endSyllable();
        push(e.out, at);
        syl.state = Syl.Signs; // it may take ं / ँ, but never a reph
        break;
      }
      case PRE: {
        endSyllable();
        pre = { entry: e, at, clusterStarted: false, held: [], heldSrc: [] };
        break;
      }
      case REPH: {
        closeCluster();
        if (syl.state === Syl.Signs && syl.start >= 0 && !syl.hasReph) {
          insert(syl.start, RA_VIRAMA, at);
          syl.clusterEnd += 2;
          if (syl.nasalAt >= 0) syl.nasalAt += 2;
          syl.hasReph = true;
          if (e.rest) pushSign(e.rest, classify(e.rest), at);
        } else {
          if (pre) emitPre();
          push(e.out, at);
        }
        break;
      }
      default: {
        endSyllable();
        push(e.out, at);
        break;
      }
    }
  }
  endSyllable();

  return { text: fromUnits(units), source: Int32Array.from(src) };
}

/** `String.fromCharCode(...units)` in chunks: one spread of a long array overflows the stack. */
function fromUnits(units: number[]): string {
  let s = "";
  for (let k = 0; k < units.length; k += 8192) s += String.fromCharCode(...units.slice(k, k + 8192));
  return s;
}

// ---------------------------------------------------------------- detection

/** Common English words: a counter-signal (news English is 35-50% these). */
const ENGLISH = new Set(detect.english);

/** Short all-consonant words of English news copy (abbreviations, units). */
const ENGLISH_VOWELLESS = new Set(detect.englishVowelless);

/** Fragments that occur in Kruti Dev Hindi and hardly ever in English spelling. */
const FRAGMENTS = detect.fragments;

/** Non-ASCII glyph keys Kruti Dev text uses that English (and most Latin-script) prose does not. */
const KRUTI_GLYPHS = new Set(detect.glyphs);

function isLower(c: number): boolean {
  return c >= 0x61 && c <= 0x7a;
}
function isUpper(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}
function isVowelLetter(c: number): boolean {
  const l = c | 0x20;
  return l === 0x61 || l === 0x65 || l === 0x69 || l === 0x6f || l === 0x75 || l === 0x79;
}

/** What a word says: bits of `wordSignal`. */
const LATIN = 1; // Latin letters and no letters of other scripts
const FOREIGN = 2; // letters of another script (Devanagari ...)
const KRUTI = 4;
const ENGLISH_WORD = 8;

function isAsciiLetter(c: number): boolean {
  return isLower(c) || isUpper(c);
}

/** The signal of the word `text[from, to)`. */
function wordSignal(text: string, from: number, to: number): number {
  let letters = 0;
  let lower = 0;
  let vowels = 0;
  let glyph = false;
  let caseFlip = false;
  let inner = false; // ; = | ] [ { } ~ ` inside the word, next to letters
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (isLower(c) || isUpper(c)) {
      letters++;
      if (isLower(c)) lower++;
      if (isVowelLetter(c)) vowels++;
      if (isUpper(c) && k > from && isLower(text.charCodeAt(k - 1))) caseFlip = true;
    } else if (c > 0x7f && KRUTI_GLYPHS.has(text[k]!)) {
      glyph = true;
      letters++;
    } else if (c > 0x24f && (isDevanagariLetter(c) || /\p{L}/u.test(text[k]!))) {
      return FOREIGN; // a letter of another script: Devanagari, ...
    } else if (c > 0x7f && c <= 0x24f) {
      letters++; // other Latin letters (é, ü ...)
    } else if (
      (c === 0x3b || c === 0x3d || c === 0x7c || c === 0x7b || c === 0x7e || c === 0x60) &&
      k > from &&
      k < to - 1
    ) {
      inner = true;
    }
  }
  if (letters === 0) return 0;
  // The word with surrounding punctuation stripped, lower-cased, for the English lists.
  let s = from;
  let e = to;
  while (s < e && !isAsciiLetter(text.charCodeAt(s))) s++;
  while (e > s && !isAsciiLetter(text.charCodeAt(e - 1))) e--;
  const core = text.slice(s, e);
  const folded = core.toLowerCase();
  // An English word is never counted as Kruti Dev, whatever else it shows.
  if (ENGLISH.has(folded)) return LATIN | ENGLISH_WORD;
  let kruti = glyph || inner;
  if (!kruti && lower > 0 && letters >= 2 && vowels === 0 && !ENGLISH_VOWELLESS.has(folded) && !/[0-9]/.test(core)) {
    kruti = true; // dk, ds, dh, gS, ljdkj ...: no vowel letter
  }
  if (!kruti && caseFlip && !/^(Mc|Mac|i|e)[A-Z]/.test(core)) kruti = true; // gS, vkSj, fnYyh
  if (!kruti && core.length >= 2) {
    const last = core.charCodeAt(core.length - 1);
    const before = core.charCodeAt(core.length - 2);
    if (last === 0x41 && isLower(before)) kruti = true; // sentence end: gSA, fd;kA
  }
  if (!kruti && text.charCodeAt(to - 1) === 0x5d && lower > 0) kruti = true; // Kruti comma: fnYyh]
  if (!kruti)
    for (const f of FRAGMENTS)
      if (core.includes(f)) {
        kruti = true;
        break;
      }
  return kruti ? LATIN | KRUTI : LATIN;
}

export function looksKrutiDev(text: string, early = true): boolean {
  const n = text.length;
  // The words to read, counted first: the verdict is given as soon as the words left could not
  // change it (English copy is settled about halfway through).
  let left = 0;
  for (let i = 0; i < n; i++) if (!isSpace(text.charCodeAt(i)) && (i === 0 || isSpace(text.charCodeAt(i - 1)))) left++;
  if (left < 4) return false;
  let words = 0;
  let kruti = 0;
  let english = 0;
  let foreign = 0;
  let start = -1;
  for (let i = 0; i <= n; i++) {
    const space = i === n || isSpace(text.charCodeAt(i));
    if (!space) {
      if (start < 0) start = i;
      continue;
    }
    if (start < 0) continue;
    const sig = wordSignal(text, start, i);
    start = -1;
    left--;
    if (sig & FOREIGN) foreign++;
    if (!(sig & LATIN)) continue;
    words++;
    if (sig & KRUTI) kruti++;
    if (sig & ENGLISH_WORD) english++;
    // Each word left adds at most one to `words`, `kruti` and to neither `english` nor (for
    // the bounds) anything else: when even the best case fails a test below, it fails.
    if (!early) continue;
    // More words of another script than Latin words could ever be (Hindi in Unicode).
    if (foreign > words + left) return false;
    if (kruti - 0.4 * words + 0.6 * left < -1e-9) return false;
    if (english - 0.2 * words - 0.2 * left > 1e-9) return false;
    if (kruti + left < 3 * english) return false;
  }
  if (words < 4 || foreign > words) return false;
  return kruti >= 0.4 * words && english <= 0.2 * words && kruti >= 3 * english;
}
