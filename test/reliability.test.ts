// Hostile and broken input at the command line: nothing from the copy or from file names
// reaches the terminal raw, output stays proportional to the input, no input stops a batch.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, type Io } from "../src/cli/run.js";
import { escapeForTerminal } from "../src/text/escape.js";
import { parse } from "../src/index.js";
import { capFindings, finding } from "../src/diagnostics.js";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function wire(argv: string[], stdin: string | Uint8Array = "", extra: Partial<Io> = {}): Promise<Result> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdin: (async function* () {
      if (stdin.length) yield typeof stdin === "string" ? Buffer.from(stdin) : stdin;
    })(),
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    ...extra,
  });
  return { code, stdout, stderr };
}

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
