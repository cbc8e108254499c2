// Runs of quotation marks that never pair: one diagnostic for the run, not one per mark, and
// quotes found the same way whatever the look-back path.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { pairMarks } from "../src/quotes/marks.js";

const unbalanced = (text: string) =>
  parse(text)[0]!
    .diagnostics.filter((d) => d.code === "unbalanced-quote")
    .map((d) => ({ message: d.message, start: d.span.start, end: d.span.end }));

describe("runs of unmatched quotation marks", () => {
  it("reports a run of straight marks once, with its length and span", () => {
    expect(unbalanced('He said "a" and """""" then stopped.')).toEqual([
      { message: "4 opening quotation marks never closed", start: 16, end: 20 },
    ]);
  });

  it("counts the last opener of a run that the paragraph leaves open", () => {
    expect(unbalanced('x "a "b "c "d')).toEqual([
      { message: "4 opening quotation marks never closed", start: 2, end: 12 },
    ]);
  });

  it("keeps separate runs apart when a closed quote stands between them", () => {
    expect(unbalanced('"""" hi "x" """')).toEqual([
      { message: "2 opening quotation marks never closed", start: 0, end: 2 },
      { message: "opening quotation mark never closed", start: 12, end: 13 },
    ]);
  });

  it("still reports a single unclosed mark as before", () => {
    expect(unbalanced('a "b "c" d')).toEqual([{ message: "opening quotation mark never closed", start: 2, end: 3 }]);
  });

  it("holds one entry, not one per mark, for a long run", () => {
    const text = '"'.repeat(100_000);
    const { quotes, stray } = pairMarks(text, { start: 0, end: text.length });
    expect(stray).toHaveLength(1);
    expect(stray[0]!.message).toBe("99998 opening quotation marks never closed");
    expect(quotes).toEqual([]);
  });

  it("finds the same quotes in dense marks with and without white space between them", () => {
    const dense = '"ab"'.repeat(50);
    const spaced = Array.from({ length: 50 }, () => '"ab"').join(" ");
    const inners = (t: string) => parse(t)[0]!.quotes.map((q) => q.text);
    expect(inners(dense)).toEqual(inners(spaced));
    expect(inners(dense)).toHaveLength(50);
  });

  it('stays linear on a paragraph of many quotes (`"a"a"a…`)', () => {
    const time = (n: number) => {
      const text = '"a'.repeat(n);
      const t0 = performance.now();
      parse(text);
      return performance.now() - t0;
    };
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio > 8; attempt++) {
      time(16_384);
      ratio = time(262_144) / Math.max(1, time(65_536));
    }
    // 32,768 and 131,072 quotes; 4x the quotes: about 4x the time (16x would be quadratic).
    expect(ratio).toBeLessThan(8);
  }, 60_000);
});
