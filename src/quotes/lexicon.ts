/**
 * The word tables of the quote and speech-cue code, built once from `src/data/speech.json`:
 * phrase lists indexed by their first and last words (`Lexicon`), and word sets. `cues.ts` and
 * `quotes/index.ts` read them from here, so a word is listed in one place.
 */
import speech from "../data/speech.json" with { type: "json" };
import referents from "../data/referents.json" with { type: "json" };
import type { Token } from "./tokens.js";

const byLength = (a: string[], b: string[]) => b.length - a.length;

/**
 * A list of phrases indexed by their first and by their last word (lower-cased), so that a
 * lookup at a token costs only the phrases that could match there.
 */
export class Lexicon {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly byLast = new Map<string, string[][]>();
  /** The longest word of any phrase: a longer token matches none (and is not lower-cased). */
  private longest = 0;

  constructor(phrases: string[][]) {
    for (const p of [...phrases].sort(byLength)) {
      const lower = p.map((w) => withoutNukta(w.toLowerCase()));
      for (const w of lower) this.longest = Math.max(this.longest, w.length);
      push(this.byFirst, lower[0]!, lower);
      push(this.byLast, lower[lower.length - 1]!, lower);
    }
  }

  /** The lower-cased first words of the phrases. */
  firstWords(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** Longest phrase ending at token i; returns its first token index or -1. */
  endingAt(tokens: Token[], i: number): number {
    const t = tokens[i];
    if (!t || t.punct || t.text.length > this.longest + NUKTA_SLACK) return -1;
    for (const p of this.byLast.get(keyOf(t)) ?? []) {
      const s = i - p.length + 1;
      if (s >= 0 && matches(tokens, s, p)) return s;
    }
    return -1;
  }

  /** Longest phrase starting at token i; returns the index after it, or -1. */
  startingAt(tokens: Token[], i: number): number {
    const t = tokens[i];
    if (!t || t.punct || t.text.length > this.longest + NUKTA_SLACK) return -1;
    for (const p of this.byFirst.get(keyOf(t)) ?? []) {
      if (i + p.length <= tokens.length && matches(tokens, i, p)) return i + p.length;
    }
    return -1;
  }
}

function push(m: Map<string, string[][]>, k: string, p: string[]): void {
  const list = m.get(k);
  if (list) list.push(p);
  else m.set(k, [p]);
}

function matches(tokens: Token[], s: number, p: string[]): boolean {
  for (let k = 0; k < p.length; k++) {
    const t = tokens[s + k]!;
    if (t.punct || t.text.length > p[k]!.length + NUKTA_SLACK || keyOf(t) !== p[k]) return false;
  }
  return true;
}

/**
 * Nukta: Urdu-register Hindi writes `मुताबिक़`, `ज़लज़ला` ... with a dot below some letters
 * (U+093C, or the letters that hold it, U+0958–U+095F) where the word lists have the plain
 * letter (`मुताबिक`); a word compares without it, as `fold` compares names.
 */
const NUKTA = /[\u093c\u0958-\u095f]/u;
/** How many characters longer than a listed word a token may be and still match it (its nukta signs). */
const NUKTA_SLACK = 3;

/** `w` without nukta signs: its letters decomposed (`क़` -> `क` + `़`) and the sign dropped. */
function withoutNukta(w: string): string {
  return NUKTA.test(w) ? w.normalize("NFD").replace(/\u093c/gu, "") : w;
}

/** A token's key in the word lists: lower-cased, without nukta signs. */
function keyOf(t: Token): string {
  return withoutNukta(t.lower);
}

export function phraseEndingAt(tokens: Token[], i: number, lexicon: Lexicon): number {
  return lexicon.endingAt(tokens, i);
}

export function phraseStartingAt(tokens: Token[], i: number, lexicon: Lexicon): number {
  return lexicon.startingAt(tokens, i);
}

/* ------------------------------------------------------------------ tables */

const words = (p: string) => p.split(/\s+/u);

/** The Hindi `कि` (that) and `ने` (the agent's postposition). */
export const THAT = speech.hi.that;
export const AGENT = speech.hi.agent;
export const HI_VERBS = new Lexicon(speech.hi.verbs.map(words));
export const HI_RELAY = new Lexicon(speech.hi.relay.map(words));
/** `का हवाला देते हुए`: a relay that may stand a few words before its speech verb. */
export const HI_RELAY_PARTICIPLES = new Lexicon(speech.hi.relayParticiples.map(words));
export const HI_ACCORDING = new Lexicon(speech.hi.accordingTo.map(words));
/** `द्वारा`, `की ओर से`: what stands before them is whose statement an according-to source is. */
export const HI_BY = new Lexicon(speech.hi.byMarkers.map(words));
/** `गया`, `गई`, `गए` after a verb: the passive (`कहा गया`). */
export const HI_PASSIVE = new Set(speech.hi.passiveMarkers);
/** `एक बयान में कहा गया है कि`: what says a thing in the passive, and is its source. */
export const HI_STATEMENT_NOUNS = new Set(speech.hi.statementNouns);
/** `इसमें`, `उसमें`, `जिसमें`: the statement a passive `कहा गया है कि` names by a pronoun. */
export const HI_LOCATIVE_PRONOUNS = new Set(speech.hi.locativePronouns);
export const HI_POSSESSIVE = new Lexicon(speech.hi.possessive.map(words));
export const HI_ERGATIVE = new Set(speech.hi.ergative);
export const HI_EXPRESSION = new Lexicon([...speech.hi.expression.map(words), ...speech.hi.verbs.map(words)]);
export const HI_END_VERBS = new Lexicon(speech.hi.saidAtEnd.map(words));
/** `यह जानकारी ... X ने दी।`: what opens such a sentence, and the verbs that end it. */
export const HI_OBJECT_OPENERS = new Lexicon(speech.hi.objectFirst.openers.map(words));
export const HI_OBJECT_VERBS = new Lexicon(speech.hi.objectFirst.verbs.map(words));
export const HI_STOP = new Set(speech.hi.stop);
export const HI_NOT_SOURCES = new Set(speech.hi.notSources);
/** `कहा`, `बताया`: speech may follow them with no कि and no marks. */
export const HI_UNMARKED_VERBS = new Set(speech.hi.unmarkedVerbs);
/** What follows `कहा` when it is not speech: `कहा जाता है`, `कहा गया`. */
export const HI_NOT_SPEECH_AFTER = new RegExp(`^(?:${speech.hi.notSpeechAfterSaid.join("|")})`, "u");
export const HI_AUX = new Set(speech.hi.auxiliaries);
/** Relative pronouns that open a clause between commas: जो, जिसने, जिनकी, जिन्होंने ... */
export const HI_RELATIVE = new RegExp(`^(?:${speech.hi.relativeStarts.join("|")})`, "u");
export const HI_POSSESSIVE_PRONOUNS = new Set(speech.hi.possessivePronouns);
export const HI_PRESENT_VERBS = new Set(speech.hi.presentVerbs);
export const HI_NOMINATIVE_PRONOUNS = new Set(speech.hi.nominativePronouns);
export const HI_POSTPOSITIONS = new Set(speech.hi.postpositions);

const EN_VERB_LIST = speech.en.verbs.map(words);
export const EN_VERBS = new Lexicon(EN_VERB_LIST);
/**
 * One-word verbs that end a subject before them: speech and question verbs (`party spokesperson
 * asked`). Not report verbs, which often stand as adjectives (`informed sources`, `alleged militants`).
 */
export const EN_SINGLE_VERBS = new Set(
  [...EN_VERB_LIST, ...speech.en.quoteVerbs.map(words)].filter((v) => v.length === 1).map((v) => v[0]!),
);
export const EN_REPORT_VERBS = new Lexicon(speech.en.reportVerbs.map(words));
/** `showed`, `shows`: a cue only with figures or papers as the source (`the central bank data showed`). */
export const EN_DATA_VERBS = new Set(speech.en.dataVerbs);
/** `data`, `figures`, `filing`, `minutes` ...: what a data verb's source must hold. */
export const EN_DATA_NOUNS = new Set(speech.en.dataNouns);
/** `saying`, `adding`, `pointing out` ...: speech cues whose speaker is the sentence's subject. */
export const EN_SPEECH_PARTICIPLES = new Lexicon(speech.en.speechParticiples.map(words));
/** `day`, `week`, `morning` ...: a phrase holding one is a time, not a subject (`One day in May`). */
export const EN_TIME_NOUNS = new Set(speech.en.timeNouns);
/** `took`, `made`, `was` ...: past and finite verbs not in -ed, which end a sentence's subject. */
export const EN_IRREGULAR_PAST = new Set(speech.en.irregularPast);
/** Cues around a quotation: speech and report verbs, and question verbs (`," asked Chandran`). */
export const EN_ALL_VERBS = new Lexicon([
  ...EN_VERB_LIST,
  ...speech.en.reportVerbs.map(words),
  ...speech.en.quoteVerbs.map(words),
]);
export const EN_EXPRESSION = new Lexicon([
  ...EN_VERB_LIST,
  ...speech.en.reportVerbs.filter((v) => !speech.en.nounLikeVerbs.includes(v)).map(words),
  ...speech.en.expression.map(words),
]);
export const EN_OBJECTS = new Lexicon(speech.en.objects.map(words));
export const EN_NOUN_LIKE = new Set(speech.en.nounLikeVerbs);
export const EN_PASSIVE = new Set(speech.en.passive);
export const EN_STOP = new Set(speech.en.stop);
export const EN_SKIP = new Set(speech.en.skipBeforeVerb.map((w) => w.toLowerCase()));
export const EN_LY_NOUNS = new Set(speech.en.lyNouns);
/** Head nouns of an office's name that runs on through `of` in lower case (`the department of culture and tourism`). */
export const EN_BODY_HEADS = new Set(speech.en.bodyHeads);
export const EN_PREP = new Set(speech.en.prepositions);
/** Words that open a phrase set off before the sentence's subject by a comma (`In the run-up to the vote, ...`). */
export const EN_FRONTED = new Set(speech.en.frontedOpeners);
/** Words after `as per` that make a rate, not a source (`as per cent of GDP`). */
export const EN_PER_UNITS = new Set(speech.en.perUnits);
export const EN_RELATIVE = new Set(speech.en.relatives);
/** Pronouns that can only be subjects: a clause opens with them (`complained he was tricked`). */
export const SUBJECT_PRONOUNS = new Set(speech.en.subjectPronouns);
/** Words opening an appositive of any length: `Knut Peters, a spokesman for ..., says`. */
export const EN_APPOSITIVE_STARTS = new Set(speech.en.appositiveStarts);
/** Words opening a clause after an inverted subject: `said Im Mi-jeong as he stood ...`. */
export const EN_CLAUSE_STARTS = new Set(speech.en.clauseStarts);
export const EN_PRONOUNS = new Set(speech.en.pronouns);
export const EN_QUANTIFIERS = new Set(speech.en.quantifiers);
/** Participles between a body and its members: `A division bench comprising Justices A and B said`. */
export const EN_PARTICIPLES = new Set(speech.en.participles);
export const EN_DETERMINERS = new Set(speech.en.determiners);
/** Finite auxiliaries that show a that-less clause after a report verb (`denied any such order was issued`). */
export const EN_CLAUSE_AUXILIARIES = new Set(speech.en.clauseAuxiliaries);
/** Names in capitals that spell a listed word (`WHO`, `US`): compared as written, not lower-cased. */
export const EN_ACRONYMS = new Set(speech.en.acronyms);
/** The prepositions whose phrase after a common noun belongs to it (`a spokesman for the ministry`, `the head of the team`). */
export const EN_OWNER_LINKS = new Set(speech.en.ownerLinks);
/** The prepositions whose phrase naming a place or a body belongs to the common noun before it (`the official at the Meteorological Office in Shimla`, `a devotee at Jama Masjid`). */
export const EN_PLACE_LINKS = new Set(speech.en.placeLinks);
/** `close to`, `familiar with` ...: an adjective and its preposition inside an unnamed source's description. */
export const EN_SOURCE_QUALIFIERS = new Set(speech.en.sourceQualifiers);
/** `saying`: a participle that reports speech with no comma before it. */
export const EN_BARE_PARTICIPLES = new Set(speech.en.bareParticiples);
/** Days that may follow a report verb before its clause or the sentence's end (`announced Friday.`). */
export const EN_VERB_DAYS = new Set(speech.en.verbDays);
/** Small words inside names between capitalised words: `Reserve Bank of India`, `Transport for London`. */
export const NAME_LINKS = new Set(speech.en.nameLinks);
/** Words that join a second verb to the sentence's subject (`... posted a loss but said ...`). */
export const VERB_LINKS = new Set(speech.en.verbLinks);
/** `quoted X as saying`, `was quoted as telling`: the participles after `as`. */
export const QUOTED_AS = new Set(speech.en.quotedAs);
/** `KCNA quoted Kim as saying`, `McClatchy cited sources as saying`: the verbs that relay one as saying. */
export const QUOTING = new Set(speech.en.quoting);
/** News organisations (`told the BBC`), and the words before a relaying one (`carried by`). */
export const MEDIA = new Lexicon(speech.en.media.map(words));
export const RELAY_BY = new Lexicon(speech.en.relayBy.map(words));
/** Words of a rank or office (`Inspector`, `Minister`) and last words of a body (`police`), lower-cased: no part of a person's name. */
export const EN_TITLE_WORDS = new Set(referents.en.titles.map((t) => t.toLowerCase()));
export const EN_GROUP_WORDS = new Set(referents.en.groups);
