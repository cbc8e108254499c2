/**
 * Tables and agate (sports results, racing fields, market lists): runs of lines laid out in
 * columns or made mostly of figures. Each run becomes one paragraph of `kind: "table"`, its
 * lines kept as they are; no prose rule (sentences, quotes, glued paragraphs) runs on it.
 *
 * ```
 * > | Baltimore;23;13;.639;_;_;8-2;L-1          fields separated by `;`
 * > | Arsenal        12   9   2   1   28  10     columns: gaps of two or more spaces
 * > | 1. Jane Doe (USA) 2:21:04                 figures more than words
 * ```
 */
import type { Line } from "./lines.js";
import type { Range } from "../text/range.js";
import type { ParagraphMatch } from "./paragraphs.js";

/** How many table lines in a row make a table (one when the envelope says the copy is tabular). */
const MIN_RUN = 3;

export function isTableLine(s: string): boolean {
  const t = s.trim();
  if (t.length < 3) return false;
  if ((t.match(/;/gu)?.length ?? 0) >= 3) return true;
  if ((t.match(/\S(?:\t|[ ]{2,})(?=\S)/gu)?.length ?? 0) >= 2) return true;
  const numbers = t.match(/(?:^|[\s(])[-+]?[\d.,:/-]*\d[\d.,:/-]*(?=$|[\s)])/gu)?.length ?? 0;
  if (numbers < 3) return false;
  let digits = 0;
  let letters = 0;
  for (const ch of t) {
    if (/\d/u.test(ch)) digits++;
    else if (/\p{L}/u.test(ch)) letters++;
  }
  return digits >= letters * 0.6 && !/[.!?]["'”’)]*$/u.test(t.replace(/\d\.$/u, ""));
}

/** The runs of table lines in [from, to), as ranges from the first line's content to the last's. */
export function tableRuns(text: string, lines: Line[], from: number, to: number, tabular: boolean): Range[] {
  const runs: Range[] = [];
  let run: Line[] = [];
  const min = tabular ? 1 : MIN_RUN;
  const close = () => {
    if (run.length >= min) runs.push({ start: run[0]!.contentStart, end: run[run.length - 1]!.contentEnd });
    run = [];
  };
  for (const l of lines) {
    if (l.contentEnd <= from || l.contentStart >= to) continue;
    if (l.blank) continue;
    if (isTableLine(text.slice(l.contentStart, l.contentEnd))) run.push(l);
    else close();
  }
  close();
  return runs;
}

/** Paragraphs with every one that meets a table run merged into one table paragraph. */
export function withTables(paras: ParagraphMatch[], runs: Range[]): (ParagraphMatch & { table?: boolean })[] {
  if (runs.length === 0) return paras;
  const out: (ParagraphMatch & { table?: boolean })[] = [];
  let r = 0;
  for (const p of paras) {
    while (r < runs.length && runs[r]!.end <= p.start) r++;
    const run = runs[r];
    if (run && p.start < run.end && p.end > run.start) {
      const prev = out[out.length - 1];
      if (prev?.table && prev.end >= run.start) {
        prev.end = Math.max(prev.end, p.end);
      } else {
        out.push({ start: Math.min(p.start, run.start), end: Math.max(p.end, run.end), break: p.break, table: true });
      }
      continue;
    }
    out.push(p);
  }
  return out;
}
