// Cheap tests run before costly patterns must never turn away what the pattern would read: each
// is checked against its pattern here.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayBePlaceColon, PLACE_COLON } from "../src/parse/dateline.js";
import { mayHoldSlug } from "../src/parse/leftovers.js";
import table from "../src/data/leftovers.json" with { type: "json" };

const SLUG = new RegExp(String.raw`(?:^|[\s।:])((?:${table.slugPrefixes.join("|")})\d{1,3})\s`, "u");

const piece = fc.oneof(
  fc.constantFrom(":", ": ", " :", "(", ")", "(Kerala)", "\n", " ", "\t", "\u00a0", "Kochi", "नई दिल्ली", "KOLKATA"),
  fc.constantFrom(...table.slugPrefixes, "28", "5", "1234", "।", "वायरस", "लीड"),
  fc.string({ maxLength: 3 }),
);
const line = fc.array(piece, { maxLength: 10 }).map((a) => a.join(""));

/** Each precheck, the pattern it stands before, a text both read and one the precheck turns away. */
const cases: { name: string; pattern: RegExp; may: (s: string) => boolean; yes: string; no: string }[] = [
  {
    name: "mayBePlaceColon passes every line PLACE_COLON reads",
    pattern: PLACE_COLON,
    may: mayBePlaceColon,
    yes: "KOLKATA: The Eastern Railway said",
    no: "The railway said no",
  },
  {
    name: "mayHoldSlug passes every text holding a desk slug",
    pattern: SLUG,
    may: mayHoldSlug,
    yes: "है ।दि28 वायरस लॉकडाउन लीड",
    no: "कुल 28 मामले",
  },
];

describe("prechecks agree with their patterns", () => {
  for (const c of cases) {
    it(c.name, () => {
      fc.assert(
        fc.property(line, (s) => {
          if (c.pattern.test(s)) expect(c.may(s)).toBe(true);
        }),
        { numRuns: 20_000 },
      );
      expect(c.may(c.yes)).toBe(true);
      expect(c.may(c.no)).toBe(false);
    });
  }
});
