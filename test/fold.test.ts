// The gazetteer generator folds names with scripts/fold.mjs, the parser with text/chars.ts:
// a name matches only if both fold it the same way.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fold as foldScript } from "../scripts/fold.mjs";
import { fold } from "../src/text/chars.js";

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
