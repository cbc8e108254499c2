// Big inputs read as streams, story by story: the records, the diagnostics and the exit code are
// exactly those of parsing the input whole.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { parseRefDate } from "../src/parse/date.js";
import { StoryStream } from "../src/parse/stream.js";
import { fixtures, runWire } from "./helpers.js";

async function wire(argv: string[], env: Record<string, string> = {}) {
  const r = await runWire(argv, { env });
  return { ...r, stderr: r.stderr.replace(/ in [0-9.]+ s$/mu, "") };
}

// Every fixture story, one after another, some with Windows line ends and astral characters
// (so that line numbers and code-point offsets carry across windows).
const texts = [...fixtures("hi"), ...fixtures("en")].map((f) => f.text);
const joined = texts
  .map((t, k) => (k % 5 === 0 ? t.replace(/\n/gu, "\r\n") : k % 7 === 0 ? `${t}\n🙂 ${k}` : t))
  .join("\n\n");

describe("StoryStream", () => {
  it.each([
    [2000, 333],
    [20000, 4096],
  ])("gives the stories of parse() with a %i-character window fed %i characters at a time", (size, chunk) => {
    const whole = parse(joined, { path: "x", refDate: "2024-09-01" });
    const counter = new StoryStream(null, size);
    for (let i = 0; i < joined.length; i += chunk) counter.push(joined.slice(i, i + chunk));
    counter.end();
    expect(counter.count).toBe(whole.length);
    const w = whole[0]!.source;
    const stream = new StoryStream(
      {
        refDate: parseRefDate("2024-09-01"),
        lang: null,
        source: { path: "x", count: counter.count, bytes: w.bytes, sha256: w.sha256, encoding: "utf-8" },
      },
      size,
    );
    const got = [];
    for (let i = 0; i < joined.length; i += chunk) got.push(...stream.push(joined.slice(i, i + chunk)));
    got.push(...stream.end());
    expect(got.length).toBeGreaterThan(50);
    expect(JSON.stringify(got)).toBe(JSON.stringify(whole));
  });
});

describe("wire parse on a big file", () => {
  const dir = mkdtempSync(join(tmpdir(), "wire-stream-"));
  const file = join(dir, "big.txt");
  writeFileSync(file, joined);

  it.each([
    ["-f", "ndjson"],
    ["-f", "json", "-v"],
    ["-f", "yaml"],
    ["-f", "tsv"],
    ["--strict", "-q", "-f", "ndjson"],
    ["-f", "ndjson", "-j", "2"],
    ["-f", "ndjson", "-j", "1"],
  ])("streams it with the output of a whole read: %s %s", async (...args) => {
    const streamed = await wire(["parse", file, ...args], { WIRE_STREAM_FROM: "1" });
    const whole = await wire(["parse", file, ...args], { WIRE_STREAM_FROM: String(2 ** 40) });
    expect(streamed.stdout.length).toBeGreaterThan(2000);
    expect(streamed).toEqual(whole);
  });

  it("writes one file per story to a folder, numbered as before", async () => {
    const a = join(dir, "a/");
    const b = join(dir, "b/");
    await wire(["parse", file, "-o", a], { WIRE_STREAM_FROM: "1" });
    await wire(["parse", file, "-o", b], { WIRE_STREAM_FROM: String(2 ** 40) });
    const names = readdirSync(a).sort();
    expect(names.length).toBeGreaterThan(50);
    expect(readdirSync(b).sort()).toEqual(names);
    for (const n of names) expect(readFileSync(join(a, n), "utf8")).toBe(readFileSync(join(b, n), "utf8"));
  });

  it("parses whole what it cannot stream: a byte-order mark, invalid UTF-8", async () => {
    const bom = join(dir, "bom.txt");
    writeFileSync(bom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(texts[0]!)]));
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, Buffer.concat([Buffer.from(texts[0]!), Buffer.from([0xff, 0x41])]));
    for (const f of [bom, bad]) {
      expect(await wire(["parse", f, "-f", "ndjson"], { WIRE_STREAM_FROM: "1" })).toEqual(
        await wire(["parse", f, "-f", "ndjson"], { WIRE_STREAM_FROM: String(2 ** 40) }),
      );
    }
    const r = await wire(["parse", bad, "-f", "ndjson"], { WIRE_STREAM_FROM: "1" });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("invalid-encoding");
  });
});
