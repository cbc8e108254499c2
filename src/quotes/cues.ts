/**
 * Speech cues around quotes and in reported speech, matched word by word over tokens.
 *
 * ```
 * > | केसीएनए ने किम के हवाले से कहा, "..."     relay: speaker किम, via केसीएनए
 *     ^^^^^^^ via  ^^^ speaker ^^^^^^^^^^^^^^^ cue
 * > | "...," Xi said as ...                    a cue after the quote
 * > | KCNA quoted Kim as saying, "..."         relay in English
 * > | योनहाप समाचार एजेंसी की रिपोर्ट के अनुसार, ...   according-to
 * > | The emir in the message said that ...    said-that (the subject before a prepositional phrase)
 * ```
 * The phrases are the tables of `src/data/speech.json`, loaded by `lexicon.ts`.
 */
import type { Range } from "../text/range.js";
import { isPlainWord, mayHoldWord, type Token } from "./tokens.js";
import { isLatinLower } from "../text/chars.js";
import { isDevanagariInitial } from "../data/index.js";
import {
  AGENT,
  EN_ALL_VERBS,
  EN_APPOSITIVE_STARTS,
  EN_CLAUSE_STARTS,
  EN_ACRONYMS,
  EN_OWNER_LINKS,
  EN_PLACE_LINKS,
  EN_SOURCE_QUALIFIERS,
  EN_BARE_PARTICIPLES,
  EN_CLAUSE_AUXILIARIES,
  EN_GROUP_WORDS,
  EN_TITLE_WORDS,
  EN_VERB_DAYS,
  EN_DETERMINERS,
  EN_EXPRESSION,
  EN_IRREGULAR_PAST,
  EN_LY_NOUNS,
  EN_BODY_HEADS,
  EN_NOUN_LIKE,
  EN_OBJECTS,
  EN_PARTICIPLES,
  EN_PASSIVE,
  EN_FRONTED,
  EN_PER_UNITS,
  EN_PREP,
  EN_PRONOUNS,
  EN_QUANTIFIERS,
  EN_RELATIVE,
  SUBJECT_PRONOUNS,
  EN_REPORT_VERBS,
  EN_DATA_NOUNS,
  EN_DATA_VERBS,
  EN_SINGLE_VERBS,
  EN_SKIP,
  EN_SPEECH_PARTICIPLES,
  EN_STOP,
  EN_TIME_NOUNS,
  EN_VERBS,
  HI_ACCORDING,
  HI_AUX,
  HI_BY,
  HI_END_VERBS,
  HI_RELAY_PARTICIPLES,
  HI_OBJECT_OPENERS,
  HI_OBJECT_VERBS,
  HI_ERGATIVE,
  HI_EXPRESSION,
  HI_NOT_SOURCES,
  HI_NOT_SPEECH_AFTER,
  HI_PASSIVE,
  HI_POSSESSIVE,
  HI_POSSESSIVE_PRONOUNS,
  HI_PRESENT_VERBS,
  HI_NOMINATIVE_PRONOUNS,
  HI_POSTPOSITIONS,
  HI_RELATIVE,
  RELAY_BY,
  HI_RELAY,
  HI_STOP,
  HI_UNMARKED_VERBS,
  HI_VERBS,
  NAME_LINKS,
  VERB_LINKS,
  QUOTED_AS,
  QUOTING,
  HI_LOCATIVE_PRONOUNS,
  HI_STATEMENT_NOUNS,
  THAT,
  phraseEndingAt,
  phraseStartingAt,
} from "./lexicon.js";

export interface CueMatch {
  /** The speech verb or phrase; null when a partial quote's sentence names a speaker but no verb. */
  cue: Range | null;
  speaker: Range | null;
  via: Range | null;
  /** A Hindi `कि` / English `that` follows the verb: reported speech rather than a quote. */
  withThat: boolean;
  /** A `,` `:` or dash stands between the cue and the quote. */
  punct: boolean;
  /** The cue is an according-to source (`According to X,`, `X के अनुसार,`): it speaks only a statement. */
  source?: true;
}

const span = (tokens: Token[], a: number, b: number): Range => ({ start: tokens[a]!.start, end: tokens[b]!.end });

/** Whether tokens [from, to) hold a Hindi speech or expression verb (`कहा`, `इच्छा व्यक्त की`). */
export function hasHindiSpeechVerb(tokens: Token[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!tokens[k]!.punct && phraseStartingAt(tokens, k, HI_EXPRESSION) > 0) return true;
  return false;
}

/** The first Hindi speech verb phrase at or after token `from` (`कहा`, `बताया`), or null. */
export function speechVerbAfter(tokens: Token[], from: number): Range | null {
  for (let k = from; k < tokens.length; k++) {
    const e = phraseStartingAt(tokens, k, HI_VERBS);
    if (e > 0) return span(tokens, k, e - 1);
  }
  return null;
}

/** The speech and expression verbs of a sentence with their subjects (`Xi urged ...`), in order. */
export function englishExpressionCues(tokens: Token[]): CueMatch[] {
  const out: CueMatch[] = [];
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.punct || isDevanagari(tokens[k]!)) continue;
    const e = phraseStartingAt(tokens, k, EN_EXPRESSION);
    if (e < 0 || isPassive(tokens, k)) continue;
    // `Hollande paid homage to Tournier, describing him as a "great writer"`: a participle after a
    // comma is the sentence's subject's.
    const participle = k > 0 && tokens[k - 1]!.text === "," && tokens[k]!.text.endsWith("ing");
    const speaker = nounBeforeEn(tokens, k) ?? (participle ? sentenceSubject(tokens, k) : null);
    if (speaker) out.push({ cue: span(tokens, k, e - 1), speaker, via: null, withThat: false, punct: false });
  }
  return out;
}

const isDevanagari = (t: Token) => /[\u0900-\u097f]/u.test(t.text);

/* ------------------------------------------------------------------ Hindi */

/** The noun phrase ending right before token `idx` (`उत्तर कोरिया की ... (केसीएनए)` before `ने`). */
export function nounBeforeHi(tokens: Token[], idx: number, max = 7): Range | null {
  // `येडी रेड्डी, जिनकी फसल ... है, ने बताया`: the subject stands before a relative clause.
  if (idx > 0 && tokens[idx - 1]!.text === ",") {
    for (let c = idx - 2; c >= 0 && idx - c <= 30; c--) {
      const t = tokens[c]!;
      if (t.punct && (t.text === "।" || t.text === "॥")) return null;
      if (t.text === "," && tokens[c + 1] && HI_RELATIVE.test(tokens[c + 1]!.text)) return nounBeforeHi(tokens, c, max);
    }
    return null;
  }
  let a = quotedNameStart(tokens, idx);
  // An acronym in brackets after the name is no word of it (`अखिल भारतीय रत्न एवं आभूषण घरेलू
  // परिषद (जीजेसी) ने`): the name may still have `max` words.
  if (a === idx && idx > 0 && /^\(.+\)$/u.test(tokens[idx - 1]!.text)) max++;
  while (a > 0 && idx - a < max) {
    const t = tokens[a - 1]!;
    // A name's initials and their full stop belong to it (`एस. रमन`, `के.एम. नटराज`).
    if (t.punct && t.text === "." && a >= 2 && a < idx && isDevanagariInitial(tokens[a - 2]!.text)) {
      a -= 2;
      continue;
    }
    if (t.punct || HI_STOP.has(t.text) || HI_ERGATIVE.has(t.text)) break;
    a--;
  }
  while (a < idx && HI_POSTPOSITIONS.has(tokens[a]!.text)) a++;
  return a < idx ? span(tokens, a, idx - 1) : null;
}

/**
 * Where a name in quotation marks right before token `idx` opens (`समाचार एजेंसी ‘योनहप’ ने`,
 * `‘पीटीआई-भाषा’ को बताया`): at its opening mark, the marks part of the phrase; else `idx`.
 */
function quotedNameStart(tokens: Token[], idx: number): number {
  const close = tokens[idx - 1];
  if (!close?.punct || !"’'”\"".includes(close.text)) return idx;
  for (let o = idx - 2; o >= 0 && idx - o <= 5; o--) {
    const t = tokens[o]!;
    if (t.punct) return o < idx - 2 && "‘'“\"".includes(t.text) ? o : idx;
  }
  return idx;
}

/**
 * An according-to source that names whose statement or report it is, from the one before
 * `द्वारा` or `की ओर से` a few words back to the cue (`मंत्रालय द्वारा जारी बयान के अनुसार` ->
 * मंत्रालय द्वारा जारी बयान, not only जारी बयान).
 * >     चक्रवात चेतावनी केंद्र द्वारा दी गई ताजा जानकारी के मुताबिक
 * >     ^ the source starts     ^ the marker            ^ and ends
 */
function byBefore(tokens: Token[], idx: number): Range | null {
  for (let k = idx - 2; k > 0 && idx - k <= 6; k--) {
    if (tokens[k]!.punct) return null;
    if (phraseStartingAt(tokens, k, HI_BY) > k) {
      const who = nounBeforeHi(tokens, k);
      return who ? { start: who.start, end: tokens[idx - 1]!.end } : null;
    }
  }
  return null;
}

/** The subject of a Hindi verb starting at token `verb`: `X ने` or an ergative pronoun, within `reach` tokens. */
export function subjectHi(tokens: Token[], verb: number, reach = 24): Range | null {
  for (let k = verb - 1; k >= 0 && verb - k <= reach; k--) {
    const t = tokens[k]!;
    if (t.punct && (t.text === "।" || t.text === "॥")) return null;
    if (!t.punct && t.text === THAT) return null;
    if (!t.punct && HI_ERGATIVE.has(t.text)) return span(tokens, k, k);
    if (!t.punct && t.text === AGENT) return nounBeforeHi(tokens, k);
  }
  return null;
}

/** The last word before a quote, past the `,` `:` or dash between a cue and its quote. */
function lastWord(tokens: Token[]): { k: number; punct: boolean } {
  let k = tokens.length - 1;
  let punct = false;
  while (k >= 0 && tokens[k]!.punct && ",:-–—".includes(tokens[k]!.text)) {
    punct = true;
    k--;
  }
  return { k, punct };
}

/** Where a relay participle (`का हवाला देते हुए`) starts within eight words before the verb at `k`, with no mark between; else -1. */
function relayParticipleBefore(tokens: Token[], k: number): number {
  for (let j = k - 1; j > 0 && k - j <= 8; j--) {
    if (tokens[j]!.punct) return -1;
    const p = phraseEndingAt(tokens, j, HI_RELAY_PARTICIPLES);
    if (p > 0) return p;
  }
  return -1;
}

/** A Hindi cue ending the tokens (before a quote): `X ने बताया,` `X ने Y के हवाले से कहा,` `X का कहना है,`. */
export function hindiCueBefore(tokens: Token[]): CueMatch | null {
  let { k, punct } = lastWord(tokens);
  if (k < 0) return null;
  // `फायर ब्रिगेड के अनुसार, “...”`: the source speaks the quote.
  const according = punct ? phraseEndingAt(tokens, k, HI_ACCORDING) : -1;
  if (according > 0) {
    const speaker = byBefore(tokens, according) ?? nounBeforeHi(tokens, according, 5);
    if (speaker) return { cue: span(tokens, according, k), speaker, via: null, withThat: false, punct, source: true };
  }
  let withThat = false;
  const end = k;
  if (!tokens[k]!.punct && tokens[k]!.text === THAT) {
    withThat = true;
    k--;
  }
  return hindiVerbAt(tokens, k, end, withThat, punct);
}

/** A Hindi speech verb phrase ending at token k (its cue running to `end`), with its subject. */
function hindiVerbAt(tokens: Token[], k: number, end: number, withThat: boolean, punct: boolean): CueMatch | null {
  if (k < 0) return null;
  let s = phraseEndingAt(tokens, k, HI_RELAY);
  // `X ने Y का हवाला देते हुए ट्विटर पर एक पोस्ट में कहा, "..."`: the relay a few words before the
  // verb that opens a quote (reported speech after such a verb keeps X, who says it).
  if (s < 0 && punct && HI_UNMARKED_VERBS.has(tokens[k]!.text)) s = relayParticipleBefore(tokens, k);
  // `चीनी मीडिया के हवाले से कहा गया है कि`: the passive, with no one relaying; X is the source.
  let r = k;
  if (r > 0 && HI_AUX.has(tokens[r]!.text)) r--;
  if (s < 0 && r > 0 && HI_PASSIVE.has(tokens[r]!.text)) {
    const p = phraseEndingAt(tokens, r - 1, HI_RELAY);
    if (p >= 0) return { cue: span(tokens, p, end), speaker: nounBeforeHi(tokens, p), via: null, withThat, punct };
    // `एक बयान में कहा गया है कि`: the statement says it; one that names whose it is keeps its
    // author (`प्राधिकरण द्वारा जारी बुलेटिन में कहा गया है कि`, as an according-to source does).
    const said = r >= 2 ? tokens[r - 1]!.text : "";
    const passiveSaid = said === "कहा" || said === "बताया";
    if (passiveSaid && r >= 3 && tokens[r - 2]!.text === "में" && HI_STATEMENT_NOUNS.has(tokens[r - 3]!.text)) {
      const speaker = byBefore(tokens, r - 2) ?? span(tokens, r - 3, r - 3);
      return { cue: span(tokens, r - 1, end), speaker, via: null, withThat, punct };
    }
    // `इसमें कहा गया है कि`: the statement named before says it, the pronoun its source as written;
    // `... सूचना जारी की थी जिसमें बताया गया था कि`: the relative's statement noun a few words back.
    if (passiveSaid && HI_LOCATIVE_PRONOUNS.has(tokens[r - 2]!.text)) {
      let speaker = span(tokens, r - 2, r - 2);
      if (HI_RELATIVE.test(tokens[r - 2]!.text)) {
        for (let j = r - 3; j >= 0 && r - j <= 8 && !tokens[j]!.punct; j--) {
          if (HI_STATEMENT_NOUNS.has(tokens[j]!.text)) {
            speaker = span(tokens, j, j);
            break;
          }
        }
      }
      return { cue: span(tokens, r - 1, end), speaker, via: null, withThat, punct };
    }
  }
  if (s >= 0) {
    const speaker = nounBeforeHi(tokens, s);
    let via: Range | null = null;
    for (let j = s - 1; j >= 0 && s - j <= 10; j--) {
      const t = tokens[j]!;
      if (!t.punct && HI_ERGATIVE.has(t.text)) {
        via = span(tokens, j, j);
        break;
      }
      if (!t.punct && t.text === AGENT) {
        via = nounBeforeHi(tokens, j);
        break;
      }
    }
    return { cue: span(tokens, s, end), speaker, via, withThat, punct };
  }
  s = phraseEndingAt(tokens, k, HI_POSSESSIVE);
  if (s >= 0) return { cue: span(tokens, s, end), speaker: nounBeforeHi(tokens, s), via: null, withThat, punct };
  s = phraseEndingAt(tokens, k, HI_VERBS);
  // `उम्मीद जताई है कि`, `आगाह किया था कि`: a verb listed without the auxiliary after it.
  if (s < 0 && k > 0 && HI_AUX.has(tokens[k]!.text)) s = phraseEndingAt(tokens, k - 1, HI_VERBS);
  // `उनका कहना है कि`: a possessive pronoun is the speaker.
  if (s > 0 && HI_POSSESSIVE_PRONOUNS.has(tokens[s - 1]!.text) && tokens[s]!.text === "कहना") {
    return { cue: span(tokens, s - 1, end), speaker: span(tokens, s - 1, s - 1), via: null, withThat, punct };
  }
  if (s >= 0) {
    const speaker =
      subjectHi(tokens, s) ?? (HI_PRESENT_VERBS.has(tokens[s]!.text) ? presentSubjectHi(tokens, s) : null);
    if (!speaker) return null;
    return { cue: span(tokens, s, end), speaker, via: null, withThat, punct };
  }
  return null;
}

/**
 * `... शुरू करने को कहा है।`: a verb of speech after an infinitive and `को` asks someone to do
 * something; it reports no statement.
 */
function isDirective(tokens: Token[], verb: number): boolean {
  const ko = tokens[verb - 1];
  const inf = tokens[verb - 2];
  return !!ko && !!inf && !ko.punct && ko.text === "को" && !inf.punct && inf.text.length > 2 && inf.text.endsWith("ने");
}

/**
 * The subject of a present-tense speech verb at `verb`, which takes no ने (`फिल्म के बारे में
 * वह कहती हैं,`, `अभिनेत्री कहती हैं,`): a nominative pronoun a few words back, else the noun just before.
 */
function presentSubjectHi(tokens: Token[], verb: number): Range | null {
  for (let k = verb - 1; k >= 0 && verb - k <= 8; k--) {
    const t = tokens[k]!;
    if (t.punct) break;
    if (HI_NOMINATIVE_PRONOUNS.has(t.text)) return span(tokens, k, k);
  }
  const prev = tokens[verb - 1];
  if (!prev || prev.punct || HI_STOP.has(prev.text) || HI_POSTPOSITIONS.has(prev.text)) return null;
  return nounBeforeHi(tokens, verb, 4);
}

/* ---------------------------------------------------------------- English */

/**
 * A token lower-cased, for comparing with the word tables. Every listed word is short, and lower
 * case never shortens a string: a token longer than this can equal none of them either way, so
 * it is not lower-cased at all (runs of marks with no space make tokens megabytes long).
 */
const LONGEST_LISTED = 64;
/**
 * Names in capitals that spell a listed word (`the WHO said`: no relative pronoun) are compared
 * as written.
 */
const lower = (t: Token) => (t.text.length > LONGEST_LISTED || EN_ACRONYMS.has(t.text) ? t.text : t.lower);
const isWord = (t: Token) => !t.punct && /[\p{L}\p{N}]/u.test(t.text);

const isCapitalised = (t: Token | undefined) => !!t && !t.punct && /^[\p{Lu}]/u.test(t.text);

/**
 * The comma opening an appositive that runs up to the comma at `c`: a name before it, a word in
 * lower case after it (`Dalio, co-chief investment officer of ...,`), no sentence end between; or null.
 */
/** A name of up to four capitalised words opening the sentence, set off by a comma just before `np`. */
function openingName(tokens: Token[], np: Range): Range | null {
  let k = 0;
  while (k < tokens.length && tokens[k]!.end <= np.start) k++;
  const comma = k - 1;
  if (comma < 1 || comma > 4 || tokens[comma]!.text !== ",") return null;
  for (let j = 0; j < comma; j++) if (!isCapitalised(tokens[j]) || EN_PRONOUNS.has(lower(tokens[j]!))) return null;
  return span(tokens, 0, comma - 1);
}

function outerAppositiveComma(tokens: Token[], c: number): number | null {
  for (let k = c - 1; k > 0 && c - k <= 18; k--) {
    const t = tokens[k]!;
    if (t.punct && ".!?;:।".includes(t.text)) return null;
    if (t.text !== ",") continue;
    const next = tokens[k + 1];
    return isCapitalised(tokens[k - 1]) && next && !next.punct && !isCapitalised(next) ? k : null;
  }
  return null;
}

/**
 * The noun phrase ending right before token `idx`: `the Seoul Metropolitan Police Agency`, `he`,
 * `Reserve Bank of India`; across an appositive (`Krishnan, who played 61 Tests, said`) and a
 * prepositional phrase (`A spokesperson for the app said`).
 */
export function nounBeforeEn(tokens: Token[], idx: number, max = 8, nearest = false): Range | null {
  let e = idx;
  while (e > 0 && (EN_SKIP.has(lower(tokens[e - 1]!)) || lyAdverb(tokens, e - 1))) e--;
  // `Jagjit Singh, 70, a Sikh, said`: an age set off by commas belongs to the name before it.
  if (e > 2 && tokens[e - 2]!.text === "," && /^[0-9]{1,3}$/u.test(tokens[e - 1]!.text))
    return nounBeforeEn(tokens, e - 2, max, nearest);
  // `the TMC chief who had claimed that`, `The president of the union, who said`: the relative's
  // antecedent, the nearest noun phrase, or after a comma the whole one before it.
  if (e > 1 && (lower(tokens[e - 1]!) === "who" || lower(tokens[e - 1]!) === "which")) {
    const comma = tokens[e - 2]!.text === ",";
    const w = comma ? e - 2 : e - 1;
    return w > 0 && isWord(tokens[w - 1]!) ? nounBeforeEn(tokens, w, max, !comma) : null;
  }
  // `Tata Motors ... on Monday said`: the time phrase is no subject.
  if (e < idx && e > 0 && lower(tokens[e - 1]!) === "on") e--;
  // `A division bench comprising Justices A and B said`: the subject stands before the participle;
  // so it does before a clause of one (`Ma Subramanian while speaking to IANS said`).
  for (let p = e - 1; p > 0 && e - p <= 14; p--) {
    const t = tokens[p]!;
    if (t.punct) break;
    if (EN_PARTICIPLES.has(lower(t)) || (EN_CLAUSE_STARTS.has(lower(t)) && /^\p{Ll}+ing$/u.test(tokens[p + 1]!.text))) {
      const np = nounBeforeEn(tokens, p, max);
      if (np) return np;
      break;
    }
  }
  if (e > 0 && tokens[e - 1]!.text === ",") {
    // `X, <appositive>, said`: the subject stands before the appositive; but a name set off
    // by the commas is the subject (`One of the jury members, Priyanandan, says`).
    for (let c = e - 2; c >= 0 && e - c <= RELATIVE_REACH; c--) {
      const t = tokens[c]!;
      if (t.punct && ".!?;:।".includes(t.text)) break;
      // Past `APPOSITIVE_REACH` words only a relative clause is set off (`Pankaj, who earned the
      // spotlight in 2012 with a small role in the two-part film saga ..., added`).
      if (t.text === "," && e - c > APPOSITIVE_REACH && !EN_RELATIVE.has(lower(tokens[c + 1]!))) break;
      if (t.text === ",") {
        if (
          e - 1 - (c + 1) <= 3 &&
          e - 1 > c + 1 &&
          tokens.slice(c + 1, e - 1).every((w) => isCapitalised(w) && !EN_PRONOUNS.has(lower(w)))
        ) {
          // `Dalio, co-chief investment officer of the world's largest hedge fund, Bridgewater
          // Associates, said`: that name closes a longer appositive of the name before it.
          const outer = outerAppositiveComma(tokens, c);
          if (outer !== null) return nounBeforeEn(tokens, outer, max);
          const before = nounBeforeEn(tokens, c, max);
          // `Harun-Ur-Rashid, Deputy Commissioner of Police, Dhaka's Tejgaon Zone, told`: a name
          // opening the sentence, then the title and the place set off after it.
          const opener = before ? openingName(tokens, before) : null;
          if (opener) return opener;
          // `Pakistan's Minister of State for Interior, Talal Chaudhry, emphasised`: a full name
          // after a title is the person who speaks (a place set off after a body's name, `a
          // spokesman for the University of California, Berkeley, said`, is one word).
          const inBefore = before ? tokens.filter((w) => w.start >= before.start && w.end <= before.end) : [];
          if (
            !before ||
            (e - 1 - (c + 1) >= 2 && inBefore.some((w) => EN_TITLE_WORDS.has(lower(w)))) ||
            !inBefore.some((w) => isCapitalised(w) && w.start !== before.start)
          )
            return span(tokens, c + 1, e - 2);
          return before;
        }
        // `X, who visited the hospital, in a post on X, said`: a phrase with a preposition set off
        // after an appositive; the subject stands before that one.
        if (EN_PREP.has(lower(tokens[c + 1]!)) && c > 0 && tokens[c - 1]!.text !== ",") {
          const outer = nounBeforeEn(tokens, c + 1, max);
          if (outer) return outer;
        }
        const np = nounBeforeEn(tokens, c, max);
        return np;
      }
      if (c === 0) break;
    }
    return null;
  }
  // `Yang Baohua, deputy general manager of China Aerospace ... Corporation said`: a name set
  // off before a title in lower case that runs to the verb.
  if (!nearest) {
    const titled = nameBeforeLowerTitle(tokens, e);
    if (titled) return titled;
  }
  const collect = (end: number): number => {
    let a = end;
    let reach = max;
    while (a > 0 && end - a < reach) {
      const t = tokens[a - 1]!;
      // `Joint Commissioner of Police (Law and Order) Shivaji Bodkhe`: a bracket inside a title,
      // whose words do not count.
      const open = titleBracketBefore(tokens, a - 1);
      if (open >= 0) {
        reach += a - open;
        a = open;
        continue;
      }
      if (!isWord(t) || isDevanagari(t)) break;
      const w = lower(t);
      // `Reserve Bank of India`: `of` between capitalised words belongs to the name.
      if (NAME_LINKS.has(w) && isCapitalised(tokens[a]) && isCapitalised(tokens[a - 2])) {
        a--;
        continue;
      }
      // `A source close to the development said`: the adjective's phrase belongs to the source.
      if (a > 1 && qualifierAt(tokens, a - 2)) {
        a--;
        continue;
      }
      if (EN_STOP.has(w) && !EN_DETERMINERS.has(w)) break;
      a--;
      if (EN_PRONOUNS.has(w)) break;
    }
    return a;
  };
  let a = collect(e);
  if (a === e) return null;
  // `The minister for housing and urban affairs said`: words joined by `and` after a preposition
  // are its object; the subject stands before the preposition (below).
  if (a > 2 && lower(tokens[a - 1]!) === "and") {
    const b = collect(a - 1);
    if (b < a - 1 && b > 1 && EN_PREP.has(lower(tokens[b - 1]!))) a = b;
  }
  // `The emir in the message said`: the subject stands before the prepositional phrase; but a
  // many-word name after it stays whole (`Teams of the National Disaster Response Force`). A
  // relative's antecedent is the nearest (`the remarks of the TMC chief who had claimed`).
  if (!nearest && a > 1 && EN_PREP.has(lower(tokens[a - 1]!)) && (e - a <= 5 || properName(tokens, a, e))) {
    const b = collect(a - 1);
    const gerund = b === a - 2 && /ing$/u.test(tokens[b]!.text);
    let capitals = 0;
    for (let k = a; k < e; k++) if (isCapitalised(tokens[k])) capitals++;
    // `One of the jury members Priyanandan says`: after a quantifier the members are the subject.
    if (b === a - 2 && EN_QUANTIFIERS.has(lower(tokens[b]!))) return span(tokens, a, e - 1);
    // `The families of two schoolboys have said`, `A spokesman for the ministry said`: an `of` or
    // `for` phrase after a common noun is part of it, and so is the phrase that noun closes (`the
    // prosecutor in charge of the case told`).
    const of = EN_OWNER_LINKS.has(lower(tokens[a - 1]!)) && !isCapitalised(tokens[a - 2]);
    if (of && b < a - 1 && b > 1 && EN_PREP.has(lower(tokens[b - 1]!)) && e - b <= 8) {
      const c = collect(b - 1);
      if (c < b - 1 && !EN_PREP.has(lower(tokens[c]!))) return span(tokens, c, e - 1);
    }
    if (b < a - 1 && !gerund) return capitals >= 2 || of ? span(tokens, b, e - 1) : span(tokens, b, a - 2);
  }
  if (EN_PRONOUNS.has(lower(tokens[a]!)) && a < e - 1) a = e - 1;
  // `..., Atul Garg, Chief Fire Officer said.`: a name of two or three capitalised words set off
  // before the title the verb follows.
  const named = nameBeforeTitle(tokens, a);
  return span(tokens, named ?? a, e - 1);
}

/**
 * Whether tokens `[from, to)` are one proper name of many words (`the International Association
 * of Machinists and Aerospace Workers`): capitalised words, and in lower case only `the` first
 * and the small words inside names (`of`, `and`, `for` ...: data/speech.json nameLinks).
 */
function properName(tokens: Token[], from: number, to: number): boolean {
  let k = from;
  if (k < to && lower(tokens[k]!) === "the") k++;
  if (!isCapitalised(tokens[k]) || !isCapitalised(tokens[to - 1])) return false;
  for (; k < to; k++) {
    const t = tokens[k]!;
    if (!isCapitalised(t) && !NAME_LINKS.has(lower(t))) return false;
  }
  return true;
}

/**
 * A name of two or three capitalised words opening its clause, then a comma and a title in lower
 * case running to the verb at `e` with no other mark (`..., Yang Baohua, deputy general manager of
 * China Aerospace Science and Technology Corporation said`): the name; else null.
 */
function nameBeforeLowerTitle(tokens: Token[], e: number): Range | null {
  let c = e - 1;
  while (c > 0 && e - c <= 16 && !tokens[c]!.punct) c--;
  if (c <= 1 || e - c > 16 || tokens[c]!.text !== "," || c + 1 >= e) return null;
  const first = tokens[c + 1]!;
  if (isCapitalised(first) || !/^[a-z]/u.test(first.text) || EN_PRONOUNS.has(lower(first)) || EN_STOP.has(lower(first)))
    return null;
  const named = nameBeforeTitle(tokens, c + 1, true);
  return named === null ? null : span(tokens, named, c - 1);
}

/**
 * Where a name stands before the title starting at token `a` (`Atul Garg, Chief Fire Officer`):
 * two or three capitalised words, none a pronoun, preposition or determiner (`In New Delhi, Police
 * Commissioner ...` is none), between the comma before `a` and the start of the tokens or another
 * comma; else null.
 */
function nameBeforeTitle(tokens: Token[], a: number, anyTitle = false): number | null {
  if (a < 3 || tokens[a - 1]!.text !== "," || (!anyTitle && !isCapitalised(tokens[a]))) return null;
  let n = a - 1;
  const plain = (t: Token) => {
    const w = lower(t);
    return !EN_PRONOUNS.has(w) && !EN_PREP.has(w) && !EN_STOP.has(w) && !EN_DETERMINERS.has(w);
  };
  while (n > 0 && a - 1 - n < 3 && isCapitalised(tokens[n - 1]) && plain(tokens[n - 1]!)) n--;
  const words = a - 1 - n;
  if (words < 2 || (n > 0 && tokens[n - 1]!.text !== ",")) return null;
  return n;
}

/**
 * Whether token k is an adverb in -ly between a subject and its verb (`He categorically said`,
 * `Rakesh Rao firmly said`, `The ministry also strongly urged`): lower-case, not a noun in -ly
 * (`the family said`), after a word that is not a determiner (`the elderly`).
 */
function lyAdverb(tokens: Token[], k: number): boolean {
  const t = tokens[k]!;
  if (k === 0 || !/^[a-z]{2,}ly$/u.test(t.text) || EN_LY_NOUNS.has(t.text)) return false;
  const prev = tokens[k - 1]!;
  return !prev.punct && !EN_DETERMINERS.has(lower(prev));
}

/** The noun phrase starting at token `idx` (`said Daniel Williams`, `according to sources in ...`). */
export function nounAfterEn(tokens: Token[], idx: number, max = 8): Range | null {
  let b = idx;
  let reach = max;
  while (b < tokens.length && b - idx < reach) {
    const t = tokens[b]!;
    // `Joint Commissioner of Police (Law and Order) Shivaji Bodkhe`: a bracket inside a title,
    // whose words do not count.
    const close = titleBracketAfter(tokens, b);
    if (close >= 0) {
      reach += close + 1 - b;
      b = close + 1;
      continue;
    }
    if (!isWord(t) || isDevanagari(t)) break;
    const w = lower(t);
    // `Committee on Foreign Affairs`, but not `Ansari on Monday`; the small word does not count
    // (`Shimla Hotel and Tourism Stakeholders Association president MK Seth`).
    if (
      NAME_LINKS.has(w) &&
      b > idx &&
      isCapitalised(tokens[b - 1]) &&
      isCapitalised(tokens[b + 1]) &&
      !EN_SKIP.has(lower(tokens[b + 1]!))
    ) {
      b++;
      reach++;
      continue;
    }
    if (EN_STOP.has(w) && !EN_DETERMINERS.has(w)) break;
    if (EN_SINGLE_VERBS.has(w)) break;
    // `Yonhap quoted the office as saying`: a relay's verb ends the subject.
    if (b > idx && QUOTING.has(w)) break;
    b++;
    if (EN_PRONOUNS.has(w) && b === idx + 1) break;
  }
  while (b > idx && EN_DETERMINERS.has(lower(tokens[b - 1]!))) b--;
  return b > idx ? span(tokens, idx, b - 1) : null;
}

/**
 * A bracket of at most five words between capitalised words (`Police (Law and Order) Shivaji`,
 * its words tokens of their own, the marks on the first and the last): given the token that
 * ends it at `close`, the index of the one that opens it, else -1.
 */
function titleBracketBefore(tokens: Token[], close: number): number {
  if (!tokens[close]!.text.endsWith(")") || !isCapitalised(tokens[close + 1])) return -1;
  for (let k = close; k > 0 && close - k <= 5; k--) {
    const t = tokens[k]!;
    if (t.punct) return -1;
    if (t.text.startsWith("(")) return isCapitalised(tokens[k - 1]) ? k : -1;
  }
  return -1;
}

/** The same bracket, given the token that opens it at `open`: the index of the one that ends it, else -1. */
function titleBracketAfter(tokens: Token[], open: number): number {
  if (open === 0 || !tokens[open]!.text.startsWith("(") || !isCapitalised(tokens[open - 1])) return -1;
  for (let k = open; k < tokens.length && k - open <= 5; k++) {
    const t = tokens[k]!;
    if (t.punct) return -1;
    if (t.text.endsWith(")")) return isCapitalised(tokens[k + 1]) ? k : -1;
  }
  return -1;
}

function isPassive(tokens: Token[], verb: number): boolean {
  return verb > 0 && EN_PASSIVE.has(lower(tokens[verb - 1]!));
}

/** `quoted Kim as saying` / `was quoted by KCNA as saying`, ending at token `k` (`saying`). */
function relayEn(tokens: Token[], k: number, punct: boolean): CueMatch | null {
  if (k < 1 || !QUOTED_AS.has(lower(tokens[k]!)) || lower(tokens[k - 1]!) !== "as") return null;
  for (let q = k - 2; q >= 0 && k - q <= 10; q--) {
    if (!QUOTING.has(lower(tokens[q]!))) continue;
    if (isPassive(tokens, q)) {
      // Kim was quoted by KCNA as saying
      const speaker = nounBeforeEn(tokens, q - 1);
      const via = q + 1 < k - 1 && lower(tokens[q + 1]!) === "by" ? span(tokens, q + 2, k - 2) : null;
      return { cue: span(tokens, q - 1, k), speaker, via, withThat: false, punct };
    }
    const via = nounBeforeEn(tokens, q);
    const speaker = q + 1 <= k - 2 ? span(tokens, q + 1, k - 2) : null;
    return { cue: span(tokens, q, k), speaker, via, withThat: false, punct };
  }
  return null;
}

/** An English cue ending the tokens (before a quote): `He said:`, `X told IANS,`, `KCNA quoted Kim as saying,`. */
export function englishCueBefore(tokens: Token[]): CueMatch | null {
  let { k, punct } = lastWord(tokens);
  if (k < 0) return null;
  // `According to the fire brigade, "..."` (`As per ...`): the source speaks the quote.
  if (
    punct &&
    k >= 2 &&
    ((lower(tokens[0]!) === "according" && lower(tokens[1]!) === "to") ||
      (lower(tokens[0]!) === "as" && lower(tokens[1]!) === "per"))
  ) {
    const source = nounAfterEn(tokens, 2);
    if (source && source.end === tokens[k]!.end)
      return { cue: span(tokens, 0, 1), speaker: source, via: null, withThat: false, punct, source: true };
  }
  const relay = relayEn(tokens, k, punct);
  if (relay) return relay;
  let withThat = false;
  if (lower(tokens[k]!) === "that") {
    withThat = true;
    k--;
  }
  // `..., adding: "..."`, `he said, adding "..."`: the sentence's subject speaks.
  const p = k >= 0 ? phraseEndingAt(tokens, k, EN_SPEECH_PARTICIPLES) : -1;
  if (p >= 0) {
    // The one who spoke before it in the sentence (`he said, "..." adding "..."`), else its subject.
    let speaker: Range | null = null;
    for (let v = p - 1; v >= 0 && !speaker; v--) {
      const b = phraseEndingAt(tokens, v, EN_ALL_VERBS);
      if (b < 0 || isPassive(tokens, b)) continue;
      // `"...," said An, adding "..."`: the verb after a quotation, its subject after it.
      const inverted = b > 0 && tokens[b - 1]!.punct && v + 1 < p ? nounAfterEn(tokens, v + 1, p - v - 1) : null;
      speaker = inverted ?? nounBeforeEn(tokens, b);
    }
    speaker ??= sentenceSubject(tokens, p);
    return speaker ? { cue: span(tokens, p, k), speaker, via: null, withThat, punct } : null;
  }
  // Up to a short object or phrase between the verb and the quote: `told IANS`, `said in a statement`.
  for (let v = k; v >= 0 && k - v <= 4; v--) {
    const t = tokens[v]!;
    if (t.punct) return null;
    const s = phraseEndingAt(tokens, v, EN_ALL_VERBS);
    if (s < 0) continue;
    if (isPassive(tokens, s)) return null;
    const between = v + 1;
    if (
      between <= k &&
      phraseStartingAt(tokens, between, EN_OBJECTS) !== k + 1 &&
      !EN_PREP.has(lower(tokens[between]!))
    )
      return null;
    // `The actor took to Instagram and wrote, "..."`: a verb after `and` shares the sentence's subject.
    const speaker = afterAnd(tokens, s)
      ? sentenceSubject(tokens, s - 1)
      : (nounBeforeEn(tokens, s) ?? nounAfterEn(tokens, v + 1));
    if (!speaker) return null;
    return { cue: span(tokens, s, v), speaker, via: null, withThat, punct };
  }
  return null;
}

/**
 * A cue right after a quote: `," he told IANS`, `," said Daniel Williams`, `", उन्होंने कहा`, in
 * the tokens after its closing mark; `last` is the quote's last character inside the marks (a
 * comma, a full stop; any other: the quote runs on into its sentence).
 */
export function cueAfter(tokens: Token[], last = ","): CueMatch | null {
  const runOn = !/[,.?!।:;—–-]/u.test(last);
  let i = 0;
  while (i < tokens.length && tokens[i]!.punct && ",-–—".includes(tokens[i]!.text)) i++;
  if (i >= tokens.length) return null;
  const first = tokens[i]!;
  if (isDevanagari(first)) {
    for (let k = i; k < tokens.length && k - i < 8; k++) {
      const t = tokens[k]!;
      if (t.punct) return null;
      if (t.text === AGENT || HI_ERGATIVE.has(t.text)) {
        const v = t.text === AGENT ? k + 1 : k + 1;
        for (let e = v; e < tokens.length && e - v < 5; e++) {
          if (tokens[e]!.punct) break;
          const s = phraseEndingAt(tokens, e, HI_VERBS);
          if (s >= v) {
            const speaker = t.text === AGENT ? nounBeforeHi(tokens, k) : span(tokens, k, k);
            if (speaker && speaker.start >= tokens[i]!.start)
              return { cue: span(tokens, s, e), speaker, via: null, withThat: false, punct: false };
          }
        }
        return null;
      }
    }
    return null;
  }
  // Inverted: `said Daniel Williams`, `added the official`.
  const inv = phraseStartingAt(tokens, i, EN_ALL_VERBS);
  if (inv > 0) {
    const speaker = invertedSubject(tokens, inv);
    return speaker ? { cue: span(tokens, i, inv - 1), speaker, via: null, withThat: false, punct: false } : null;
  }
  // Subject then verb: `he told IANS`, `the minister added`, `Jahan, the latest ..., told IANS`,
  // `an official who attended the meeting told IANS`, `KCNA quoted Kim as saying`.
  const subject = nounAfterEn(tokens, i);
  if (!subject) return null;
  if (last === ",") {
    const named = namedAlone(tokens, i, subject);
    if (named) return named;
  }
  // The verb within 24 words of the subject's end, however long the subject and the clause set
  // off after it (`21-year-old Naveen Pradhan, who arrived at the festival with his family hours
  // after the disaster, told AFP`).
  const from = indexAfter(tokens, subject.end, i);
  for (let v = from; v < tokens.length && v - from <= 24; v++) {
    const t = tokens[v]!;
    if (t.punct && ".!?;।".includes(t.text)) return null;
    if (t.punct) continue;
    if (QUOTING.has(lower(t))) {
      for (let s = v + 1; s + 1 < tokens.length && s - v <= 8; s++) {
        if (lower(tokens[s]!) === "as" && QUOTED_AS.has(lower(tokens[s + 1]!))) {
          if (isPassive(tokens, v)) {
            // `was quoted by KCNA as saying`, `was quoted as saying by Tasnim news agency`.
            const by = lower(tokens[v + 1]!) === "by" && v + 2 <= s - 1 ? span(tokens, v + 2, s - 1) : null;
            const via = by ?? (tokens[s + 2] && lower(tokens[s + 2]!) === "by" ? nounAfterEn(tokens, s + 3) : null);
            return { cue: span(tokens, v - 1, s + 1), speaker: subject, via, withThat: false, punct: false };
          }
          return {
            cue: span(tokens, v, s + 1),
            speaker: v + 1 <= s - 1 ? span(tokens, v + 1, s - 1) : null,
            via: subject,
            withThat: false,
            punct: false,
          };
        }
      }
      return null;
    }
    const e = phraseStartingAt(tokens, v, EN_ALL_VERBS);
    if (e < 0) continue;
    if (isPassive(tokens, v)) return null;
    const speaker =
      (runOn ? clauseSubject(tokens, from, v) : null) ??
      setOffName(tokens, subject, v) ??
      withOfPhrase(tokens, subject, v) ??
      subject;
    const quoted = quotingAt(tokens, e);
    if (quoted) return { cue: span(tokens, v, e + 1), speaker: quoted, via: speaker, withThat: false, punct: false };
    return { cue: span(tokens, v, e - 1), speaker, via: null, withThat: false, punct: false };
  }
  return null;
}

/**
 * A speaker named with no verb after a quote closing in a comma, the name ending the sentence
 * (`“...,” NMMC spokesperson Mahendra Konde.`, `"...," BN Mishra.`): a noun phrase of at most
 * six words from token `i` ending in a capitalised word (a name), then the sentence's end; else null.
 */
function namedAlone(tokens: Token[], i: number, subject: Range): CueMatch | null {
  const end = indexAfter(tokens, subject.end, i);
  const stop = tokens[end];
  if (end - i > 6 || !isCapitalised(tokens[end - 1]) || !stop || stop.text !== "." || end + 1 !== tokens.length)
    return null;
  for (let k = i; k < end; k++) if (tokens[k]!.punct || phraseStartingAt(tokens, k, EN_ALL_VERBS) > k) return null;
  return { cue: null, speaker: subject, via: null, withThat: false, punct: false };
}

/**
 * The subject of the verb at token `verb` that a comma after token `from` opens (`“...” regardless
 * of the decision, he said`, `“...” the framework for easing, one member opined`): the words after
 * the last comma, when they are a noun phrase ending right before the verb; else null.
 */
function clauseSubject(tokens: Token[], from: number, verb: number): Range | null {
  for (let c = verb - 2; c >= from; c--) {
    const t = tokens[c]!;
    if (!t.punct) continue;
    if (t.text !== ",") return null;
    // (The noun phrase may run on over a verb it does not know as one: `one member opined`.)
    const np = c + 1 < verb && verb - c <= 8 ? nounAfterEn(tokens, c + 1) : null;
    return np && indexAfter(tokens, np.end, c + 1) >= verb ? span(tokens, c + 1, verb - 1) : null;
  }
  return null;
}

/**
 * A relay after a speech verb ending at token `e`: `, quoting` and a name (`KCNA said, quoting
 * Vice-Admiral Pak Kwang Sop`): the one quoted, who speaks (via the verb's subject); else null.
 * What a speaker quotes without naming anyone (`Lal said, quoting eyewitness accounts`) leaves
 * the speaker as is.
 */
export function quotingAt(tokens: Token[], e: number): Range | null {
  if (tokens[e]?.text !== "," || !tokens[e + 1] || lower(tokens[e + 1]!) !== "quoting") return null;
  const np = nounAfterEn(tokens, e + 2);
  return np && /^\p{Lu}/u.test(tokens[e + 2]!.text) ? np : null;
}

/**
 * A person's name before the verb of a subject that is a title or names nobody: set off by
 * commas (`spokesman for the provincial government, Mukhlis Afghan, told Xinhua`, `Lucknow
 * Inspector General (I.G.) of Police, S Pandey told`), or right after the title's last word
 * (`station officer of Ghazipur police station A.K. Dwivedi told`). The name holds no title word
 * (`Arvind Kejriwal, Chief Minister, said` names no one after the comma).
 */
function setOffName(tokens: Token[], subject: Range, verb: number): Range | null {
  if (verb < 3) return null;
  const last = tokens[verb - 1]!.text === "," ? verb - 2 : verb - 1;
  let a = last;
  while (a >= 0 && last - a < 4 && isPersonWord(tokens[a]!)) a--;
  if (a === last || a < 1) return null;
  const before = tokens[a]!;
  const namesNobody = !tokens.some((t) => t.start >= subject.start && t.end <= subject.end && isCapitalised(t));
  if (before.text === ",") {
    // The words before the comma: a subject naming nobody, or a title ending in its rank or body.
    const prev = tokens[a - 1]!;
    const titled = !prev.punct && (EN_TITLE_WORDS.has(lower(prev)) || EN_GROUP_WORDS.has(lower(prev)));
    if (!namesNobody && !titled) return null;
    return span(tokens, a + 1, last);
  }
  // No comma: a title's last word in lower case right before the name.
  const w = lower(before);
  if (last !== verb - 1 || !namesNobody || before.punct || isCapitalised(before)) return null;
  if (EN_PREP.has(w) || EN_DETERMINERS.has(w) || EN_STOP.has(w) || last - a < 2) return null;
  return span(tokens, a + 1, last);
}

/**
 * The subject of a cue after a quote with the `of` or `for` phrase that follows its common noun,
 * up to the verb at token `verb` (`a senior officer of Joynagar police station said`); null when
 * something else stands between.
 */
function withOfPhrase(tokens: Token[], subject: Range, verb: number): Range | null {
  let k = 0;
  while (k < verb && tokens[k]!.end <= subject.end) k++;
  const w = tokens[k];
  if (
    !w ||
    !(EN_OWNER_LINKS.has(lower(w)) || qualifierAt(tokens, k - 1) || namedPlaceAt(tokens, k)) ||
    verb - k > 7 ||
    isCapitalised(tokens[k - 1])
  )
    return null;
  for (let j = k + 1; j < verb; j++) if (tokens[j]!.punct || EN_RELATIVE.has(lower(tokens[j]!))) return null;
  return verb - 1 > k ? { start: subject.start, end: tokens[verb - 1]!.end } : null;
}

/**
 * Whether token `k` is `at`, `in` or `from` before a name (its first word after an article
 * capitalised): `the official at the Meteorological Office in Shimla`, `a devotee at Jama Masjid`.
 */
function namedPlaceAt(tokens: Token[], k: number): boolean {
  if (!EN_PLACE_LINKS.has(lower(tokens[k]!))) return false;
  let j = k + 1;
  if (tokens[j] && EN_DETERMINERS.has(lower(tokens[j]!))) j++;
  return isCapitalised(tokens[j]) && !EN_PRONOUNS.has(lower(tokens[j]!));
}

/** The index of the first token from `from` on that ends after `end` (the tokens' length when none does). */
function indexAfter(tokens: Token[], end: number, from = 0): number {
  let k = from;
  while (k < tokens.length && tokens[k]!.end <= end) k++;
  return k;
}

/** Whether token `t` (none: the tokens ended) closes a clause: `.`, `!`, `?` or `;`. */
function closesClause(t: Token | undefined): boolean {
  return !t || (t.punct && ".!?;".includes(t.text));
}

/** A capitalised name from token `k` that ends its clause (`..., reports Efe news.`, `reports Yonhap News Agency.`). */
function endingName(tokens: Token[], k: number): boolean {
  if (!isCapitalised(tokens[k])) return false;
  let e = k;
  while (e < tokens.length && e - k < 5 && !tokens[e]!.punct) e++;
  const end = tokens[e];
  return e > k && closesClause(end);
}

/** Whether tokens k and k + 1 are an adjective and its preposition in a source's description (`close to`). */
function qualifierAt(tokens: Token[], k: number): boolean {
  const a = tokens[k];
  const b = tokens[k + 1];
  return !!a && !!b && !a.punct && !b.punct && EN_SOURCE_QUALIFIERS.has(`${lower(a)} ${lower(b)}`);
}

/** A capitalised word that may be part of a person's name: no pronoun, title or body word. */
function isPersonWord(t: Token): boolean {
  if (!isCapitalised(t)) return false;
  const w = lower(t).replace(/\.$/u, "");
  return !EN_PRONOUNS.has(w) && !EN_TITLE_WORDS.has(w) && !EN_GROUP_WORDS.has(w);
}

/** How many words an appositive set off between a subject and its verb may hold. */
const APPOSITIVE_REACH = 18;
/** How many words a relative clause set off there may hold (`Pankaj, who earned ..., added`). */
const RELATIVE_REACH = 32;

/**
 * Whether the comma at `comma` closes an appositive: an earlier comma within reach opens it,
 * and what stands between starts with `who`/`which`/`whose` or is a short phrase (`64`,
 * `mother of Montgomery`): `sure`; or it starts with an article (`a spokesman for the NATO troops
 * in Afghanistan`) or a relay phrase (`reported by Xinhua`): `long`, which a name after the verb
 * outweighs (`... in Xigaze, the second-biggest city in Tibet, said Xu Bo`).
 */
function appositiveBefore(tokens: Token[], comma: number): "sure" | "long" | null {
  for (let c = comma - 1; c >= 0 && comma - c <= RELATIVE_REACH; c--) {
    const t = tokens[c]!;
    if (t.punct && ".!?;:।".includes(t.text)) return null;
    if (t.text !== ",") continue;
    const first = tokens[c + 1];
    if (!first) return null;
    if (comma - c > APPOSITIVE_REACH) return EN_RELATIVE.has(lower(first)) ? "sure" : null;
    // `..., officials said Saturday, reported Xinhua.`: a clause of its own, not an appositive.
    for (let k = c + 1; k < comma; k++) if (phraseStartingAt(tokens, k, EN_VERBS) > k) return null;
    if (EN_RELATIVE.has(lower(first)) || comma - c - 1 <= 4) return "sure";
    if (EN_APPOSITIVE_STARTS.has(lower(first)) || phraseStartingAt(tokens, c + 1, RELAY_BY) > 0) return "long";
    // `Rajendra Dhakal, superintendent of police in Rupandhei district, said`: a title in lower
    // case set off after a name (not after a place: `In Kathmandu, officials ...`).
    let n = c;
    while (n > 0 && isCapitalised(tokens[n - 1])) n--;
    const prep = n > 0 && EN_PREP.has(lower(tokens[n - 1]!));
    if (isLatinLower(first.text.charCodeAt(0)) && n < c && !prep) return "long";
    return null;
  }
  return null;
}

/** `said Daniel Williams.` / `noted Arthur Miller, BankAmerica's ...` / `said Im Mi-jeong as he stood`: a name that ends its clause. */
/** How far after a report verb its `that` (or the clause's end) is looked for. */
const THAT_REACH = 6;

/**
 * After a report verb's preposition, the phrase runs to the clause's end or to `that`
 * (`announced on Monday that ...`, `..., Dawn News reported from Islamabad.`), not on into
 * more words (`complained of chest pain and was taken to hospital`).
 * >     complained of chest pain and ...
 * >                ^ from here: `and` comes first, no speech
 */
function closesOrThat(tokens: Token[], from: number): boolean {
  for (let k = from; k < tokens.length && k - from < THAT_REACH; k++) {
    const t = tokens[k]!;
    if (t.punct || lower(t) === "that") return true;
    if (EN_STOP.has(lower(t)) && !EN_PREP.has(lower(t))) return false;
  }
  return from + THAT_REACH > tokens.length;
}

/**
 * A that-less clause after a report verb at token `i` whose phrase ends before `e`: a short noun
 * phrase opened by a determiner or a quantifier, then a finite auxiliary. Not after a relative
 * (`the fire that claimed the lives of 27 people was ...`).
 * >     the spokesperson denied any such directive was issued ...
 * >                             ^ the clause
 */
function clauseAfter(tokens: Token[], i: number, e: number): boolean {
  const first = tokens[e];
  if (!first || first.punct) return false;
  const w = lower(first);
  if (!EN_DETERMINERS.has(w) && !EN_QUANTIFIERS.has(w)) return false;
  if (i > 0 && (lower(tokens[i - 1]!) === "that" || EN_RELATIVE.has(lower(tokens[i - 1]!)))) return false;
  for (let k = e + 1; k < tokens.length && k - e <= 6; k++) {
    const t = tokens[k]!;
    const u = lower(t);
    if (t.punct || u === "that" || EN_RELATIVE.has(u)) return false;
    // (In lower case: `the May 5 deadline` holds a month, not `may`.)
    if (EN_CLAUSE_AUXILIARIES.has(u) && t.text === u) return k > e + 1;
  }
  return false;
}

/**
 * A report verb, its addressee, then `that`: `assured Kenyans that`, `informed the House that`,
 * `complained to his court that`. The addressee is a name, an object pronoun or a short noun
 * phrase opened by `to` or a determiner.
 * >     assured Kenyans that ...
 * >             ^ the addressee
 */
function addresseeThat(tokens: Token[], e: number): boolean {
  const first = tokens[e];
  if (!first || first.punct) return false;
  const w = lower(first);
  if (!(w === "to" || EN_DETERMINERS.has(w) || isCapitalised(first) || phraseStartingAt(tokens, e, EN_OBJECTS) > e))
    return false;
  for (let k = e + 1; k < tokens.length && k - e < THAT_REACH; k++) {
    const t = tokens[k]!;
    if (lower(t) === "that") return true;
    const u = lower(t);
    if (t.punct || (EN_STOP.has(u) && !EN_DETERMINERS.has(u) && !EN_PREP.has(u))) return false;
  }
  return false;
}

/**
 * Who a participle or a verb after `and` reports: the one who spoke just before in the sentence
 * (`he said, adding that ...`), else the sentence's subject up to token `before`.
 */
function sharedSubject(tokens: Token[], out: ReportedMatch[], before: number): Range | null {
  return out.length ? out[out.length - 1]!.source : sentenceSubject(tokens, before);
}

/**
 * Token `k` (a verb) follows `and`, `but` or `yet` directly: it shares the sentence's subject
 * (`... on Saturday, and wrote`, `... urged caution but said`).
 */
function afterAnd(tokens: Token[], k: number): boolean {
  return k > 1 && VERB_LINKS.has(lower(tokens[k - 1]!));
}

/**
 * The subject a sentence opens with, ending before token `before`: a participle's speaker.
 * A lower-case word in -ed, a speech verb or a listed irregular one (`took`) after its first word
 * is its verb and ends it; a time (`One day in May ...`) is no subject, nor a participle opening
 * the sentence (`Asked to comment, ...`).
 * >     Congress leader Irfan Ansari on Monday defended himself ..., saying ...
 * >     ^ the subject, up to `on`
 * >     Sibal trained his guns at the government, saying ...
 * >     ^ the subject, up to `trained`
 */
function sentenceSubject(tokens: Token[], before: number): Range | null {
  const from = frontedEnd(tokens, before);
  let np = nounAfterEn(tokens, from);
  if (!np) return null;
  // `The director of the kindergarten protested ..., saying`: the `of` phrase after a common noun.
  const n = indexAfter(tokens, np.end);
  const head = tokens[n - 1];
  if (n < before && head && !isCapitalised(head) && EN_OWNER_LINKS.has(lower(tokens[n]!))) {
    const of = nounAfterEn(tokens, n + 1);
    if (of && of.end <= tokens[before - 1]!.end) np = { start: np.start, end: of.end };
  }
  // `Asked to comment, he said ...`: a participle opens the sentence, not its subject.
  const first = tokens[from]!.text;
  const second = tokens[from + 1];
  if (/(?:ed|ing)$/u.test(first) && second && !second.punct && !isCapitalised(second)) return null;
  let end = -1;
  for (let k = from; k < before && tokens[k]!.end <= np.end; k++) {
    const t = tokens[k]!;
    if (k > from && !isCapitalised(t) && t.text.length > 3 && t.text.endsWith("ed")) break;
    if (k > from && (phraseStartingAt(tokens, k, EN_ALL_VERBS) > k || EN_IRREGULAR_PAST.has(lower(t)))) break;
    if (EN_TIME_NOUNS.has(lower(t))) return null;
    end = k;
  }
  return end >= 0 ? span(tokens, from, end) : null;
}

/**
 * Where the subject may start after a phrase that opens the sentence (`frontedOpeners` in
 * data/speech.json) and ends in a comma within ten words; else 0.
 * >     In the lead-up to the match, Lukaku had spoken of the pressure and said ...
 * >                                  ^ from here
 */
function frontedEnd(tokens: Token[], before: number): number {
  if (!tokens[0] || !EN_FRONTED.has(lower(tokens[0]))) return 0;
  for (let k = 1; k < before && k <= 10; k++) {
    const t = tokens[k]!;
    if (t.text === ",") return k + 1 < before ? k + 1 : 0;
    if (t.punct) return 0;
  }
  return 0;
}

/**
 * An according-to source that names whose statement it is runs on through `by` or `from` and
 * the one named (`a statement issued by the Home Ministry`, `a report from the UN`), and where
 * that one is (`officials in Arizona, California and Mexico`); a common noun's place too (`a Met
 * official in Srinagar`); an office's name in lower case through `of` (`the department of
 * culture and tourism`: `bodyHeads` in data/speech.json).
 * >     according to a statement issued by the Home Ministry, ...
 * >                  ^ the source, on to `Ministry`
 */
function withAgent(tokens: Token[], np: Range | null): Range | null {
  if (!np) return null;
  const k = indexAfter(tokens, np.end);
  const next = tokens[k];
  // `according to a Met official in Srinagar`: where a common noun is belongs to it.
  if (placeAt(tokens, k)) {
    const at = nounAfterEn(tokens, k + 1);
    return at ? { start: np.start, end: at.end } : np;
  }
  if (next && lower(next) === "of" && k > 0 && EN_BODY_HEADS.has(lower(tokens[k - 1]!))) {
    // `the regional department of culture and tourism`: an office's name in lower case.
    const what = nounAfterEn(tokens, k + 1);
    if (what) return { start: np.start, end: coordinatedEnd(tokens, what, true) };
  }
  if (!next || (lower(next) !== "by" && lower(next) !== "from"))
    return { start: np.start, end: coordinatedEnd(tokens, np, false) };
  const who = nounAfterEn(tokens, k + 1);
  if (!who) return np;
  // `a tally provided by officials in Arizona, California and Mexico`: where the agent is, too.
  const w = indexAfter(tokens, who.end);
  const at = placeAt(tokens, w) ? nounAfterEn(tokens, w + 1) : null;
  return { start: np.start, end: at ? coordinatedEnd(tokens, at, false) : coordinatedEnd(tokens, who, true) };
}

/** Whether token `k` opens a named place after a common noun (`in Srinagar` after `official`). */
function placeAt(tokens: Token[], k: number): boolean {
  return tokens[k] !== undefined && k > 0 && !isCapitalised(tokens[k - 1]) && namedPlaceAt(tokens, k);
}

/**
 * Where a name or noun phrase ends when more is joined to it by `and` up to its clause's end: a
 * name's list of capitalised words (`a report released by the Ministry of Education, Science and
 * Technology, ...`) and, after `by` or `from` (`agent`), any noun phrase (`a statement from the
 * provincial production safety supervision and administration bureau.`).
 */
function coordinatedEnd(tokens: Token[], np: Range, agent: boolean): number {
  const j = indexAfter(tokens, np.end);
  const ends = (t: Token | undefined) => closesClause(t) || t!.text === ",";
  if (agent && tokens[j] && lower(tokens[j]!) === "and") {
    const more = nounAfterEn(tokens, j + 1);
    if (!more) return np.end;
    return ends(tokens[indexAfter(tokens, more.end, j + 1)]) ? more.end : np.end;
  }
  // A name's list of capitalised words: `, Science and Technology`.
  if (tokens[j]?.text === "," && isCapitalised(tokens[j - 1]) && isCapitalised(tokens[j + 1])) {
    let e = j;
    let joined = false;
    while (e + 1 < tokens.length && e - j < 8) {
      const t = tokens[e + 1]!;
      if (lower(t) === "and" || t.text === "&") joined = true;
      else if (t.text === "," ? joined : !isCapitalised(t)) break;
      e++;
    }
    if (joined && isCapitalised(tokens[e]) && ends(tokens[e + 1])) return tokens[e]!.end;
  }
  return np.end;
}

function invertedSubject(tokens: Token[], idx: number): Range | null {
  // `..., a deputy chief of the delegation, said Thursday.`: a day after the verb is its time.
  if (tokens[idx] && EN_VERB_DAYS.has(lower(tokens[idx]!))) return null;
  // `..., told PTI.`: who is told is the verb's object, never its subject.
  const verb = idx > 0 ? lower(tokens[idx - 1]!) : "";
  if ((verb === "told" || verb === "tells") && phraseStartingAt(tokens, idx, EN_OBJECTS) >= 0) return null;
  // `said a statement issued by the ministry`: the participle opens a reduced relative, not the noun's.
  const np = withoutReducedRelative(tokens, nounAfterEn(tokens, idx));
  if (!np) return null;
  const k = indexAfter(tokens, np.end, idx);
  const next = tokens[k];
  // `said one evacuee, Sam Ortiz.`: a name set off after the noun is part of the subject.
  if (next && next.text === ",") {
    let e = k + 1;
    while (e < tokens.length && e - k <= 3 && isCapitalised(tokens[e])) e++;
    const end = tokens[e];
    if (e > k + 1 && closesClause(end)) return { start: np.start, end: tokens[e - 1]!.end };
  }
  // `said the manager of the restaurant from where ...`: the `of` phrase belongs to the subject;
  // so does a phrase naming where a common noun is (`said a local devotee at Jama Masjid.`).
  const head = tokens[k - 1];
  if (next && head && !isCapitalised(head) && namedPlaceAt(tokens, k)) {
    const at = nounAfterEn(tokens, k + 1);
    const after = at ? tokens.find((t) => t.start >= at.end) : undefined;
    if (at && closesClause(after)) return { start: np.start, end: at.end };
  }
  if (next && lower(next) === "of" && !isCapitalised(tokens.find((t) => t.start === np.start))) {
    const of = nounAfterEn(tokens, k + 1);
    if (of) return { start: np.start, end: of.end };
  }
  // `said an official here.`: a word that stands between a subject and its verb may follow it.
  if (next && EN_SKIP.has(lower(next)) && closesClause(tokens[k + 1])) return np;
  // `said an official privy to the negotiations.`: so does an adjective's phrase.
  const q = qualifierAt(tokens, k) ? k + 2 : qualifierAt(tokens, k - 1) ? k + 1 : -1;
  if (q > 0) {
    const obj = nounAfterEn(tokens, q);
    if (obj) return { start: np.start, end: obj.end };
  }
  if (
    !next ||
    next.punct ||
    EN_RELATIVE.has(lower(next)) ||
    EN_PREP.has(lower(next)) ||
    EN_CLAUSE_STARTS.has(lower(next)) ||
    reducedRelativeAt(tokens, k)
  )
    return np;
  return null;
}

/** A noun phrase without a participle that ends it and opens a reduced relative (`a statement issued` before `by`). */
function withoutReducedRelative(tokens: Token[], np: Range | null): Range | null {
  if (!np) return null;
  const k = indexAfter(tokens, np.end);
  const last = tokens[k - 1];
  if (k < 2 || !last || last.start <= np.start || !reducedRelativeAt(tokens, k - 1)) return np;
  return { start: np.start, end: tokens[k - 2]!.end };
}

/**
 * A past participle and its preposition after a noun: a reduced relative that belongs to it
 * (`said a statement posted on its website`, `said a statement issued by the ministry`).
 * >     ..., said a statement posted on its official website.
 * >                           ^ k
 */
function reducedRelativeAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  const after = tokens[k + 1];
  if (!t || !after || t.text.length < 5 || !/^[a-z]+ed$/u.test(t.text)) return false;
  const w = lower(after);
  return w === "by" || EN_PREP.has(w);
}

/* ------------------------------------------------------ reported speech */

export interface ReportedMatch {
  kind: "according-to" | "said-that";
  source: Range;
  cue: Range;
}

/**
 * Who reports speech a Hindi verb tells: its subject. `योनहाप ने सेना के हवाले से कहा कि ...` is
 * Yonhap's report, citing the army (the subject of कहा is योनहाप), where a quote after the same
 * verb is the army's words, relayed (`speaker` the army, `via` Yonhap).
 */
function reportSource(m: CueMatch): Range {
  return m.via ?? m.speaker!;
}

/** The words reported speech starts at: a sentence with none of them has none (a cheap skip). */
const REPORT_STARTS = new Set([
  THAT,
  "according",
  "per",
  ...QUOTING,
  ...HI_ACCORDING.firstWords(),
  ...HI_END_VERBS.firstWords(),
  ...HI_OBJECT_OPENERS.firstWords(),
  ...EN_VERBS.firstWords(),
  ...EN_REPORT_VERBS.firstWords(),
  ...EN_DATA_VERBS,
  ...EN_SPEECH_PARTICIPLES.firstWords(),
]);

/** The first letters of the start words, lower-cased too (an ASCII capital is compared lower-cased). */
const REPORT_FIRST = new Set(
  [...REPORT_STARTS].flatMap((w) => [w.charCodeAt(0), w.toLowerCase().charCodeAt(0), w.charCodeAt(0) | 0x20]),
);
/** False when no start word can begin with this letter (an ASCII or Devanagari one; others are not ruled out). */
function mayStartReport(c: number): boolean {
  if (c >= 0x41 && c <= 0x5a) return REPORT_FIRST.has(c + 0x20);
  if (c < 0x80 || (c >= 0x900 && c <= 0x97f)) return REPORT_FIRST.has(c);
  return true;
}

/** The start words, also lower-cased (what a token of a lower-cased sentence is compared with). */
const REPORT_KEYS = new Set([...REPORT_STARTS, ...[...REPORT_STARTS].map((w) => w.toLowerCase())]);
const REPORT_LONGEST = Math.max(...[...REPORT_KEYS].map((w) => w.length));
/** A start word that is not a plain word (`Dr.`) turns the test off: every sentence is read. */
const REPORT_PLAIN = [...REPORT_KEYS].every(isPlainWord);

/**
 * Whether a sentence (its text) may hold reported speech: some word of it starts a reading of
 * `reportedSpeech`. False means `reportedSpeech` finds nothing there, so its tokens need not be built.
 */
export function mayReport(sentence: string): boolean {
  return !REPORT_PLAIN || mayHoldWord(sentence.toLowerCase(), REPORT_KEYS, REPORT_LONGEST);
}

/** `आडवाणी ने कहा विदेशी मेहमान ...`: speech right after `कहा`/`बताया`, with no कि (not `कहा जाता है`). */
function speechFollows(tokens: Token[], k: number): boolean {
  const prev = tokens[k - 1]!.text;
  const t = tokens[k];
  if (!HI_UNMARKED_VERBS.has(prev) || !t || t.punct || !isDevanagari(t)) return false;
  return t.text !== THAT && !HI_AUX.has(t.text) && !HI_NOT_SPEECH_AFTER.test(t.text);
}

/**
 * The report of a sentence whose opener (what was told) ends at token `opener`: the first verb of
 * `HI_OBJECT_VERBS` that ends the clause, with `X ने` a few words before it; null when there is none.
 * >     यह जानकारी राज्य मीडिया एजेंसी ने दी।
 * >                ^ the source        ^ the cue
 */
function objectFirstReport(tokens: Token[], opener: number): { match: ReportedMatch; next: number } | null {
  for (let k = opener + 1; k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.punct && (t.text === "।" || t.text === "॥")) return null;
    const end = phraseStartingAt(tokens, k, HI_OBJECT_VERBS);
    if (end < 0 || !clauseEndsAt(tokens, end)) continue;
    const who = subjectHi(tokens, k, 8);
    // The source starts after the opener (`यह जानकारी | राज्य मीडिया एजेंसी ने दी`).
    const source = who && { start: Math.max(who.start, tokens[opener]!.start), end: who.end };
    if (!source || source.start >= source.end) return null;
    return { match: { kind: "said-that", source, cue: span(tokens, k, end - 1) }, next: end };
  }
  return null;
}

/** Whether token k ends a clause: the sentence's end, a danda, or an auxiliary before one. */
function clauseEndsAt(tokens: Token[], k: number): boolean {
  const t = tokens[k];
  if (!t || (t.punct && "।॥.;".includes(t.text))) return true;
  if (HI_AUX.has(t.text)) {
    const n = tokens[k + 1];
    return !n || (n.punct && "।॥.;".includes(n.text));
  }
  return false;
}

/** Reported speech in one sentence's tokens: `X ने कहा कि`, `X के अनुसार`, `X said (that)`, `according to X`. */
export function reportedSpeech(tokens: Token[]): ReportedMatch[] {
  const out: ReportedMatch[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // Every reading below starts at one of these words; most tokens are ruled out by their
    // first letter before being lower-cased.
    if (t.punct || !mayStartReport(t.text.charCodeAt(0)) || !REPORT_STARTS.has(lower(t))) continue;
    if (isDevanagari(t)) {
      // `विपिन इटनकर ने सोमवार को यह जानकारी दी।`: a speech verb ending its clause, with no कि.
      const endVerb = phraseStartingAt(tokens, i, HI_END_VERBS);
      if (
        endVerb > 0 &&
        !isDirective(tokens, i) &&
        (clauseEndsAt(tokens, endVerb) || (endVerb === i + 1 && speechFollows(tokens, endVerb)))
      ) {
        const m = hindiVerbAt(tokens, endVerb - 1, endVerb - 1, false, false);
        if (m?.speaker && m.cue) {
          out.push({ kind: "said-that", source: reportSource(m), cue: m.cue });
          i = endVerb - 1;
          continue;
        }
      }
      // `यह जानकारी राज्य मीडिया एजेंसी ने दी।`, `यह बात मुख्यमंत्री ने ... में कही।`: what was told
      // opens the sentence, `X ने` (a few words before) and a bare verb end it.
      const opener = i === 0 ? phraseStartingAt(tokens, 0, HI_OBJECT_OPENERS) : -1;
      const objectFirst = opener > 0 ? objectFirstReport(tokens, opener) : null;
      if (objectFirst) {
        out.push(objectFirst.match);
        i = objectFirst.next - 1;
        continue;
      }
      if (t.text === THAT) {
        const m = hindiVerbAt(tokens, i - 1, i, true, false);
        if (m?.speaker && m.cue) out.push({ kind: "said-that", source: reportSource(m), cue: m.cue });
        continue;
      }
      const end = phraseStartingAt(tokens, i, HI_ACCORDING);
      if (end > 0) {
        const source = byBefore(tokens, i) ?? nounBeforeHi(tokens, i, 5);
        const head = source ? tokens.find((x) => x.end === source.end)?.text : undefined;
        if (source && head && !HI_NOT_SOURCES.has(head))
          out.push({ kind: "according-to", source, cue: span(tokens, i, end - 1) });
        i = end - 1;
      }
      continue;
    }
    const w = lower(t);
    // `Yonhap quoted an official as saying ...`: the one quoted is the source.
    if (QUOTING.has(w) && !isPassive(tokens, i)) {
      let s = i + 2;
      while (
        s + 1 < tokens.length &&
        s - i <= 9 &&
        !(lower(tokens[s]!) === "as" && QUOTED_AS.has(lower(tokens[s + 1]!)))
      )
        s++;
      if (s + 1 < tokens.length && s - i <= 9 && s > i + 1) {
        out.push({ kind: "said-that", source: span(tokens, i + 1, s - 1), cue: span(tokens, i, s + 1) });
        i = s + 1;
        continue;
      }
    }
    if (w === "according" && i + 1 < tokens.length && lower(tokens[i + 1]!) === "to") {
      const source = withAgent(tokens, nounAfterEn(tokens, i + 2));
      if (source) out.push({ kind: "according-to", source, cue: span(tokens, i, i + 1) });
      i++;
      continue;
    }
    // `As per the prosecution, ...`, `as per official data`: Indian English for `according to`.
    const afterPer = tokens[i + 1];
    if (w === "per" && i > 0 && lower(tokens[i - 1]!) === "as" && afterPer && !EN_PER_UNITS.has(lower(afterPer))) {
      const source = withAgent(tokens, withoutReducedRelative(tokens, nounAfterEn(tokens, i + 1)));
      if (source) out.push({ kind: "according-to", source, cue: span(tokens, i - 1, i) });
      continue;
    }
    const pe = phraseStartingAt(tokens, i, EN_SPEECH_PARTICIPLES);
    if (pe > 0) {
      // `..., saying that ...`, `by saying ...`, `sources said adding ...`: the sentence's subject
      // (or the one who just spoke) says it. Not `quoted as saying`, nor a participle ending the sentence.
      const prev = i > 0 ? tokens[i - 1]! : undefined;
      const next = tokens[pe];
      const opens = prev && (prev.text === "," || lower(prev) === "by" || phraseEndingAt(tokens, i - 1, EN_VERBS) >= 0);
      // `... sent an alert Wednesday morning saying the suspect is in custody`: `saying` needs no
      // comma; after `with` its subject stands between them (`with experts saying ...`, `with the
      // Indian coach saying ...`).
      // Not `It goes without saying`, nor after a mark (`Needless to say, there is a sign saying`).
      const bare = !opens && prev && !prev.punct && lower(prev) !== "without" && EN_BARE_PARTICIPLES.has(w) && i > 1;
      if (bare && next && !next.punct && lower(next) !== "so") {
        const withAt = withSubjectStart(tokens, i);
        const source =
          withAt >= 0
            ? span(tokens, withAt + 1, i - 1)
            : tokens.slice(0, i).some((x) => x.punct)
              ? null
              : sharedSubject(tokens, out, i);
        if (source) out.push({ kind: "said-that", source, cue: span(tokens, i, pe - 1) });
      } else if (opens && next && !next.punct) {
        const source = sharedSubject(tokens, out, i);
        if (source) out.push({ kind: "said-that", source, cue: span(tokens, i, pe - 1) });
      }
      i = pe - 1;
      continue;
    }
    // `..., the data also showed.`: figures as the source (`revealed` is a report verb too: a
    // person's `revealed that` is read below).
    const data = EN_DATA_VERBS.has(w) ? dataSource(tokens, i) : null;
    if (data) {
      out.push({ kind: "said-that", source: data, cue: span(tokens, i, i) });
      continue;
    }
    let e = phraseStartingAt(tokens, i, EN_VERBS);
    if (e < 0) {
      // `announced`, `confirmed` ...: speech only before `that` or at a clause's end.
      e = phraseStartingAt(tokens, i, EN_REPORT_VERBS);
      if (e < 0) continue;
      // A day after the verb (`officials announced Friday.`, `reported earlier that`) stands
      // outside the clause.
      const day = tokens[e] && EN_VERB_DAYS.has(lower(tokens[e]!)) ? 1 : 0;
      const after = tokens[e + day];
      // `that`, or a that-less clause opening with a subject pronoun (`Moore complained he was tricked`).
      const that =
        after !== undefined &&
        (lower(after) === "that" || SUBJECT_PRONOUNS.has(lower(after)) || clauseAfter(tokens, i, e));
      if (EN_NOUN_LIKE.has(w)) {
        // `five states,` is a noun: only `states that`, `tells IANS` are speech, and after a
        // comma a name that ends the clause (`..., reports Efe.`); after a determiner it is a
        // noun whatever follows (`conveyed to the states that ...`).
        if (i > 0 && EN_DETERMINERS.has(lower(tokens[i - 1]!))) continue;
        const closing =
          (i > 0 && tokens[i - 1]!.text === "," && endingName(tokens, e)) ||
          // `..., officials said, Reuters reports.`: a name, then the verb in lower case ending the clause.
          (isCapitalised(tokens[i - 1]) && !isCapitalised(t) && closesClause(after));
        if (!that && !closing && phraseStartingAt(tokens, e, EN_OBJECTS) < 0) continue;
      } else if (
        !(
          after === undefined ||
          after.punct ||
          that ||
          (EN_PREP.has(lower(after)) && closesOrThat(tokens, e + day + 1)) ||
          addresseeThat(tokens, e) ||
          (i > 0 && tokens[i - 1]!.punct && invertedSubject(tokens, e))
        )
      )
        continue;
    }
    if (isPassive(tokens, i)) continue;
    const inverted = invertedSubject(tokens, e);
    const prev = i > 0 ? tokens[i - 1]! : undefined;
    // `X, who ..., said` / `X, mother of Y, said`: the subject stands before the appositive;
    // otherwise a verb after a comma takes the name after it (`..., said Daniel Williams.`).
    const appositive = prev?.text === "," ? appositiveBefore(tokens, i - 1) : null;
    const named = inverted !== null && isCapitalised(tokens.find((t) => t.start === inverted.start));
    const before = appositive === "sure" || (appositive === "long" && !named) ? nounBeforeEn(tokens, i) : null;
    // `The company announced its results and said profit rose`: the sentence's subject, or the
    // one who spoke before in it; not the words after the verb.
    const shared = afterAnd(tokens, i) ? sharedSubject(tokens, out, i - 1) : null;
    // After a comma that closes no appositive a subject before it opens the sentence (`The
    // 52-year-old British novelist, best known as ..., said`); words before the comma inside the
    // sentence are another clause's (`While the Mall Road is abuzz ..., footfall has not ..., said
    // <a subject too long to read>`).
    const back = (prev?.punct || i === 0) && inverted ? null : nounBeforeEn(tokens, i);
    const source =
      shared ??
      before ??
      ((prev?.punct || i === 0) && inverted
        ? inverted
        : ((prev?.text === "," && !appositive && back && back.start !== tokens[0]!.start ? null : back) ?? inverted));
    if (source) out.push({ kind: "said-that", source, cue: span(tokens, i, e - 1) });
    i = e - 1;
  }
  return out;
}

/** A clause's word that ends a data verb's source; prepositions and `by` stay in it (`figures released by the ministry`). */
const endsDataPhrase = (w: string) => EN_STOP.has(w) && !EN_PREP.has(w) && w !== "by";

/** How many words a data verb's source may run to. */
const DATA_REACH = 14;

/**
 * The source of a data verb at `i` (`showed`): figures or papers, told by a word of `dataNouns`
 * in the subject before the verb, back to a mark or a clause's word (prepositions and articles
 * stay in it: `company filings with the KLSE showed`); or, after a comma, in the words after it
 * up to a mark or a day. Null for anyone else (`she showed enthusiasm`, `File photo shows ...`).
 * >     Exports fell 3 percent, the central bank data showed Tuesday.
 * >                             ^^^^^^^^^^^^^^^^^^^^^ the source
 * >     Output grew 5 percent, showed official data Friday.
 * >                                   ^^^^^^^^^^^^^ the source
 */
function dataSource(tokens: Token[], i: number): Range | null {
  // (Adverbs between the subject and the verb stand outside both: `the data also showed`.)
  let v = i;
  while (v > 0 && EN_SKIP.has(lower(tokens[v - 1]!))) v--;
  let s = v;
  let held = false;
  while (s > 0 && v - s < DATA_REACH) {
    const t = tokens[s - 1]!;
    const w = lower(t);
    // `and` between capitalised words is a name's (`the China Academy of Information and Communications Technology`).
    const inName = (w === "and" || w === "&") && isCapitalised(tokens[s]) && isCapitalised(tokens[s - 2]);
    if (t.punct || (endsDataPhrase(w) && !inName)) break;
    held ||= EN_DATA_NOUNS.has(w);
    s--;
  }
  // (A preposition opens no subject: `In June data showed` reads `June data`.)
  while (s < v && EN_PREP.has(lower(tokens[s]!))) s++;
  if (held && s < v) return span(tokens, s, v - 1);
  if (i === 0 || tokens[i - 1]!.text !== ",") return null;
  let e = i + 1;
  held = false;
  while (e < tokens.length && e - i <= DATA_REACH) {
    const t = tokens[e]!;
    const w = lower(t);
    if (t.punct || EN_VERB_DAYS.has(w) || endsDataPhrase(w)) break;
    held ||= EN_DATA_NOUNS.has(w);
    e++;
  }
  // (Nor does one end it: `showed figures from the office on Monday` reads up to `office`.)
  while (e > i + 1 && (EN_PREP.has(lower(tokens[e - 1]!)) || lower(tokens[e - 1]!) === "by")) e--;
  return held && e > i + 1 ? span(tokens, i + 1, e - 1) : null;
}

/**
 * Where `with` stands before the subject of a bare participle at `i` (`with experts saying`,
 * `with the Indian coach saying`): up to five words, none a mark or a clause's word; -1 if not.
 */
function withSubjectStart(tokens: Token[], i: number): number {
  for (let k = i - 2; k >= 0 && i - k <= 6; k--) {
    const t = tokens[k]!;
    if (t.punct) return -1;
    const w = lower(t);
    if (w === "with") return k;
    if (EN_STOP.has(w) && !EN_DETERMINERS.has(w)) return -1;
  }
  return -1;
}
