// Kruti Dev copy through the whole parser: a warning by default; with convertLegacy the record
// reads the converted Unicode while every span points into the raw (legacy) input.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { at, root } from "./helpers.js";

const raw = readFileSync(join(root, "fixtures/legacy/krutidev-story.txt"), "utf8");
const expected = readFileSync(join(root, "fixtures/legacy/krutidev-story.expected.txt"), "utf8");

describe("legacy font through the parser", () => {
  it("warns legacy-font-encoding without conversion", () => {
    const [s] = parse(raw);
    expect(s!.diagnostics.find((d) => d.code === "legacy-font-encoding")?.severity).toBe("warning");
  });

  it("with convertLegacy: the story parsed from the Unicode text, spans into the raw input", () => {
    const [s] = parse(raw, { convertLegacy: true });
    const [u] = parse(expected);
    expect(s!.dateline!.text).toBe(u!.dateline!.text);
    expect(s!.dateline!.places).toEqual([{ text: "नई दिल्ली", name: "New Delhi", country: "IN" }]);
    expect(s!.paragraphs.map((p) => p.text)).toEqual(u!.paragraphs.map((p) => p.text));
    expect(s!.signoff?.codes.map((c) => c.latin)).toEqual(u!.signoff?.codes.map((c) => c.latin));
    expect(s!.quotes.map((q) => [q.kind, q.speaker?.text])).toEqual(u!.quotes.map((q) => [q.kind, q.speaker?.text]));
    // Spans cover the raw legacy text of each part, lines are the raw lines.
    expect(at(raw, s!.dateline!.span)).toBe(raw.split("\n")[0]!.slice(0, at(raw, s!.dateline!.span).length));
    expect(at(raw, s!.dateline!.span).startsWith("ubZ fnYyh")).toBe(true);
    s!.paragraphs.forEach((p, k) => {
      expect(p.line).toBe(u!.paragraphs[k]!.line);
      expect(p.span.end).toBeLessThanOrEqual(Array.from(raw).length);
    });
    expect(at(raw, s!.signoff!.span).startsWith("&&vkbZ,,u,l")).toBe(true);
    expect(s!.diagnostics.find((d) => d.code === "legacy-font-encoding")?.severity).toBe("info");
  });

  it("warns on Chanakya-style copy (Latin-1 letters for Devanagari), not on French or German", () => {
    const chanakya = "Ù§ü ç¼Üè, ÎæðÐãÚU ×ð´ ÂýÏæÙ×¢µæè Ùð ·¤ãUæ ç·¤ Îðàæ ·ð¤ âÖè çÁÜæð´ ×ð´ Ù° ÇUæ·¤ƒæÚU ¹éÜð´»ðÐ\n";
    expect(parse(chanakya)[0]!.diagnostics.find((d) => d.code === "legacy-font-encoding")?.message).toMatch(/Chanakya/);
    for (const t of [
      "Paris, 14 sept. (AFP) Le président a déclaré mercredi que les élèves iront à l'école.\n",
      "Berlin, 14. Sep (dpa) Die Bürger äußerten sich über die Größe der Brücke.\n",
    ]) {
      expect(parse(t)[0]!.diagnostics.some((d) => d.code === "legacy-font-encoding")).toBe(false);
    }
  });

  it("leaves Unicode and English copy alone", () => {
    for (const t of [
      expected,
      "New Delhi, Sep 14 (IANS) The government said on Monday that new post offices will open.\n",
    ]) {
      const [s] = parse(t, { convertLegacy: true });
      expect(s!.diagnostics.some((d) => d.code === "legacy-font-encoding")).toBe(false);
    }
  });
});
