// The gazetteer generator folds names with scripts/fold.mjs, the parser with text/chars.ts:
// a name matches only if both fold it the same way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold as foldScript } from "../scripts/fold.mjs";
import { fold, ownCopy } from "../src/text/chars.js";
import placesTable from "../src/data/places.json" with { type: "json" };
import placesIndex from "../src/data/places-index.json" with { type: "json" };
import { lookupExact } from "../src/parse/places.js";

const chars = fc.constantFrom(
  "a",
  "B",
  "É",
  "ß",
  "İ",
  " ",
  "\u00a0",
  "\t",
  "\n",
  "-",
  ".",
  ",",
  "'",
  "ग",
  "़",
  "ा",
  "ँ",
  "ं",
  "ि",
  "्",
  "\u200c",
  "\u200d",
  "\u00ad",
  "\ufeff",
  "ड़",
  "क़",
  "ﬁ",
  "Ω",
  // Devanagari that normalization changes: precomposed nukta letters, stress signs (reordered).
  "ऩ",
  "\u0958",
  "\u0951",
  "\u0952",
  "\u0954",
);

describe("place folding", () => {
  it("scripts/fold.mjs and text/chars.ts fold every string alike", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(chars, { maxLength: 16 }).map((a) => a.join("")),
          fc.string({ unit: "grapheme" }),
        ),
        (s) => {
          expect(fold(s)).toBe(foldScript(s));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("folds the documented examples", () => {
    expect(fold("ग़ाज़ियाबाद")).toBe(fold("गाजियाबाद"));
    expect(fold("U.P.")).toBe("up");
    expect(fold("Port-au-Prince")).toBe("port au prince");
  });
});

describe("the built gazetteer index (src/data/places-index.json)", () => {
  it("is places.json folded by the parser: each form kept by the first row that has it, in order", () => {
    // What the parser computed at its first lookup before the index was built ahead.
    const keys: [string, number][] = [];
    const seen = new Set<string>();
    const rows = placesTable.places as [string, string, string, string[]][];
    rows.forEach(([name, , , variants], i) => {
      for (const v of [name, ...variants]) {
        const k = fold(v);
        if (k && !seen.has(k)) {
          seen.add(k);
          keys.push([k, i]);
        }
      }
    });
    expect(placesIndex.places.split("\n")).toEqual(rows.map(([name, country, kind]) => `${name}\t${country}\t${kind}`));
    // Also in order: the loose lookup walks the forms in the gazetteer's order.
    const forms = placesIndex.keys.split("\n");
    const rowOf = placesIndex.rows.split(",").map(Number);
    expect(forms.map((k, i) => [k, rowOf[i]])).toEqual(keys);
    // The lookup's binary search: every form once, in code-unit order.
    const sorted = placesIndex.sorted.split(",").map((i) => forms[Number(i)]);
    expect(sorted).toEqual([...forms].sort());
  });

  it("finds every form, and nothing between two forms", () => {
    const forms = placesIndex.keys.split("\n");
    const names = placesIndex.places.split("\n").map((r) => r.split("\t")[0]);
    const rowOf = placesIndex.rows.split(",").map(Number);
    forms.forEach((k, i) => {
      expect(lookupExact(k)?.name, k).toBe(names[rowOf[i]!]);
    });
    for (const k of ["", "a", "zzzz", `${forms[0]}x`, "नई दिल्लीx"]) expect(lookupExact(k), k).toBeUndefined();
  });
});

describe("cache keys", () => {
  it("ownCopy gives the same string, and fold the same answer for a long name as for a short one", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (s) => {
        expect(ownCopy(s)).toBe(s);
        expect(fold(s)).toBe(foldScript(s));
      }),
      { numRuns: 300 },
    );
    // Any UTF-16 code units, lone surrogates too: the copy is the same string.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 }), (units) => {
        const s = String.fromCharCode(...units);
        expect(ownCopy(s)).toBe(s);
      }),
      { numRuns: 300 },
    );
    const story = `x${"Press Trust of India ".repeat(3)}y`;
    const cut = story.slice(1, 21);
    expect(ownCopy(cut)).toBe("Press Trust of India");
    expect(fold(cut)).toBe(fold("Press Trust of India"));
  });
});
