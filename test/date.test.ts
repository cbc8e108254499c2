// The dateline date reader is a hand-written scan; the patterns it replaced are its oracle here:
// on any string, both read the same date from the same place.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayWordOf, monthOf } from "../src/data/index.js";
import { dateAtEnd, type DateMatch } from "../src/parse/date.js";
import { hasDateStart } from "../src/parse/dateline.js";
import { parseDigits } from "../src/text/chars.js";
import {
  isLetter,
  isLetterMarkOrNumber,
  isLetterOrMark,
  isRegExpSpace,
  isWordChar,
  runEnd,
} from "../src/text/classes.js";

const WORD = String.raw`[\p{L}\p{M}\u200c\u200d]+\.?`;
const DAY = String.raw`[0-9०-९]{1,2}|[\p{L}\p{M}]+`;
const YEAR = "[0-9०-९]{4}";
const DAY_MONTH = new RegExp(String.raw`(?:^|[\s,])((${DAY})\s+(${WORD})(?:,?\s+(${YEAR}))?)$`, "u");
const MONTH_DAY = new RegExp(String.raw`(?:^|[\s,])((${WORD})(?:\s+|(?<=\.))([0-9०-९]{1,2})(?:,?\s+(${YEAR}))?)$`, "u");

function oracle(input: string): DateMatch | null {
  const s = input.length > 400 ? input.slice(-400) : input;
  const year = (y: string | undefined) => (y === undefined ? null : parseDigits(y));
  let m = MONTH_DAY.exec(s);
  if (m) {
    const month = monthOf(m[2]!);
    const day = parseDigits(m[3]!);
    if (month !== null && day !== null)
      return { start: m.index + m[0].length - m[1]!.length, day, month, year: year(m[4]) };
  }
  m = DAY_MONTH.exec(s);
  if (m) {
    const month = monthOf(m[3]!);
    const day = parseDigits(m[2]!) ?? dayWordOf(m[2]!);
    if (month !== null && day !== null)
      return { start: m.index + m[0].length - m[1]!.length, day, month, year: year(m[4]) };
  }
  return null;
}

const pieces = [
  "Sep",
  "Sept.",
  "September",
  "sept",
  "Mar",
  "May",
  "June",
  "सितंबर",
  "मार्च",
  "जून",
  "दो",
  "पांच",
  "Apr.",
  "14",
  "1",
  "01",
  "१४",
  "2023",
  "२०२३",
  "12023",
  "123",
  "New",
  "Delhi",
  "सोल",
  "(IANS)",
  " ",
  "  ",
  "\t",
  "\n",
  "\u00a0",
  "\u2009",
  "\u0085",
  ",",
  ".",
  "-",
  "\u200d",
  "\u200c",
  "\u093c",
  "्",
  "।",
  "𝐀",
  "\ud835",
  "é",
  "ß",
  "a",
  "Z",
  "0",
  "९",
];
const arb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(""));

describe("dateAtEnd", () => {
  it("reads what the patterns it replaced read, on any string", () => {
    fc.assert(
      fc.property(arb, (s) => {
        expect(dateAtEnd(s)).toEqual(oracle(s));
      }),
      { numRuns: 20_000 },
    );
  });

  it("reads the forms datelines use", () => {
    for (const s of [
      "Sep 14",
      "New Delhi, Sept. 14, 2023",
      "सोल, 14 सितंबर",
      "नयी दिल्ली, दो मार्च",
      "x,June 8 2021",
      "Aug 01",
    ])
      expect(dateAtEnd(s)).toEqual(oracle(s));
    expect(dateAtEnd("New Delhi, Sept. 14, 2023")).toEqual({ start: 11, day: 14, month: 9, year: 2023 });
    expect(dateAtEnd("सोल, 14 सितंबर")).toMatchObject({ start: 5, day: 14, month: 9, year: null });
    expect(dateAtEnd("Sep 123")).toBeNull();
  });
});

describe("character classes", () => {
  it("isLetterOrMark is [\\p{L}\\p{M}] and isRegExpSpace is \\s, on every BMP code point", () => {
    const lm = /^[\p{L}\p{M}]$/u;
    const sp = /^\s$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (isLetterOrMark(c) !== lm.test(ch)) throw new Error(`letter or mark differs at U+${c.toString(16)}`);
      if (isRegExpSpace(c) !== sp.test(ch)) throw new Error(`space differs at U+${c.toString(16)}`);
    }
    expect(isLetterOrMark(0x1d400)).toBe(true);
  });

  it("isLetterMarkOrNumber is [\\p{L}\\p{M}\\p{N}] on every BMP code point, lone surrogates included", () => {
    const lmn = /^[\p{L}\p{M}\p{N}]$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (isLetterMarkOrNumber(c) !== lmn.test(String.fromCharCode(c)))
        throw new Error(`letter, mark or number differs at U+${c.toString(16)}`);
    }
    expect(isLetterMarkOrNumber(0x1d7ce)).toBe(true); // MATHEMATICAL BOLD DIGIT ZERO
    expect(isLetterMarkOrNumber(0x1f642)).toBe(false);
  });

  it("isLetter is \\p{L} on every BMP code point", () => {
    const l = /^\p{L}$/u;
    for (let c = 0; c < 0x10000; c++) {
      if (isLetter(c) !== l.test(String.fromCharCode(c))) throw new Error(`letter differs at U+${c.toString(16)}`);
    }
    expect(isLetter(0x1d400)).toBe(true);
  });

  it("hasDateStart finds what the pattern it replaces finds", () => {
    const DATE_START = /,\s+(?:\p{L}+(?:\.\s*|\s+)[0-9]|[0-9]{1,2}\s+\p{L})/u;
    const text = fc.array(
      fc.constantFrom(",", " ", "\u00a0", "May", "Feb.", "सितंबर", "ि", "9", "14", "123", ".", "𝐀", "🙂", "x", "(IANS)"),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(text, (parts) => {
        const s = parts.join("");
        expect(hasDateStart(s)).toBe(DATE_START.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it("runEnd reads the runs the patterns it replaces read, up to a bound that may cut a pair", () => {
    const text = fc.array(
      fc.constantFrom("a", "Z", "क", "ि", "्", "-", " ", "\u200c", "\u200d", "1", "।", "𝐀", "🙂", "\ud835"),
      {
        maxLength: 12,
      },
    );
    fc.assert(
      fc.property(text, fc.nat(14), fc.nat(14), (parts, from0, len) => {
        const s = parts.join("");
        const from = Math.min(from0, s.length);
        const to = Math.min(s.length, from + len);
        const cut = s.slice(from, to);
        expect(runEnd(s, from, to, isLetterOrMark) - from).toBe(/^[\p{L}\p{M}]*/u.exec(cut)![0].length);
        expect(runEnd(s, from, to, isWordChar) - from).toBe(/^[\p{L}\p{M}\u200c\u200d]*/u.exec(cut)![0].length);
        expect(runEnd(s, from, to, (c) => c === 0x2d || isLetterOrMark(c)) - from).toBe(
          /^[\p{L}\p{M}-]*/u.exec(cut)![0].length,
        );
      }),
      { numRuns: 5000 },
    );
  });
});
