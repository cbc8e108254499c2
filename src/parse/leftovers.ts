/**
 * Publishers' and desks' leftovers in the body.
 *
 * ```
 * > | ... पुष्टि हुई है ।(यह आर्टिकल एजेंसी फीड से ऑटो-अपलोड हुआ है । ...)    a publisher's note: its own paragraph
 *                      ^
 * > | ... 29 हो गई है ।दि28 वायरस लॉकडाउन लीड सरकार सरकार की ...            a desk slug leaked into the body
 *                      ^^^^
 * ```
 */
import table from "../data/leftovers.json" with { type: "json" };
import { finding, type Finding } from "../diagnostics.js";
import type { ParagraphMatch } from "./paragraphs.js";
import type { Range } from "../text/range.js";
import {
  CAPTION,
  headerKind,
  isAgencyCredit,
  isCreditLine,
  isDateTimeStamp,
  isMenuItem,
  isPageLeftover,
  isTrailerLine,
} from "./headline.js";

const SLUG = new RegExp(String.raw`(?:^|[\s।:])((?:${table.slugPrefixes.join("|")})\d{1,3})(?=\s)`, "gu");
/** What a desk slug needs, tested before `SLUG`: the last letter of a slug's prefix right before a figure. */
const SLUG_NEEDS = new RegExp(`[${[...new Set(table.slugPrefixes.map((p) => p.slice(-1)))].join("")}][0-9]`, "u");

/** Whether `s` may hold a desk slug (`दि28`): false means it holds none. */
export function mayHoldSlug(s: string): boolean {
  return SLUG_NEEDS.test(s);
}
/** How far from a paragraph's end a publisher's note may start. */
const TRAILER_REACH = 800;

/** Splits a publisher's note off the last paragraph into a paragraph of its own (a diagnostic marks it, or the last paragraph when it is one). */
export function splitTrailer(text: string, paras: ParagraphMatch[], findings: Finding[]): void {
  const last = paras[paras.length - 1];
  if (!last) return;
  // A paragraph of its own that is the note (`डिस्क्लेमरः यह ... न्यूज फीड से ...`).
  if (paras.length > 1 && isTrailerLine(text.slice(last.start, Math.min(last.end, last.start + 161)))) {
    findings.push(finding("publisher-trailer", "a publisher's note follows the story", last.start, last.end));
    return;
  }
  const from = Math.max(last.start, last.end - TRAILER_REACH);
  const tail = text.slice(from, last.end);
  for (let j = tail.indexOf("("); j >= 0; j = tail.indexOf("(", j + 1)) {
    const k = from + j;
    if (isTrailerLine(text.slice(k, Math.min(last.end, k + 161)))) {
      findings.push(finding("publisher-trailer", "a publisher's note follows the story", k, last.end));
      if (k > last.start) {
        let e = k;
        while (e > last.start && /\s/u.test(text[e - 1]!)) e--;
        const glued = e === k;
        paras.push({ start: k, end: last.end, break: glued ? "inferred" : "newline" });
        last.end = e;
      }
      return;
    }
  }
}

/** A publisher's credit line closing the story (`... IANS India Private Limited14 June 2019`): a diagnostic, it stays a paragraph. */
export function findCreditLine(text: string, paras: ParagraphMatch[], findings: Finding[]): void {
  const last = paras[paras.length - 1];
  if (!last || paras.length < 2 || last.end - last.start > 300) return;
  if (isCreditLine(text.slice(last.start, last.end))) {
    findings.push(finding("publisher-trailer", "a publisher's credit line follows the story", last.start, last.end));
  }
}

/** Desk slugs (`दि28 ...`) left in the body: a diagnostic each, the text stays. */
export function findSlugs(text: string, paras: ParagraphMatch[], findings: Finding[]): void {
  for (const p of paras) {
    const s = text.slice(p.start, p.end);
    if (!mayHoldSlug(s)) continue;
    for (const m of s.matchAll(SLUG)) {
      const at = p.start + m.index! + m[0].length - m[1]!.length;
      findings.push(finding("desk-slug", `desk slug "${m[1]}" left in the body`, at, at + m[1]!.length));
    }
  }
}

/**
 * What a page left in line `r`, as its finding's message: a leftover line, or (with `credits`) a
 * photo's credit standing alone, `(File image: Reuters)`, `[Photo/Xinhua]`, said to be `where`;
 * null when the line is copy.
 */
function leftoverLine(text: string, r: Range, credits: boolean, where: string): string | null {
  if (r.end - r.start > 300) return null;
  const line = text.slice(r.start, r.end);
  if (isPageLeftover(line)) return "a web page's leftover line";
  return credits && r.end - r.start <= 60 && CAPTION.test(line) ? `a photo's credit ${where}` : null;
}

/**
 * The lines above a dateline with a page's leftover line and a photo's credit left out (each
 * with the finding that says so), as `dropPageLeftovers` leaves them out of the body.
 */
export function withoutLeftoverLines(text: string, lines: Range[], findings: Finding[]): Range[] {
  return lines.filter((r) => {
    const what = leftoverLine(text, r, true, "above the dateline");
    if (what) findings.push(finding("page-leftover", what, r.start, r.end));
    return what === null;
  });
}

/**
 * What a web page leaves in the body, dropped from the paragraphs with an info `page-leftover`:
 * a line such as `ADVERTISEMENT` or a stamp with a date and a time (`Dec 1, 2022, 09:38 IST`)
 * anywhere, a page's time stamp or photo caption at the top of a story with no dateline (under
 * its title: `June 29, 2009 12:00 am`; under a dateline, a time stamp only) and a time stamp
 * closing the story (`18 may 2004 22:54:00`).
 */
export function dropPageLeftovers(text: string, paras: ParagraphMatch[], top: boolean, findings: Finding[]): void {
  const drop = (k: number, what: string) => {
    const p = paras[k]!;
    findings.push(finding("page-leftover", what, p.start, p.end));
    paras.splice(k, 1);
    if (k === 0 && paras[0]) paras[0].break = "start";
  };
  for (let k = paras.length - 1; k >= 0; k--) {
    const what = leftoverLine(text, paras[k]!, paras.length > 1, "inside the story");
    if (what) drop(k, what);
  }
  while (top && paras.length > 1 && paras[0]!.end - paras[0]!.start <= 300) {
    const first = text.slice(paras[0]!.start, paras[0]!.end);
    if (isAgencyCredit(first)) {
      drop(0, "an agency's credit above the story");
      continue;
    }
    const kind = headerKind(first);
    if (kind === "bullet" && isMenuItem(first)) {
      drop(0, "a page's menu item above the story");
      continue;
    }
    if (kind !== "timestamp" && kind !== "caption") break;
    drop(0, kind === "caption" ? "a photo caption above the story" : "a time stamp above the story");
  }
  // Under a dateline, a page's time stamp opening the body (`Updated: August 02, 2022 16:12 IST`).
  while (!top && paras.length > 1 && paras[0]!.end - paras[0]!.start <= 80) {
    if (headerKind(text.slice(paras[0]!.start, paras[0]!.end)) !== "timestamp") break;
    drop(0, "a time stamp under the dateline");
  }
  const last = paras[paras.length - 1];
  if (
    paras.length > 1 &&
    last &&
    last.end - last.start <= 80 &&
    headerKind(text.slice(last.start, last.end)) === "timestamp"
  )
    drop(paras.length - 1, "a time stamp after the story");
  // A page's stamp with a date and a time between paragraphs (`Dec 1, 2022, 09:38 IST`).
  for (let k = paras.length - 1; k >= 0 && paras.length > 1; k--) {
    const p = paras[k]!;
    if (p.end - p.start <= 60 && isDateTimeStamp(text.slice(p.start, p.end)))
      drop(k, "a page's time stamp inside the story");
  }
}
