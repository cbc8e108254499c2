/**
 * The canonical Latin name of a speaker or source, where one is known: agencies by their
 * tags and long names (`केसीएनए` -> `KCNA`, `योनहाप समाचार एजेंसी` -> `Yonhap`), also when the
 * agency's acronym stands in brackets inside a longer name (`... न्यूज एजेंसी (केसीएनए)`).
 * People keep `name: null`: the parser does not transliterate names.
 */
import { agencyOf } from "../data/index.js";

export function personName(text: string): string | null {
  const whole = agencyOf(text);
  if (whole) return whole.code;
  const bracket = /\(([^()]{1,40})\)/u.exec(text);
  if (bracket) {
    const a = agencyOf(bracket[1]!);
    if (a) return a.code;
  }
  const words = text.split(/\s+/u);
  if (words.length <= 4) {
    for (const w of words) {
      const a = agencyOf(w.replace(/^[("'‘“]+|[)"'’”,.]+$/gu, ""));
      if (a?.code) return a.code;
    }
  }
  return null;
}
