// Output formats: YAML round trip, the pretty view (colour, escaping, wrapping), ninjs against
// the official schemas, and the record's own JSON Schema.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse as parseYaml, parseAllDocuments } from "yaml";
import { parse } from "../src/index.js";
import { render } from "../src/render/index.js";
import { ninjsOf } from "../src/render/ninjs.js";
import { renderPretty } from "../src/render/pretty.js";
import { escapeControls, widthOf, wrap } from "../src/render/terminal.js";
import { useColor } from "../src/cli/color.js";
import { storySchema } from "../src/schema.js";
import { fixtureFolders, fixtures, hasShared, seedPath, shared } from "./helpers.js";

const all = fixtureFolders().flatMap((d) => fixtures(d));
const seed = hasShared ? readFileSync(seedPath, "utf8") : all[0]!.text;
const ESC = "\u001b";

describe("yaml", () => {
  it("parses back to exactly the JSON record, for every fixture", () => {
    for (const f of all) {
      for (const story of parse(f.text, { ...f.expect.options, path: f.name })) {
        expect(parseYaml(render(story, "yaml"))).toEqual(JSON.parse(JSON.stringify(story)));
      }
    }
  });

  it("keeps strings that look like numbers, dates, null, yes or hold ': ' as strings", () => {
    fc.assert(
      fc.property(
        fc
          .array(
            fc.oneof(
              fc.constantFrom(
                "yes",
                "no",
                "on",
                "off",
                "null",
                "~",
                "1",
                "3.5",
                "0x1F",
                "2024-09-14",
                "12:30",
                "a: b",
                "- x",
                "#c",
                "'q'",
                '"',
                " lead",
                "trail ",
                "\n",
                "१४",
              ),
              fc.string({ maxLength: 6 }),
            ),
            { maxLength: 6 },
          )
          .map((a) => a.join("")),
        (s) => {
          const [story] = parse(`सोल, 14 सितंबर (आईएएनएस)। ${s}।\n`);
          if (!story) return;
          const yaml = render(story, "yaml");
          expect(parseYaml(yaml)).toEqual(JSON.parse(JSON.stringify(story)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it("the seed story in YAML parses back to the same object as its NDJSON record", () => {
    const [story] = parse(seed);
    expect(parseYaml(render(story!, "yaml"))).toEqual(JSON.parse(render(story!, "ndjson")));
  });

  it("quotes ambiguous scalars for YAML 1.1 readers too", () => {
    const [story] = parse("Seoul, Sep 14 (IANS) yes\n");
    expect(render(story!, "yaml")).toContain('text: "yes"');
  });

  it("writes one --- document per story", () => {
    const stories = parse(seed).concat(parse(all[1]!.text));
    const text = stories.map((s) => render(s, "yaml")).join("");
    expect(parseAllDocuments(text)).toHaveLength(2);
  });
});

describe("colour decision", () => {
  it("follows --color, then NO_COLOR, then FORCE_COLOR, then the terminal and TERM", () => {
    expect(useColor("always", { NO_COLOR: "1" }, false)).toBe(true);
    expect(useColor("never", { FORCE_COLOR: "1" }, true)).toBe(false);
    expect(useColor("auto", { NO_COLOR: "1", FORCE_COLOR: "1" }, true)).toBe(false);
    expect(useColor("auto", { NO_COLOR: "" }, true)).toBe(true);
    expect(useColor("auto", { FORCE_COLOR: "1" }, false)).toBe(true);
    expect(useColor("auto", { FORCE_COLOR: "0" }, true)).toBe(false);
    expect(useColor("auto", { TERM: "dumb" }, true)).toBe(false);
    expect(useColor("auto", {}, false)).toBe(false);
  });
});

describe("pretty", () => {
  const [story] = parse(seed);

  it("with colour: ANSI styling and the dateline", () => {
    const out = renderPretty(story!, { color: true, width: 80 });
    expect(out).toContain(`${ESC}[`);
    expect(out.replace(/\u001b\[[0-9;]*m/gu, "")).toContain(story!.dateline!.text);
  });

  it("without colour: no escape sequence at all", () => {
    const out = renderPretty(story!, { color: false, width: 80 });
    expect(out).not.toContain(ESC);
    expect(out).toContain(story!.dateline!.text);
  });

  it("never sends control characters or bidi overrides from the input to the terminal", () => {
    const evil = `New Delhi, Sep 14 (IANS) A title ${ESC}]0;owned\u0007 and ${ESC}[2J clear \u009b31m and \u202eevil\u202c "quote ${ESC}[5m".\n--IANS\nab/cd\n`;
    for (const color of [false, true]) {
      const out = renderPretty(parse(evil)[0]!, { color, width: 60 });
      const raw = color ? out.replace(/\u001b\[[0-9;]*m/gu, "") : out;
      expect(raw).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
      // Control characters never reach a part's text (they read as spaces); bidi overrides are shown escaped.
      expect(out).toContain("]0;owned");
      expect(out).toContain("\\u202e");
    }
  });

  it("wraps to the width, measuring Devanagari in grapheme clusters", () => {
    // As terminals draw it: spacing vowel signs take a column (स ो ल: 3), virama, nukta and
    // ZWJ none (क ् ष: 2), wide characters two.
    expect(widthOf("सोल")).toBe(3);
    expect(widthOf("क्ष")).toBe(2);
    expect(widthOf("फ़\u200dर")).toBe(2);
    expect(widthOf("ソウル")).toBe(6);
    const lines = wrap([{ text: story!.paragraphs[0]!.text, style: (s) => s }], 40, "  ");
    for (const l of lines) expect(widthOf(l)).toBeLessThanOrEqual(40);
    expect(lines.join(" ").replace(/\s+/gu, " ").trim()).toBe(story!.paragraphs[0]!.text.replace(/\s+/gu, " "));
  });

  it("escapes exactly the dangerous characters", () => {
    expect(escapeControls("a\u001bb\u0007c\u202ed\ne\tf")).toBe("a\\x1bb\\x07c\\u202ed\ne\tf");
  });
});

describe("the record's JSON Schema", () => {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  const validate = ajv.compile(storySchema);

  it("names draft 2020-12", () => {
    expect(storySchema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
  });

  it("every fixture record validates", () => {
    for (const f of all) {
      for (const s of parse(f.text, { ...f.expect.options, path: f.name })) {
        expect(validate(JSON.parse(JSON.stringify(s))), `${f.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    }
  });

  it("rejects a record with a field it does not know", () => {
    const [s] = parse(seed);
    expect(validate({ ...JSON.parse(JSON.stringify(s)), extra: 1 })).toBe(false);
  });
});

const ninjsDir = join(shared, "standards", "ninjs");
const hasNinjs = existsSync(ninjsDir);
const ninjsTitle = `ninjs against the official IPTC schemas${hasNinjs ? "" : " (skipped: ../shared/standards/ninjs is not beside the project)"}`;
describe.skipIf(!hasNinjs)(ninjsTitle, () => {
  for (const version of ["3.1", "2.2"] as const) {
    it(`ninjs ${version}: every fixture story validates`, () => {
      const ajv = new Ajv2020({ strict: false, allErrors: true });
      addFormats(ajv);
      ajv.addSchema(
        JSON.parse(readFileSync(join(ninjsDir, "GeoJSON-schema.json"), "utf8")),
        "https://geojson.org/schema/GeoJSON.json",
      );
      const validate = ajv.compile(JSON.parse(readFileSync(join(ninjsDir, `ninjs-schema_${version}.json`), "utf8")));
      for (const f of [...all, { name: "seed", text: seed, expect: { options: { refDate: "2024-09-20" } } }]) {
        for (const s of parse(f.text, { ...f.expect.options })) {
          const doc = ninjsOf(s, version);
          expect(validate(doc), `${f.name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        }
      }
    });
  }

  it("maps the seed story's parts", () => {
    const [s] = parse(seed, { refDate: "2024-09-20" });
    const doc = ninjsOf(s!, "3.1");
    expect(doc).toMatchObject({
      type: "text",
      language: "hi",
      located: "Seoul",
      contentCreated: "2024-09-14T00:00:00Z",
    });
    expect(doc.infoSources).toEqual([{ name: "IANS", literal: "आईएएनएस", role: "originator" }]);
    expect(doc.altIds).toEqual([{ role: "desk-code", value: "SKP" }]);
    expect(doc.uri).toBe(`urn:wire:story:${s!.source.sha256}:1`);
    expect(ninjsOf(s!, "2.2")).toHaveProperty("infosources");
  });

  it("lists quoted people, but no pronoun (data/pronouns.json) as a person", () => {
    const [s] = parse('NEW DELHI, Sept 14 (IANS) "We will win," they said.\n"It is done," a teacher said.\n--IANS');
    expect(s!.quotes.map((q) => q.speaker?.text)).toEqual(["they", "a teacher"]);
    expect(ninjsOf(s!, "3.1").people).toEqual([{ name: "a teacher", rel: "quoted" }]);
  });
});
