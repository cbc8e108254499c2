// Each fixture story is checked against the record written by hand beside it
// (`NAME.expect.json`): only the fields the expectation gives are compared.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { at, fixtures, parts } from "./helpers.js";

for (const lang of ["hi", "en"]) {
  describe(`fixtures/${lang}`, () => {
    const all = fixtures(lang);
    it("has at least 12 fixtures", () => {
      expect(all.length).toBeGreaterThanOrEqual(12);
    });
    for (const f of all) {
      it(`${f.name}: ${f.expect.about}`, () => {
        const stories = parse(f.text, { ...f.expect.options, path: f.name });
        expect(stories).toHaveLength(f.expect.stories.length);
        f.expect.stories.forEach((want, k) => {
          const got = stories[k]!;
          const view: Record<string, unknown> = {
            language: got.language,
            agency: got.agency,
            headline: got.headline?.text ?? null,
            byline: got.byline?.text ?? null,
            dateline: got.dateline && {
              text: got.dateline.text,
              places: got.dateline.places,
              date: got.dateline.date,
              agency: got.dateline.agency,
            },
            paragraphs: got.paragraphs.map((p) => ({ text: p.text, break: p.break })),
            sentences: got.paragraphs.map((p) => p.sentences.map((s) => at(f.text, s.span))),
            signoff: got.signoff && { text: got.signoff.text, agency: got.signoff.agency, codes: got.signoff.codes },
            diagnostics: [...new Set(got.diagnostics.map((d) => d.code))].sort(),
          };
          const expected = { ...want } as Record<string, unknown>;
          if (Array.isArray(expected.diagnostics)) expected.diagnostics = [...(expected.diagnostics as string[])].sort();
          for (const key of Object.keys(expected)) {
            expect.soft(view[key], `${f.name} story ${k + 1}: ${key}`).toEqual(expected[key]);
          }
          for (const p of parts(got)) expect(at(f.text, p.span)).toBe(p.text);
        });
      });
    }
  });
}
