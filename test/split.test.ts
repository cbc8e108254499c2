// Several stories in one input: split at sign-offs and at a new dateline after a finished story;
// headlines go with the story below them; offsets count from the start of the input.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { scanLines } from "../src/parse/lines.js";
import { boundsOf, rangesAt, splitStories } from "../src/parse/split.js";
import { at, fixtures } from "./helpers.js";

const dayFile = [
  "पहली खबर का शीर्षक",
  "सोल, 14 सितंबर (आईएएनएस)। पहली खबर का पहला वाक्य है।",
  "केसीएनए ने कहा कि बैठक सफल रही।",
  "--आईएएनएस",
  "एसकेपी",
  "",
  "दूसरी खबर का शीर्षक",
  "मुंबई, 15 सितंबर (आईएएनएस)। दूसरी खबर यहां है।",
  "--आईएएनएस",
  "एएनएम",
  "New Delhi, Sep 16 (IANS) The third story has no sign-off.",
  "It ends here.",
  "Kolkata, Sep 16 (IANS) A fourth story follows a finished one.",
  "",
].join("\n");

describe("story splitting", () => {
  const stories = parse(dayFile);

  it("finds four stories, numbered with index and count", () => {
    expect(stories).toHaveLength(4);
    expect(stories.map((s) => [s.source.index, s.source.count])).toEqual([
      [1, 4],
      [2, 4],
      [3, 4],
      [4, 4],
    ]);
  });

  it("gives each story its dateline, headline and sign-off", () => {
    expect(stories.map((s) => s.dateline?.places[0]?.name)).toEqual(["Seoul", "Mumbai", "New Delhi", "Kolkata"]);
    expect(stories.map((s) => s.headline?.text ?? null)).toEqual([
      "पहली खबर का शीर्षक",
      "दूसरी खबर का शीर्षक",
      null,
      null,
    ]);
    expect(stories.map((s) => s.signoff?.codes.map((c) => c.latin).join("/") ?? null)).toEqual([
      "SKP",
      "ANM",
      null,
      null,
    ]);
  });

  it("keeps offsets relative to the input", () => {
    for (const s of stories) {
      expect(at(dayFile, s.dateline!.span)).toBe(s.dateline!.text);
      for (const p of s.paragraphs) expect(at(dayFile, p.span)).toBe(p.text);
    }
    expect(stories[1]!.headline!.line).toBe(7);
  });

  it("--no-split keeps the input whole", () => {
    expect(parse(dayFile, { split: false })).toHaveLength(1);
  });

  it("does not split a story at a dateline-like line mid-story", () => {
    const one =
      "Seoul, Sep 14 (IANS) The talks went on\nNew Delhi, Sep 14 (IANS) was mentioned in the middle of it.\n--IANS\nab/cd\n";
    expect(parse(one)).toHaveLength(1);
  });
});

describe("story bounds handed from one pass to the next", () => {
  // A streamed file is split once; its slices are parsed from the bounds found then.
  const samples = [dayFile, ...fixtures("hi").map((f) => f.text), ...fixtures("en").map((f) => f.text)];
  const pieces = fc.constantFrom(
    "\n",
    "\r\n",
    "\r",
    "\n\n",
    "--आईएएनएस\n",
    "मुंबई, 15 सितंबर (आईएएनएस)। ",
    "New Delhi, Sep 16 (IANS) ",
    "दि12 बाढ़ लीड राहत असम में बाढ़ से हालात बिगड़ेनयी दिल्ली : ",
    "-----------------\n",
    "घायल",
    "। ",
  );
  const texts = fc
    .tuple(
      fc.array(fc.constantFrom(...samples), { minLength: 1, maxLength: 4 }),
      fc.array(fc.tuple(fc.nat(), fc.nat(30), fc.oneof(pieces, fc.string({ maxLength: 5 }))), { maxLength: 10 }),
    )
    .map(([parts, edits]) => {
      let t = parts.join("\n");
      for (const [pos, del, ins] of edits) {
        const p = pos % (t.length + 1);
        t = t.slice(0, p) + ins + t.slice(p + del);
      }
      return t;
    });

  it("give back exactly the ranges splitting gives", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const lines = scanLines(text);
        const ranges = splitStories(text, lines, true);
        expect(rangesAt(text, lines, boundsOf(ranges))).toEqual(ranges);
      }),
      { numRuns: 300 },
    );
  });

  it("give the ranges of a slice cut out of a longer text", () => {
    const text = samples.join("\n\n");
    const ranges = splitStories(text, scanLines(text), true);
    expect(ranges.length).toBeGreaterThan(20);
    // The stories from the fifth up to the tenth, as a slice of their own.
    const from = ranges[4]!.start;
    const to = ranges[10]!.start;
    const slice = text.slice(from, to);
    const lines = scanLines(slice);
    expect(rangesAt(slice, lines, boundsOf(ranges, 4, 10, from))).toEqual(splitStories(slice, lines, true));
  });
});
