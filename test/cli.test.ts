// The command line, run in process: stdout, stderr and exit codes.
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fixtures, runWire } from "./helpers.js";

const wire = (argv: string[], stdin: string | Uint8Array = "") => runWire(argv, { stdin });

const tmp = mkdtempSync(join(tmpdir(), "wire-cli-"));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};
const story = fixtures("hi").find((f) => f.name === "dateline-danda-signoff-next-line")!;
const english = fixtures("en").find((f) => f.name === "signoff-codes-next-line")!;

describe("wire parse", () => {
  it("prints one JSON record for a file, diagnostics on stderr, exit 0", async () => {
    const r = await wire(["parse", story.path]);
    expect(r.code).toBe(0);
    const rec = JSON.parse(r.stdout);
    expect(rec.schema).toBe("wire.story/1");
    expect(rec.source.path).toBe(story.path);
    expect(rec.dateline.agency.code).toBe("IANS");
    expect(r.stdout.endsWith("}\n")).toBe(true);
  });

  it("gives the same record from stdin (no argument, or -) as from the file", async () => {
    const fromFile = JSON.parse((await wire(["parse", story.path])).stdout);
    for (const argv of [["parse"], ["parse", "-"]]) {
      const fromStdin = JSON.parse((await wire(argv, story.text)).stdout);
      expect(fromStdin.source.path).toBe("<stdin>");
      expect({ ...fromStdin, source: null }).toEqual({ ...fromFile, source: null });
      expect(fromStdin.source.sha256).toBe(fromFile.source.sha256);
    }
  });

  it("streams several inputs: json one document after another, ndjson one line each", async () => {
    const json = await wire(["parse", story.path, english.path]);
    expect(json.code).toBe(0);
    expect(json.stdout.match(/^\{$/gm)).toHaveLength(2);
    const nd = await wire(["parse", story.path, english.path, "-f", "ndjson"]);
    const lines = nd.stdout.split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe("");
    expect(JSON.parse(lines[0]!).language).toBe("hi");
    expect(JSON.parse(lines[1]!).language).toBe("en");
  });

  it("a missing file: exit 1, one line naming it on stderr, nothing on stdout", async () => {
    const r = await wire(["parse", join(tmp, "nope.txt")]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain("nope.txt");
    expect(r.stderr).toContain("no such file");
  });

  it("a missing file among good ones does not stop the batch", async () => {
    const r = await wire(["parse", join(tmp, "nope.txt"), story.path, "-f", "ndjson"]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toHaveLength(1);
  });

  it("bad usage exits 2", async () => {
    expect((await wire(["parse", "--no-such-option"])).code).toBe(2);
    expect((await wire(["parse", "-f", "xml", story.path])).code).toBe(2);
    expect((await wire(["parse", "--ref-date", "2024-02-30", story.path])).code).toBe(2);
    expect((await wire(["parse", "--lang", "fr", story.path])).code).toBe(2);
    const r = await wire(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/unknown command/);
  });

  it("--help shows examples, --version the version, both exit 0", async () => {
    const h = await wire(["parse", "--help"]);
    expect(h.code).toBe(0);
    expect(h.stdout).toContain("Examples:");
    expect(h.stdout).toContain("--ref-date");
    const v = await wire(["--version"]);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(
      `wire ${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}`,
    );
  });

  it("prints diagnostics as path:line:column: severity: message [code]; infos only with -v, -q keeps only errors", async () => {
    const p = file("glued.txt", "सोल, 14 सितंबर (आईएएनएस)। पहला वाक्य है।दूसरा वाक्य है।\n");
    const r = await wire(["parse", p]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const v = await wire(["parse", "-v", p]);
    // The record counts code points (column 41); stderr counts UTF-8 bytes, as editors jump.
    const before = "सोल, 14 सितंबर (आईएएनएस)। पहला वाक्य है।";
    expect(JSON.parse(v.stdout).diagnostics.find((d: { code: string }) => d.code === "glued-paragraph").column).toBe(
      41,
    );
    expect(v.stderr).toContain(
      `${p}:1:${Buffer.byteLength(before) + 1}: info: paragraph break inferred where a line break seems lost [glued-paragraph]`,
    );
    expect(v.stderr).toMatch(/: info: .*\[missing-signoff\]/);
    expect((await wire(["parse", "-q", p])).stderr).toBe("");
  });

  it("--strict exits 1 when a story has a warning, 0 when it has only infos", async () => {
    const noDateline = file("nodate.txt", "यह एक वाक्य है।\n--आईएएनएस\nएसकेपी\n");
    expect((await wire(["parse", noDateline])).code).toBe(0);
    const strict = await wire(["parse", "--strict", noDateline]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/warning: .*\[missing-dateline\]/);
    expect((await wire(["parse", "--strict", story.path])).code).toBe(0);
  });

  it("--ref-date fills the year; --lang forces the language", async () => {
    const r = JSON.parse((await wire(["parse", "--ref-date", "2024-01-01", "--lang", "en", story.path])).stdout);
    expect(r.dateline.date.yearFrom).toBe("ref-date");
    expect(r.language).toBe("en");
  });
});

describe("decoding", () => {
  const text = "सोल, 14 सितंबर (आईएएनएस)। किम ने कहा।\n--आईएएनएस\nएसकेपी";
  const expected = async () => JSON.parse((await wire(["parse", file("plain.txt", text)])).stdout);

  it("UTF-8 with a BOM: the BOM is removed, offsets unchanged", async () => {
    const r = await wire([
      "parse",
      file("bom.txt", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])),
    ]);
    const rec = JSON.parse(r.stdout);
    const want = await expected();
    expect(rec.source.encoding).toBe("utf-8-bom");
    expect(rec.dateline.span).toEqual(want.dateline.span);
    expect(rec.signoff).toEqual(want.signoff);
  });

  it("UTF-16 LE and BE with a BOM", async () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    const want = await expected();
    for (const [name, bytes, enc] of [
      ["le.txt", le, "utf-16le"],
      ["be.txt", be, "utf-16be"],
    ] as const) {
      const rec = JSON.parse((await wire(["parse", file(name, bytes)])).stdout);
      expect(rec.source.encoding).toBe(enc);
      expect(rec.paragraphs).toEqual(want.paragraphs);
      expect(rec.signoff).toEqual(want.signoff);
    }
  });

  it("invalid UTF-8: an invalid-encoding error with its position, exit 1, no record, no crash", async () => {
    const good = "सोल, 14\nसितंबर ";
    const bytes = Buffer.concat([Buffer.from(good), Buffer.from([0xff, 0xfe, 0x41])]);
    const p = file("bad.txt", bytes);
    const r = await wire(["parse", p]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(
      new RegExp(
        `^${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:2:8: error: invalid UTF-8: byte 0xff at byte offset ${Buffer.byteLength(good)} \\[invalid-encoding\\]\\n$`,
      ),
    );
  });

  it("NUL-heavy input is binary-input, exit 1", async () => {
    const r = await wire(["parse", file("bin.dat", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 0x14, 0, 0, 0]))]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/error: .*\[binary-input\]/);
  });

  it("an empty input is an empty-input warning, no record, exit 0 (1 under --strict)", async () => {
    const p = file("empty.txt", "  \n\n");
    const r = await wire(["parse", p]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/warning: input holds no text \[empty-input\]/);
    expect((await wire(["parse", "--strict", p])).code).toBe(1);
  });

  it("CRLF and CR line ends: same parts, offsets into the decoded text", async () => {
    const want = await expected();
    for (const eol of ["\r\n", "\r"]) {
      const t = text.replace(/\n/g, eol);
      const rec = JSON.parse((await wire(["parse", file("eol.txt", t)])).stdout);
      expect(rec.paragraphs.map((p: { text: string }) => p.text)).toEqual(
        want.paragraphs.map((p: { text: string }) => p.text),
      );
      expect(rec.signoff.text).toBe(`--आईएएनएस${eol}एसकेपी`);
      expect(Array.from(t).slice(rec.signoff.span.start, rec.signoff.span.end).join("")).toBe(rec.signoff.text);
      expect(rec.signoff.line).toBe(2);
    }
  });
});
