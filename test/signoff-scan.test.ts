// The sign-off lines read by hand (`signLineParts`, `isDeskCodes`, `initialsLineTag`) read exactly
// what the patterns they replace read: the patterns are kept here as the oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agencyTags } from "../src/data/index.js";
import { initialsLineTag, isDeskCodes, signLineParts } from "../src/parse/signoff.js";
import { alternation } from "../src/text/regexp.js";

const TAGS = alternation(agencyTags);
const CODE = String.raw`[\p{L}\p{M}\u200c\u200d]{1,12}`;
const CODES = String.raw`${CODE}(?:\/${CODE})*\/?`;
const SIGN_LINE = new RegExp(String.raw`^(?:-{1,3}|—|–)\s*(${TAGS})(?:\s+(${CODES}))?$`, "u");
const CODES_LINE = new RegExp(`^${CODES}$`, "u");
const INITIALS_LINE = new RegExp(String.raw`^(${TAGS})\s+([A-Za-z]{1,4}(?:(?:\s+|\/)[A-Za-z]{1,4}){0,7}\/?)$`, "u");

/** Pieces of sign-off lines and of what is nearly one. */
const piece = fc.oneof(
  fc.constantFrom(...agencyTags),
  fc.constantFrom("-", "--", "---", "—", "–", "/", " ", "  ", "\u00a0", "\u2003", "\t", "\u200c", "\u200d"),
  fc.constantFrom("एसकेपी", "skp", "anm", "AB", "abcdefghijklm", "क", "ab1", "𝐀", "🙂", "\u0301", "।", ".", "\ud800"),
  fc.string({ maxLength: 3 }),
);
const line = fc.array(piece, { maxLength: 8 }).map((a) => a.join(""));

describe("sign-off lines read by hand", () => {
  it("signLineParts reads what the sign-line pattern reads", () => {
    fc.assert(
      fc.property(line, (s) => {
        const m = SIGN_LINE.exec(s);
        expect(signLineParts(s)).toEqual(m ? { tag: m[1], codes: m[2] ?? null } : null);
      }),
      { numRuns: 20000 },
    );
  });

  it("isDeskCodes reads what the codes pattern reads", () => {
    fc.assert(
      fc.property(line, (s) => {
        expect(isDeskCodes(s, 0, s.length)).toBe(CODES_LINE.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it("initialsLineTag reads what the initials pattern reads", () => {
    const initials = fc
      .tuple(fc.constantFrom(...agencyTags), fc.array(piece, { maxLength: 10 }))
      .map(([t, a]) => t + a.join(""));
    fc.assert(
      fc.property(fc.oneof(line, initials), (s) => {
        expect(initialsLineTag(s)).toBe(INITIALS_LINE.exec(s)?.[1] ?? null);
      }),
      { numRuns: 20000 },
    );
  });

  it("finds the forms it is for", () => {
    expect(signLineParts("--आईएएनएस")).toEqual({ tag: "आईएएनएस", codes: null });
    expect(signLineParts("-- IANS skp/anm")).toEqual({ tag: "IANS", codes: "skp/anm" });
    expect(signLineParts("—IANS")).toEqual({ tag: "IANS", codes: null });
    expect(signLineParts("----IANS")).toBeNull();
    expect(isDeskCodes("ab/", 0, 3)).toBe(true);
    expect(isDeskCodes("a//b", 0, 4)).toBe(false);
    expect(initialsLineTag("AAP XY/ab")).toBe("AAP");
  });
});
