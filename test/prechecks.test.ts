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

describe("prechecks agree with their patterns", () => {
  it("mayBePlaceColon passes every line PLACE_COLON reads", () => {
    fc.assert(
      fc.property(line, (s) => {
        if (PLACE_COLON.test(s)) expect(mayBePlaceColon(s)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(mayBePlaceColon("KOLKATA: The Eastern Railway said")).toBe(true);
    expect(mayBePlaceColon("The railway said no")).toBe(false);
  });
  it("mayHoldSlug passes every text holding a desk slug", () => {
    fc.assert(
      fc.property(line, (s) => {
        if (SLUG.test(s)) expect(mayHoldSlug(s)).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    expect(mayHoldSlug("है ।दि28 वायरस लॉकडाउन लीड")).toBe(true);
    expect(mayHoldSlug("कुल 28 मामले")).toBe(false);
  });
});
