// Several stories in one input: split at sign-offs and at a new dateline after a finished story;
// headlines go with the story below them; offsets count from the start of the input.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { at } from "./helpers.js";

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
