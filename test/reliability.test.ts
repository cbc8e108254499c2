// Hostile and broken input at the command line: nothing from the copy or from file names
// reaches the terminal raw, output stays proportional to the input, no input stops a batch.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, type Io } from "../src/cli/run.js";
import { escapeForTerminal } from "../src/text/escape.js";
import { parse } from "../src/index.js";
import { capFindings, finding } from "../src/diagnostics.js";
import { WORKER_YOUNG_MB, workerOptions } from "../src/cli/pool.js";
import { SpanMap } from "../src/legacy/remap.js";
import { expandInputs } from "../src/inputs/index.js";
import { makeTar, makeZip } from "./archives.js";
import { gzipSync } from "node:zlib";
import type { Story } from "../src/story.js";
import { root, runWire } from "./helpers.js";

const wire = (argv: string[], stdin: string | Uint8Array = "", io: Partial<Io> = {}) => runWire(argv, { stdin, io });

const tmp = mkdtempSync(join(tmpdir(), "wire-rel-"));
const file = (name: string, data: string | Uint8Array) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};

/** No byte a terminal acts on: ESC, BEL, CR, other C0/C1 controls, bidi overrides. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

describe("nothing from the copy reaches the terminal raw", () => {
  it("escapes controls, newlines and bidi overrides, and leaves other text alone", () => {
    expect(escapeForTerminal("a\u001b]0;T\u0007b\nc\rd\te\u202ef")).toBe("a\\x1b]0;T\\x07b\\nc\\rd\\te\\u202ef");
    expect(escapeForTerminal("नई दिल्ली, 5 नवंबर (आईएएनएस) ‘quote’")).toBe("नई दिल्ली, 5 नवंबर (आईएएनएस) ‘quote’");
  });

  it("diagnostics quoting the copy (unknown-place, invalid-date) are escaped", async () => {
    const text = "X\u001b]0;TITLE\u0007Y\u001b[2J, Nov 31 (IANS) The minister said the plan would work.\n";
    // -v: unknown-place is an info, shown on stderr only when asked for.
    const r = await wire(["parse", "-v", "-f", "ndjson"], text);
    expect(r.stderr).toMatch(/unknown-place|invalid-date/u);
    for (const line of r.stderr.split("\n")) expect(line).not.toMatch(RAW);
    // Control characters never reach a part's text (they read as spaces), so none is quoted.
    expect(r.stderr).toContain("X ]0;TITLE Y [2J");
  });

  it("a file name holding a newline cannot forge a diagnostic line", async () => {
    const p = file("a\nfake.txt:9:9: error: forged [read-error]\nb.txt", "\u0000\u0000\u0000binary");
    const r = await wire(["parse", p]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("\\nfake.txt:9:9");
    for (const line of lines) expect(line).not.toMatch(RAW);
  });

  it("the terminal view's header escapes the file name", async () => {
    const p = file("head\u001b[2J\ner.txt", "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    const r = await wire(["parse", "-f", "pretty", p]);
    const header = r.stdout.split("\n")[0]!;
    expect(header).toContain("head\\x1b[2J\\ner.txt");
    expect(header).not.toMatch(RAW);
  });
});

describe("output proportional to the input", () => {
  it("after the first few diagnostics of one code per story, the rest are counted in one", () => {
    for (const n of [1000, 20000]) {
      const [story] = parse('"'.repeat(n) + "\n");
      const quotes = story!.diagnostics.filter((d) => d.code === "unbalanced-quote");
      expect(quotes.length).toBeLessThanOrEqual(11);
      const last = quotes[quotes.length - 1]!;
      if (quotes.length === 11) expect(last.message).toMatch(/^\d+ more like this/u);
    }
  });

  it("the count names how many were left out and spans them", () => {
    const fs = Array.from({ length: 25 }, (_, k) => finding("unknown-place", `p${k}`, k * 10, k * 10 + 3));
    const out = capFindings([finding("invalid-date", "d", 5, 6), ...fs.reverse()]);
    expect(out).toHaveLength(12);
    const last = out.filter((f) => f.code === "unknown-place").pop()!;
    expect(last.message).toMatch(/^15 more like this/u);
    expect([last.start, last.end]).toEqual([100, 243]);
    expect(out.map((f) => f.start)).toEqual([...out.map((f) => f.start)].sort((a, b) => a - b));
  });

  it("stderr stays a few lines for 256 KB of stray quote marks", async () => {
    const r = await wire(["parse", "-f", "ndjson", "-j", "1"], '"'.repeat(1 << 18));
    expect(r.stderr.split("\n").length).toBeLessThan(20);
    expect(r.stdout.length).toBeLessThan(8 << 18);
  }, 30_000);
});

// ---- processes: signals, stderr closed early, a worker that dies --------------------------

const bin = join(root, "bin", "wire.js");

interface Child {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the built CLI; `during` may signal it once it has started. */
function spawnWire(
  args: string[],
  opts: {
    node?: string[];
    cwd?: string;
    env?: Record<string, string>;
    during?: (c: ChildProcess) => void;
    closeStderr?: boolean;
  } = {},
): Promise<Child> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const c = spawn(process.execPath, [...(opts.node ?? []), bin, ...args], {
      cwd: opts.cwd ?? tmp,
      stdio: ["ignore", "pipe", "pipe"],
      ...(opts.env ? { env: { ...process.env, ...opts.env } } : {}),
    });
    let stdout = "";
    let stderr = "";
    c.stdout!.on("data", (d) => (stdout += d));
    if (opts.closeStderr) c.stderr!.destroy();
    else c.stderr!.on("data", (d) => (stderr += d));
    opts.during?.(c);
    c.on("close", (code, signal) => resolve({ code, signal, stdout, stderr, ms: Date.now() - t0 }));
  });
}

/** The status a shell reports: 128 + the signal's number when the process ended by a signal. */
const status = (r: Child) => r.code ?? (r.signal === "SIGINT" ? 130 : r.signal === "SIGTERM" ? 143 : -1);

/** Resolves after `ms`: time for a child to start and block on its input. */
const started = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Resolves once the child catches `signal` (its handler shows in /proc/PID/status's SigCgt where
 * there is one, so a loaded machine's slow start-up is waited for), then a little more for it to
 * block on its input; else after `ms`. Node itself catches SIGINT and SIGTERM from its first
 * moment (to reset the terminal and die of the signal), so on a very loaded machine the signal can
 * still come before wire's handler: the tests that use this are retried.
 */
async function catches(c: ChildProcess, signal: "SIGINT" | "SIGTERM", ms = 1200): Promise<void> {
  if (!existsSync(`/proc/${process.pid}/status`)) return started(ms);
  const bit = 1n << BigInt((signal === "SIGINT" ? 2 : 15) - 1);
  for (const until = Date.now() + 20_000; Date.now() < until; ) {
    try {
      const m = /^SigCgt:\s*([0-9a-f]+)/mu.exec(readFileSync(`/proc/${c.pid}/status`, "utf8"));
      if (m && (BigInt(`0x${m[1]}`) & bit) !== 0n) return started(300);
    } catch {
      // not started yet
    }
    await started(50);
  }
}

describe.skipIf(process.platform === "win32")("signals", () => {
  it("Ctrl-C while reading a FIFO that has no writer: stops within a second, summary, 130", { retry: 2 }, async () => {
    const fifo = join(tmp, "nowriter.fifo");
    execFileSync("mkfifo", [fifo]);
    let signalled = 0;
    const r = await spawnWire(["parse", fifo], {
      during: (c) => {
        void catches(c, "SIGINT").then(() => {
          signalled = Date.now();
          c.kill("SIGINT");
        });
      },
    });
    expect(status(r)).toBe(130);
    expect(r.stderr).toMatch(/interrupted/u);
    expect(Date.now() - signalled).toBeLessThan(2500);
  });

  it("SIGTERM during -o FILE: 143, the summary, no file and no temporary left", { retry: 2 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-term-"));
    const fifo = join(dir, "in.fifo");
    execFileSync("mkfifo", [fifo]);
    const good = join(dir, "good.txt");
    writeFileSync(good, "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    const r = await spawnWire(["parse", good, fifo, "-f", "ndjson", "-o", join(dir, "all.ndjson")], {
      during: (c) => void catches(c, "SIGTERM").then(() => c.kill("SIGTERM")),
    });
    expect(status(r)).toBe(143);
    expect(r.stderr).toMatch(/interrupted/u);
    expect(readdirSync(dir).sort()).toEqual(["good.txt", "in.fifo"]);
  });
});

describe("stderr closed early", () => {
  it("the work goes on: every output written, exit 0", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-epipe-"));
    mkdirSync(join(dir, "in"));
    // Each input has warnings, so stderr is written all along.
    for (let k = 0; k < 40; k++)
      writeFileSync(join(dir, "in", `s${k}.txt`), 'A story with no dateline and a stray " mark.\n'.repeat(50));
    const r = await spawnWire(["parse", "in", "-o", "out/", "-j", "1"], { cwd: dir, closeStderr: true });
    expect(status(r)).toBe(0);
    const written = readdirSync(join(dir, "out"), { recursive: true }).filter((f) => String(f).endsWith(".json"));
    expect(written.length).toBeGreaterThanOrEqual(40);
  });
});

describe("a worker that dies", () => {
  it("fails only its input; the others are written; exit 1 (also with --max-old-space-size)", async () => {
    const big = join(tmp, "huge.txt");
    // One story of 50,000 paragraphs: held whole even when the file is streamed, so the worker's
    // 40 MB heap cannot hold it. A streamed file that small goes to the workers only when told.
    writeFileSync(big, `NEW DELHI, Nov 5 (IANS) ${'The minister said "x" and "y" here.\n'.repeat(50_000)}`);
    const good = file("fine.txt", "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    const r = await spawnWire(["parse", "-j", "2", "-f", "ndjson", "-q", big, good], {
      node: ["--max-old-space-size=40"],
      env: { WIRE_WORKERS_FROM: "1" },
    });
    expect(r.stderr).not.toMatch(/ERR_WORKER|at .*\.js:\d+/u);
    expect(r.stderr).toMatch(/huge\.txt: .*memory/u);
    expect(status(r)).toBe(1);
    const records = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(records.map((x) => x.source.path)).toEqual([good]);
  }, 60_000);

  it("V8 heap flags become the workers' resource limits", () => {
    expect(workerOptions(["--max-old-space-size=1200", "--enable-source-maps", "--stack-size=2048"])).toEqual({
      execArgv: ["--enable-source-maps"],
      resourceLimits: { maxOldGenerationSizeMb: 1200, stackSizeMb: 2, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
    });
    // The user's own semi-space size stands (three semi-spaces make the young generation).
    expect(workerOptions(["--max-semi-space-size=8"]).resourceLimits).toEqual({ maxYoungGenerationSizeMb: 24 });
  });
});

describe("the progress pre-scan", () => {
  it("does not follow symbolic link loops", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-loop-"));
    for (let k = 0; k < 8; k++)
      writeFileSync(join(dir, `s${k}.txt`), "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    symlinkSync(".", join(dir, "loop1"));
    symlinkSync(".", join(dir, "loop2"));
    let stderr = "";
    const t0 = Date.now();
    const code = await run(["parse", dir, "-f", "ndjson", "-j", "1"], {
      stdin: (async function* () {})(),
      stdout: { write: () => true },
      stderr: { write: (s: string) => (stderr += s), isTTY: true },
    });
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeLessThan(10_000);
  });
});

describe.skipIf(process.platform === "win32")("bounded on any input", () => {
  it("/dev/zero as a file and as standard input: binary from the first block, exit 1, at once", async () => {
    const r = await spawnWire(["parse", "/dev/zero", "-j", "1"]);
    expect(status(r)).toBe(1);
    expect(r.stderr).toMatch(/binary-input/u);
    const c = await new Promise<number | null>((resolve) => {
      const p = spawn(
        "bash",
        ["-c", `exec ${JSON.stringify(process.execPath)} ${JSON.stringify(bin)} parse - -j 1 < /dev/zero`],
        { stdio: "ignore" },
      );
      p.on("close", (code) => resolve(code));
    });
    expect(c).toBe(1);
  }, 20_000);

  it("--from csv and --from jsonl on /dev/zero end with one error", async () => {
    for (const from of ["csv", "jsonl"]) {
      const r = await spawnWire(["parse", "--from", from, "/dev/zero", "-j", "1"]);
      expect(status(r)).toBe(1);
      expect(r.stderr).toMatch(/binary/u);
    }
  }, 20_000);

  it("an input over --max-input-size is a too-large error and is not read; the next input goes on", async () => {
    const big = file("big-input.txt", "NEW DELHI, Nov 5 (IANS) The minister said so.\n".repeat(100));
    const good = file("small-input.txt", "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    const r = await wire(["parse", "-f", "ndjson", "-j", "1", "--max-input-size", "2K", big, good]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /big-input\.txt: input is 4\.\d KiB, over the 2 KiB limit; raise it with --max-input-size .*\[too-large\]/u,
    );
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).source.path),
    ).toEqual([good]);
    expect((await wire(["parse", "--max-input-size", "lots", good])).code).toBe(2);
  });

  it("standard input over the limit: too-large, not held whole", async () => {
    const r = await wire(["parse", "-j", "1", "--max-input-size", "1K"], "x".repeat(5000));
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin>: input is more than 1 KiB.*\[too-large\]/u);
  });

  it("a JSONL line over the limit costs only itself, with its line number", async () => {
    const dump = file(
      "lines.jsonl",
      [
        { id: "a", text: "x".repeat(5000) },
        { id: "b", text: "NEW DELHI, Nov 5 (IANS) ok." },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n") + "\n",
    );
    const r = await wire([
      "parse",
      "--from",
      "jsonl",
      "--id-field",
      "id",
      "-f",
      "ndjson",
      "-j",
      "1",
      "--max-input-size",
      "1K",
      dump,
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lines\.jsonl#1: line 1 is 4\.9 KiB.*\[too-large\]/u);
    expect(JSON.parse(r.stdout).source.path).toBe(`${dump}#b`);
  });

  it("UTF-32 with a byte-order mark is decoded, not read as UTF-16 full of NULs", async () => {
    const text = "NEW DELHI, Nov 5 (IANS) The minister said so. 😀\n";
    for (const [bom, le] of [
      [[0xff, 0xfe, 0, 0], true],
      [[0, 0, 0xfe, 0xff], false],
    ] as const) {
      const body = Buffer.alloc(Array.from(text).length * 4);
      for (const [k, ch] of Array.from(text).entries()) {
        if (le) body.writeUInt32LE(ch.codePointAt(0)!, k * 4);
        else body.writeUInt32BE(ch.codePointAt(0)!, k * 4);
      }
      const r = await wire(["parse", "-f", "ndjson", "-j", "1"], Buffer.concat([Buffer.from(bom), body]));
      expect(r.code).toBe(0);
      const rec = JSON.parse(r.stdout);
      expect(rec.source.encoding).toBe(le ? "utf-32le" : "utf-32be");
      expect(rec.dateline.agency.code).toBe("IANS");
      expect(JSON.stringify(rec)).not.toContain("\\u0000");
    }
  });
});

describe("CSV record recovery", () => {
  it("a broken record costs only itself, with its true line; the records after it are read", async () => {
    const dump = file(
      "bad.csv",
      'id,text\na,"ok story"\nb,"unterminated "quote" here\nc,"fine"\nd,"two\nlines"\ne,"never closed\nf,last\n',
    );
    const r = await wire(["parse", "--from", "csv", "--id-field", "id", "-f", "ndjson", "-j", "1", "-q", dump]);
    expect(r.code).toBe(1);
    const ids = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).source.path.split("#")[1]);
    expect(ids).toEqual(["a", "c", "d", "f"]);
    const errors = r.stderr.trim().split("\n");
    expect(errors).toHaveLength(2);
    expect(errors[0]).toMatch(/line 3: a quote closes the field/u);
    expect(errors[1]).toMatch(/line 7: .*never closed/u);
  });

  it("any chunking gives the same records", async () => {
    const { CsvSplitter } = await import("../src/inputs/csv.js");
    const t = 'id,text\r\na,"x, ""y"""\r\nb,"bad"q\r\nc,"m\nn"\r\n\r\nd,plain';
    const whole = new CsvSplitter(1000).push(t, true);
    for (const step of [1, 2, 5]) {
      const s = new CsvSplitter(1000);
      const ev = [];
      for (let i = 0; i < t.length; i += step) ev.push(...s.push(t.slice(i, i + step)));
      ev.push(...s.push("", true));
      expect(ev).toEqual(whole);
    }
    expect(whole.map((e) => ("fields" in e ? e.fields[0] : `error@${e.line}`))).toEqual([
      "id",
      "a",
      "error@3",
      "c",
      "d",
    ]);
  });
});

describe("clear messages", () => {
  it("--ref-date 0000-01-01 is bad usage, not a record dated year -1", async () => {
    const r = await wire(["parse", "--ref-date", "0000-01-01"], "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/--ref-date/u);
  });
});

describe.skipIf(process.platform === "win32")("standard input that is a folder", () => {
  it("is a read-error, exit 1, not an empty input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-stdin-dir-"));
    const fd = openSync(dir, "r");
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const c = spawn(process.execPath, [bin, "parse"], { stdio: [fd, "pipe", "pipe"] });
      let stderr = "";
      c.stderr!.on("data", (d) => (stderr += d));
      c.on("close", (code) => resolve({ code, stderr }));
    });
    closeSync(fd);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin>: is a directory \[read-error\]/u);
  });
});

// ---- linear everywhere: 4× the input takes about 4× the time, not 16× ---------------------

/** Milliseconds `fn` takes, the best of `n` runs. */
async function best(fn: () => unknown, n = 2): Promise<number> {
  let min = Infinity;
  for (let k = 0; k < n; k++) {
    const t0 = performance.now();
    await fn();
    min = Math.min(min, performance.now() - t0);
  }
  return min;
}

/**
 * The time of `at(4)` over the time of `at(1)`, the lowest of a few tries: a shared machine
 * makes any one timing noisy, while a quadratic step keeps the ratio near 16 on every try. A linear
 * step gives about 4; the tests allow up to LINEAR (10), which a loaded machine stays under and a
 * quadratic step never does.
 */
const LINEAR = 10;
async function growth(at: (scale: number) => () => unknown, tries = 4): Promise<number> {
  const small = at(1);
  const large = at(4);
  await small(); // warm up
  let ratio = Infinity;
  for (let k = 0; k < tries && ratio >= LINEAR; k++)
    ratio = Math.min(ratio, (await best(large, 1)) / (await best(small)));
  return ratio;
}

describe("linear everywhere", () => {
  it("--convert-legacy with an emoji in the text: spans map back to the raw input in linear time", async () => {
    // The map from converted to raw offsets, as --convert-legacy builds it: an emoji first, then
    // a paragraph span every 50 code points (what a long story gives).
    const ratio = await growth((k) => {
      const n = 40_000 * k;
      const text = `😀${"a".repeat(n)}`;
      const source = Int32Array.from({ length: text.length }, (_, u) => u);
      const map = new SpanMap(text, source, text);
      const story = {
        paragraphs: Array.from({ length: n / 50 }, (_, p) => ({ span: { start: p * 50, end: p * 50 + 40 } })),
      };
      return () => map.remap(structuredClone(story) as unknown as Story);
    });
    expect(ratio).toBeLessThan(LINEAR);
    // The emoji counts as one code point and two UTF-16 units on both sides.
    const t = "😀ab😀cd";
    const map = new SpanMap(
      t,
      Int32Array.from({ length: t.length }, (_, u) => u),
      t,
    );
    const s = { paragraphs: [{ span: { start: 1, end: 4 } }, { span: { start: 4, end: 9 } }] };
    map.remap(s as unknown as Story);
    expect(s.paragraphs.map((p) => p.span)).toEqual([
      { start: 1, end: 4 },
      { start: 4, end: 6 },
    ]);
  });

  it("2 MB of `a\\r` (wrapped lines of one sentence): time and output grow with the input, output within 4× the input", async () => {
    const size: number[] = [];
    const ratio = await growth((k) => {
      const t = "a\r".repeat(8192 * k);
      return () => {
        size[k === 1 ? 0 : 1] = JSON.stringify(parse(t)).length;
      };
    });
    expect(ratio).toBeLessThan(LINEAR);
    expect(size[1]! / size[0]!).toBeLessThan(4.5);
    // Proportional with a small constant: wrapped lines of one sentence are one paragraph (was ~70×).
    expect(size[1]!).toBeLessThan(4 * 2 * 8192 * 4);
  }, 60_000);

  it("zip entries read about as fast as the same entries in a tar.gz (was ~5× slower)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-zipspeed-"));
    const entries = Array.from({ length: 1500 }, (_, k) => ({
      name: `d/s${k}.txt`,
      data: `NEW DELHI, Nov 5 (IANS) Story ${k}: the minister said so.\n`,
    }));
    writeFileSync(join(dir, "a.zip"), makeZip(entries.map((e) => ({ ...e, deflate: true }))));
    writeFileSync(join(dir, "a.tgz"), gzipSync(await makeTar(entries)));
    const read = (name: string) => async () => {
      let n = 0;
      for await (const item of expandInputs([join(dir, name)], {
        ext: ["*"],
        from: "text",
        textField: "text",
        stdin: (async function* () {})(),
        warn: () => {},
      }))
        if (item.bytes) n++;
      expect(n).toBe(entries.length);
    };
    await read("a.zip")(); // warm up
    let ratio = Infinity;
    for (let k = 0; k < 3 && ratio >= 2; k++)
      ratio = Math.min(ratio, (await best(read("a.zip"))) / (await best(read("a.tgz"))));
    expect(ratio).toBeLessThan(2);
  }, 60_000);
});

describe("output names", () => {
  it("Windows device names (CON, aux, nul, com1 ...) get a _ in -o DIR, whatever the case and extension", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-reserved-"));
    mkdirSync(join(dir, "in", "aux"), { recursive: true });
    for (const n of ["CON.txt", "nul", "com1.txt", "Lpt9.story", "console.txt", "aux/prn.txt"])
      writeFileSync(join(dir, "in", n), "NEW DELHI, Nov 5 (IANS) The minister said so.\n");
    const r = await spawnWire(["parse", "in", "--ext", "*", "-o", "out/", "-j", "1"], { cwd: dir });
    expect(status(r)).toBe(0);
    const written = readdirSync(join(dir, "out"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".json"))
      .sort();
    expect(written).toEqual(
      ["CON_.json", "Lpt9_.json", "aux_/prn_.json", "com1_.json", "console.json", "nul_.json"].map((f) => `in/${f}`),
    );
  });
});

describe("clear messages for files and folders", () => {
  const story = "NEW DELHI, Nov 5 (IANS) The minister said so.\n";

  it("-o afile/ where afile is a file names it and says what to do, with no temporary name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-afile-"));
    writeFileSync(join(dir, "afile"), "");
    writeFileSync(join(dir, "s.txt"), story);
    for (const out of ["afile/", "afile/sub/", "afile/sub/all.json"]) {
      const r = await spawnWire(["parse", "s.txt", "-o", out], { cwd: dir });
      expect(status(r)).toBe(1);
      expect(r.stderr).toContain(`cannot write ${out}: afile is a file, not a folder`);
      expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR|internal error|\.tmp/u);
    }
  });

  it("a zip or tar inside an archive is said to be a nested archive, not binary-input", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-nested-"));
    writeFileSync(
      join(dir, "outer.zip"),
      makeZip([
        { name: "inner.zip", data: "PK\u0003\u0004, not read" },
        { name: "s.txt", data: story },
      ]),
    );
    writeFileSync(
      join(dir, "outer.tgz"),
      gzipSync(
        await makeTar([
          { name: "in.tar.gz", data: "x" },
          { name: "s.txt", data: story },
        ]),
      ),
    );
    const r = await spawnWire(["parse", "outer.zip", "outer.tgz", "--ext", "*", "-f", "ndjson"], { cwd: dir });
    expect(status(r)).toBe(1);
    expect(r.stderr).not.toMatch(/binary-input/u);
    expect(r.stderr).toMatch(/outer\.zip:inner\.zip: an archive inside an archive is not read; extract it/u);
    expect(r.stderr).toMatch(/outer\.tgz:in\.tar\.gz: an archive inside an archive is not read/u);
    expect(r.stdout.trim().split("\n")).toHaveLength(2);
  });

  it("a .tar.gz that is not gzip says so, not zlib's 'incorrect header check'", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-fakegz-"));
    writeFileSync(join(dir, "fake.tar.gz"), "plain text, not gzip\n");
    const r = await spawnWire(["parse", "fake.tar.gz"], { cwd: dir });
    expect(status(r)).toBe(1);
    expect(r.stderr).toMatch(/fake\.tar\.gz: not a gzip file .*name it \.tar \[archive-error\]/u);
    expect(r.stderr).not.toMatch(/incorrect header check/u);
  });

  it("two symbolic links to one folder: the folder is read once, under its own name, and no 'loop' is claimed", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-twolinks-"));
    mkdirSync(join(dir, "t", "real"), { recursive: true });
    writeFileSync(join(dir, "t", "real", "s.txt"), story);
    symlinkSync("real", join(dir, "t", "l1"));
    symlinkSync("real", join(dir, "t", "l2"));
    const r = await spawnWire(["parse", "t", "-f", "ndjson", "-j", "1"], { cwd: dir });
    expect(status(r)).toBe(0);
    expect(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l).source.path),
    ).toEqual(["t/real/s.txt"]);
    expect(r.stderr).not.toMatch(/loop/u);
    expect(r.stderr).toMatch(/t\/l1: a link to t\/real, which is read under its own name; skipped/u);
  });
});
