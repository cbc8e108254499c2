// Feed files in transmission envelopes (ANPA 1312, IPTC 7901, ZCZC) and 8-bit charsets. The
// fixtures in fixtures/feeds are bytes (control characters, Windows-1252 letters); each has a
// `NAME.want.json` beside it giving, per story, the fields to compare (by equality).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseBytes, parse } from "../src/index.js";
import { decode } from "../src/text/decode.js";
import { findEnvelopes, maskText } from "../src/envelope/index.js";
import { isTableLine } from "../src/parse/tables.js";
import { ninjsOf } from "../src/render/ninjs.js";
import type { Story } from "../src/story.js";
import { CONTROLS, parts, plainAt, root } from "./helpers.js";

const dir = join(root, "fixtures", "feeds");
const names = readdirSync(dir)
  .filter((f) => !f.endsWith(".json"))
  .sort();

function view(s: Story): Record<string, unknown> {
  const t = s.transmission;
  const fields = t
    ? Object.fromEntries(
        Object.entries(t)
          .filter(([, v]) => v && typeof v === "object" && "value" in v)
          .map(([k, v]) => [k, (v as { value: unknown }).value]),
      )
    : null;
  return {
    headline: s.headline?.text ?? null,
    byline: s.byline?.text ?? null,
    place: s.dateline?.places[0]?.text ?? null,
    agency: s.agency?.code ?? null,
    first: s.paragraphs[0]?.text ?? null,
    tables: s.paragraphs.filter((p) => p.kind === "table").length,
    slugline: s.slugline?.text ?? null,
    ednote: s.ednote?.text ?? null,
    signoff: s.signoff ? [s.signoff.agency?.code ?? null, ...s.signoff.codes.map((c) => c.text)] : null,
    format: t?.format ?? null,
    fields,
    encoding: s.source.encoding,
    codes: [...new Set(s.diagnostics.map((d) => d.code))].sort(),
  };
}

describe("fixtures/feeds", () => {
  it("has a fixture for each envelope, several per file, and 8-bit text", () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });
  for (const name of names) {
    it(name, () => {
      const bytes = readFileSync(join(dir, name));
      const want = JSON.parse(readFileSync(join(dir, name.replace(/\.[a-z]+$/u, ".want.json")), "utf8")) as {
        about: string;
        stories: Record<string, unknown>[];
      };
      const result = parseBytes(bytes, { path: name });
      expect(
        result.stories
          .map(view)
          .map((v, k) => Object.fromEntries(Object.keys(want.stories[k] ?? {}).map((key) => [key, v[key]]))),
      ).toEqual(want.stories);
      const d = decode(bytes);
      const text = d.text ?? Buffer.from(bytes).toString("latin1");
      for (const s of result.stories) {
        // Control characters never reach a text; every part's text is the input at its span.
        for (const p of [...parts(s), ...s.quotes]) {
          expect(p.text).not.toMatch(CONTROLS);
          expect(plainAt(text, p.span)).toBe(p.text);
        }
        for (const v of Object.values(s.transmission ?? {})) {
          if (v && typeof v === "object" && "text" in v) expect((v as { text: string }).text).not.toMatch(CONTROLS);
        }
      }
    });
  }
});

describe("envelope stage", () => {
  it("is null for bare copy and finds one story per envelope", () => {
    expect(findEnvelopes("New Delhi, Sep 14 (IANS) Text.\n--IANS\n")).toBeNull();
    const two = "ZCZC AAP\n^One\nPERTH, May 9 AAP - A.\nNNNN\nZCZC AAP\n^Two\nPERTH, May 9 AAP - B.\n";
    const env = findEnvelopes(two)!;
    expect(env.stories.map((s) => two.slice(s.headline!.start, s.headline!.end))).toEqual(["One", "Two"]);
    expect(env.stories.map((s) => s.format)).toEqual(["zczc", "zczc"]);
  });

  it("warns about text outside every envelope and never makes it body text", () => {
    const text = "junk before\n\x01abc0001 4 i 10  dpa 0001\n\x02Headline =\n\nBerlin (dpa) - Text.\n\x03\n";
    const [s] = parse(text);
    expect(s!.diagnostics.map((d) => d.code)).toContain("envelope-unreadable");
    expect(s!.paragraphs.map((p) => p.text)).toEqual(["Text."]);
    expect(s!.headline?.text).toBe("Headline");
  });

  it("masks framing and control characters without moving offsets", () => {
    const t = "a\x02b\r\nc\x1fd";
    const m = maskText(t, [{ start: 0, end: 1 }]);
    expect(m).toBe("  b\r\nc d");
    expect(m.length).toBe(t.length);
  });

  it("an envelope without its end is read to the next one, with a warning", () => {
    const text =
      "\x16\x16\x01a0001\x1fsel\nr a\x13\x11 BC-US--One 01-02 0010\n\x02^BC-US--One<\n^First<\n\tDENVER (AP) _ One.\n\x16\x16\x01a0002\x1fsel\nr a\x13\x11 BC-US--Two 01-02 0010\n\x02^BC-US--Two<\n^Second<\n\tDENVER (AP) _ Two.\n\x03\n\x04";
    const stories = parse(text);
    expect(stories.map((s) => s.headline?.text)).toEqual(["First", "Second"]);
    expect(stories[0]!.diagnostics.map((d) => d.code)).toContain("envelope-unclosed");
    expect(stories[1]!.paragraphs.map((p) => p.text)).toEqual(["Two."]);
  });
});

describe("charsets", () => {
  const latin = Buffer.from("BERLIN, Jan 5 (dpa) - Trains ran again in K\xf6ln.\n", "latin1");
  it("8-bit bytes with no UTF-8 sequence read as Windows-1252, with a warning", () => {
    const r = parseBytes(latin);
    expect(r.encoding).toBe("windows-1252");
    expect(r.stories[0]!.paragraphs[0]!.text).toBe("Trains ran again in Köln.");
    expect(r.stories[0]!.diagnostics.find((d) => d.code === "decoded-as")?.severity).toBe("warning");
  });
  it("mostly UTF-8 with a bad byte stays an invalid-encoding error", () => {
    const bad = Buffer.concat([Buffer.from("Köln is in Germany. "), Buffer.from([0xfc]), Buffer.from(" ok\n")]);
    const r = parseBytes(bad);
    expect(r.stories).toHaveLength(0);
    expect(r.diagnostics[0]!.code).toBe("invalid-encoding");
  });
  it("--encoding forces a charset; spans count code points of the decoded text", () => {
    const r = parseBytes(Buffer.from("BERLIN, Jan 5 (dpa) - \xa4 Euro.\n", "latin1"), { encoding: "iso-8859-15" });
    expect(r.encoding).toBe("iso-8859-15");
    const p = r.stories[0]!.paragraphs[0]!;
    expect(p.text).toBe("€ Euro.");
    expect(p.span.start).toBe("BERLIN, Jan 5 (dpa) - ".length);
  });
  it("an unknown charset name is an error, not a crash", () => {
    expect(parseBytes(latin, { encoding: "no-such-charset" }).diagnostics[0]!.code).toBe("invalid-encoding");
  });
});

describe("tables", () => {
  it("tells table lines from prose", () => {
    expect(isTableLine("Milwaukee;35;25;.583;_")).toBe(true);
    expect(isTableLine("Arsenal        12   9   2   1   28  10")).toBe(true);
    expect(isTableLine("He scored 30 points, 12 rebounds and 5 assists in 2019.")).toBe(false);
  });
  it("keeps a table whole and runs no quote rule on it", () => {
    const text =
      'LONDON, Jan 5 (Reuters) - Results on Saturday:\nArsenal   2  Chelsea "B"  1\nEverton   0  Fulham     0\nLeeds     3  Burnley    1\nMore games follow on Sunday.\n';
    const [s] = parse(text);
    const table = s!.paragraphs.find((p) => p.kind === "table")!;
    expect(table.text.split("\n")).toHaveLength(3);
    expect(table.sentences).toEqual([]);
    expect(s!.quotes).toEqual([]);
    expect(s!.diagnostics.map((d) => d.code)).not.toContain("unbalanced-quote");
  });
});

const ninjsDir = join(root, "..", "shared", "standards", "ninjs");
const hasNinjs = existsSync(ninjsDir);
describe.skipIf(!hasNinjs)(
  `ninjs of feed files${hasNinjs ? "" : " (skipped: ../shared/standards/ninjs is not beside the project)"}`,
  () => {
    for (const version of ["3.1", "2.2"] as const) {
      it(`ninjs ${version}: slugline, urgency, version, ednote; every story validates`, () => {
        const ajv = new Ajv2020({ strict: false, allErrors: true });
        addFormats(ajv);
        ajv.addSchema(
          JSON.parse(readFileSync(join(ninjsDir, "GeoJSON-schema.json"), "utf8")),
          "https://geojson.org/schema/GeoJSON.json",
        );
        const validate = ajv.compile(JSON.parse(readFileSync(join(ninjsDir, `ninjs-schema_${version}.json`), "utf8")));
        for (const name of names) {
          for (const s of parseBytes(readFileSync(join(dir, name))).stories) {
            const doc = ninjsOf(s, version);
            expect(validate(doc), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          }
        }
        const [ap] = parseBytes(readFileSync(join(dir, "anpa-ap-story.bin"))).stories;
        const doc = ninjsOf(ap!, version);
        expect(doc).toMatchObject({ slugline: "Mountain-Rescue", urgency: 5, version: "2" });
        expect(doc[version === "3.1" ? "edNote" : "ednote"]).toBe("Updates with rescuers' comments. With AP Photos.");
      });
    }
  },
);

describe("records of feed files", () => {
  it("validate against the record's JSON Schema, YAML and pretty views included", async () => {
    const { storySchema } = await import("../src/schema.js");
    const { render } = await import("../src/render/index.js");
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    const validate = ajv.compile(storySchema);
    for (const name of names) {
      for (const s of parseBytes(readFileSync(join(dir, name))).stories) {
        expect(validate(JSON.parse(JSON.stringify(s))), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        const pretty = render(s, "pretty", { color: false, width: 80, ninjsVersion: "3.1" });
        expect(pretty).not.toMatch(CONTROLS);
        if (s.slugline) expect(pretty).toContain(s.slugline.text);
        if (s.transmission) expect(pretty).toContain(s.transmission.format);
      }
    }
  });
});

describe("wire parse --encoding", () => {
  it("forces a charset; an unknown name is bad usage", async () => {
    const { run } = await import("../src/cli/run.js");
    const wire = async (argv: string[], input: Uint8Array) => {
      let stdout = "";
      let stderr = "";
      const code = await run(argv, {
        stdin: (async function* () {
          yield input;
        })(),
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        env: {},
      });
      return { code, stdout, stderr };
    };
    const bytes = Buffer.from("BERLIN, Jan 5 (dpa) - \xa4 Euro.\n", "latin1");
    const ok = await wire(["parse", "--encoding", "iso-8859-15", "-f", "ndjson", "--no-progress"], bytes);
    expect(ok.code).toBe(0);
    const rec = JSON.parse(ok.stdout) as Story;
    expect(rec.source.encoding).toBe("iso-8859-15");
    expect(rec.paragraphs[0]!.text).toBe("€ Euro.");
    const bad = await wire(["parse", "--encoding", "klingon"], bytes);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--encoding");
  });
});

describe("agate without an envelope", () => {
  it("is a table, never taken for a legacy Hindi font", () => {
    const rows = [
      "Milwaukee   35  25  .583   _   8-2  L-1  16-6",
      "Chicago     32  26  .552   2   6-4  W-2  17-9",
      "St. Louis   30  29  .508   4   5-5  L-3  14-12",
      "Cincinnati  27  31  .466   7   4-6  W-1  13-15",
    ];
    const [s] = parse(`Central Division Glance\n${rows.join("\n")}\n`);
    expect(s!.paragraphs.filter((p) => p.kind === "table")).toHaveLength(1);
    expect(s!.diagnostics.map((d) => d.code)).not.toContain("legacy-font-encoding");
  });
});
