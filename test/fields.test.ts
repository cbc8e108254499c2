// Flat output: -f tsv / -f csv with --fields, -f ndjson --fields; RFC 4180 read back with
// csv-parse; formula-looking cells neutralised; field paths into the record.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import {
  DEFAULT_FIELDS,
  cellText,
  fieldValue,
  neutralise,
  parseFields,
  tableHeader,
  tableRow,
} from "../src/render/fields.js";
import type { Story } from "../src/story.js";
import { fixtures, runWire } from "./helpers.js";

const wire = (argv: string[]) => runWire(argv);

// Fixtures holding one story each, so that a file is a row; the Hindi ones with a dateline (the
// first file's places are read).
const hi = fixtures("hi").filter((f) => f.expect.stories.length === 1 && f.expect.stories[0]!.dateline);
const en = fixtures("en").filter((f) => f.expect.stories.length === 1);
const files = [...hi.slice(0, 8), ...en.slice(0, 8)].map((f) => f.path);

/** Unescapes a TSV cell (`\t`, `\n`, `\r`, `\\`). */
const untsv = (s: string) =>
  s.replace(/\\([tnr\\])/gu, (_, c: string) => ({ t: "\t", n: "\n", r: "\r", "\\": "\\" })[c]!);

describe("-f csv and -f tsv", () => {
  it("csv: a header row, one row per story, RFC 4180 (CRLF), cells equal to the records' values", async () => {
    const csv = await wire(["parse", ...files, "-f", "csv", "-j", "1"]);
    const nd = await wire(["parse", ...files, "-f", "ndjson", "-j", "1"]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv.stdout, { relax_column_count: false }) as string[][];
    expect(rows[0]).toEqual(DEFAULT_FIELDS);
    const records = nd.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Story);
    expect(rows.length).toBe(records.length + 1);
    records.forEach((r, i) => {
      const row = Object.fromEntries(DEFAULT_FIELDS.map((f, k) => [f, rows[i + 1]![k]]));
      expect(row.path).toBe(r.source.path);
      expect(row.language).toBe(r.language);
      expect(row.place).toBe(r.dateline?.places[0] ? (r.dateline.places[0].name ?? r.dateline.places[0].text) : "");
      expect(row.country).toBe(r.dateline?.places[0]?.country ?? "");
      expect(row.paragraphs).toBe(String(r.paragraphs.length));
      expect(row.quotes).toBe(String(r.quotes.length));
      expect(row.signoff_codes).toBe((r.signoff?.codes ?? []).map((c) => c.latin ?? c.text).join("; "));
    });
  });

  it("tsv: tabs only between cells, every row as wide as the header", async () => {
    const tsv = await wire([
      "parse",
      ...files,
      "-f",
      "tsv",
      "--fields",
      "path,body,dateline.places[0].name,quotes[].kind",
      "-j",
      "1",
    ]);
    const lines = tsv.stdout.split("\n").slice(0, -1);
    expect(lines[0]).toBe("path\tbody\tdateline.places[0].name\tquotes[].kind");
    expect(lines.length).toBe(files.length + 1);
    for (const l of lines) expect(l.split("\t").length).toBe(4);
    const story = parse(readFileSync(files[0]!, "utf8"), { path: files[0]! })[0]!;
    const cells = lines[1]!.split("\t").map(untsv);
    expect(cells[1]).toBe(story.paragraphs.map((p) => p.text).join("\n\n"));
    expect(cells[3]).toBe(story.quotes.map((q) => q.kind).join("; "));
  });

  it("neutralises cells a spreadsheet would run", () => {
    const story = parse(readFileSync(files[0]!, "utf8"), { path: "=cmd|' /C calc'!A0" })[0]!;
    for (const text of ['=HYPERLINK("http://x")', "+1+2", "-2+3", "@SUM(A1)"]) {
      const s: Story = { ...story, headline: { text, span: { start: 0, end: 0 }, line: 1 } };
      const csv = parseCsv(tableRow(s, ["path", "headline"], "csv")) as string[][];
      expect(csv[0]).toEqual(["'=cmd|' /C calc'!A0", `'${text}`]);
      const tsv = tableRow(s, ["headline"], "tsv");
      expect(tsv).toBe(`'${text}\n`);
    }
    expect(neutralise("2024-09-14")).toBe("2024-09-14");
    expect(neutralise("New Delhi")).toBe("New Delhi");
  });

  it("any cell text reads back as written (neutralised), in csv and in tsv", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "grapheme", maxLength: 12 }), { minLength: 1, maxLength: 5 }), (cells) => {
        const story = parse("x", { path: "p" })[0]!;
        // A story whose field paths resolve to the cells: diagnostics' messages.
        const s: Story = {
          ...story,
          diagnostics: cells.map((c) => ({
            code: "x",
            severity: "info",
            message: c,
            span: { start: 0, end: 0 },
            line: 1,
            column: 1,
          })),
        };
        const paths = cells.map((_, i) => `diagnostics[${i}].message`);
        const back = parseCsv(tableHeader(paths, "csv") + tableRow(s, paths, "csv"), {
          relax_quotes: false,
        }) as string[][];
        expect(back[1]).toEqual(cells.map((c) => neutralise(c)));
        const tsv = tableRow(s, paths, "tsv");
        expect(tsv.slice(0, -1).split("\t").map(untsv)).toEqual(cells.map((c) => neutralise(c)));
      }),
      { numRuns: 200 },
    );
  });

  it("writes the header once to -o FILE, and at the top of every file with -o DIR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-fields-"));
    expect((await wire(["parse", ...files.slice(0, 3), "-f", "csv", "-o", join(dir, "all.csv"), "-j", "1"])).code).toBe(
      0,
    );
    const all = readFileSync(join(dir, "all.csv"), "utf8");
    expect(all.split("\r\n").filter((l) => l.startsWith("path,")).length).toBe(1);
    expect(
      (await wire(["parse", ...files.slice(0, 3), "-f", "tsv", "-o", join(dir, "out") + "/", "-j", "1"])).code,
    ).toBe(0);
    // Each story's file keeps its input's path (from the current folder); the manifest lies beside them.
    const out = readdirSync(join(dir, "out"), { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".tsv"));
    expect(out.length).toBe(3);
    for (const f of out) {
      expect(f.endsWith(".tsv")).toBe(true);
      expect(readFileSync(join(dir, "out", f), "utf8").split("\n")[0]).toBe(DEFAULT_FIELDS.join("\t"));
    }
  });
});

describe("--fields", () => {
  it("ndjson keeps only the chosen fields, keyed as written, arrays as arrays", async () => {
    const r = await wire([
      "parse",
      files[0]!,
      "-f",
      "ndjson",
      "--fields",
      "path,signoff_codes,dateline.places[].name,source.sha256",
    ]);
    const o = JSON.parse(r.stdout);
    expect(Object.keys(o)).toEqual(["path", "signoff_codes", "dateline.places[].name", "source.sha256"]);
    const full = JSON.parse((await wire(["parse", files[0]!, "-f", "ndjson"])).stdout) as Story;
    expect(o["dateline.places[].name"]).toEqual(full.dateline!.places.map((p) => p.name));
    expect(o["source.sha256"]).toBe(full.source.sha256);
  });

  it("field paths: [n] an element, [] every element, missing parts null", () => {
    const story = parse(hi.find((f) => f.name === "two-places-slash-three-codes")!.text, { path: "a.txt" })[0]!;
    expect(fieldValue(story, "dateline.places[1].country")).toBe("BD");
    expect(fieldValue(story, "dateline.places[].country")).toEqual(["IN", "BD"]);
    expect(fieldValue(story, "dateline.places[5].name")).toBe(null);
    expect(fieldValue(story, "byline.text")).toBe(null);
    expect(cellText(["a", null, 2])).toBe("a; ; 2");
    expect(cellText({ a: 1 })).toBe('{"a":1}');
  });

  it("a bad field or a format without fields is a usage error (exit 2)", async () => {
    expect(() => parseFields("dateline..x")).toThrow();
    expect(() => parseFields("nope")).toThrow(/unknown field/u);
    expect(parseFields(" path , quotes[].speaker.name ")).toEqual(["path", "quotes[].speaker.name"]);
    const bad = await wire(["parse", files[0]!, "-f", "csv", "--fields", "nope"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("unknown field 'nope'");
    expect((await wire(["parse", files[0]!, "-f", "yaml", "--fields", "path"])).code).toBe(2);
  });
});
