// The reference story (`../shared/seed/ians-hi-seoul.txt`): the figures the foundation promises.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { at, hasShared, parts, seedPath } from "./helpers.js";

const title = hasShared
  ? "seed story"
  : "seed story (skipped: ../shared/seed/ians-hi-seoul.txt is not beside the project)";
describe.skipIf(!hasShared)(title, () => {
  const text = hasShared ? readFileSync(seedPath, "utf8") : "";
  const [story] = parse(text);

  it("is one Hindi IANS story", () => {
    expect(parse(text)).toHaveLength(1);
    expect(story!.language).toBe("hi");
    expect(story!.agency).toEqual({ code: "IANS", text: "आईएएनएस" });
  });

  it("has the dateline at 0-25 with Seoul, 14 September, no year", () => {
    const d = story!.dateline!;
    expect(d.text).toBe("सोल, 14 सितंबर (आईएएनएस)।");
    expect(d.span).toEqual({ start: 0, end: 25 });
    expect(d.places).toEqual([{ text: "सोल", name: "Seoul", country: "KR" }]);
    expect(d.date).toMatchObject({ day: 14, month: 9, year: null, yearFrom: null, iso: null });
  });

  it("has 13 paragraphs, the second inferred from a glued danda", () => {
    const p = story!.paragraphs;
    expect(p).toHaveLength(13);
    expect(p[0]!.span).toEqual({ start: 26, end: 310 });
    expect(p[0]!.break).toBe("start");
    expect(p[1]!.span).toEqual({ start: 310, end: 457 });
    expect(p[1]!.break).toBe("inferred");
    expect(p[2]!.span).toEqual({ start: 458, end: 587 });
    expect(p[2]!.break).toBe("newline");
    expect(story!.diagnostics.filter((d) => d.code === "glued-paragraph")).toHaveLength(1);
  });

  it("has the sign-off at 2107-2123 with code SKP", () => {
    const s = story!.signoff!;
    expect(s.text).toBe("--आईएएनएस\nएसकेपी");
    expect(s.span).toEqual({ start: 2107, end: 2123 });
    expect(s.agency).toEqual({ code: "IANS", text: "आईएएनएस" });
    expect(s.codes).toEqual([{ text: "एसकेपी", latin: "SKP" }]);
  });

  it("infers the year from --ref-date as the latest date not after it", () => {
    expect(parse(text, { refDate: "2024-09-01" })[0]!.dateline!.date).toMatchObject({
      year: 2023,
      yearFrom: "ref-date",
      iso: "2023-09-14",
    });
    expect(parse(text, { refDate: "2024-09-14" })[0]!.dateline!.date).toMatchObject({ year: 2024, iso: "2024-09-14" });
    const d = parse(text, { refDate: "2024-09-14" })[0]!.diagnostics.find((x) => x.code === "year-inferred");
    expect(d).toMatchObject({ severity: "info", line: 1, column: 6 });
  });

  it("has the six quotes in order, with speakers, the relay and the cue", () => {
    const q = story!.quotes;
    expect(q.map((x) => [x.kind, x.span.start, x.span.end])).toEqual([
      ["direct", 607, 721],
      ["continuation", 724, 850],
      ["partial", 1185, 1195],
      ["direct", 1239, 1374],
      ["partial", 1739, 1746],
      ["partial", 1770, 1894],
    ]);
    expect(q[0]!.speaker).toEqual({ text: "केसीएनए", name: "KCNA" });
    expect(q[0]!.cue?.text).toBe("बताया");
    expect(q[0]!.paragraph).toBe(4);
    expect(q[1]!.speaker?.name).toBe("KCNA");
    expect(q[2]!.text).toBe("महत्वपूर्ण");
    expect(q[2]!.speaker?.text).toBe("किम");
    expect(q[3]!.speaker?.text).toBe("किम");
    expect(q[3]!.via).toEqual({ text: "केसीएनए", name: "KCNA" });
    expect(q[3]!.cue?.text).toBe("के हवाले से कहा");
    expect(q[4]!.text).toBe("दूरगामी");
    expect(q[5]!.speaker?.text).toBe("किम");
    expect(q.every((x) => x.closed)).toBe(true);
    const unbalanced = story!.diagnostics.filter((d) => d.code === "unbalanced-quote");
    expect(unbalanced).toHaveLength(1);
    expect(unbalanced[0]).toMatchObject({
      severity: "warning",
      span: { start: 1485, end: 1486 },
      line: 8,
      column: 110,
    });
  });

  it("has the reported speech: according to Yonhap, KCNA four times or more, Kim and Putin", () => {
    const a = story!.attributions;
    expect(
      a.some((x) => x.kind === "according-to" && x.source.name === "Yonhap" && x.cue.text === "की रिपोर्ट के अनुसार"),
    ).toBe(true);
    expect(a.filter((x) => x.source.name === "KCNA").length).toBeGreaterThanOrEqual(4);
    expect(a.some((x) => x.kind === "said-that" && x.source.text === "किम")).toBe(true);
    expect(a.some((x) => x.kind === "said-that" && x.source.text === "पुतिन")).toBe(true);
  });

  it("covers every non-blank character with its parts, each text equal to its span", () => {
    const cps = Array.from(text);
    const covered = new Array<boolean>(cps.length).fill(false);
    for (const p of parts(story!)) {
      expect(at(text, p.span)).toBe(p.text);
      for (let i = p.span.start; i < p.span.end; i++) covered[i] = true;
    }
    cps.forEach((c, i) => {
      if (!/\s/u.test(c)) expect(covered[i], `offset ${i}`).toBe(true);
    });
  });
});
