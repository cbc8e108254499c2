// Batch conversion through the command line: folder trees, archives, records, outputs to a
// folder (mirrored, atomic, resumable, traversal-safe), per-input failures, worker threads.
import { createHash } from "node:crypto";
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";
import { fixtures, root } from "./helpers.js";
import { makeTar, makeZip } from "./archives.js";

async function wire(argv: string[], stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdin: (async function* () {
      if (stdin) yield Buffer.from(stdin);
    })(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
  });
  return { code, stdout, stderr };
}

// (Stories with a dateline: some tests read the first one's.)
const hi = fixtures("hi").filter((f) => f.expect.stories[0]?.dateline);
const en = fixtures("en");
const tmp = () => mkdtempSync(join(tmpdir(), "wire-batch-"));
const put = (dir: string, rel: string, data: string | Buffer) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), data);
};
/** Every file under a folder but the output folder's manifest. */
const walk = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? walk(join(dir, d.name)) : d.name === ".wire-manifest.jsonl" ? [] : [join(dir, d.name)],
  );

async function tarGz(entries: [string, string][]): Promise<Buffer> {
  return gzipSync(await makeTar(entries.map(([name, data]) => ({ name, data }))));
}

describe("folder trees and -o DIR", () => {
  const src = tmp();
  put(src, "b/second.txt", en[0]!.text);
  put(src, "a/first.txt", hi[0]!.text);
  put(src, "a/two.txt", hi[1]!.text.trimEnd() + "\n\n" + en[1]!.text); // two stories
  put(src, ".hidden/skip.txt", hi[2]!.text);
  put(src, "a/notes.md", "not a story");

  it("walks in sorted order, skips hidden files, filters by --ext", async () => {
    const r = await wire(["parse", src, "--ext", "txt", "-f", "ndjson", "-j", "1"]);
    expect(r.code).toBe(0);
    const paths = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).source.path as string);
    expect(paths.map((p) => relative(src, p))).toEqual(["a/first.txt", "a/two.txt", "a/two.txt", "b/second.txt"]);
    const two = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
      .filter((x) => x.source.path.endsWith("two.txt"));
    expect(two.map((x) => [x.source.index, x.source.count])).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });

  it("mirrors inputs into DIR, one file per story, and a rerun skips what is up to date", async () => {
    const out = join(tmp(), "out") + "/";
    const r = await wire(["parse", src, "--ext", "txt", "-o", out, "-j", "1"]);
    expect(r.code).toBe(0);
    const files = walk(out)
      .map((f) => relative(out, f))
      .sort();
    expect(files).toEqual(["a/first.json", "a/two.2.json", "a/two.json", "b/second.json"]);
    for (const f of walk(out)) expect(JSON.parse(readFileSync(f, "utf8")).schema).toBe("wire.story/1");
    // Rerun: nothing rewritten; a touched input is still up to date, a changed one is redone; --force rewrites all.
    const before = statSync(join(out, "a/first.json")).mtimeMs;
    const again = await wire(["parse", src, "--ext", "txt", "-o", out, "-j", "1"]);
    expect(again.stderr).toMatch(/0 written, 4 up to date/);
    expect(statSync(join(out, "a/first.json")).mtimeMs).toBe(before);
    const future = new Date(Date.now() + 60_000);
    utimesSync(join(src, "a/first.txt"), future, future);
    expect((await wire(["parse", src, "--ext", "txt", "-o", out, "-j", "1"])).stderr).toMatch(
      /0 written, 4 up to date/,
    );
    put(src, "a/first.txt", hi[0]!.text + "\n");
    expect((await wire(["parse", src, "--ext", "txt", "-o", out, "-j", "1"])).stderr).toMatch(
      /1 written, 3 up to date/,
    );
    expect((await wire(["parse", src, "--ext", "txt", "-o", out, "--force", "-j", "1"])).stderr).toMatch(
      /4 written, 0 up to date/,
    );
    expect(walk(out).some((f) => f.endsWith(".tmp"))).toBe(false);
  });

  it("-o FILE gathers every record in one file", async () => {
    const file = join(tmp(), "all.ndjson");
    const r = await wire(["parse", src, "--ext", "txt", "-f", "ndjson", "-o", file, "-j", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(file, "utf8").trim().split("\n")).toHaveLength(4);
  });
});

describe("progress", () => {
  it("on a terminal: a progress line with stories, MB/s, errors and ETA; a summary at the end", async () => {
    const dir = tmp();
    for (let i = 0; i < 12; i++) put(dir, `s${String(i).padStart(2, "0")}.txt`, tiny(i));
    let stderr = "";
    const code = await run(["parse", dir, "-f", "ndjson", "-j", "1"], {
      stdin: (async function* () {})(),
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: true },
    });
    expect(code).toBe(0);
    expect(stderr).toMatch(/\r\u001b\[2Kwire: \d+ inputs · \d+ stories · [\d.]+ MB\/s · 0 errors · ETA \d+:\d\d/);
    expect(stderr).toMatch(/wire: 12 inputs, 12 stories, .* in [\d.]+ s\n$/);
    let quiet = "";
    await run(["parse", dir, "-f", "ndjson", "-j", "1", "--no-progress"], {
      stdin: (async function* () {})(),
      stdout: { write: () => true },
      stderr: { write: (s: string) => (quiet += s), isTTY: true },
    });
    expect(quiet).not.toContain("\r");
  });
});

describe("per-input failures", () => {
  it("a missing file, an unreadable file and a truncated gzip each get a diagnostic; the rest go on; exit 1", async () => {
    const dir = tmp();
    put(dir, "good.txt", hi[0]!.text);
    put(dir, "locked.txt", hi[1]!.text);
    chmodSync(join(dir, "locked.txt"), 0o000);
    const full = await tarGz([
      ["one.txt", en[0]!.text],
      ["two.txt", en[1]!.text],
      ["three.txt", en[2]!.text],
    ]);
    writeFileSync(join(dir, "cut.tar.gz"), full.subarray(0, Math.floor(full.length / 2)));
    const r = await wire([
      "parse",
      join(dir, "missing.txt"),
      join(dir, "locked.txt"),
      join(dir, "cut.tar.gz"),
      join(dir, "good.txt"),
      "-f",
      "ndjson",
      "-j",
      "1",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/missing\.txt: no such file or directory \[read-error\]/);
    expect(r.stderr).toMatch(/cut\.tar\.gz.*\[archive-error\]/);
    if (process.getuid?.() !== 0) expect(r.stderr).toMatch(/locked\.txt: permission denied/);
    const paths = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).source.path as string);
    expect(paths[paths.length - 1]).toBe(join(dir, "good.txt"));
    expect(r.stderr).toMatch(/wire: \d+ inputs, .* failed/);
  });
});

describe("records: JSONL and CSV", () => {
  it("each record is an input named file#id or file#line; a bad line is a diagnostic", async () => {
    const dir = tmp();
    const lines = [
      JSON.stringify({ id: "a1", text: hi[0]!.text }),
      "{not json",
      JSON.stringify({ id: "a3", body: "no text field" }),
      JSON.stringify({ text: en[0]!.text }),
    ];
    writeFileSync(join(dir, "dump.jsonl"), lines.join("\n") + "\n");
    const r = await wire([
      "parse",
      "--from",
      "jsonl",
      "--id-field",
      "id",
      join(dir, "dump.jsonl"),
      "-f",
      "ndjson",
      "-j",
      "1",
    ]);
    expect(r.code).toBe(1);
    const paths = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).source.path as string);
    expect(paths).toEqual([`${join(dir, "dump.jsonl")}#a1`, `${join(dir, "dump.jsonl")}#4`]);
    expect(r.stderr).toMatch(/dump\.jsonl#2: .*\[bad-record\]/);
    expect(r.stderr).toMatch(/dump\.jsonl#3: .*\[bad-record\]/);
  });

  it("CSV with a header, quoted commas and newlines", async () => {
    const dir = tmp();
    const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
    writeFileSync(join(dir, "dump.csv"), `id,text\nx1,${q(hi[0]!.text)}\nx2,${q(en[0]!.text)}\n`);
    const r = await wire([
      "parse",
      "--from",
      "csv",
      "--id-field",
      "id",
      join(dir, "dump.csv"),
      "-f",
      "ndjson",
      "-j",
      "1",
    ]);
    expect(r.code).toBe(0);
    const recs = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(recs.map((x) => x.source.path.split("#")[1])).toEqual(["x1", "x2"]);
    expect(recs[0].dateline.text).toBe(JSON.parse(JSON.stringify(hi[0]!.expect.stories[0]!.dateline)).text);
  });
});

describe("archives", () => {
  it("a zip entry named ../evil.txt or /abs.txt is never written outside DIR", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "feed.zip"),
      makeZip([
        { name: "ok/one.txt", data: hi[0]!.text, deflate: true },
        { name: "../evil.txt", data: en[0]!.text },
        { name: "/abs.txt", data: en[1]!.text },
      ]),
    );
    const out = join(dir, "out") + "/";
    const r = await wire(["parse", join(dir, "feed.zip"), "-o", out, "-j", "1"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[unsafe-path\]/);
    expect(existsSync(join(dir, "evil.json"))).toBe(false);
    expect(
      walk(dir)
        .filter((f) => f.endsWith(".json"))
        .map((f) => relative(dir, f)),
    ).toEqual(["out/feed/ok/one.json"]);
  });

  it("tar.gz entries are read in order and mirrored into a folder named after the archive", async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, "day.tar.gz"),
      await tarGz([
        ["z/last.txt", en[0]!.text],
        ["a/first.txt", hi[0]!.text],
      ]),
    );
    const out = join(dir, "out") + "/";
    const r = await wire(["parse", join(dir, "day.tar.gz"), "-o", out, "-j", "1"]);
    expect(r.code).toBe(0);
    expect(
      walk(out)
        .map((f) => relative(out, f))
        .sort(),
    ).toEqual(["day/a/first.json", "day/z/last.json"]);
  });
});

/** A generated story, short so that 20,000 of them stay quick. */
const tiny = (i: number) =>
  `New Delhi, Sep 14 (IANS) Story number ${i} was filed today, officials said.\n--IANS\nab/cd\n`;

describe("stress (not timed)", () => {
  it("20,000 stories in a tar.gz: 20,000 records in input order, -j 1 and -j 2 byte-identical", async () => {
    const dir = tmp();
    const entries: [string, string][] = [];
    for (let i = 0; i < 20000; i++) entries.push([`s/${String(i).padStart(5, "0")}.txt`, tiny(i)]);
    writeFileSync(join(dir, "many.tar.gz"), await tarGz(entries));
    const digests: string[] = [];
    for (const j of ["1", "2"]) {
      const hash = createHash("sha256");
      let count = 0;
      let ordered = true;
      let buf = "";
      const code = await run(["parse", join(dir, "many.tar.gz"), "-f", "ndjson", "-j", j, "-q"], {
        stdin: (async function* () {})(),
        stdout: {
          write: (s: string) => {
            hash.update(s);
            buf += s;
            for (let k = buf.indexOf("\n"); k >= 0; k = buf.indexOf("\n")) {
              const line = buf.slice(0, k);
              buf = buf.slice(k + 1);
              if (!JSON.parse(line).source.path.endsWith(`s/${String(count).padStart(5, "0")}.txt`)) ordered = false;
              count++;
            }
          },
        },
        stderr: { write: () => true },
      });
      expect(code).toBe(0);
      expect(count).toBe(20000);
      expect(ordered).toBe(true);
      digests.push(hash.digest("hex"));
    }
    expect(digests[0]).toBe(digests[1]);
  }, 300_000);
});

const bin = join(root, "bin", "wire.js");
const built = existsSync(join(root, "dist", "cli", "main.js"));
describe.skipIf(!built)(built ? "the real process" : "the real process (skipped: no build; run npm run build)", () => {
  it("SIGINT during -o DIR: exit 130, no .tmp files, no truncated JSON; a rerun completes the rest", async () => {
    const dir = tmp();
    const entries: [string, string][] = [];
    // Enough stories that the run is still writing when the signal comes (with 10,000 a fast
    // run had once finished within the wait, and a signal after the end leaves exit 0).
    const n = 20000;
    for (let i = 0; i < n; i++) entries.push([`s/${String(i).padStart(5, "0")}.txt`, tiny(i)]);
    writeFileSync(join(dir, "many.tar.gz"), await tarGz(entries));
    const out = join(dir, "out") + "/";
    const child = spawn(process.execPath, [bin, "parse", join(dir, "many.tar.gz"), "-o", out, "-j", "2", "-q"], {
      stdio: "ignore",
    });
    const started = Date.now();
    while (!existsSync(join(out, "many", "s")) && Date.now() - started < 20000)
      await new Promise((r) => setTimeout(r, 20));
    child.kill("SIGINT");
    // 130: the exit code, or death by SIGINT itself (what a shell reports as 130) when a read still under way held the process.
    const code = await new Promise<number | null>((r) =>
      child.on("exit", (c, sig) => r(c ?? (sig === "SIGINT" ? 130 : null))),
    );
    expect(code).toBe(130);
    const files = walk(out);
    expect(files.some((f) => f.endsWith(".tmp"))).toBe(false);
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThan(n);
    for (const f of files.slice(-50)) expect(JSON.parse(readFileSync(f, "utf8")).schema).toBe("wire.story/1");
    const rerun = spawnSync(process.execPath, [bin, "parse", join(dir, "many.tar.gz"), "-o", out, "-j", "2", "-q"]);
    expect(rerun.status).toBe(0);
    expect(walk(out).length).toBe(n);
  }, 300_000);

  it("a closed stdout (| head) ends the run quietly with exit 0", { timeout: 60_000 }, () => {
    const r = spawnSync(
      "bash",
      [
        "-c",
        `node ${bin} parse ${join(root, "fixtures")} -f ndjson -q -j 1 | head -1 > /dev/null; echo "\${PIPESTATUS[0]}"`,
      ],
      { encoding: "utf8" },
    );
    expect(r.stdout.trim()).toBe("0");
    expect(r.stderr).toBe("");
  });

  const hasParallel = spawnSync("bash", ["-c", "command -v parallel"]).status === 0;
  it.skipIf(!hasParallel)(
    `GNU parallel --pipe runs it as a line-in, line-out filter${hasParallel ? "" : " (skipped: GNU parallel is not installed)"}`,
    { timeout: 60_000 },
    () => {
      const dir = tmp();
      const lines = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: `r${i}`, text: tiny(i) }));
      writeFileSync(join(dir, "dump.jsonl"), lines.join("\n") + "\n");
      const r = spawnSync(
        "bash",
        [
          "-c",
          `parallel --will-cite --pipe -k -N 50 node ${bin} parse --from jsonl --id-field id -f ndjson -q -j 1 - < ${join(dir, "dump.jsonl")}`,
        ],
        { encoding: "utf8" },
      );
      expect(r.status).toBe(0);
      const ids = r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).source.path.split("#")[1]);
      expect(ids).toEqual(lines.map((_, i) => `r${i}`));
    },
  );
});
