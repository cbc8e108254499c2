// Properties over random and mutated stories: parse never throws, the parts tile the input
// in order without overlapping, every `text` equals the input at its `span`, and every
// diagnostic points inside the input.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse, parseBytes } from "../src/index.js";
import type { Story } from "../src/story.js";
import { CONTROLS, fixtures, hasShared, markupOffsets, parts, plainAt, seedPath } from "./helpers.js";

const samples = [
  ...(hasShared ? [readFileSync(seedPath, "utf8")] : []),
  ...fixtures("hi").map((f) => f.text),
  ...fixtures("en").map((f) => f.text),
];

/** Pieces wire copy is made of, so random strings hit the recognisers' edges. */
const pieces = fc.constantFrom(
  "सोल, 14 सितंबर (आईएएनएस)। ",
  "New Delhi, Sep 14 (IANS) ",
  "(IANS)",
  "(आईएएनएस)",
  "--आईएएनएस\n",
  "—IANS ",
  "एसकेपी",
  "skp/anm",
  "/",
  "।",
  "दी।उत्तर",
  "Saturday.They",
  "U.S.",
  "3.5",
  "डॉ. ",
  "Mr. ",
  "\n",
  "\r\n",
  "\r",
  "\n\n",
  " ",
  "  ",
  "\t",
  "\u00a0",
  '"',
  "“",
  "”",
  "‘‘",
  "’’",
  "'",
  "-",
  "--",
  ":",
  ",",
  "आईएएनएस\n",
  "हैदराबाद।",
  "    SALVADOR, Feb 26 - ",
  " Reuter\n",
  " -0-",
  "😀",
  "\u200d",
  "𝐀",
  "By Lalit K Jha ",
  "(Eds: note) ",
  "दो मार्च",
  "३१ फ़रवरी",
  "Word",
  "शब्द",
  ".",
  "?",
  "!",
  "<br>",
  "<p>",
  "</font>",
  '<font size="2">',
  "&nbsp;",
  "&amp;",
  "<SRD>",
  "ने कहा, ",
  "ने कहा कि ",
  " के हवाले से कहा, ",
  " के अनुसार, ",
  " said, ",
  '," he told IANS.',
  " quoted Kim as saying, ",
  "according to ",
  "    ",
  "\n    ",
);

const storyLike = fc
  .array(fc.oneof(pieces, fc.string({ maxLength: 8 }), fc.string({ unit: "binary", maxLength: 4 })), { maxLength: 60 })
  .map((a) => a.join(""));

/** A sample with random pieces inserted, deleted or replaced. */
const mutated = fc
  .tuple(
    fc.constantFrom(...samples),
    fc.array(fc.tuple(fc.nat(), fc.nat(40), fc.oneof(pieces, fc.string({ maxLength: 6 }))), { maxLength: 8 }),
  )
  .map(([s, edits]) => {
    let t = s;
    for (const [pos, del, ins] of edits) {
      const p = pos % (t.length + 1);
      t = t.slice(0, p) + ins + t.slice(p + del);
    }
    return t;
  });

function checkLossless(text: string): void {
  const stories = parse(text);
  const cps = Array.from(text);
  const covered = new Array<boolean>(cps.length).fill(false);
  for (const k of markupOffsets(text)) covered[k] = true;
  for (const story of stories) {
    // A transmission envelope holds its header fields and framing: all of it is covered.
    if (story.transmission)
      for (let i = story.transmission.span.start; i < story.transmission.span.end; i++) covered[i] = true;
    let last = -1;
    for (const p of parts(story)) {
      expect(p.span.start).toBeGreaterThanOrEqual(last);
      expect(p.span.end).toBeGreaterThan(p.span.start);
      expect(plainAt(text, p.span)).toBe(p.text);
      last = p.span.end;
      for (let i = p.span.start; i < p.span.end; i++) covered[i] = true;
    }
    for (const p of story.paragraphs) {
      for (const s of p.sentences) {
        expect(s.span.start).toBeGreaterThanOrEqual(p.span.start);
        expect(s.span.end).toBeLessThanOrEqual(p.span.end);
      }
    }
    checkQuotes(text, story);
    for (const d of story.diagnostics) {
      // A line left out of every part (a page's time stamp, caption or `ADVERTISEMENT` line) is
      // accounted for by the diagnostic that says so.
      if (d.code === "page-leftover" || d.code === "header-line")
        for (let i = d.span.start; i < d.span.end; i++) covered[i] = true;
      expect(d.span.start).toBeGreaterThanOrEqual(0);
      expect(d.span.end).toBeLessThanOrEqual(cps.length);
      expect(d.line).toBeGreaterThanOrEqual(1);
      expect(d.column).toBeGreaterThanOrEqual(1);
    }
  }
  cps.forEach((c, i) => {
    if (!/\s/u.test(c) && !c.match(CONTROLS))
      expect(covered[i], `character ${JSON.stringify(c)} at ${i} is in no part`).toBe(true);
  });
}

/** Quotes sit inside their paragraph (or run across paragraphs only when left open), nest or stay apart. */
function checkQuotes(text: string, story: Story): void {
  const qs = story.quotes;
  for (const q of qs) {
    const p = holder(story, q.paragraph, q.span)!;
    expect(p).toBeDefined();
    expect(q.span.start).toBeGreaterThanOrEqual(p.span.start);
    expect(q.span.end).toBeLessThanOrEqual(p.span.end);
    expect(plainAt(text, q.span)).toBe(q.text);
    if (q.cue) expect(plainAt(text, q.cue.span)).toBe(q.cue.text);
  }
  for (let i = 0; i < qs.length; i++) {
    for (let j = i + 1; j < qs.length; j++) {
      const a = qs[i]!.span;
      const b = qs[j]!.span;
      const apart = a.end <= b.start || b.end <= a.start;
      const nested = (a.start <= b.start && b.end <= a.end) || (b.start <= a.start && a.end <= b.end);
      expect(apart || nested, `quotes ${i} and ${j} overlap`).toBe(true);
    }
  }
  for (const a of story.attributions) {
    const p = holder(story, a.paragraph, a.span)!;
    expect(p).toBeDefined();
    expect(a.span.start).toBeGreaterThanOrEqual(p.span.start);
    expect(a.span.end).toBeLessThanOrEqual(p.span.end);
    expect(plainAt(text, a.cue.span)).toBe(a.cue.text);
  }
}

/** `PROPERTIES_SCALE=10 npx vitest run test/properties.test.ts` runs every property ten times as often. */
const SCALE = Number(process.env.PROPERTIES_SCALE) || 1;

describe("properties", { timeout: 120_000 * SCALE }, () => {
  it("random story-like text: never throws, parts tile the input", () => {
    fc.assert(
      fc.property(storyLike, (t) => checkLossless(t)),
      { numRuns: 400 * SCALE },
    );
  });

  it("every fixture story as written: parts tile the input", () => {
    for (const dir of ["en", "hi", "en-agencies", "hi-agencies"])
      for (const f of fixtures(dir)) {
        try {
          checkLossless(f.text);
        } catch (e) {
          throw new Error(`${dir}/${f.name}: ${(e as Error).message}`);
        }
      }
  });

  it("mutated real and fixture stories: never throws, parts tile the input", () => {
    fc.assert(
      fc.property(mutated, (t) => checkLossless(t)),
      { numRuns: 300 * SCALE },
    );
  });

  it("cases found by the properties stay fixed", () => {
    for (const t of [
      ":(आईएएनएस)",
      "|(IANS)",
      "By :(PTI)",
      "(Eds) :(IANS) x",
      " : , 14 सितंबर (आईएएनएस)।",
      "By Lalit K Jha /सोल, 14 सितंबर (आईएएनएस)। ",
      // A stray closing mark inside a single quote that closes later.
      '‘‘ कई गांव कटे\n\n• ‘हमारा ," he told IANS.सब कुछ बह गया,’ किसान ने कहा\n',
      // A byline above a digest-like preamble, then another byline before the dateline.
      "Old fort to reopen\n\nBy IANS,आईएएनएस\nochi: The fort will reopen next month after two years of repairs, the department said here Monday.\n\nRail fares unchanged\n\nBY IANS, New Delhi:  ares will stay unchanged until next March, the ministry announced here Tuesday.\n",
    ])
      checkLossless(t);
  });

  it("random bytes: parseBytes never throws", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const r = parseBytes(b);
        expect(Array.isArray(r.stories)).toBe(true);
      }),
      { numRuns: 300 * SCALE },
    );
  });

  it("the same story with CRLF or CR line ends gives the same parts", () => {
    for (const s of samples) {
      const lf = parse(s)[0]!;
      for (const eol of ["\r\n", "\r"]) {
        const t = s.replace(/\n/g, eol);
        const other = parse(t)[0]!;
        expect(other.paragraphs.length).toBe(lf.paragraphs.length);
        expect(other.dateline?.places).toEqual(lf.dateline?.places);
        expect(other.signoff?.codes).toEqual(lf.signoff?.codes);
        for (const p of parts(other)) expect(plainAt(t, p.span)).toBe(p.text);
      }
    }
  });
});

/** The paragraph `paragraph` (1-based), or for 0 the line above the dateline that holds `span`. */
function holder(story: Story, paragraph: number, span: { start: number; end: number }) {
  if (paragraph > 0) return story.paragraphs[paragraph - 1];
  return story.headerLines?.find((h) => h.span.start <= span.start && span.end <= h.span.end);
}
