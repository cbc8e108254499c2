/**
 * The agency a story's copy is, read from its own interviews when nothing else names one: a
 * portal that dropped the dateline's tag and the sign-off still prints `..., he told IANS.` or
 * `उन्होंने आईएएनएस से कहा`. The agency told is the agency writing. So is the agency whose feed
 * a portal's closing note names (`यह ख़बर पीटीआई-भाषा की फीड से प्रकाशित की गयी है।`).
 *
 * > Bengaluru, Sep 10: ... "We will appeal," the minister told IANS.
 * >                                                          ^^^^ IANS
 */
import { agencyOf, agencyTags } from "../data/index.js";
import type { Range } from "../text/range.js";
import { escapeRegExp } from "../text/regexp.js";

const LATIN = agencyTags.filter((t) => /^[A-Za-z][A-Za-z-]*$/u.test(t));
const DEVANAGARI = agencyTags.filter((t) => /^[\u0900-\u097f-]+$/u.test(t));
/**
 * `told IANS`, `told PTI`, `speaking to IANS`, a portal's credit closing a sentence (`...,
 * officials said, Reuters reports.`, `..., ANI reported.`, `..., reported ANI.`); `आईएएनएस से
 * कहा`, `आईएएनएस को बताया`, `एएनआई को फोन पर बताया`, `‘पीटीआई भाषा’ को बताया`, `आईएएनएस के साथ
 * बातचीत में कहा`, `एएनआई से बात करते हुए बताया`, an interview with the agency (`एएनआई से
 * बातचीत में X ने कहा`, `आईएएनएस से खास बातचीत में`, `आईएएनएस से बातचीत के दौरान`, `एएनआई से
 * बात करते हुए X ने ... ब्यौरा दिया`), the agency before the one who tells it (`आईएएनएस से एक
 * सूत्र ने कहा`); and a portal's note that the story came from the agency's feed (`यह ख़बर पीटीआई-भाषा की फीड से प्रकाशित की गयी है`, `यह आईएएनएस
 * न्यूज फीड से सीधे पब्लिश हुई खबर है`). `told news agency IANS`; a tag whose `-भाषा` was lost
 * (`पीटीआई- को बताया`); and a talk with the agency named a few words on (`आईएएनएस से अपनी फिल्म
 * को लेकर खास बातचीत की`, `एएनआई के साथ इंटरव्यू के दौरान`, `रॉयटर्स से विस्फोट की पुष्टि की`,
 * `पूर्वानुमान आईएएनएस के साथ साझा करते हुए`), not for `भाषा` alone, which is also the word
 * "language" (`हिंदी भाषा से प्रेम`). An Indian agency's report cited (`HOME` below): `एएनआई की
 * रिपोर्ट के मुताबिक`, `एएनआई के मुताबिक`, `भाषा की रिपोर्ट` (not `भाषा के अनुसार`, "according to
 * the language").
 */
const TALK = ["बातचीत", "इंटरव्यू", "साक्षात्कार", "पुष्टि", "साझा"];
/**
 * Hindi tags of India's own agencies: a Hindi portal that cites their report runs their copy,
 * while one citing a foreign agency's report (`समाचार एजेंसी सिन्हुआ की रिपोर्ट के अनुसार`) relays
 * news it did not take from that agency's feed.
 */
const HOME = DEVANAGARI.filter((t) => agencyOf(t)?.home === "IN");
/** Alternations of the tags, for the pattern below (`BARE`: without `भाषा`, also "language"). */
const alt = (tags: string[]): string => tags.map(escapeRegExp).join("|");
const EN = alt(LATIN);
const HI = alt(DEVANAGARI);
const HI_BARE = alt(DEVANAGARI.filter((t) => t !== "भाषा"));
const HOME_HI = alt(HOME);
const HOME_BARE = alt(HOME.filter((t) => t !== "भाषा"));
/** A Devanagari tag's edges: no letter before it, maybe a closing mark or a lost half's hyphen after. */
const DEV_START = String.raw`(?<![\u0900-\u097f])`;
const DEV_END = "[’'\"”-]?";
const TOLD = new RegExp(
  [
    String.raw`\b(?:told|(?:speaking|talking|spoke) to) (?:(?:the )?(?:news |wire )?agency )?(${EN})\b`,
    String.raw`, (${EN}) report(?:s|ed)\.`,
    String.raw`, reported (${EN})\.`,
    String.raw`${DEV_START}(${HI_BARE})${DEV_END} (?:से|के साथ) (?:[^\s,।"“]+ ){0,10}(?:${TALK.join("|")})(?![\u0900-\u097f])`,
    String.raw`${DEV_START}(${HOME_BARE})${DEV_END} (?:की रिपोर्ट )?के (?:मुताबिक|अनुसार)(?![\u0900-\u097f])`,
    String.raw`${DEV_START}(${HOME_HI})${DEV_END} की रिपोर्ट(?![\u0900-\u097f])`,
    String.raw`${DEV_START}(${HI})${DEV_END} (?:(?:से|को|के साथ) (?:(?:(?:विशेष|खास|ख़ास) )?बातचीत में |बात करते हुए |(?:फ़?ोन|टेलीफोन) पर )?(?:कहा|बताया)|(?:से|के साथ) (?:(?:(?:विशेष|खास|ख़ास) )?बातचीत (?:में|के दौरान)|बात करते हुए)|से (?:[^\s,।"“]+ ){1,4}ने (?:कहा|बताया)|(?:की|न्यूज) फ़?ीड से)`,
  ].join("|"),
  "u",
);

/** The first agency told something in `[from, to)`, with its code; null when none is. */
export function toldAgency(text: string, from: number, to: number): (Range & { code: string | null }) | null {
  const m = TOLD.exec(text.slice(from, to));
  if (!m) return null;
  // The one group of the alternatives that matched.
  const tag = m.find((g, k) => k > 0 && g !== undefined)!;
  const start = from + m.index + m[0].indexOf(tag);
  return { start, end: start + tag.length, code: agencyOf(tag)?.code ?? null };
}
