// The tokenizer's shortcuts answer what building the tokens would: `hasWord` is "some token is
// a word", `mayHoldWord` never says no where a token's lower-cased text is listed, and
// `mayReport` never skips a sentence that `reportedSpeech` reads something in.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasWord, isPlainWord, mayHoldWord, tokenize } from "../src/quotes/tokens.js";
import { mayReport, reportedSpeech } from "../src/quotes/cues.js";
import { root } from "./helpers.js";

const pieces = fc.constantFrom(
  " ",
  "\n",
  '"',
  "“",
  "’",
  "'",
  ",",
  ".",
  "…",
  "<br>",
  "<b>",
  '<a href="x y">',
  "<",
  ">",
  "Dr.",
  "said",
  "Said",
  "SAID",
  "told",
  "according to Kim",
  "कहा",
  "ने",
  "कि",
  "जानकारी दी",
  "के अनुसार",
  "announced",
  "players'",
  "co-op",
  "x",
  "x,said",
);
const texts = fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(""));

describe("tokenize", () => {
  it("parts words at a comma glued between two letters, not between figures", () => {
    const t = "efforts,Xi said 1,000 कहा,कि";
    expect(tokenize(t, 0, t.length).map((x) => x.text)).toEqual([
      "efforts",
      ",",
      "Xi",
      "said",
      "1,000",
      "कहा",
      ",",
      "कि",
    ]);
  });
});

describe("tokenizer shortcuts", () => {
  it("hasWord is whether tokenize holds a word, on any stretch", () => {
    fc.assert(
      fc.property(texts, fc.nat(), fc.nat(), (t, a, b) => {
        const from = Math.min(a, b) % (t.length + 1);
        const to = Math.min(t.length, from + (Math.max(a, b) % (t.length + 1)));
        expect(hasWord(t, from, to)).toBe(tokenize(t, from, to).some((x) => !x.punct));
      }),
      { numRuns: 3000 },
    );
  });

  it("mayHoldWord finds every listed token, and says no when none is there", () => {
    const words = new Set(["said", "कहा", "co-op"]);
    fc.assert(
      fc.property(texts, (t) => {
        const listed = tokenize(t, 0, t.length).some((x) => !x.punct && words.has(x.lower));
        if (listed) expect(mayHoldWord(t.toLowerCase(), words, 8)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayHoldWord("the minister left.", words, 8)).toBe(false);
    expect(mayHoldWord("<b>said</b>", words, 8)).toBe(true);
    // Words with edge punctuation at an end are not looked for (the tokenizer may keep it).
    expect(["said", "co-op"].every(isPlainWord)).toBe(true);
    expect(["players'", "dr.", "a b", ""].some(isPlainWord)).toBe(false);
  });

  it("mayReport is true wherever reportedSpeech reads something", () => {
    fc.assert(
      fc.property(texts, (t) => {
        if (reportedSpeech(tokenize(t, 0, t.length)).length > 0) expect(mayReport(t)).toBe(true);
      }),
      { numRuns: 3000 },
    );
    expect(mayReport("The minister SAID he would go.")).toBe(true);
    expect(mayReport("The minister left for Delhi on Monday.")).toBe(false);
  });
});

describe("the word tables of the quote code", () => {
  it("come from src/data/speech.json through one module, not lists written in the code", () => {
    for (const file of ["cues.ts", "index.ts"]) {
      const code = readFileSync(join(root, "src", "quotes", file), "utf8");
      expect(code).not.toMatch(/from "\.\.\/data\/speech\.json"/u);
      expect(code).not.toMatch(/new (?:Set|Lexicon)\(\[\s*["']/u);
      expect(code).not.toMatch(/\(\?:[^)]*[\u0900-\u097f]{2}\|/u); // an alternation of Hindi words
    }
    expect(readFileSync(join(root, "src", "quotes", "lexicon.ts"), "utf8")).toMatch(/speech\.json/u);
  });
});
