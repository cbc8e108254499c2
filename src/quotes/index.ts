/**
 * Quotes and reported speech of a story, paragraph by paragraph.
 *
 * ```
 * > | केसीएनए ने बताया, "रिसेप्शन के अंत में, ..."          direct: cue and speaker before the marks
 * > | "पुतिन ने निमंत्रण को स्वीकार ..."                      continuation: no cue, after a direct quote
 * > | ... किम ने कहा कि ... एक "महत्वपूर्ण" अवसर है।          partial: inside the reporter's sentence
 * > | "...," he told IANS.                                 direct: cue after the marks
 * > | अनिल ने कहा, एआईसीटीई ... दे रही है।                    unmarked: Hindi speech with no marks
 * ```
 * Attributions are the reported speech outside quotation marks (`X ने कहा कि`, `according to X`).
 */
import type { AttributionKind, QuoteKind } from "../story.js";
import { finding, type Finding } from "../diagnostics.js";
import type { Range } from "../text/range.js";
import { pairMarks, type MarkedQuote } from "./marks.js";
import { hasWord, tokenize, wordTokens, type Token } from "./tokens.js";
import {
  cueAfter,
  englishCueBefore,
  englishExpressionCues,
  hasHindiSpeechVerb,
  speechVerbAfter,
  hindiCueBefore,
  mayReport,
  reportedSpeech as readReportedSpeech,
  quotingAt,
  subjectHi,
  type ReportedMatch,
  type CueMatch,
} from "./cues.js";
import {
  AGENT,
  EN_VERBS,
  HI_ERGATIVE,
  HI_POSTPOSITIONS,
  HI_UNMARKED_VERBS,
  MEDIA,
  RELAY_BY,
  phraseStartingAt,
} from "./lexicon.js";
import { RangeSet } from "./ranges.js";
import { countAtOrBelow, countBelow, startOf } from "../text/search.js";
import { isLatinLower, isSpace } from "../text/chars.js";
import { isLetter } from "../text/classes.js";

const endOf = (t: Token): number => t.end;
const UNMARKED_VERBS = [...HI_UNMARKED_VERBS];

export interface ParagraphInput extends Range {
  sentences: Range[];
}

export interface QuoteMatch {
  inner: Range;
  /** 0-based paragraph index (-1: in a line above the dateline). */
  paragraph: number;
  kind: QuoteKind;
  speaker: Range | null;
  via: Range | null;
  cue: Range | null;
  closed: boolean;
  /**
   * The rule of QUOTE_KIND_RULES that read the quote (`nested`, `unmarked` for the others;
   * `lost-closing` and `after-report` when a speaker was found for a cue-less one afterwards).
   */
  rule?: string;
  /** False when the opening mark was lost upstream and the start is the paragraph's. */
  opened?: boolean;
}

export interface AttributionMatch {
  kind: AttributionKind;
  source: Range;
  cue: Range;
  span: Range;
  paragraph: number;
}

/** What the quote-kind rules see of one top-level quote of paragraph `p`. */
interface QuoteView {
  text: string;
  p: ParagraphInput;
  pi: number;
  m: MarkedQuote;
  /** The quote's index among the paragraph's marks. */
  k: number;
  tops: RangeSet;
  /** The last quote of the previous paragraph, when it may go on here. */
  carry: QuoteMatch | null;
  /** The previous paragraph left a quote open and this one reopens it. */
  reopened: boolean;
  /** The quote opens the paragraph. */
  isFirst: boolean;
  /** No words between the previous quote (or the sentence start) and this one; none after it in its sentence. */
  beforeEmpty: boolean;
  afterEmpty: boolean;
  /** A speech cue just before the marks, and just after them. */
  cueB: CueMatch | null;
  cueA: CueMatch | null;
  /** The reported-speech cues of the quote's sentence, analysed once per sentence when asked. */
  sentenceCues: () => SentenceCues;
  /** The attributed quote right before this one in the paragraph, with no words between but its own cue sentence. */
  prevQuote: QuoteMatch | null;
  /** A colon stands right before the marks. */
  colon: boolean;
  /** A comma stands right before the marks. */
  comma: boolean;
}

interface QuoteKindRule {
  name: string;
  match: (v: QuoteView) => QuoteMatch | null;
}

const noCue = (v: QuoteView, kind: QuoteKind): QuoteMatch => ({
  inner: v.m.inner,
  paragraph: v.pi,
  kind,
  speaker: null,
  via: null,
  cue: null,
  closed: v.m.close !== null,
});

/**
 * The kind of a quote (and its speaker), tried in this order; the first rule that matches
 * decides, and its name stays on the quote (`wire parse --trace`). The last always matches.
 */
export const QUOTE_KIND_RULES: readonly QuoteKindRule[] = [
  /** the paragraph reopens a quote the previous one left open (and gives it no cue of its own) */
  {
    name: "reopened",
    match: (v) =>
      v.k === 0 && v.reopened && v.isFirst && v.carry && !(v.m.close !== null && v.cueA)
        ? inherit(v.m, v.pi, v.carry, "continuation")
        : null,
  },
  /** `X ने कहा, "..."`, `X said: "..."` */
  {
    name: "cue-before",
    match: (v) => {
      if (!v.cueB || (v.cueB.withThat && !v.afterEmpty)) return null;
      // `warned of "stern action" over ...`: a short phrase run into the sentence is partial; so
      // is a quote run in that starts in lower case, however long (`He recalled "sheet metal
      // roofing flying ..."`, `stated that "the arrival of ..."`): the cue's sentence goes on in it.
      const runIn =
        !v.cueB.punct &&
        (startsLower(v.text, v.m.inner) ||
          (!v.afterEmpty && !wholeSentence(v.text, v.m.inner) && wordCount(v.text, v.m.inner) < 6));
      return fromCue(v.m, v.pi, runIn ? "partial" : "direct", v.cueB);
    },
  },
  /** `"...," X said.` */
  { name: "cue-after", match: (v) => (v.beforeEmpty && v.cueA ? fromCue(v.m, v.pi, "direct", v.cueA) : null) },
  /** a paragraph that is only a quote, after a direct quote: the same speaker goes on */
  {
    name: "continuation",
    match: (v) =>
      v.isFirst && v.afterEmpty && v.carry && !hasCue(v.text, v.p, v.tops)
        ? inherit(v.m, v.pi, v.carry, "continuation")
        : null,
  },
  /** `X said, "..." "..."`: an unattributed quote right after an attributed one goes on with it */
  {
    name: "run-on",
    match: (v) =>
      v.beforeEmpty && v.afterEmpty && v.prevQuote ? inherit(v.m, v.pi, v.prevQuote, "continuation") : null,
  },
  /** a quote of four words or more standing alone, with no cue */
  {
    name: "standalone",
    match: (v) => (v.beforeEmpty && v.afterEmpty && wordCount(v.text, v.m.inner) >= 4 ? noCue(v, "direct") : null),
  },
  /**
   * `"...," the 71-year-old posted on his blog`: a quote that opens its sentence, capitalised,
   * of six words or more and closed by a comma, holds the speaker's own sentence whatever the
   * verb after it (one the tables do not know): direct, its speaker from the sentence's cues if any.
   */
  {
    name: "comma-closed",
    match: (v) => {
      if (!v.beforeEmpty || v.afterEmpty || !commaClosed(v.text, v.m) || wordCount(v.text, v.m.inner) < 6) return null;
      const sc = partialCue(v.sentenceCues(), v.m);
      return sc ? fromCue(v.m, v.pi, "direct", sc) : noCue(v, "direct");
    },
  },
  /** inside the reporter's sentence: its speaker from the sentence's reported speech, if any */
  {
    name: "partial",
    match: (v) => {
      const sc = partialCue(v.sentenceCues(), v.m);
      // A whole sentence after a colon or a comma (`His answer was clear: "We will not resign."`,
      // `... wrote in an online forum, "I will be there at six."`) is direct.
      const kind = (v.colon || v.comma) && wholeSentence(v.text, v.m.inner) ? "direct" : "partial";
      return sc ? fromCue(v.m, v.pi, kind, sc) : noCue(v, kind);
    },
  },
];

/**
 * The reported speech of a list of tokens, read once per list: a sentence's tokens (outside its
 * quotes) are one shared array, asked by the reported-speech, partial-quote and relay passes.
 */
const readings = new WeakMap<Token[], ReportedMatch[]>();
function reportedSpeech(tokens: Token[]): ReportedMatch[] {
  let r = readings.get(tokens);
  if (!r) {
    r = readReportedSpeech(tokens);
    readings.set(tokens, r);
  }
  return r;
}

/** How far before or after a quote its cue is looked for. */
const REACH = 400;

export function quotesOf(
  text: string,
  paragraphs: ParagraphInput[],
  findings: Finding[],
): { quotes: QuoteMatch[]; attributions: AttributionMatch[] } {
  const quotes: QuoteMatch[] = [];
  const attributions: AttributionMatch[] = [];
  let carry: QuoteMatch | null = null; // the last quote of the previous paragraph, when direct or continuation
  let reopened = false; // the previous paragraph left a quote open and this one reopens it
  // A quotation running over several paragraphs, each reopening it, none with a speaker yet.
  let chain: QuoteMatch[] = [];

  paragraphs.forEach((p, pi) => {
    // A quote the previous paragraph left open and this one reopens: it learns its speaker here
    // when it had none (`"Let me tell you ...` / `"That's why ...," Puri said.`), and so do the
    // paragraphs of the same quotation before it.
    const openBefore = reopened && carry && !carry.speaker ? carry : null;
    if (!openBefore) chain = [];
    else if (chain[chain.length - 1] !== openBefore) chain.push(openBefore);
    const { quotes: marks, stray, liveRun, orphans } = pairMarks(text, p);
    let run: Finding | null = null;
    stray.forEach((s, k) => {
      const f = finding("unbalanced-quote", s.message, s.at, s.at + s.len);
      findings.push(f);
      if (k === liveRun) run = f;
    });
    const here: QuoteMatch[] = [];
    const usedCues: Range[] = [];
    // A closing mark with a speech cue after it and no opening mark: a quote whose start was lost.
    const lost = orphans.length ? lostOpenings(text, p, marks, orphans, findings, pi) : [];
    // Top-level quotes do not overlap: the set of their insides answers "inside a quote?" fast.
    // (A name in marks before a Hindi postposition, `एजेंसी ‘योनहप’ ने`, stays in the sentence's
    // words: it is the subject or object of its clause.)
    const topInners = marks.filter((m) => m.parent === null && !nameInMarks(text, m)).map((m) => m.inner);
    const tops = new RangeSet(
      lost.length ? [...topInners, ...lost.map((q) => q.inner)].sort((a, b) => a.start - b.start) : topInners,
    );
    for (const q of lost) {
      here.push(q);
      if (q.cue) usedCues.push(q.cue);
    }
    const analysed = new Map<number, SentenceCues>();
    const words = new SentenceTokens(text, tops);
    const breaks = new Breaks(text, p);

    marks.forEach((m, k) => {
      if (m.parent !== null) {
        const parent = here[m.parent] ?? null;
        // Words the outer quote reports someone saying (`"He told me 'it seems like destiny'"`,
        // `"... people just say: 'Well, it's only one species'"`): direct, that someone's.
        const said = parent ? nestedCue(text, parent.inner.start, m.open) : null;
        // (`"I said, '...'"`: the one who says `I` is the outer quote's speaker.)
        const self = said !== null && text.slice(said.speaker.start, said.speaker.end) === "I";
        here.push({
          inner: m.inner,
          paragraph: pi,
          kind: said ? "direct" : "partial",
          speaker: said && !self ? said.speaker : (parent?.speaker ?? null),
          via: said ? null : (parent?.via ?? null),
          cue: said ? said.cue : (parent?.cue ?? null),
          closed: m.close !== null,
          rule: "nested",
        });
        return;
      }
      // Its index, not `marks.indexOf`: a search per quote was quadratic on runs of marks (`"a"a"a…`).
      const prevAt = previousTop(marks, k);
      const prevTop = prevAt >= 0 ? marks[prevAt]! : null;
      const nextTop = nextTopOpen(marks, k, p.end);
      const sentence = sentenceAt(p.sentences, m.open);
      // Whether words stand between the previous quote (or the sentence start) and this one;
      // the cue itself is looked for across earlier quoted words (`ने ‘पीटीआई-भाषा’ से ... कहा, ‘‘`).
      // A sentence's end glued to the opening mark (`... for procurements."Inspectors have been
      // deputed ...`: the space lost upstream) starts the quote's own sentence, which the
      // segmenter did not see: nothing before the mark is its sentence's.
      const from = gluedSentenceStart(text, m.open, m.inner.start) ? m.open : sentence.start;
      const sinceQuote = Math.max(from, prevTop ? prevTop.close! + prevTop.closeLen : p.start, m.open - REACH);
      const beforeEmpty = !hasWord(text, sinceQuote, m.open);
      // Dense marks (`"a"a"a…`): a look-back with no white space is one piece of a word, cut out
      // without scanning it again for every quote.
      const lo = Math.max(from, m.open - REACH);
      const before =
        (lo === sentence.start ? words.outsideBefore(sentence, m.open) : null) ??
        tops.outside(breaks.within(lo, m.open) ? tokenize(text, lo, m.open) : wordTokens(text, lo, m.open));
      let after: Token[] = [];
      if (m.close !== null) {
        const afterStart = m.close + m.closeLen;
        let afterEnd = sentenceAt(p.sentences, m.close).end;
        if (afterEnd <= afterStart + 1 && /[?!]$/u.test(text.slice(m.inner.start, m.inner.end))) {
          afterEnd = sentenceAt(p.sentences, skipSpaces(text, afterStart, p.end)).end;
        }
        afterEnd = Math.min(Math.max(afterEnd, afterStart), nextTop, afterStart + REACH, p.end);
        after = words.within(sentence, afterStart, afterEnd) ?? tokenize(text, afterStart, afterEnd);
      }
      const afterEmpty = !after.some((t) => !t.punct);

      let cueB = hindiCueBefore(before) ?? englishCueBefore(before);
      // An according-to source speaks a statement, not a name or a phrase (`एक एजेंसी के मुताबिक, 'मैंगखुट' ने ...`).
      if (cueB?.source && !isStatement(text, m.inner)) cueB = null;
      // A quote that ends in no mark runs on into the sentence (`“... in this country” regardless of
      // ..., he said`): its cue after it is the clause's at the sentence's end.
      const cueA = m.close !== null ? cueAfter(after, text.charAt(m.inner.end - 1)) : null;
      const isFirst = beforeEmpty && skipSpaces(text, p.start, p.end) === m.open;
      const sentenceCues = (): SentenceCues => {
        const key = sentence.start;
        let cues = analysed.get(key);
        if (!cues) {
          cues = analyseSentence(words.outside(sentence, SENTENCE_REACH));
          analysed.set(key, cues);
        }
        return cues;
      };
      const prevQ = prevTop ? here[prevAt] : undefined;
      // `"...," X said. "..."`: the words between are the previous quote's own cue sentence.
      const prevQuote =
        prevTop &&
        prevQ?.speaker &&
        isSaying(prevQ) &&
        (!hasWord(text, prevTop.close! + prevTop.closeLen, m.open) ||
          (prevQ.rule === "cue-after" && sentence.start >= prevTop.close! + prevTop.closeLen))
          ? prevQ
          : null;
      const view: QuoteView = {
        text,
        p,
        pi,
        m,
        k,
        tops,
        carry,
        reopened,
        isFirst,
        beforeEmpty,
        afterEmpty,
        cueB,
        cueA,
        sentenceCues,
        prevQuote,
        colon: afterPunct(before, ":"),
        comma: afterPunct(before, ","),
      };
      let q: QuoteMatch | null = null;
      for (const rule of QUOTE_KIND_RULES) {
        q = rule.match(view);
        if (q) {
          q.rule = rule.name;
          break;
        }
      }
      if (!q) return; // the last rule always matches
      // A cue next to the quote is the quote's own; a verb elsewhere in the sentence that gave a
      // whole sentence after a colon its speaker (`He said police had searched ...: "We found ..."`)
      // still reports speech of its own.
      if (q.cue && q.kind === "direct" && q.rule !== "partial" && q.rule !== "comma-closed") usedCues.push(q.cue);
      if (q.speaker && !q.via && q.kind === "direct" && q.cue)
        q.via = relayAfter(text, q.cue.end, Math.min(p.end, Math.max(sentence.end, q.cue.end)));
      if (q.speaker && !q.via && q.kind === "direct")
        q.via = accordingToIn(text, words.outside(sentence, 2 * REACH), q.speaker);
      here.push(q);
    });

    // A quote still open at the paragraph's end: a multi-paragraph quote when the next paragraph
    // reopens it, otherwise an unbalanced mark.
    const lastTop = [...marks].reverse().find((m) => m.parent === null);
    const lastQ = lastTop ? here[marks.indexOf(lastTop)] : undefined;
    reopened = false;
    if (lastTop && lastTop.close === null) {
      const next = paragraphs[pi + 1];
      if (next && opensWithMark(text, next)) reopened = true;
      else {
        // A cue after the last comma names the speaker of a quote whose closing mark was lost.
        if (lastQ && lastQ.kind === "direct" && !lastQ.speaker) lostClosing(text, p, lastQ);
        if (run && lastTop === marks[marks.length - 1] && stray[liveRun!]!.count) {
          // The last opener of a run of unclosed ones: one diagnostic for the whole run.
          const r: Finding = run;
          r.end = lastTop.open + lastTop.openLen;
          r.message = `${stray[liveRun!]!.count! + 1} opening quotation marks never closed`;
        } else
          findings.push(
            finding(
              "unbalanced-quote",
              "opening quotation mark never closed",
              lastTop.open,
              lastTop.open + lastTop.openLen,
            ),
          );
      }
    }
    carry =
      lastQ && (lastQ.kind === "direct" || lastQ.kind === "continuation") && (lastQ.speaker || reopened)
        ? lastQ
        : reopened && lastQ
          ? lastQ
          : null;

    // Hindi speech with no marks after `X ने कहा,`; reported speech outside the marks.
    const used = new RangeSet(usedCues.sort((a, b) => a.start - b.start));
    // A sentence with neither an unmarked-speech verb (`कहा`, `बताया`) nor a word reported speech
    // starts at is not tokenized.
    for (const s of p.sentences) {
      const said = text.slice(s.start, s.end);
      if (!tops.overlaps(s) && UNMARKED_VERBS.some((v) => said.includes(v))) {
        const u = unmarked(text, s, words.all(s, 4 * REACH), pi);
        if (u) here.push(u);
      }
      if (mayReport(said)) reported(s, words.outside(s, Infinity), pi, used, here, attributions);
    }
    here.sort((a, b) => a.inner.start - b.inner.start);
    // A quote the next paragraph reopens learns its speaker from the quotation's cue, further on.
    for (const q of here)
      if (q.rule === "standalone" && !q.speaker && !(reopened && q === lastQ))
        afterReport(q, p, paragraphs[pi - 1], quotes, attributions);
    if (openBefore) {
      const first = here.find((q) => q.rule !== "nested");
      if (first?.speaker && (first.kind === "direct" || first.kind === "continuation")) {
        // The quotation opened in the first paragraph of the chain; the later ones go on with it.
        chain.forEach((q, k) => {
          q.kind = k === 0 ? "direct" : "continuation";
          q.speaker = first.speaker;
          q.via = first.via;
          q.cue = first.cue;
        });
        first.kind = "continuation";
        chain = [];
      }
    }
    for (const q of here) quotes.push(q);
  });
  return { quotes, attributions };
}

/**
 * A quote opening a paragraph that never closes it, where the paragraph's last sentence ends in a
 * cue after a comma: the closing mark was lost before the comma. The quote ends there and the cue
 * names its speaker; it stays `closed: false`.
 * >     "We will take action, the minister added.
 * >                         ^ the quote ends; the cue
 */
function lostClosing(text: string, p: ParagraphInput, q: QuoteMatch): void {
  const last = p.sentences[p.sentences.length - 1];
  if (!last || last.end - q.inner.start > 4 * REACH) return;
  const comma = text.lastIndexOf(",", last.end);
  if (comma < Math.max(last.start, q.inner.start)) return;
  const tokens = tokenize(text, comma, last.end);
  const cue = cueAfter(tokens);
  if (!cue?.speaker || !cue.cue) return;
  // Only the cue (and a time or a full stop) after the comma.
  let words = 0;
  for (const t of tokens) if (!t.punct && t.start >= Math.max(cue.speaker.end, cue.cue.end)) words++;
  if (words > 2) return;
  q.inner = { start: q.inner.start, end: comma };
  q.speaker = cue.speaker;
  q.cue = cue.cue;
  q.rule = "lost-closing";
}

/**
 * A quote standing alone with no cue, right after a sentence of reported speech (the one before
 * it in the paragraph, or the last of the paragraph before when no quotation follows it there):
 * the one who spoke there goes on speaking.
 * >     She said she would wait for some time. "I will celebrate the new year first."
 * >     ^ the speaker                           ^ the quote
 */
function afterReport(
  q: QuoteMatch,
  p: ParagraphInput,
  prev: ParagraphInput | undefined,
  quotes: QuoteMatch[],
  attributions: AttributionMatch[],
): void {
  const k = countBelow(p.sentences, q.inner.start + 1, (s) => s.end);
  const before = p.sentences[k - 1];
  let a: AttributionMatch | undefined;
  if (before) a = lastAttribution(attributions, q.paragraph, before.end);
  else if (prev?.sentences.length) {
    a = lastAttribution(attributions, q.paragraph - 1, prev.sentences[prev.sentences.length - 1]!.end);
    const at = a?.span.start ?? 0;
    const spoken = (o: QuoteMatch) => o.kind === "direct" || o.kind === "continuation" || o.kind === "unmarked";
    if (quotes.some((o) => o.paragraph === q.paragraph - 1 && o.inner.start >= at && spoken(o))) a = undefined;
  }
  if (a?.kind !== "said-that") return;
  q.speaker = a.source;
  q.cue = a.cue;
  q.rule = "after-report";
}

/** The last attribution of paragraph `pi` whose sentence ends at `end`. */
function lastAttribution(attributions: AttributionMatch[], pi: number, end: number): AttributionMatch | undefined {
  for (let k = attributions.length - 1; k >= 0; k--) {
    const a = attributions[k]!;
    if (a.paragraph < pi) return undefined;
    if (a.paragraph === pi && a.span.end === end) return a;
  }
  return undefined;
}

/**
 * The tokens of a paragraph's sentences, each sentence tokenized once and shared by the
 * unmarked-speech, reported-speech, partial-quote and relay passes. A pass that reads only the
 * first `reach` characters of a long sentence tokenizes that stretch on its own, as before.
 */
class SentenceTokens {
  private readonly full = new Map<number, { end: number; tokens: Token[]; outside?: Token[] }>();

  constructor(
    private readonly text: string,
    private readonly tops: RangeSet,
  ) {}

  private entry(s: Range) {
    let e = this.full.get(s.start);
    if (!e || e.end !== s.end) {
      e = { end: s.end, tokens: tokenize(this.text, s.start, s.end) };
      this.full.set(s.start, e);
    }
    return e;
  }

  /**
   * `tops.outside(tokenize(text, s.start, to))` cut from the sentence's tokens, when the cut is
   * the same: `to` follows white space (a word ending there ends there in both) and no token
   * (a tag) runs across it. Null otherwise, or when the sentence is too long to tokenize whole.
   */
  outsideBefore(s: Range, to: number): Token[] | null {
    if (s.end - s.start > SENTENCE_REACH || to <= s.start || to > s.end || !isSpace(this.text.charCodeAt(to - 1)))
      return null;
    const e = this.entry(s);
    const k = countBelow(e.tokens, to + 1, endOf);
    if (k < e.tokens.length && e.tokens[k]!.start < to) return null;
    e.outside ??= this.tops.outside(e.tokens);
    const outside = e.outside;
    return outside.slice(0, countBelow(outside, to + 1, endOf));
  }

  /**
   * `tokenize(text, from, to)` cut from the tokens of sentence `s`, when the cut is the same: both
   * ends at white space or at the sentence's edges, and no token (a tag) runs across either.
   */
  within(s: Range, from: number, to: number): Token[] | null {
    if (s.end - s.start > SENTENCE_REACH || from < s.start || to > s.end || from > to) return null;
    if (from > s.start && !isSpace(this.text.charCodeAt(from))) return null;
    if (to < s.end && !isSpace(this.text.charCodeAt(to - 1))) return null;
    const tokens = this.entry(s).tokens;
    const a = countBelow(tokens, from + 1, endOf);
    if (a < tokens.length && tokens[a]!.start < from) return null;
    const b = countBelow(tokens, to + 1, endOf);
    if (b < tokens.length && tokens[b]!.start < to) return null;
    return tokens.slice(a, b);
  }

  /** The tokens of [s.start, min(s.end, s.start + reach)). */
  all(s: Range, reach: number): Token[] {
    if (s.end - s.start <= reach) return this.entry(s).tokens;
    return tokenize(this.text, s.start, s.start + reach);
  }

  /** The same, without those inside top-level quotes. */
  outside(s: Range, reach: number): Token[] {
    if (s.end - s.start <= reach) {
      const e = this.entry(s);
      e.outside ??= this.tops.outside(e.tokens);
      return e.outside;
    }
    return this.tops.outside(tokenize(this.text, s.start, s.start + reach));
  }
}

/** Where a paragraph holds white space or a `<`, found once, asked "any in [from, to)?" by binary search. */
class Breaks {
  private at: number[] | null = null;

  constructor(
    private readonly text: string,
    private readonly p: Range,
  ) {}

  within(from: number, to: number): boolean {
    if (!this.at) {
      this.at = [];
      for (let i = this.p.start; i < this.p.end; i++) {
        const c = this.text.charCodeAt(i);
        if (c === 0x3c || isSpace(c)) this.at.push(i);
      }
    }
    const k = countBelow(this.at, from, (x) => x);
    return k < this.at.length && this.at[k]! < to;
  }
}

/**
 * Quotes whose opening mark was lost upstream (`... the order stands as passed,' the counsel told
 * the bench.`): a closing mark with no opening one and a speech cue right after it. The quote runs
 * from the paragraph's start (or the end of the quote before) to the mark; it is `direct`, closed,
 * with `opened: false`, and never reported speech.
 */
function lostOpenings(
  text: string,
  p: ParagraphInput,
  marks: MarkedQuote[],
  orphans: { at: number; len: number; single: boolean }[],
  findings: Finding[],
  pi: number,
): QuoteMatch[] {
  const out: QuoteMatch[] = [];
  for (const o of orphans) {
    const afterStart = o.at + o.len;
    const afterEnd = Math.min(sentenceAt(p.sentences, afterStart).end, afterStart + REACH, p.end);
    const cue = cueAfter(tokenize(text, afterStart, Math.max(afterStart, afterEnd)));
    if (!cue?.speaker || !cue.cue) continue;
    // A stray closing mark inside a quote that is still open is that quote's business, not a lost opening.
    if (marks.some((m) => m.open < o.at && (m.close === null || m.close > o.at))) continue;
    // From the paragraph's start; after an earlier quote, from the start of the mark's sentence.
    let start = p.start;
    let earlier = out.length ? out[out.length - 1]!.inner.end : -1;
    for (const m of marks)
      if (m.parent === null && m.close !== null && m.close < o.at) earlier = Math.max(earlier, m.close + m.closeLen);
    if (earlier >= 0) start = Math.max(earlier, sentenceAt(p.sentences, Math.max(p.start, o.at - 1)).start);
    while (start < o.at && /\s/u.test(text[start]!)) start++;
    let end = o.at;
    while (end > start && /\s/u.test(text[end - 1]!)) end--;
    if (wordCount(text, { start, end }) < 3) continue;
    if (o.single)
      findings.push(finding("unbalanced-quote", "closing quotation mark without an opening one", o.at, o.at + o.len));
    out.push({
      inner: { start, end },
      paragraph: pi,
      kind: "direct",
      speaker: cue.speaker,
      via: cue.via,
      cue: cue.cue,
      closed: true,
      opened: false,
    });
  }
  return out;
}

/**
 * A name of one to three words in marks with a Hindi postposition right after them (`समाचार
 * एजेंसी ‘योनहप’ ने ... बताया`, `‘पीटीआई-भाषा’ को बताया`): the words are the clause's, the marks
 * only set the name off.
 */
function nameInMarks(text: string, m: MarkedQuote): boolean {
  if (m.close === null || m.inner.end - m.inner.start > 40) return false;
  const inner = text.slice(m.inner.start, m.inner.end);
  if (!/^[\u0900-\u097f]/u.test(inner) || inner.split(/\s+/u).length > 3 || /[।.,!?]/u.test(inner)) return false;
  let k = m.close + m.closeLen;
  while (k < text.length && text[k] === " ") k++;
  let e = k;
  while (e < text.length && !isSpace(text.charCodeAt(e)) && !/[,।]/u.test(text[e]!)) e++;
  return e > k && HI_POSTPOSITIONS.has(text.slice(k, e));
}

/**
 * The cue right before a quote nested in another, read in the outer quote's words from the last
 * sentence end before it (`He told me '...'`, `people just say: '...'`): speaker and cue, or null.
 */
function nestedCue(text: string, from: number, open: number): { speaker: Range; cue: Range } | null {
  let start = from;
  for (let k = open - 1; k > from; k--) {
    const c = text[k]!;
    if ((c === "." || c === "?" || c === "!" || c === "।") && isSpace(text.charCodeAt(k + 1))) {
      start = k + 1;
      break;
    }
  }
  const tokens = tokenize(text, start, open);
  const c = hindiCueBefore(tokens) ?? englishCueBefore(tokens);
  return c?.speaker && c.cue && !c.source ? { speaker: c.speaker, cue: c.cue } : null;
}

function isSaying(q: QuoteMatch): boolean {
  return q.kind === "direct" || q.kind === "continuation";
}

function afterPunct(before: Token[], mark: string): boolean {
  const last = before[before.length - 1];
  return !!last && last.punct && last.text === mark;
}

/**
 * A quote closed by a comma, inside the marks or right after them (`"... to do," he`, `"...", he`),
 * whose first letter is a capital.
 */
function commaClosed(text: string, m: MarkedQuote): boolean {
  if (m.close === null || !/^[\p{Lu}]/u.test(text.slice(m.inner.start, m.inner.start + 2))) return false;
  return text.charCodeAt(m.inner.end - 1) === 0x2c || text.charCodeAt(m.close + m.closeLen) === 0x2c;
}

/** The quote's first letter is a lower-case Latin one (`"sheet metal ...`, `"the arrival ...`). */
function startsLower(text: string, r: Range): boolean {
  let i = r.start;
  while (i < r.end && !isLetter(text.codePointAt(i)!)) i++;
  return i < r.end && isLatinLower(text.charCodeAt(i));
}

/** A quote holding a whole sentence: a capital (or any Devanagari) first, a sentence end last. */
function wholeSentence(text: string, r: Range): boolean {
  const t = text.slice(r.start, r.end);
  return /^[\p{Lu}\u0900-\u097f]/u.test(t) && /[.?!।॥]["'”’]?$/u.test(t) && t.split(/\s+/u).length >= 3;
}

/** The index of the last closed top-level quote before quote k, or -1. */
function previousTop(marks: MarkedQuote[], k: number): number {
  for (let j = k - 1; j >= 0; j--) if (marks[j]!.parent === null && marks[j]!.close !== null) return j;
  return -1;
}

function nextTopOpen(marks: MarkedQuote[], k: number, end: number): number {
  for (let j = k + 1; j < marks.length; j++) if (marks[j]!.parent === null) return marks[j]!.open;
  return end;
}

/** The sentence holding pos: the last one starting at or before it (binary search). */
function sentenceAt(sentences: Range[], pos: number): Range {
  const k = countAtOrBelow(sentences, pos, startOf);
  return sentences[k - 1] ?? sentences[0] ?? { start: pos, end: pos };
}

function skipSpaces(text: string, from: number, to: number): number {
  let k = from;
  while (k < to && /\s/u.test(text[k]!)) k++;
  return k;
}

function wordCount(text: string, r: Range): number {
  return text.slice(r.start, r.end).trim().split(/\s+/u).length;
}

function fromCue(m: MarkedQuote, pi: number, kind: QuoteKind, c: CueMatch): QuoteMatch {
  return { inner: m.inner, paragraph: pi, kind, speaker: c.speaker, via: c.via, cue: c.cue, closed: m.close !== null };
}

function inherit(m: MarkedQuote, pi: number, from: QuoteMatch, kind: QuoteKind): QuoteMatch {
  return {
    inner: m.inner,
    paragraph: pi,
    kind,
    speaker: from.speaker,
    via: from.via,
    cue: null,
    closed: m.close !== null,
  };
}

function opensWithMark(text: string, p: Range): boolean {
  const k = skipSpaces(text, p.start, p.end);
  return text[k] === '"' || text[k] === "“" || (text[k] === "‘" && text[k + 1] === "‘");
}

/** Whether a paragraph holds a speech cue outside its quotes (then its quote is not a continuation). */
function hasCue(text: string, p: ParagraphInput, tops: RangeSet): boolean {
  const outside = tops.outside(tokenize(text, p.start, Math.min(p.end, p.start + 4 * REACH)));
  return (
    reportedSpeech(outside).some((r) => r.kind === "said-that") ||
    outside.some((_, i) => phraseStartingAt(outside, i, EN_VERBS) > 0)
  );
}

/**
 * What a sentence offers partial quotes: its Hindi agents (`X ने`, `उन्होंने`) that have a speech or
 * expression verb after them, and its English speech and expression cues. Built once per sentence.
 */
interface SentenceCues {
  agents: { at: number; cue: CueMatch }[];
  english: CueMatch[];
}

/** How much of a sentence is analysed for the speakers of its partial quotes. */
const SENTENCE_REACH = 4000;

function analyseSentence(tokens: Token[]): SentenceCues {
  const reported = reportedSpeech(tokens);
  const agents: SentenceCues["agents"] = [];
  let lastVerb = -1;
  for (let k = tokens.length - 1; k >= 0 && lastVerb < 0; k--) if (hasHindiSpeechVerb(tokens, k, k + 1)) lastVerb = k;
  tokens.forEach((t, k) => {
    if (t.punct || (t.text !== AGENT && !HI_ERGATIVE.has(t.text))) return;
    const speaker = subjectHi(tokens, k + 1);
    if (!speaker || lastVerb <= k) {
      agents.push({ at: t.start, cue: { cue: null, speaker: null, via: null, withThat: false, punct: false } });
      return;
    }
    const verb =
      reported.find((r) => r.kind === "said-that" && r.source.start === speaker.start)?.cue ??
      speechVerbAfter(tokens, k + 1);
    agents.push({ at: t.start, cue: { cue: verb, speaker, via: null, withThat: false, punct: false } });
  });
  const said = reported
    .filter((r) => r.kind === "said-that")
    .map((r) => {
      // `..., the report said, quoting Jo Chun Ryong`: the one quoted speaks, via the report.
      const quoted = quotingAt(
        tokens,
        countBelow(tokens, r.cue.end, (t) => t.start),
      );
      return quoted
        ? { cue: r.cue, speaker: quoted, via: r.source, withThat: true, punct: false }
        : { cue: r.cue, speaker: r.source, via: null, withThat: true, punct: false };
    });
  if (said.length) return { agents, english: said };
  // With no one saying it, an according-to source speaks the sentence's partial quotes (`... by
  // "several gunmen" ..., according to the preliminary investigation`).
  const according = reported
    .filter((r) => r.kind === "according-to")
    .map((r) => ({ cue: r.cue, speaker: r.source, via: null, withThat: false, punct: false }));
  return { agents, english: according.length ? according : englishExpressionCues(tokens) };
}

/** The speaker of a partial quote: the nearest `X ने` before it, else the nearest English cue. */
function partialCue(cues: SentenceCues, m: MarkedQuote): CueMatch | null {
  // Hindi: the agents before the quote.
  const lo = countBelow(cues.agents, m.open, (a) => a.at);
  // The nearest agent with a speech verb after it (`किम ने कहा कि सैनिकों ने "असाधारण" ...`: किम).
  for (let k = lo - 1; k >= 0; k--) if (cues.agents[k]!.cue.speaker) return cues.agents[k]!.cue;
  if (lo > 0) return null;
  // English: the cue nearest the quote.
  const list = cues.english;
  const at = countBelow(list, m.open, (c) => c.cue!.start);
  const a = list[at - 1];
  const b = list[at];
  if (!a) return b ?? null;
  if (!b) return a;
  return m.open - a.cue!.start <= b.cue!.start - m.open ? a : b;
}

/** `according to Yonhap, Kim said "..."`: the relaying source of a quote's sentence. */

/**
 * The organisation a quote reached the copy through, named after its cue: `told the BBC`,
 * `said in a statement carried by KCNA`. Null when there is none.
 */
function relayAfter(text: string, from: number, to: number): Range | null {
  const tokens = tokenize(text, from, Math.min(to, from + 200));
  // `told the BBC`, `told IANS`
  const direct = mediaAt(tokens, 0) ?? (tokens[0]?.lower === "the" ? mediaAt(tokens, 1) : null);
  if (direct) return direct;
  for (let k = 0; k < tokens.length && k < 14; k++) {
    const t = tokens[k]!;
    if (t.punct && ".;!?".includes(t.text)) break;
    const r = phraseStartingAt(tokens, k, RELAY_BY);
    if (r < 0) continue;
    let s = r;
    if (tokens[s]?.lower === "the") s++;
    // `through its official news agency KCNA`: the words that say what the medium is, then its name.
    else if (tokens[r - 1]?.lower === "through" && (tokens[s]?.lower === "its" || tokens[s]?.lower === "their")) {
      let w = s + 1;
      while (w < tokens.length && w - s <= 4 && /^\p{Ll}+$/u.test(tokens[w]!.text)) w++;
      s = w;
    }
    const m = mediaAt(tokens, s);
    if (m) return m;
    // An organisation written out: its capitalised words (`the official Korean Central News Agency`).
    let e = s;
    while (e < tokens.length && (/^[A-Z]/u.test(tokens[e]!.text) || (e === s && tokens[e]!.text === "official"))) e++;
    if (e > s) return { start: tokens[s]!.start, end: tokens[e - 1]!.end };
  }
  return null;
}

/** A news medium's name (`MEDIA`) at token `k`. */
function mediaAt(tokens: Token[], k: number): Range | null {
  const e = phraseStartingAt(tokens, k, MEDIA);
  return e < 0 ? null : { start: tokens[k]!.start, end: tokens[e - 1]!.end };
}

/** A quotation that is a statement: three words or more, ending a sentence inside the marks or just after. */
function isStatement(text: string, inner: Range): boolean {
  const t = text.slice(inner.start, inner.end);
  if ((t.match(/\S+/gu)?.length ?? 0) < 3) return false;
  return /[.!?।,]["'”’]?$/u.test(t) || /^["'”’]*\s*[.!?।]/u.test(text.slice(inner.end, inner.end + 4));
}

function accordingToIn(text: string, tokens: Token[], speaker: Range): Range | null {
  for (const r of reportedSpeech(tokens)) {
    if (r.kind === "according-to" && (r.source.end <= speaker.start || r.source.start >= speaker.end)) {
      if (text.slice(r.source.start, r.source.end) !== text.slice(speaker.start, speaker.end)) return r.source;
    }
  }
  return null;
}

/** `X ने कहा, <speech to the end of the sentence>` with no quotation marks. */
function unmarked(text: string, s: Range, tokens: Token[], pi: number): QuoteMatch | null {
  for (let k = 0; k + 1 < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.punct || !HI_UNMARKED_VERBS.has(t.text)) continue;
    const comma = tokens[k + 1]!;
    if (!comma.punct || comma.text !== ",") continue;
    const next = tokens[k + 2];
    if (!next || next.punct) continue;
    const speaker = subjectHi(tokens, k, 10);
    if (!speaker) continue;
    let end = s.end;
    while (end > next.start && /[\s।॥]/u.test(text[end - 1]!)) end--;
    if (end <= next.start) return null;
    return {
      inner: { start: next.start, end },
      paragraph: pi,
      kind: "unmarked",
      speaker,
      via: null,
      cue: { start: t.start, end: t.end },
      closed: true,
      rule: "unmarked",
    };
  }
  return null;
}

function reported(
  s: Range,
  tokens: Token[],
  pi: number,
  used: RangeSet,
  quotes: QuoteMatch[],
  out: AttributionMatch[],
): void {
  for (const r of reportedSpeech(tokens)) {
    // (An according-to source that opens a quote, `According to the police, "..."`, is reported
    // speech too: it names where the statement comes from, the quote is its words.)
    if (used.overlaps(r.cue) && r.kind !== "according-to") continue;
    // The cue of an unmarked quote in this sentence is that quote's, not reported speech.
    const last = quotes[quotes.length - 1];
    if (last && last.kind === "unmarked" && last.cue && last.cue.start === r.cue.start) continue;
    const start = Math.min(r.source.start, r.cue.start);
    out.push({ kind: r.kind, source: r.source, cue: r.cue, span: { start, end: s.end }, paragraph: pi });
  }
}

/**
 * Whether the opening mark at `open` follows a sentence's full stop, question or exclamation mark
 * with no space, and the quote opens with a capital letter (`obligation."We've obviously ...`).
 */
function gluedSentenceStart(text: string, open: number, innerStart: number): boolean {
  const before = text.charCodeAt(open - 1);
  if (before !== 0x2e && before !== 0x3f && before !== 0x21) return false;
  // A letter (or a closing bracket) ends the sentence before the stop, not another stop (`...`) or a figure.
  if (!/[\p{L})]/u.test(text[open - 2] ?? "")) return false;
  const c = text.charCodeAt(innerStart);
  return c >= 0x41 && c <= 0x5a;
}
