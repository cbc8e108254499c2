// Each fixture story is checked against the record written by hand beside it
// (`NAME.expect.json`): only the fields the expectation gives are compared.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { at, fixtureFolders, fixtures, parts, plainAt } from "./helpers.js";
import type { Attribution, Quote } from "../src/story.js";

interface QuoteWant {
  text: string;
  kind: string;
  speaker: string | null;
  via: string | null;
  cue: string | null;
  closed: boolean;
}
interface AttributionWant {
  kind: string;
  source: string;
  cue: string;
}

/** `got` when it contains `want` (or both are null), else what was got: so toEqual shows the difference. */
const within = (got: string | null | undefined, want: string | null): string | null =>
  want === null ? (got ?? null) : got?.includes(want) ? want : (got ?? null);

function quoteView(got: Quote[], want: QuoteWant[]): QuoteWant[] {
  return got.map((q, k) => ({
    text: q.text,
    kind: q.kind,
    speaker: within(q.speaker?.text, want[k]?.speaker ?? null),
    via: within(q.via?.text, want[k]?.via ?? null),
    cue: within(q.cue?.text, want[k]?.cue ?? null),
    closed: q.closed,
  }));
}

function attributionView(got: Attribution[], want: AttributionWant[]): AttributionWant[] {
  return got.map((a, k) => ({
    kind: a.kind,
    source: within(a.source.text, want[k]?.source ?? null) ?? "",
    cue: within(a.cue.text, want[k]?.cue ?? null) ?? "",
  }));
}

for (const lang of fixtureFolders()) {
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
            headerLines: (got.headerLines ?? []).map((h) => h.text),
            dateline: got.dateline && {
              text: got.dateline.text,
              places: got.dateline.places,
              date: got.dateline.date,
              agency: got.dateline.agency,
            },
            paragraphs: got.paragraphs.map((p) => ({ text: p.text, break: p.break })),
            sentences: got.paragraphs.map((p) => p.sentences.map((s) => at(f.text, s.span))),
            signoff: got.signoff && {
              text: got.signoff.text,
              agency: got.signoff.agency,
              codes: got.signoff.codes,
              ...(got.signoff.names ? { names: got.signoff.names.map((n) => ({ text: n.text, role: n.role })) } : {}),
            },
            ednote: got.ednote?.text ?? null,
            slugline: got.slugline?.text ?? null,
            diagnostics: [...new Set(got.diagnostics.map((d) => d.code))].sort(),
          };
          const expected = { ...want } as Record<string, unknown>;
          // Quotes and attributions: text, kind and closed exactly; who and the cue by containment.
          if (expected.quotes) {
            expect
              .soft(quoteView(got.quotes, expected.quotes as QuoteWant[]), `${f.name}: quotes`)
              .toEqual(expected.quotes);
            delete expected.quotes;
          }
          if (expected.attributions) {
            expect
              .soft(
                attributionView(got.attributions, expected.attributions as AttributionWant[]),
                `${f.name}: attributions`,
              )
              .toEqual(expected.attributions);
            delete expected.attributions;
          }
          if (Array.isArray(expected.diagnostics))
            expected.diagnostics = [...(expected.diagnostics as string[])].sort();
          for (const key of Object.keys(expected)) {
            expect.soft(view[key], `${f.name} story ${k + 1}: ${key}`).toEqual(expected[key]);
          }
          for (const p of parts(got)) expect(plainAt(f.text, p.span)).toBe(p.text);
        });
      });
    }
  });
}
