// Big inputs read as streams, story by story: the records, the diagnostics and the exit code are
// exactly those of parsing the input whole.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "../src/index.js";
import { parseRefDate } from "../src/parse/date.js";
import { StoryStream } from "../src/parse/stream.js";
import { slicesOnWorkers, WORKERS_FROM } from "../src/cli/stream.js";
import { WorkerPool } from "../src/cli/pool.js";
import { readBounded } from "../src/inputs/bounded.js";
import { heapGrowthTuned } from "../src/cli/heap.js";
import { fixtures, runWire } from "./helpers.js";

// With -j 2 the slices go to the workers whatever the file's size (WIRE_WORKERS_FROM), so that
// the worker path is the one compared.
async function wire(argv: string[], env: Record<string, string> = {}) {
  const r = await runWire(argv, { env: { WIRE_WORKERS_FROM: "1", ...env } });
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
    [2000, 333, 1],
    [20000, 4096, 5000],
    [1 << 20, 1 << 16, 1 << 17],
  ])(
    "gives the stories of parse() with a %i-character window fed %i characters at a time, slices of %i",
    (size, chunk, slice) => {
      const whole = parse(joined, { path: "x", refDate: "2024-09-01" });
      const counter = StoryStream.slicer(size, slice);
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
        slice,
      );
      const got = [];
      for (let i = 0; i < joined.length; i += chunk) got.push(...stream.push(joined.slice(i, i + chunk)));
      got.push(...stream.end());
      expect(got.length).toBeGreaterThan(50);
      expect(JSON.stringify(got)).toBe(JSON.stringify(whole));
    },
  );
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

  // Several slices: roundup items (which take the agency of the item before) and a control
  // character among the stories, repeated until the file holds a few slices' worth.
  const roundup = readFileSync(
    join(fixtures("hi")[0]!.path, "../../hi-agencies/roundup-desk-slugs-glued-items.txt"),
    "utf8",
  );
  const many = join(dir, "many.txt");
  writeFileSync(
    many,
    Array.from({ length: 6 }, (_, k) => `${joined}\n\n${roundup}\n\nA bell \u0007 ${k}.`).join("\n\n"),
  );

  it.each([
    ["-f", "ndjson", "-j", "1"],
    ["-f", "ndjson", "-j", "2"],
    ["-f", "json", "-j", "2", "-v"],
  ])("gives the output of a whole read on a file of several slices: %s %s %s %s", async (...args) => {
    const streamed = await wire(["parse", many, ...args], { WIRE_STREAM_FROM: "1" });
    const whole = await wire(["parse", many, ...args], { WIRE_STREAM_FROM: String(2 ** 40) });
    expect(streamed.stdout.split("\n").length).toBeGreaterThan(300);
    expect(streamed.stdout).toMatch(/"index": ?1,/);
    expect(streamed).toEqual(whole);
  });

  it("streams standard input through a temporary file, removed at the end", async () => {
    const before = readdirSync(tmpdir()).filter((n) => n.startsWith("wire-spool-")).length;
    const stdin = readFileSync(many);
    const streamed = await runWire(["parse", "-", "-f", "ndjson", "-j", "2"], {
      stdin,
      env: { WIRE_STREAM_FROM: "1000", WIRE_WORKERS_FROM: "1" },
    });
    const whole = await runWire(["parse", "-", "-f", "ndjson", "-j", "2"], { stdin });
    expect(streamed.stdout).toContain('"path":"<stdin>"');
    expect(streamed).toEqual(whole);
    // Over the size cap and streamed, it is read (the cap bounds one story).
    const big = await runWire(["parse", "-", "-f", "ndjson", "-q", "--max-input-size", "200K"], {
      stdin,
      env: { WIRE_STREAM_FROM: "1000" },
    });
    expect(big).toEqual({ ...whole, stderr: "" });
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith("wire-spool-")).length).toBe(before);
  });

  it("streams a file over --max-input-size, not a story over it", async () => {
    const r = await wire(["parse", many, "-f", "ndjson", "-q", "--max-input-size", "200K"], { WIRE_STREAM_FROM: "1" });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe((await wire(["parse", many, "-f", "ndjson", "-q", "--max-input-size", "2M"])).stdout);
    const long = join(dir, "long.txt");
    writeFileSync(long, `${texts[0]}\n\n${"Words without an end. ".repeat(60000)}`);
    const t = await wire(["parse", long, "-f", "ndjson", "--max-input-size", "100K"], { WIRE_STREAM_FROM: "1" });
    expect(t.code).toBe(1);
    expect(t.stderr).toContain("[too-large]");
  });

  it("parses whole what it cannot stream: a feed file, --no-split, --encoding", async () => {
    const feed = readFileSync(join(fixtures("hi")[0]!.path, "../../feeds/anpa-two-envelopes.bin"));
    const file = join(dir, "feed.anpa");
    writeFileSync(file, Buffer.concat([feed, Buffer.from(`\n\n${joined}`)]));
    for (const args of [
      [file, "-f", "ndjson"],
      [many, "-f", "ndjson", "--no-split"],
      [many, "-f", "ndjson", "--encoding", "utf-8"],
    ]) {
      const streamed = await wire(["parse", ...args], { WIRE_STREAM_FROM: "1" });
      expect(streamed.stdout.length).toBeGreaterThan(2000);
      expect(streamed).toEqual(await wire(["parse", ...args], { WIRE_STREAM_FROM: String(2 ** 40) }));
    }
  });

  it("streams a byte-order mark; parses whole invalid UTF-8", async () => {
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

describe("workers for one streamed file", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("are used from WORKERS_FROM bytes, with -j 2 or more", () => {
    expect(WORKERS_FROM).toBe(16 << 20);
    expect(slicesOnWorkers({ bytes: WORKERS_FROM }, 2)).toBe(true);
    expect(slicesOnWorkers({ bytes: WORKERS_FROM - 1 }, 2)).toBe(false);
    expect(slicesOnWorkers({ bytes: WORKERS_FROM }, 1)).toBe(false);
    expect(slicesOnWorkers({ bytes: 1000 }, 2, 1000)).toBe(true);
  });

  it("are not started for a streamed file below the line, and are above it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-workers-"));
    const file = join(dir, "some.txt");
    writeFileSync(file, Array.from({ length: 3 }, () => joined).join("\n\n"));
    const pooled = vi.spyOn(WorkerPool.prototype, "tryRun");
    // Above the line the workers start before the first pass, so that they load meanwhile.
    const warmed = vi.spyOn(WorkerPool.prototype, "warm");
    const here = await runWire(["parse", file, "-f", "ndjson", "-q", "-j", "2"], { env: { WIRE_STREAM_FROM: "1" } });
    expect(pooled).not.toHaveBeenCalled();
    expect(warmed).not.toHaveBeenCalled();
    const there = await runWire(["parse", file, "-f", "ndjson", "-q", "-j", "2"], {
      env: { WIRE_STREAM_FROM: "1", WIRE_WORKERS_FROM: "1000" },
    });
    expect(pooled).toHaveBeenCalled();
    // One worker beside this thread, which parses the slices no worker can take at once.
    expect(warmed).toHaveBeenCalledWith(1);
    const handed = pooled.mock.results.map((r) => r.value !== null);
    expect(handed).toContain(true);
    expect(handed).toContain(false);
    expect(there).toEqual(here);
  }, 60_000);
});

describe("the heap's growth", () => {
  it("is tuned while a run of a megabyte or more goes on, V8's own after it and in small runs", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-heap-"));
    const file = join(dir, "some.txt");
    writeFileSync(file, joined);
    const during = async (argv: string[], env: Record<string, string>) => {
      const seen: boolean[] = [];
      await runWire(argv, {
        env,
        stdin: texts[0]!,
        io: {
          stdout: {
            write: () => {
              seen.push(heapGrowthTuned());
              return true;
            },
          },
        },
      });
      expect(seen.length).toBeGreaterThan(0);
      expect(heapGrowthTuned()).toBe(false);
      return [...new Set(seen)];
    };
    expect(await during(["parse", file, "-f", "ndjson", "-j", "1"], { WIRE_STREAM_FROM: "1" })).toEqual([true]);
    expect(await during(["parse", "-", "-f", "ndjson", "-j", "1"], {})).toEqual([false]);
  });
});

describe("a small file read whole", () => {
  it("holds its bytes in a block of their own size (posted to a worker, a typed array copies its whole block)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-exact-"));
    for (const n of [5, 3000, 70_000, 1_100_000]) {
      const path = join(dir, `f${n}.txt`);
      writeFileSync(path, "a".repeat(n));
      for (const once of [false, true]) {
        const got = await readBounded(path, 1 << 24, once);
        if (!("bytes" in got)) throw new Error("not read");
        expect(got.bytes.length).toBe(n);
        expect(got.bytes.byteOffset).toBe(0);
        expect(got.bytes.buffer.byteLength).toBe(n);
      }
    }
  });
  it("read at once (a run's only input), the same answers as streamed: over the bound, binary, empty, missing", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-once-"));
    const files: [string, Uint8Array | string][] = [
      ["empty.txt", ""],
      ["story.txt", "नई दिल्ली, 5 मई (आईएएनएस)। एक कहानी।\n"],
      ["big.txt", "a".repeat(5000)],
      ["binary.bin", new Uint8Array(70_000)],
      ["short-binary.bin", new Uint8Array(100)],
    ];
    for (const [name, content] of files) writeFileSync(join(dir, name), content);
    for (const name of [...files.map(([n]) => n), "missing.txt"]) {
      for (const max of [1 << 24, 4000]) {
        const streamed = await readBounded(join(dir, name), max).catch((e: Error) => e.message);
        const once = await readBounded(join(dir, name), max, true).catch((e: Error) => e.message);
        expect(once, `${name} ${max}`).toEqual(streamed);
      }
    }
  });
});
