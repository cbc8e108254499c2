/**
 * The headline: a short first line, without sentence-final punctuation, above the dateline.
 *
 * ```
 * > | आंध्र में तूफान से १८ लोगों की मौत
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ headline
 * > | आईएएनएस
 * > | हैदराबाद।
 * ```
 */
import leftovers from "../data/leftovers.json" with { type: "json" };
import speech from "../data/speech.json" with { type: "json" };
import { fold, isHSpace, ownCopy } from "../text/chars.js";
import { isLetterMarkOrNumber, isLetterOrMark, isRegExpSpace, isWordChar, runEnd } from "../text/classes.js";
import { agencies, agencyNamed, agencyNames, agencyOf, agencyTags } from "../data/index.js";
import monthsTable from "../data/months.json" with { type: "json" };
import type { Range } from "../text/range.js";
import { lookupPlace } from "./places.js";

const MAX_CHARS = 250;
const MAX_WORDS = 30;
const FINAL = /[।॥.?!]["'”’)\]]*$/u;

/** Whether `s` ends a sentence: `.`, `?`, `!`, a danda, maybe before closing quote marks and brackets. */
export function endsSentence(s: string): boolean {
  return FINAL.test(s);
}
const STOP_END = /[।॥.]["'”’)\]]*$/u;
const INITIALS_END = /(?:^|\s)(?:\p{Lu}\.){2,}$/u;

export function isHeadline(content: string): boolean {
  if (content.length === 0 || content.length > MAX_CHARS) return false;
  // A headline may end in initials (`... Threatens U.S.`): that full stop ends no sentence; and
  // in a question or exclamation mark (`Who said Yoon can't go home again?`).
  if (STOP_END.test(content) && !INITIALS_END.test(content)) return false;
  return content.split(/\s+/u).length <= MAX_WORDS;
}

/**
 * Where a headline glued to its story's first sentence ends, in a line that opens a story without a
 * dateline: the lead repeats the headline's first word, glued to the headline's last word.
 *
 * ```
 * > | हवाई में नाव पर लावा गिरा, 23 घायलहवाई में यात्री नाव पर ...
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ headline  ^^^^ lead
 * ```
 * Null when the line opens with no such headline (at least three words, no sentence end in it).
 */
export function gluedLeadAt(content: string): number | null {
  const first = content.slice(0, runEnd(content, 0, content.length, isWordChar));
  if (first.length < 2) return null;
  const limit = Math.min(content.length, MAX_CHARS);
  for (let k = content.indexOf(first, 1); k > 0 && k < limit; k = content.indexOf(first, k + 1)) {
    // Glued: a letter or figure right before the word, none right after it.
    if (!isLetterMarkOrNumber(content.charCodeAt(k - 1))) continue;
    const after = k + first.length;
    if (after < content.length && isLetterOrMark(content.charCodeAt(after))) continue;
    // Not the end of a compound (`अंतर` + `राष्ट्रीय`: `अंतरराष्ट्रीय`).
    if (COMPOUND_PREFIXES.some((p) => content.endsWith(p, k) && !isLetterOrMark(content.charCodeAt(k - p.length - 1))))
      continue;
    const head = content.slice(0, k);
    if (!isHeadline(head) || INNER_END.test(head) || head.split(/\s+/u).length < 3) return null;
    return k;
  }
  return null;
}
const INNER_END = /[।॥.?!]["'”’)\]]*\s/u;
const COMPOUND_PREFIXES = leftovers.compoundPrefixes;

/**
 * A list item's number opening a headline, `1.कैलिफोर्निया में पहली मौत`, `2. Dhaka floods`: its
 * length (`mark`) and where the headline's words start (`text`). A figure goes on with a digit
 * (`2.5 million ...`), so the number must be followed by a letter, after spaces or none.
 */
export function listNumberAt(content: string): { mark: number; text: number } | null {
  const m = /^[0-9\u0966-\u096f]{1,2}[.)]/u.exec(content);
  if (!m) return null;
  let k = m[0].length;
  while (k < content.length && isHSpace(content.charCodeAt(k))) k++;
  return /^\p{L}/u.test(content.slice(k, k + 2)) ? { mark: m[0].length, text: k } : null;
}

/**
 * Whether the first line of a story with no dateline is its title: a short headline (two to
 * twenty words, no sentence end, no wire header) above a longer line that ends a sentence, or
 * above one of twice its length and twelve words or more whatever its end (a page's standfirst
 * printed without its full stop, a lead with a photo credit glued to its end).
 *
 * ```
 * > | Released hostage says ransom was paid     <- title
 * > | A French journalist freed on Thursday said ... .
 * ```
 */
export function isTitleLine(content: string, next: string | null): boolean {
  if (next === null || !isHeadline(content) || headerKind(content) !== null) return false;
  if (wrapsInto(content, next)) return false;
  const n = wordsIn(content);
  if (n < 2 || n > 20 || next.length <= content.length) return false;
  return FINAL.test(next) || (next.length >= 2 * content.length && wordsIn(next) >= 12);
}

/**
 * Whether `content` is the first line of a hard-wrapped sentence that `next` goes on with: it
 * ends in a word no English headline ends in (a preposition, a determiner, a conjunction:
 * speech.json's English lists, with `to` and `or`, which they lack) and the next line opens in
 * lower case: `The wholesale price of` over `onion on Tuesday rose ...` is the lead's first line,
 * no headline.
 */
function wrapsInto(content: string, next: string): boolean {
  return /^[a-z]/u.test(next) && endsInWrapWord(content);
}

/** Whether `line` ends in a word no English sentence ends in (`... new home prices in`): see `wrapsInto`. */
export function endsInWrapWord(line: string): boolean {
  const last = /([A-Za-z]+)$/u.exec(line.length > 16 ? line.slice(-16) : line)?.[1]?.toLowerCase();
  return last !== undefined && WRAP_WORDS.has(last);
}
const WRAP_WORDS = new Set([...speech.en.prepositions, ...speech.en.determiners, ...speech.en.verbLinks, "to", "or"]);

/**
 * A page's title standing alone above its furniture, with no dateline: a line of two to twenty
 * words and no sentence end, a blank line under it, then within the next few lines (`after`, the
 * non-blank ones) the body's first sentence, past at least one line the page put between (a time
 * stamp, a photo's caption and credit, a video's length, a deck that says the title again at more
 * length):
 *
 * ```
 * > | Tear gas fired as marchers reach the square
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ headline
 * > |
 * > | Image result for city protest
 * > | Police fired tear gas at hundreds of protesters marching on the square on Thursday, ...
 * ```
 */
export function isTitleOverPage(content: string, after: string[]): boolean {
  if (FINAL.test(content) || !isHeadline(content) || headerKind(content) !== null) return false;
  const n = wordsIn(content);
  if (n < 2 || n > 20) return false;
  // (With the body's sentence right under it, the line is a title only as `isTitleLine` says:
  // a lead that lost its full stop stands so too.)
  const k = after.slice(0, TITLE_REACH).findIndex(isBodyLine);
  return k > 0;
}

/** A line of running text: a sentence of a dozen words or more, or a line of 25 words. */
function isBodyLine(line: string): boolean {
  const w = wordsIn(line);
  return (FINAL.test(line) && w >= 12) || w >= 25;
}
/** How many non-blank lines under a title its body's first sentence may stand. */
const TITLE_REACH = 5;

/**
 * A line of one or two words with no sentence end between a title and the body: a page's section
 * label (`General`), a widget's leftover (`kh close`), a credit with a place (`AFP, Kathmandu,`).
 * It tells nothing of whether the line above is a title.
 */
export function isShortLabel(content: string): boolean {
  return wordsIn(content) <= 2 && !FINAL.test(content);
}

function wordsIn(s: string): number {
  return s.trim().split(/\s+/u).length;
}

/** A byline on a line of its own above the dateline: `by Janie Gabbett, Reuters`, `By K J M Varma`. */
export function isBylineLine(content: string): boolean {
  return (
    /^by(?:\s|:\s*\S)/iu.test(content) &&
    content.length <= 80 &&
    !FINAL.test(content) &&
    content.split(/\s+/u).length <= 8
  );
}

/**
 * A portal's desk credited in place of a reporter, under the title: a few capitalised words, the
 * last ending in a desk word (leftovers.json `deskWords`), maybe with the desk's page code after a
 * dash (`Sentinel Digital Desk`, `Web Desk`, `ABP News Bureau`, `Raftaar Desk - P2`). A byline.
 */
function isDeskLine(content: string): boolean {
  const m = DESK_LINE.exec(content);
  return m !== null && isDeskCredit(m[1]!);
}

/** A desk's credit: its last word ends in a desk word (`वेबडेस्क`, `News Desk`, `डिजिटल डेस्क`). */
export function isDeskCredit(s: string): boolean {
  const words = s.trim().toLowerCase().split(/\s+/u);
  const last = words[words.length - 1] ?? "";
  return words.length <= 6 && leftovers.deskWords.some((w) => last.endsWith(w));
}
const DESK_LINE = /^(?:\p{Lu}[\p{L}&'.-]*\s+){1,3}(\p{Lu}\p{L}*)(?:\s+[-–—|]\s*[\p{L}\d]{1,6})?$/u;

/**
 * A short Hindi line wholly in round brackets, as PTI-Bhasha prints one above the dateline: the
 * reporter's name (`(राधिका शर्मा)`, the byline, as when it is run into the dateline) or the
 * desk's note, which joins words with postpositions (`(फोटो के साथ)`). Never a headline.
 *
 * ```
 * > | (अमनप्रीत सिंह)
 * >   ^^^^^^^^^^^^^^^ byline (the dateline on the next line)
 * ```
 */
function bracketedLine(content: string): "byline" | "note" | null {
  if (content.length > 40 || !/^\([\u0900-\u097f ]+\)$/u.test(content)) return null;
  const words = content.slice(1, -1).trim().split(/\s+/u);
  if (words.some((w) => NOTE_JOINERS.has(w))) return "note";
  return words.length >= 2 && words.length <= 4 ? "byline" : null;
}
/**
 * Hindi postpositions (speech.json's) and the words that go with them in a desk's note: a
 * bracketed line that holds one is a phrase, not a name.
 */
const NOTE_JOINERS = new Set([...speech.hi.postpositions, "साथ", "लिए", "और", "सहित"]);

/**
 * A byline and the page's time stamp on one line, split by `|`, as portals print agency copy:
 *
 * ```
 * > | By ANI | Updated: April 22, 2021 18:40 IST
 * >   ^^^^^^ byline   ^^^^^^^^^^^^^^^^^^^^^^^^^^^ time stamp (no text)
 * > | ANI | Updated: Jan 8, 2022 09:15 IST
 * > | IANS, 30 Sep, 2016 01:18 PM
 * > | AFP 07 Feb 2021
 * > | Source: Xinhua 2016-08-16 21:00:24
 * > | Source : business.khaskhabar.com | Apr 29, 2015 |
 * > | By Jagran NewsEdited By: Siddharth ChaurasiyaUpdated: Sun, 29 Oct 2023 06:10 AM (IST)
 * > | (Xinhua)   2014-05-12 09:31:07
 * > | By AFP - Jan 22,2024 - Last updated at Jan 22,2024
 * ```
 *
 * The byline is `By ...`, an agency's name alone or a `Source:` label and what it names, or the
 * agency's tag in brackets; what follows the bar (or each dash between spaces) is a time stamp.
 * A stamp's label may be glued to a byline instead of the bar; an agency's name (maybe after
 * `Source:`) may stand before a stamp that opens with a figure with a comma or a space instead.
 * Gives the length of the byline (without the spaces before the bar), or 0 when the line is not one.
 */
export function bylineBeforeStamp(content: string): number {
  if (content.length > 120) return 0;
  if (bracketCreditStamp(content)) return content.indexOf(")") + 1;
  const bar = content.indexOf("|");
  if (bar > 0) {
    const left = content.slice(0, bar).trimEnd();
    // The page's editor after the stamp, after another bar (`Source: Xinhua| 2020-09-24
    // 22:44:50|Editor: huaxia`), is the stamp's company.
    const right = content
      .slice(bar + 1)
      .replace(EDITOR_TAIL, "")
      .trim();
    if (left && (isBylineLine(left) || agencyOf(left) || SOURCE_LABEL.test(left)) && isStamp(right)) return left.length;
  }
  // Stamps after dashes between spaces (`By AFP - Jan 22,2024 - Last updated at Jan 22,2024`).
  const dash = content.indexOf(" - ");
  if (dash > 0) {
    const left = content.slice(0, dash).trimEnd();
    const stamps = content.slice(dash + 3).split(" - ");
    if ((isBylineLine(left) || agencyOf(left)) && stamps.every((f) => isStampField(f.trim()))) return left.length;
  }
  // A stamp's label glued to the byline or the agency's tag, or after a space (`By Jagran
  // NewsEdited By: Siddharth ChaurasiyaUpdated: Sun, 29 Oct 2023 06:10 AM (IST)`, `PTIUpdated:
  // Wednesday, October 20, 2021, 07:12 PM IST`).
  const label = STAMP_LABEL_AT.exec(content);
  if (label && label.index > 0) {
    const left = content.slice(0, label.index).trimEnd();
    if ((isBylineLine(left) || agencyOf(left)) && isStamp(content.slice(label.index))) return left.length;
  }
  // (The stamps below all hold a figure.)
  if (!/\d/u.test(content)) return 0;
  // A portal's credit line of the agency and its office, then the stamp's label with no colon
  // (`PTI Bahraich (UP) Published 20.07.24, 06:24 PM`).
  const word = STAMP_WORD_AT.exec(content);
  if (word && word.index > 0) {
    const left = content.slice(0, word.index).trimEnd();
    if (agencyPlaceCredit(left) && isStamp(content.slice(word.index).trim())) return left.length;
  }
  // An agency's tag or name (maybe printed twice, as author and as source: `PTI PTI Updated on:
  // December 04, 2013 20:24 IST`) and a stamp with a date after a comma or a space (`IANS, 30 Sep,
  // 2016 01:18 PM`, `Reuters June 15, 2017`, `Press Trust of India Aug 10, 2018 15:45:51 IST`),
  // perhaps after a `Source:` label (`Source: Xinhua 2016-08-16 21:00:24`).
  const from = SOURCE_LABEL.exec(content)?.[0].length ?? 0;
  const rest = content.slice(from);
  const comma = rest.indexOf(",");
  const seps = comma > 0 ? [comma] : [];
  for (let k = rest.search(/\s/u), n = 0; k > 0 && n < 5; k = rest.indexOf(" ", k + 1), n++) seps.push(k);
  for (const sep of seps) {
    const left = rest.slice(0, sep).trimEnd();
    const right = rest.slice(sep + 1).trim();
    if (left && agencyTagOf(left) && /\d/u.test(right) && isStamp(right) && stampOf(stampWords(right))?.date !== false)
      return from + left.length;
  }
  return 0;
}
const SOURCE_LABEL = /^source\s*:\s*/iu;
/** The agency a tag or name is, also when a page prints it twice (`PTI PTI`). */
function agencyTagOf(s: string) {
  const twice = /^(\S+)\s+\1$/u.exec(s);
  // (`The Associated Press, June 16, 2009`: a name is written with its article too.)
  return agencyOf(twice ? twice[1]! : s.replace(/^the\s+/iu, ""));
}

/**
 * A page's stamp, then the byline or the agency's credit after a bar (`Sep 05, 2017 03:03 PM IST |
 * Source: PTI`): the whole line is the byline.
 */
export function stampThenCredit(line: string): boolean {
  if (line.length > 120) return false;
  // A bar closing the line (`12:25 PM Sep 16, 2024 | PTI |`) closes nothing.
  const content = line.replace(/[\s|]+$/u, "");
  const bar = content.lastIndexOf("|");
  if (bar <= 0) return isoStampThenCredit(content) || stampThenTag(content) || stampThenBy(content);
  const right = content.slice(bar + 1).trim();
  const named = right.replace(SOURCE_LABEL, "");
  if (!right || !(agencyOf(named) || (named !== right && named.length > 1) || isBylineLine(right))) return false;
  return isStamp(content.slice(0, bar).trim());
}
/**
 * A date and time in figures, then the agency and maybe the page's editor, as Chinese portals
 * print agency copy: `2015-01-23 13:48 Xinhua Web Editor: Gu Liping`, `2016-03-07 09:30Xinhua
 * Editor: Gu Liping`.
 */
function isoStampThenCredit(content: string): boolean {
  const m = ISO_STAMP_AT.exec(content);
  if (!m) return false;
  const rest = content.slice(m[0].length);
  const editor = EDITOR_LABEL_AT.exec(rest);
  const named = (editor ? rest.slice(0, editor.index) : rest).trim();
  return named.length > 1 && agencyOf(named) !== undefined;
}
// (The agency may be glued to the time: `2016-03-07 09:30Xinhua Editor: Gu Liping`.)
const ISO_STAMP_AT = /^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}(?::\d{2})?(?!\d)\s*/u;

/** A page's date and then a byline, with no bar between (`November 15,2016   By:Xinhua`). */
function stampThenBy(content: string): boolean {
  const by = content.lastIndexOf(" By");
  return (
    by > 0 &&
    /\d/u.test(content.slice(0, by)) &&
    isBylineLine(content.slice(by + 1)) &&
    isStamp(content.slice(0, by).trim())
  );
}

/** A page's date and then the agency's tag, with no bar between (`Feb 25, 2016 IANS`). */
function stampThenTag(content: string): boolean {
  const space = content.lastIndexOf(" ");
  if (space <= 0 || !/\d/u.test(content.slice(0, space))) return false;
  const tag = content.slice(space + 1);
  return tag.length > 1 && agencyOf(tag) !== undefined && isStamp(content.slice(0, space).trim());
}
const EDITOR_LABEL_AT = /\s(?:Web\s+)?Editor\s*:/iu;
/** A page's editor closing a credit line, after a bar: `|Editor: huaxia`, `| Web Editor: Gu Liping`. */
const EDITOR_TAIL = /\s*\|\s*(?:Web\s+)?Editor\s*:[^|]{1,40}$/iu;

/**
 * A portal's credit line: the agency's full name, or its tag before a bar or a space, then a known
 * place of at most four words, maybe the page's stamps after another bar or their label, as
 * portals print agency copy under the title (`Press Trust of India  |  Kolkata`, `PTI | New Delhi
 * | Updated: 25-06-2021 13:01 IST`, `ANI New Delhi`, `ANI Bhilwara (Rajasthan)`, `PTI Bahraich
 * (UP) Published 20.07.24, 06:24 PM`):
 * > | Press Trust of India Hyderabad
 * The whole line is the byline. It gives no date, and the place is the office that filed the
 * story, not a dateline of the copy.
 */
export function agencyPlaceCredit(content: string): boolean {
  if (content.length > 160) return false;
  const bar = content.indexOf(" | ");
  const space = content.indexOf(" ");
  const first = space > 0 ? content.slice(0, space) : "";
  const named =
    agencyNames.find((n) => content.startsWith(n)) ??
    (bar > 0 && agencyTags.includes(content.slice(0, bar)) ? content.slice(0, bar) : null) ??
    (CAPS_TAG.test(first) && agencyTags.includes(first) ? first : null);
  if (!named) return false;
  let p = named.length;
  while (p < content.length && (isHSpace(content.charCodeAt(p)) || content[p] === "|")) p++;
  if (p === named.length || p === content.length) return false;
  let q = content.indexOf("|", p);
  if (q >= 0 && !isStampTail(content.slice(q))) return false;
  if (q < 0) {
    // The page's stamp after the place with no bar, opening with its label (`PTI Bahraich (UP)
    // Published 20.07.24, 06:24 PM`).
    const label = STAMP_WORD_AT.exec(content.slice(p));
    q = label ? p + label.index : content.length;
    if (label && !isStamp(content.slice(q).trim())) return false;
  }
  const place = content.slice(p, q).trimEnd();
  return wordsIn(place) <= 4 && lookupPlace(place) !== undefined;
}

/**
 * Short fields between bars, one of them the agency's tag or name, maybe after a `Source:` or
 * `From:` label, as a portal credits agency copy under the title: `National |  IANS  | Published :`,
 * `IANS  |  New Delhi`, `Education | Press Trust of India | Updated: Jun 22, 2020 9:38 pm IST`,
 * `Date : 2013-08-20  | From : Xinhua`. The other fields are labels of at most three words (a
 * section, a place, a stamp's empty label) or the page's stamps.
 */
export function barCredit(content: string): boolean {
  if (content.length > 120 || !content.includes("|")) return false;
  let agency = 0;
  let fields = 0;
  for (const raw of content.split("|")) {
    const f = raw.trim();
    if (!f) continue;
    fields++;
    const named = f.replace(CREDIT_LABEL, "");
    if (creditedAgency(named)?.code) agency++;
    else if (/\d/u.test(f) ? !isStampField(f) : wordsIn(f) > 3 || FINAL.test(f)) return false;
  }
  return fields >= 2 && agency === 1;
}
const CREDIT_LABEL = /^(?:source|from)\s*:\s*/iu;

/** The agency a credit names by its tag or its full name (`PTI`, `Press Trust of India`). */
function creditedAgency(named: string) {
  return agencyOf(named) ?? agencyNamed(named);
}

/** A field of a credit line that is a page's stamp: a date or a clock time, maybe labelled. */
function isStampField(f: string): boolean {
  if (!/\d/u.test(f)) return false;
  if (isStamp(f)) return true;
  const st = stampOf(stampWords(f));
  return st !== null && (st.date || st.time);
}

/**
 * The agency's tag or name in brackets, then the page's stamp (`(Xinhua) Updated: 2014-12-14
 * 16:21`, as China Daily prints agency copy): a credit, where another name in the brackets
 * (`(China Daily) Updated: 2013-03-20`) leaves the line a stamp.
 */
function bracketCreditStamp(content: string): boolean {
  if (content.length > 80 || content[0] !== "(") return false;
  const close = content.indexOf(")");
  if (close < 2 || close > 40) return false;
  const named = content.slice(1, close).trim();
  const rest = content.slice(close + 1).trim();
  return creditedAgency(named)?.code != null && isStampField(rest);
}

/**
 * A page's date in any language the month tables do not hold: a weekday, a comma, the day, the
 * month and the year, nothing else (`Rabu, 23 Juli 2008`, `martes, 22 de octubre de 2013`,
 * `Dienstag, 22. Oktober 2013`). No headline has that shape.
 */
const WEEKDAY_DATE = /^\p{L}{3,12},\s+\d{1,2}\.?\s+(?:de\s+)?\p{L}{3,12}\.?\s+(?:de\s+)?\d{4}$/u;

/**
 * KCNA's page stamp with the year of the Juche calendar, maybe after the site's `calendar>>`
 * label: `calendar>>February 1. 2017 Juche 106`, `March 1. 2013 Juch 102 |`.
 */
const JUCHE_STAMP = /^(?:calendar>>\s*)?\p{L}+\.? \d{1,2}\.?,? \d{4},? Juche? \d{1,3}[\s|]*$/u;

/** The word a page's stamp opens with, inside a line: `Updated`, `Last Updated`, `Published`. */
const STAMP_LABEL_WORD = String.raw`(?:Last\s+)?(?:Updated|Published|Posted|Modified)`;
/** A tag in capitals (`PTI`, `ANI`): one that opens a credit line before a place with only a space. */
const CAPS_TAG = /^\p{Lu}{2,}$/u;
/** A stamp's label inside a line, with or without its colon: ` Published 20.07.24, 06:24 PM`. */
const STAMP_WORD_AT = new RegExp(String.raw`\s${STAMP_LABEL_WORD}\b`, "u");

/** A stamp's label with its colon inside a line: `Updated:`, `Published On:`. */
const STAMP_LABEL_AT = new RegExp(String.raw`${STAMP_LABEL_WORD}(?:\s+On)?\s*:`, "u");

/** A page's time stamp and nothing else. */
function isStamp(content: string): boolean {
  if ((mayBeTimestamp(content) && TIMESTAMP.test(content)) || isStampLine(content)) return true;
  const cut = withoutGluedIso(content);
  return cut.length > 0 && cut.length < content.length && isStamp(cut);
}

/**
 * A stamp whose last word has the page's machine date glued to it (`... 20:02
 * IST2021-06-29T20:02:36+5:30`): the stamp before the glued date, or "" when there is none.
 */
function withoutGluedIso(content: string): string {
  const m = /\s+([A-Za-z]{0,4})\d{4}-\d{2}-\d{2}T\S*$/u.exec(content);
  return m ? content.slice(0, m.index) + (m[1] ? ` ${m[1]}` : "") : "";
}

/**
 * What a line above the dateline is when it is not the headline:
 *
 * ```
 * > | AP-Peru-Protests,0412                   slug   (a wire's raw header line)
 * > | AP-NR-09-20-89 0002EDT                  slug   (data/leftovers.json wireHeaders)
 * > | u a AM-Hugo 4thLd-Writethru a0800 09-20 1046   slug
 * > | LaserPhotos PAR3, PAR4, WX10            slug
 * > | (ATTN: adds details in para 5)          note   (an editor's note: a paragraph of its own)
 * > | (Adds analyst comment, closing prices)  note   (what a new version changes)
 * > | Adds vaccine details                    note   (the same without its brackets)
 * > | Adds Up to a Record Harvest             headline
 * > |   * Queues at petrol stations           bullet (a summary point: a paragraph)
 * > | By Anita Rao                            byline
 * > | Reuters News                            byline (the agency's credit alone: `isAgencyCredit`)
 * > | Source: Associated Press                credit (the agency's, after a `Source:` label: a byline when alone)
 * > | Associated Press                        credit under a byline
 * > | ... IANS India Private Limited14 June   credit (a publisher's credit or copyright line)
 * > | -----------------                       rule   (a digest's separator: no text)
 * > | (Photo: Xinhua)                         caption (a photo's caption or credit: no text)
 * > | Wed Mar 26, 6:55 PM ET                  timestamp (a page's time stamp: no text)
 * ```
 */
export type HeaderKind =
  | "slug"
  | "note"
  | "bullet"
  | "byline"
  | "byline-credit"
  | "credit"
  | "rule"
  | "caption"
  | "timestamp";

const NOTE = new RegExp(String.raw`^[(\[]?\s*(?:${leftovers.notes.map(escapeRe).join("|")})\s*[:\-—]`, "iu");
/** Reuters' note of what a new version changes: `(Adds quotes, details)`, `(Rewrites paragraph 1, adds comments ...`. */
const UPDATE_NOTE =
  /^\((?:Adds|Updates|Rewrites|Recasts|Corrects|Changes|Refiles|Repeats|Fixes|Removes|Inserts)\s+[^()]{2,120}\)?$/u;
/**
 * The same note as portals print it, without the brackets (`Adds vaccine details`): a verb that
 * is no plural noun, then words in lower case only (a headline would capitalise them).
 */
const BARE_UPDATE_NOTE = /^(?:Adds|Rewrites|Recasts|Refiles|Inserts)\s+[a-z][a-z0-9 ,;'’-]{2,100}$/u;
const SLUG = /^[A-Z]{2,}[A-Za-z0-9]*-\S*-\S*(?:,[^\n]{0,40})?$|^[A-Z]{2,}[A-Za-z0-9]*-[^\s,]+,[^\n]{0,40}$/u;
const WIRE_HEADERS = leftovers.wireHeaders.map((h) => new RegExp(h, "u"));
const BULLET = /^[*•·▪►■-]\s+\S/u;
const BULLET_MARK = /^[*•·▪►■-]\s+/u;

/** A list item's text without its bullet (`• Queues at petrol stations`). */
export function bulletItem(content: string): string {
  return content.replace(BULLET_MARK, "");
}

/**
 * A list item of one or two words with no figure or mark: a page's section, place or tag in its
 * menu of stamps (`• Business` over `• Saturday, 11 Oct 2003`, `• ANI`, `• Zurich`), no summary point.
 */
export function isMenuItem(content: string): boolean {
  if (content.length > 40 || !BULLET.test(content)) return false;
  return /^[\p{L}\p{M}&'’.-]+(?: [\p{L}\p{M}&'’.-]+)?$/u.test(bulletItem(content).trim());
}
const AGENCY_TAGS = agencies
  .flatMap((a) => a.tags)
  .filter((t) => /^[A-Za-z]/u.test(t))
  .map(escapeRe)
  .join("|");
/**
 * A photo's credit or caption: `(Photo: Xinhua)`, `[Photo/Xinhua]`, or a line ending in the
 * agency's photo credit (`... Dec. 17, 2018. (Xinhua/Xie Huanchi)`, `(AP Photo/Jane Roe)`).
 */
const CAPTION_WORDS = leftovers.captionWords.map(escapeRe).join("|");
export const CAPTION = new RegExp(
  String.raw`^[(\[]?\s*(?:${CAPTION_WORDS})\s*[:/]\s*[^()\[\]\n]{2,40}[)\]]?$|(?:^|\s|(?<=[.!?]))[(\[](?:(?:Photo|File|File\s+Photo)\s*[/|]\s*(?:${AGENCY_TAGS})|(?:${AGENCY_TAGS})(?:\s+Photo(?:\s*\/\s*[^()\[\]\n]{2,40})?|\s*\/\s*[^()\[\]\n]{2,40}))[)\]]$`,
  "iu",
);
/** A caption closed by its credit in brackets: `... clinch gold (Image Source: IANS)`, `... (Photo: PTI)`. */
const BRACKETED_CREDIT = new RegExp(String.raw`\s\((?:${CAPTION_WORDS}|Pic)\s*:\s*[^()\n]{2,40}\)$`, "iu");
/**
 * A caption's last sentence, then its label, a colon and the agency, glued or spaced:
 * `... on Jan 15, 2016.PHOTO: REUTERS`, `... in Seoul. Photo: AFP`.
 */
const LABEL_CREDIT_END = new RegExp(String.raw`[.!?]\s*(?:${CAPTION_WORDS})\s*:\s*(?:${AGENCY_TAGS})$`, "iu");
/** A caption's label and an agency's tag alone, with no colon: `Image Source UNIVARTA`. */
const LABEL_THEN_AGENCY = new RegExp(String.raw`^(?:${CAPTION_WORDS})\s+(?:${AGENCY_TAGS})$`, "iu");
/** The words that end a caption after a dash and its credit (`pic`, `file photo`), longest first. */
const CAPTION_SUFFIXES = [...leftovers.captionSuffixes]
  .sort((a, b) => b.length - a.length)
  .map(escapeRe)
  .join("|");
/** A caption's last sentence and the dash before its credit (a pattern's source). */
export const CREDIT_DASH = String.raw`[.!?”"’)]\s*[—–-]\s*`;
/**
 * A caption's last sentence, a dash, a credit of one to three capitalised words and a caption
 * suffix (a pattern's source; ending the line here, glued to a dateline in `parse/dateline.ts`).
 * >     Carlos Tavares, chairman of the board of PSA Peugeot Citroen. — AFP pic
 * >                                                                   ^^^^^^^^^ the credit
 */
export const DASH_CREDIT = String.raw`${CREDIT_DASH}(?:[A-Z][\p{L}]*\s+){1,3}(?:${CAPTION_SUFFIXES})`;
const DASH_CREDIT_END = new RegExp(`${DASH_CREDIT}$`, "u");
/** A caption's label and a colon opening a line, whatever follows (`FILE PHOTO: North Korean leader ...`). */
const CAPTION_LABEL = new RegExp(String.raw`^(?:${CAPTION_WORDS})\s*:\s+\S`, "iu");
/** A page's time stamp above the story: `Wed Mar 26, 6:55 PM ET`, `March 27, 2008`, `Updated: 13 hr ago` (more shapes: `isStampLine`). */
const TS = leftovers.timestamps;
const alt = (words: string[]): string => words.map(escapeRe).join("|");
export const TIMESTAMP = new RegExp(
  String.raw`^(?:(?:${alt(TS.labels)})\s*:?\s*)?(?:(?:${alt(TS.weekdays)})[a-z]*\.?,?\s+)?(?:(?:${alt(TS.months)})[a-z]*\.?\s+\d{1,2}(?:,?\s+\d{4})?|\d{1,2}\s+(?:${alt(TS.months)})[a-z]*\.?,?\s+\d{4})?(?:,?\s+\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?[Mm]\.?)?(?:\s*[A-Z]{2,4})?)?$|^(?:${alt(TS.agoLabels)})\s*:?\s*\d{1,2}\s+(?:${alt(TS.agoUnits)})\s+ago$`,
  "u",
);
const STAMP_LABELS = new Set(TS.labelWords);
const WEEKDAYS = TS.weekdayNames.map((w) => w.toLowerCase());
/** Hindi month names, folded (`फ़रवरी` as `फरवरी`): a page's stamp in Hindi (`बुधवार, 8 फ़रवरी 2017 (09:07 IST)`). */
const HI_MONTHS = new Set(
  Object.values(monthsTable.months)
    .flat()
    .filter((m) => /[\u0900-\u097f]/u.test(m))
    .map((m) => fold(m)),
);
const MONTHS = Object.values(monthsTable.months)
  .flat()
  .filter((m) => /^[A-Za-z]+$/u.test(m))
  .map((m) => m.toLowerCase());
const AGO_UNITS = new Set(TS.agoUnits);
const STAMP_TIME = /^\d{1,2}[:.]\d{2}(?::\d{2})?(?:[+-]\d{2}(?::?\d{2})?|[AaPp]\.?[Mm]\.?)?$/u;
const STAMP_ISO = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/u;
const STAMP_NUMBER = /^\d{1,4}(?:st|nd|rd|th)?$/u;
const DASH_WORD = /^[-–—]$/u;
/**
 * `24-01-2021`, `09.04.2019`, `5/2/2007`, `2020/8/10`, `09/16/05`: a day, a month and a year in
 * figures (either way round, as pages print them; a year of two figures only between slashes or
 * full stops: `20.07.24`).
 */
const STAMP_DMY = /^(?:\d{1,2}([-./])\d{1,2}\1\d{4}|\d{4}([-./])\d{1,2}\2\d{1,2}|\d{1,2}([/.])\d{1,2}\3\d{2})$/u;
/** `Date: 23/12/2022`, `Posted on: 05.03.2019`: a label, a colon, a day, month and year in figures. */
const LABELLED_DATE =
  /^(?:Date|Dated|Posted(?: on)?|Published(?: on)?|Updated(?: on)?)\s*:\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{4}$/iu;
const MERIDIEM = /^[ap]\.?m\.?$/iu;
/** A time zone after a clock time (`IST`, and `ist` as some pages print it). */
const ZONE = /^(?:[A-Z]{2,4}(?:[+-]\d{1,2}(?::?\d{2})?)?|[a-z]{3})$/u;

/**
 * What a run of words says when it is nothing but a page's time stamp: labels first (`Posted at`,
 * `and last updated`), then dates, times, weekdays, numbers (`Posted at 6:11 AM, Oct 18, 2018`,
 * `28th June 2003`, `2018-10-18 09:11:06-04`, `59 minutes ago`); null when a word is none of these.
 */
function stampOf(words: string[]): { date: boolean; time: boolean; ago: boolean } | null {
  let date = false;
  let time = false;
  let ago = false;
  let label = true;
  for (const w of words) {
    const lw = w.toLowerCase();
    if (label && STAMP_LABELS.has(lw.replace(/:$/u, ""))) continue;
    // A second stamp after the first (`Published : Dec 30, 2020 - 10:50   Updated : ...`).
    if (!label && (date || time) && TS.labels.includes(w.replace(/:$/u, ""))) {
      label = true;
      continue;
    }
    // The label's colon after a space (`Published : 2014-09-01 13:57`).
    if (label && lw === ":") continue;
    // A dash between a label and the date (`Updated On - March 11, 2024`).
    if (label && DASH_WORD.test(w)) continue;
    label = false;
    if (STAMP_ISO.test(w)) {
      date = true;
      time ||= w.includes("T");
    } else if (STAMP_DMY.test(w)) date = true;
    else if (STAMP_TIME.test(w)) time = true;
    else if (lw === "ago") ago = true;
    else if (STAMP_NUMBER.test(w) || MERIDIEM.test(w) || AGO_UNITS.has(lw) || (time && ZONE.test(w))) continue;
    // A dash between the date and the time (`Saturday, September 23, 2017 - 09:30`), or `at`
    // (`Published: Oct. 22, 2022 at 2:48 AM CDT`).
    else if (date && (DASH_WORD.test(w) || lw === "at")) continue;
    else {
      const bare = lw.replace(/\.$/u, "");
      if ((bare.length >= 3 && MONTHS.some((m) => m.startsWith(bare))) || HI_MONTHS.has(fold(bare))) date = true;
      else if (!(bare.length >= 3 && WEEKDAYS.some((d) => d.startsWith(bare)))) return null;
    }
  }
  return { date, time, ago };
}

/**
 * A page's time stamp read word by word (the pattern above takes only its commonest shapes); a
 * stamp with a date and a time may follow a short credit (`Darpan News Desk IANS, 11 Jul, 2022
 * 12:08 PM`), and one with a date a short label or place and a colon or bar (`Story first
 * published: Wednesday, October 9, 2019, 16:10 [IST]`, `WASHINGTON | Thu Jun 27, 2013 4:38pm EDT`), and
 * one with a date a short credit in brackets (`(Xinhua)   2013-03-20 10:46:57`), and one with a
 * time and a date a section's name (`All News 10:05 October 10, 2023`).
 */
function isStampLine(content: string): boolean {
  if (content.length > 80 || !/\d/u.test(content)) return false;
  const whole = stampOf(stampWords(content));
  if (whole) return whole.ago || whole.date || whole.time;
  const comma = content.indexOf(",");
  if (comma >= 0 && !/\d/u.test(content.slice(0, comma)) && content.slice(0, comma).split(/\s+/u).length <= 6) {
    const rest = stampOf(stampWords(content.slice(comma + 1)));
    if (rest?.date === true && rest.time) return true;
  }
  // A page's header of fields between bars, the first a labelled date (`Date: 23/12/2022 |
  // Source: KCNA.kp (En) | Read original version at source`).
  const bar0 = content.indexOf("|");
  if (bar0 > 0 && LABELLED_DATE.test(content.slice(0, bar0).trim())) return true;
  // After a section's name of up to three capitalised words (Yonhap's `All News 10:05 October 10,
  // 2023`, `Yonhap News Summary 17:48 August 07, 2019`): a time and a date.
  const words = stampWords(content);
  const j = words.findIndex((w) => /\d/u.test(w));
  if (j > 0 && j <= 3 && words.slice(0, j).every((w) => /^\p{Lu}\p{Ll}*$/u.test(w))) {
    const rest = stampOf(words.slice(j));
    if (rest?.date && rest.time) return true;
  }
  // After a credit in brackets (`(Xinhua)   2013-03-20 10:46:57`, `(China Daily) Updated: 2013-03-20`).
  const close = content.startsWith("(") ? content.indexOf(")") : -1;
  if (close > 1 && content.slice(1, close).trim().split(/\s+/u).length <= 4) {
    const rest = stampOf(stampWords(content.slice(close + 1)));
    if (rest?.date) return true;
  }
  // Stamps between bars (`Published: 03rd March 2019 12:51 PM | Last Updated: 03rd March 2019 12:51 PM`).
  if (content.includes("|")) {
    const fields = content.split("|").map((f) => f.trim());
    if (fields.every((f) => f && stampOf(stampWords(f))?.date)) return true;
  }
  // Fields between slashes, a date first, then a time or how long ago (`May 16, 2018 / 3:16 AM /
  // in an hour`, `June 21, 2020 / 10:33 AM / Updated an hour ago`).
  if (content.includes(" / ")) {
    const [head, ...fields] = content.split(" / ").map((f) => f.trim());
    if (stampOf(stampWords(head!))?.date && fields.every((f) => stampOf(stampWords(f)) !== null || isHowLongAgo(f)))
      return true;
  }
  // Before a colon or bar: a place in capitals or a stamp's label (`Story first published`).
  const bar = content.search(/[:|]/u);
  if (bar <= 0) return false;
  const left = content.slice(0, bar).trim().split(/\s+/u);
  if (
    left.length > 4 ||
    !(left.every((w) => /^\p{Lu}[\p{Lu}.'’-]*$/u.test(w)) || left.every((w) => STAMP_LABELS.has(w.toLowerCase())))
  )
    return false;
  return stampOf(stampWords(content.slice(bar + 1)))?.date === true;
}

/**
 * How long ago or how soon, as a page's stamp says it (`in an hour`, `Updated an hour ago`,
 * `2 days ago`): a label, maybe `in`, a figure or `a`/`an`, a unit, maybe `ago`.
 */
function isHowLongAgo(field: string): boolean {
  const w = field.toLowerCase().split(/\s+/u);
  let k = 0;
  while (k < w.length && STAMP_LABELS.has(w[k]!.replace(/:$/u, ""))) k++;
  const soon = w[k] === "in";
  if (soon) k++;
  if (!(w[k] === "a" || w[k] === "an" || /^\d{1,3}$/u.test(w[k] ?? ""))) return false;
  if (!AGO_UNITS.has(w[k + 1] ?? "")) return false;
  k += 2;
  const ago = w[k] === "ago";
  if (ago) k++;
  return k === w.length && soon !== ago;
}

/**
 * The rest of a line after a dateline, when it is only a page's stamps between bars
 * (`| Updated: 24-01-2021 17:32 IST | Created: 24-01-2021 17:32 IST`).
 */
export function isStampTail(rest: string): boolean {
  const t = rest.trim();
  if (!t.startsWith("|") || t.length > 160) return false;
  const fields = t
    .slice(1)
    .split("|")
    .map((f) => f.trim())
    .filter(Boolean);
  return fields.length > 0 && fields.every((f) => stampOf(stampWords(f))?.date === true);
}

/** A line that is only a page's stamp with both a date and a clock time (`Dec 1, 2022, 09:38 IST`). */
export function isDateTimeStamp(content: string): boolean {
  if (content.length > 60 || !/\d/u.test(content)) return false;
  const st = stampOf(stampWords(content));
  return st?.date === true && st.time;
}

/** The rest of a dateline's line that is only a time (`16:12 IST`, The Hindu's credit line). */
export function isTimeTail(rest: string): boolean {
  return TIME_ALONE.test(rest);
}

/** A clock time, maybe with its meridiem and zone (`16:12 IST`, `5:30 PM`). */
const CLOCK = String.raw`[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?`;
const TIME_ALONE = new RegExp(String.raw`^\s*${CLOCK}\s*$`, "u");
/** A clock time ending a line after a date (`PTI New Delhi August 02, 2022 16:12 IST`). */
export const TIME_TAIL = new RegExp(String.raw`\s+${CLOCK}$`, "u");

/** The words of a stamp, without the commas, bars and brackets between them (`[IST]`). */
function stampWords(s: string): string[] {
  // A slash between figures holds a date together (`5/2/2007`); elsewhere it parts words. A dash
  // between spaces parts fields (`Wednesday - 2/5/2014, 1:00am ET`).
  return s.split(/[\s,|[\]()]+|(?<!\d)\/|\/(?!\d)/u).filter((w) => w && !/^[-–—]+$/u.test(w));
}

/**
 * A caption line ending in its photo credit: `... in Paju, South Korea. Photo courtesy of
 * Unification Ministry/EPA-EFE`, `... Tribune photo: Manas Ranjan Bhui`, `... UPI/Stephen Shaver | License Photo`.
 */
function endsInPhotoCredit(content: string): boolean {
  if (leftovers.captionMarks.some((m) => content.endsWith(m))) return true;
  if (BRACKETED_CREDIT.test(content) || LABEL_THEN_AGENCY.test(content)) return true;
  if (content.length <= 1000 && (DASH_CREDIT_END.test(content) || LABEL_CREDIT_END.test(content))) return true;
  for (const c of leftovers.captionCredits) {
    const at = content.lastIndexOf(c);
    if (at <= 0) continue;
    const tail = content.slice(at + c.length).trim();
    if (tail.length < 2 || tail.length > 60 || /[.!?]$/u.test(tail)) continue;
    if (/(?:[.!?)\]]|[.!?]\s+\S+)$/u.test(content.slice(0, at).trimEnd())) return true;
  }
  return false;
}

/**
 * What `CAPTION` needs, tested before it (a pattern alternating every agency tag, case-insensitive,
 * costs a run more to compile than most runs spend on their header lines): a closing bracket at
 * the end, or the first word of a caption word anywhere, in any case (`ſ` is an `s` to the pattern).
 */
const CAPTION_FIRST_WORDS = leftovers.captionWords.map((w) => w.toLowerCase().split(/\s+/u)[0]!);
export function mayBeCaption(content: string): boolean {
  const last = content.charCodeAt(content.length - 1);
  if (last === 0x29 || last === 0x5d) return true;
  const lower = content.toLowerCase().replaceAll("ſ", "s");
  return CAPTION_FIRST_WORDS.some((w) => lower.includes(w));
}

/** What `TIMESTAMP` needs: nothing but ASCII letters and figures, `:`, `.`, `,` and white space. */
export function mayBeTimestamp(content: string): boolean {
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    const ok =
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x30 && c <= 0x3a) || // figures and `:`
      c === 0x2e ||
      c === 0x2c ||
      isRegExpSpace(c);
    if (!ok) return false;
  }
  return true;
}

/** A separator line between the items of a digest (`-----------------`). */
export const RULE = /^(?:[-–—=_*~#]\s?){4,}$/u;
const CREDITS = leftovers.credits.map((c) => fold(c));
const BYLINE_CREDITS = new Set(leftovers.bylineCredits.map((c) => fold(c)));

const PAGE_LEFTOVERS = new Set(leftovers.pageLeftovers.map((w) => fold(w)));

/** A line's first Latin word, and its last (maybe with `(s)` and a colon after it), when a widget's. */
const WIDGET_WORD = leftovers.widgetWords.map(escapeRe).join("|");
const WIDGET_EDGE = new RegExp(`^[^A-Za-z]*(?:${WIDGET_WORD})(?![A-Za-z])`, "iu");
const WIDGET_END = new RegExp(String.raw`(?<![A-Za-z])(?:${WIDGET_WORD})(?:\(s\))?[^A-Za-z]*$`, "iu");

/** A share, print and text-size widget's words, three or more, and no other Latin word. */
const WIDGET_WORDS = new Set(leftovers.widgetWords.map((w) => w.toLowerCase()));
function isWidgetLine(content: string): boolean {
  // Cheap test first (every short line is asked): the first Latin word is a widget's.
  if (content.length > 100) return false;
  const first = /[A-Za-z][A-Za-z-]*/u.exec(content);
  if (!first || !WIDGET_WORDS.has(first[0].toLowerCase())) return false;
  let n = 0;
  for (const m of content.matchAll(/[A-Za-z][A-Za-z-]*/gu)) {
    if (!WIDGET_WORDS.has(m[0].toLowerCase())) return false;
    n++;
  }
  return n >= 3;
}

/**
 * `content` without three or more of a widget's words at its start or at its end (`0 Comment(s)Print
 * E-mail ` before, ` Adjust font size:` after), trimmed; `content` itself when it has no such run.
 */
function withoutWidgets(content: string): string {
  // Cheap test first (every short line is asked): a widget's word first or last.
  if (!WIDGET_EDGE.test(content) && !WIDGET_END.test(content)) return content;
  const words = [...content.matchAll(/[A-Za-z][A-Za-z-]*(?:\(s\))?/gu)];
  const widget = (k: number) => WIDGET_WORDS.has(words[k]![0].replace("(s)", "").toLowerCase());
  let a = 0;
  while (a < words.length && widget(a)) a++;
  let b = words.length;
  while (b > a && widget(b - 1)) b--;
  if (a === words.length) return content;
  const start = a >= 3 ? words[a]!.index : 0;
  const end = words.length - b >= 3 ? words[b]!.index : content.length;
  return start === 0 && end === content.length ? content : content.slice(start, end).trim();
}

/**
 * Whether `s` holds a letter or a figure (`[\p{L}\p{N}]`): an ASCII letter or figure or a
 * Devanagari consonant answers at once, without the Unicode classes' pattern (compiling it is a
 * good part of a short run's start-up).
 */
function hasLetterOrNumber(s: string): boolean {
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    const lower = c | 0x20;
    if ((lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39) || (c >= 0x915 && c <= 0x939)) return true;
  }
  return /[\p{L}\p{N}]/u.test(s);
}

/** A page's link to another story: its label, `|`, `:` or a dash, and the title (`Also Read | Tesla Cybertruck ...`). */
function isStoryLink(content: string): boolean {
  if (!LINK_FIRST.has(content.charCodeAt(0))) return false;
  const m = LINK_LABEL.exec(content);
  return m !== null && m[0].length < content.length;
}
const LINK_LABEL = new RegExp(String.raw`^(?:${leftovers.linkLabels.map(escapeRe).join("|")})\s*[|:：\-–—]\s*`, "u");
const LINK_FIRST = new Set(leftovers.linkLabels.map((l) => l.charCodeAt(0)));

/**
 * A line a web page leaves between or after paragraphs: never a paragraph. One of the page's
 * words (`ADVERTISEMENT`, `Trending News`, `Comments / 0`, `Related posts:`: compared without
 * figures and punctuation), a line with no letter or figure at all (`|`), a counter alone (`18`),
 * a share widget's words, an image's file name (`Power lines_20931`), stamp labels left without
 * their dates (`Posted: / Updated:`), or a short label and a web address (`Image credit: https://...`).
 */
export function isPageLeftover(content: string): boolean {
  if (content.length <= 300 && isStoryLink(content)) return true;
  if (content.length > 120) return false;
  if (!hasLetterOrNumber(content)) return true;
  // A counter left alone on its line (comments, shares, a gallery's picture number): `0`, `18`.
  if (content.length <= 4 && /^\s*\d{1,3}\s*$/u.test(content)) return true;
  if (content.length <= 40 && PAGE_LEFTOVERS.has(fold(content.replace(/[\p{N}\p{P}\p{S}]+/gu, " ")))) return true;
  // A share and print widget's words (`Comments() Print Mail Large Medium Small`).
  if (isWidgetLine(content)) return true;
  // An image's file name left as its alt text (`Police lights_14607`, `AP25118742292127.jpg`).
  if (content.length <= 60 && content.includes("_") && /^[\p{L}][\p{L} -]*_\d{2,}$/u.test(content)) return true;
  if (content.length <= 80 && /^[\w.-]+\.(?:jpe?g|png|gif|webp)$/iu.test(content.trim())) return true;
  // A page's field label left without its value (`ID :`, `Shortlink :`, `Related Articles:`): one
  // or two Latin words and a colon, not a place (`Kolkata:` over its lead is a dateline).
  if (content.length <= 30 && content.endsWith(":") && /^[A-Za-z][A-Za-z]*(?: [A-Za-z]+)? ?:$/u.test(content)) {
    if (!lookupPlace(content.slice(0, -1).trim())) return true;
  }
  // A page's stamp labels left without their dates (`Posted: / Updated:`).
  if (
    content.length <= 40 &&
    "lpumcLPUMC".includes(content[0]!) &&
    /^(?:(?:last\s+)?(?:posted|updated|published|modified|created)(?:\s+on)?\s*:?\s*[/|,]?\s*)+$/iu.test(content)
  )
    return true;
  // A web address, alone or after a short label (`Image credit: https://...`).
  return /^(?:[^:/]{1,30}:\s*)?https?:\/\/\S+$/u.test(content.trim());
}

/**
 * A line that is only an agency's name, as pages credit it: its full name (`The Associated
 * Press`, `Press Trust of India`) or its tag and `News` or `Staff` (`Reuters News`); a bare tag is none
 * (`आईएएनएस` alone may open a dateline on the next line).
 */
export function isAgencyCredit(line: string): boolean {
  // A comma may close the credit (`Xinhua News Agency,` above the dateline).
  const t = line.trim().replace(/,$/u, "");
  if (t.length > 40 || !/^\p{L}[\p{L}\p{M}'’.-]*(?:\s+[\p{L}\p{M}'’.-]+)+$/u.test(t)) return false;
  const name = t.replace(/^the\s+/iu, "");
  if (AGENCY_NAMES.has(fold(name))) return true;
  const tag = name.replace(/\s+(?:news(?:\s+agency)?|staff)$/iu, "");
  return tag !== name && agencyOf(tag) !== undefined;
}
const AGENCY_NAMES = new Set(agencies.flatMap((a) => (a.code === null ? [] : a.names.map((n) => fold(n)))));

/** A line a web page leaves after a story's sign-off: a page's leftover line or a time stamp (`Next Story`). */
export function isTrailingLeftover(content: string): boolean {
  return (
    isPageLeftover(content) ||
    // (A time stamp holds a figure: the cheap test first, most short lines have none.)
    (content.length <= 80 && /\d/u.test(content) && headerKind(content) === "timestamp") ||
    isTrailerLine(content) ||
    // (Both patterns open with a letter or mark in any case: `s` or `ſ`; `(`, `©` or `c`.)
    ("sSſ".includes(content[0]!) && SOURCE_SITE.test(content)) ||
    SITE_DATE.test(content) ||
    (content.length <= 120 && "(©cC".includes(content[0]!) && COPYRIGHT_LINE.test(content))
  );
}

/**
 * A copyright notice under the sign-off: `(C) Yonhap News Agency. All Rights Reserved`,
 * `Copyright © 2000 Xinhua ...`, or only a name after the mark (`Copyright  IANS` under `--IANS`
 * and its codes).
 */
const COPYRIGHT_LINE =
  /^(?:\(c\)|©|copyright\b).*\ball rights reserved\.?$|^(?:\(c\)|©|copyright)\s*(?:©\s*)?(?:\d{4}\s+)?\p{L}[\p{L} .&-]{1,40}$/iu;

/** A page's note of where it took the copy from, one name or address (`source: reuters.com`). */
const SOURCE_SITE = /^source\s*:\s*[\p{L}\p{N}][\p{L}\p{N}.-]{0,40}$/iu;
/**
 * A site's address and the day's date under the closing mark: `www.kcna.kp (2024.12.09.)`, or
 * with the year of the Juche calendar as KCNA also counts it (`www.kcna.kp (Juche111.5.24.)`).
 */
const SITE_DATE = /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\s*\((?:\d{4}|Juche\s?\d{1,3})\.\d{1,2}\.\d{1,2}\.?\)$/u;

/** A text without quotation marks and brackets, folded (`यह खबर ‘भाषा’ न्यूज़ ...` as `यह खबर भाषा न्यूज़ ...`). */
function unquoted(s: string): string {
  return fold(
    s
      .replace(/[‘’“”"'()[\]]/gu, "")
      .replace(/\s+/gu, " ")
      .trim(),
  );
}
/** The folded openings, each a prefix to compare, or a pattern where `*` stands for a name of one or two words. */
const TRAILER_OPENINGS: ((head: string) => boolean)[] = leftovers.trailers.map(unquoted).map((t) => {
  if (!t.includes("*")) return (head: string) => head.startsWith(t);
  const re = new RegExp(`^${t.split("*").map(escapeRe).join(String.raw`\S+(?: \S+)?`)}`, "u");
  return (head: string) => re.test(head);
});
/** The letters a publisher's note opens with, in either case: a line opening with none is no note. */
const TRAILER_FIRSTS = new Set(leftovers.trailers.flatMap((t) => [t[0]!.toLowerCase(), t[0]!.toUpperCase()]));

/**
 * A publisher's note on a line of its own, in brackets or not (`यह खबर ‘भाषा’ न्यूज़ एजेंसी से
 * ‘ऑटो-फीड’ द्वारा ली गई है. ...`, `(This story has not been edited by ...)`): after a sign-off, the
 * story's leftover, not a story of its own; in brackets after the last sentence, a paragraph of its
 * own (`splitTrailer`).
 */
export function isTrailerLine(content: string): boolean {
  // (A disclaimer may run long: `Disclaimer: The views expressed in this article ...`, 600 characters.)
  if (content.length > 1200) return false;
  let k = 0;
  while (k < 4 && k < content.length && "(['‘“\" ".includes(content[k]!)) k++;
  if (!TRAILER_FIRSTS.has(content[k] ?? "")) return false;
  const head = unquoted(content.slice(0, 160));
  return TRAILER_OPENINGS.some((opens) => opens(head));
}

/** A stock image's caption, told by its opening words (`For representational purposes ...`). */
const CAPTION_OPENINGS = leftovers.captionOpenings.map((w) => w.toLowerCase());
function opensAsCaption(content: string): boolean {
  if (content.length > 200) return false;
  const lower = content.slice(0, 40).toLowerCase();
  return CAPTION_OPENINGS.some((w) => lower.startsWith(w));
}

/**
 * A photo's caption that ends a sentence and then its credit (`WASHINGTON D.C., Nov. 21, 2017
 * (Xinhua) -- ... at the White House Nov. 20, 2017. (Xinhua/Shen Ting/IANS)`): a caption even
 * where it opens as a dateline does (agencies' captions do), never a story's dateline.
 */
export function isCreditedCaption(content: string): boolean {
  if (!isLongCaption(content)) return false;
  let e = Math.max(content.lastIndexOf("("), content.lastIndexOf("["));
  while (e > 0 && isHSpace(content.charCodeAt(e - 1))) e--;
  return content.charCodeAt(e - 1) === 0x2e;
}

/**
 * A photo's long caption, told by the credit that ends it (`... in Dingxi City Monday morning.
 * (Xinhua/Guo Gang)`): only that bracket is read.
 */
function isLongCaption(content: string): boolean {
  if (content.length > 1000) return false;
  const last = content.charCodeAt(content.length - 1);
  if (last !== 0x29 && last !== 0x5d) return false;
  const open = Math.max(content.lastIndexOf("("), content.lastIndexOf("["));
  // (The credit may stand glued to the caption's last sentence: `... on Friday.(Xinhua/Wu Qiang)`.)
  const before = content.charCodeAt(open - 1);
  return open > 0 && (isHSpace(before) || before === 0x2e) && CAPTION.test(content.slice(open));
}

/**
 * Whether a line is a publisher's credit line (`headerKind` "credit"), testing the credit words
 * before every other kind of header line.
 */
export function isCreditLine(content: string): boolean {
  if (content.length > 120) return false;
  const f = fold(content);
  return CREDITS.some((c) => f.includes(c)) && headerKind(content) === "credit";
}

/**
 * `headerKind`'s answers for the lines seen last: the passes over a story ask about the same
 * lines two or three times. Keys are own copies (`ownCopy`), never slices that would keep a
 * story's text alive; a line longer than a header line is not kept (its answer is quick).
 */
const kinds = new Map<string, HeaderKind | null>();
const KINDS_KEPT = 512;

export function headerKind(content: string): HeaderKind | null {
  if (content.length > 300) return headerKindOf(content);
  const known = kinds.get(content);
  if (known !== undefined) return known;
  const kind = headerKindOf(content);
  if (kinds.size >= KINDS_KEPT) kinds.clear();
  kinds.set(ownCopy(content), kind);
  return kind;
}

function headerKindOf(content: string): HeaderKind | null {
  if (content.length > 300) return isLongCaption(content) ? "caption" : null;
  if (RULE.test(content)) return "rule";
  // A page's widget before or after the line (`0 Comment(s)Print E-mail Xinhua, February 11,
  // 2023`, `Xinhua, July 12, 2015 Adjust font size:`): the line is what the rest is.
  const core = content.length <= 120 ? withoutWidgets(content) : content;
  if (core !== content) {
    const kind = core ? headerKind(core) : null;
    if (kind) return kind;
  }
  if (
    (mayBeCaption(content) && (CAPTION.test(content) || CAPTION_LABEL.test(content))) ||
    endsInPhotoCredit(content) ||
    opensAsCaption(content)
  )
    return "caption";
  // `By ANI | Updated: ...` before the stamps: a byline with its stamp is the byline; so is a
  // stamp with the credit after it.
  if (bylineBeforeStamp(content) > 0 || stampThenCredit(content) || barCredit(content) || agencyPlaceCredit(content))
    return "byline";
  // (A stamp line always holds a figure: `isStampLine` asks for one, the pattern alone does not.)
  if (/\d/u.test(content) && (isStamp(content) || JUCHE_STAMP.test(content) || WEEKDAY_DATE.test(content)))
    return "timestamp";
  if (NOTE.test(content) || UPDATE_NOTE.test(content) || BARE_UPDATE_NOTE.test(content)) return "note";
  if (SLUG.test(content) || WIRE_HEADERS.some((h) => h.test(content))) return "slug";
  if (BULLET.test(content)) {
    // A page's stamp, byline, credit or caption printed as a list item (`• Updated On - March 11,
    // 2024`, `• Kyodo`) is that, not a summary point.
    const item = headerKind(bulletItem(content));
    return item === "timestamp" || item === "byline" || item === "byline-credit" || item === "caption"
      ? item
      : "bullet";
  }
  if (isBylineLine(content) || isDeskLine(content)) return "byline";
  const bracketed = bracketedLine(content);
  if (bracketed) return bracketed;
  // Every kind below is a short line's (the longest a credit line's, 120 characters).
  if (content.length > 120) return null;
  const f = fold(content);
  if (BYLINE_CREDITS.has(f) || /^(?:associated press|ap|afp|reuters)\b.{0,30}\bwriter$/u.test(f))
    return "byline-credit";
  // An agency's tag alone in brackets (`(Xinhua)` under a portal's title).
  if (content.length <= 20 && /^\([^()]+\)$/u.test(content) && agencyOf(content.slice(1, -1).trim()))
    return "byline-credit";
  if (isAgencyCredit(content)) return "byline";
  // `Source: Associated Press`, `Source:PTI` alone under a portal's title: the agency's credit.
  if (content.length <= 60 && SOURCE_LABEL.test(content)) {
    const named = content.replace(SOURCE_LABEL, "").trim();
    if (agencyOf(named)?.code || isAgencyCredit(named)) return "byline-credit";
  }
  if (content.length <= 120 && CREDITS.some((c) => f.includes(c))) return "credit";
  return null;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
}

/** Agency names and tags, longest first, for finding an agency named in running text. */
const AGENCY_WORDS = agencies
  .flatMap((a) => (a.code === null ? [] : [...a.names, ...a.tags.filter((t) => t.length >= 3)]))
  .sort((x, y) => y.length - x.length);
/**
 * Any of them, in any case: portals print the tag as they like (`2012-11-24 12:26:57    xinhua
 * Web Editor: Wang`). Made at its first use: a run that meets no byline never compiles it.
 */
let agencyInText: RegExp | null = null;
const agencyInTextPattern = (): RegExp =>
  (agencyInText ??= new RegExp(
    String.raw`(?<![\p{L}\p{M}])(?:${AGENCY_WORDS.map(escapeRe).join("|")})(?![\p{L}\p{M}])`,
    "iu",
  ));

/**
 * The agency a credit names in running text (a digest's preamble: `... moved by Yonhap News
 * Agency on Tuesday.`; a byline `By PTI`), as a range of `text` from `from` to `to`, or null.
 */
export function agencyNamedIn(text: string, from: number, to: number): (Range & { code: string }) | null {
  const s = text.slice(from, to);
  const m = agencyInTextPattern().exec(s);
  const code = m ? agencyOf(m[0])?.code : null;
  if (m && code) return { start: from + m.index, end: from + m.index + m[0].length, code };
  // A tag too short to be looked for in running text, right after a byline's `By` (`By AP News`)
  // or a credit's `Source:` (`Source: AP`).
  const b = BY_SHORT_TAG.exec(s);
  const short = b && AGENCY_SHORT_TAGS.has(b[1]!) ? agencyOf(b[1]!)?.code : null;
  if (b && short) return { start: from + b[0].length - b[1]!.length, end: from + b[0].length, code: short };
  // Or the writer's title after the name (`By BRIAN MURPHY, AP Religion Writer`).
  const w = SHORT_TAG_WRITER.exec(s);
  const writer = w && AGENCY_SHORT_TAGS.has(w[1]!) ? agencyOf(w[1]!)?.code : null;
  const at = w ? from + w.index + w[0].indexOf(w[1]!) : 0;
  return w && writer ? { start: at, end: at + w[1]!.length, code: writer } : null;
}
/** A short tag opening a writer's title at a byline's end: `, AP Writer`, `, AP Religion Writer`. */
const SHORT_TAG_WRITER = /,\s*(\p{Lu}{2})\s+(?:\p{Lu}\p{Ll}+\s+){0,2}(?:Writer|Correspondent|Editor)s?\s*$/u;
const AGENCY_SHORT_TAGS = new Set(
  agencies.flatMap((a) => (a.code === null ? [] : a.tags.filter((t) => t.length < 3 && /^\p{Lu}+$/u.test(t)))),
);
const BY_SHORT_TAG = /^\s*(?:By\s+|Source\s*:\s*)(\p{Lu}{2})(?![\p{L}\p{M}])/u;
