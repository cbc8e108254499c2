// Everyday use of the command line: what stderr shows at each level, the terminal view at a
// fixed width with and without colour, paging, bare `wire`, YAML without aliases, plain
// messages for operating-system errors, and the package's name.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, type Io } from "../src/cli/run.js";
import { renderPretty } from "../src/render/pretty.js";
import { widthOf } from "../src/render/terminal.js";
import { parse } from "../src/index.js";
import { fixtures } from "./helpers.js";

interface Result {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr writes in the order they happened. */
  events: { to: "stdout" | "stderr"; text: string }[];
}

async function wire(
  argv: string[],
  o: { stdin?: string; tty?: boolean; errTty?: boolean; env?: Record<string, string>; canPage?: boolean } = {},
): Promise<Result> {
  const r: Result = { code: 0, stdout: "", stderr: "", events: [] };
  const io: Io = {
    stdin: (async function* () {
      if (o.stdin) yield Buffer.from(o.stdin);
    })(),
    stdout: {
      write: (s: string) => {
        r.stdout += s;
        r.events.push({ to: "stdout", text: s });
      },
      isTTY: !!o.tty,
      ...(o.tty ? { columns: 80 } : {}),
    },
    stderr: {
      write: (s: string) => {
        r.stderr += s;
        r.events.push({ to: "stderr", text: s });
      },
      isTTY: !!o.errTty,
    },
    env: o.env ?? {},
    canPage: !!o.canPage,
  };
  r.code = await run(argv, io);
  return r;
}

const tmp = mkdtempSync(join(tmpdir(), "wire-everyday-"));
const file = (name: string, data: string) => {
  const p = join(tmp, name);
  writeFileSync(p, data);
  return p;
};
const strip = (s: string) => s.replace(/\u001b\[[0-9;]*m/gu, "");
const seedPath = new URL("../../shared/seed/ians-hi-seoul.txt", import.meta.url);
const hasSeed = existsSync(seedPath);

// A warning (no dateline) and infos (a glued paragraph, no sign-off).
const warned = () => file("warned.txt", "यह पहला वाक्य है।दूसरा वाक्य है।\n");

describe("stderr levels", () => {
  it("shows warnings and errors by default, infos with -v, errors only with -q; records keep everything", async () => {
    const p = warned();
    const normal = await wire(["parse", p]);
    expect(normal.stderr).toMatch(/warning: .*\[missing-dateline\]/u);
    expect(normal.stderr).not.toMatch(/: info: /u);
    const codes = JSON.parse(normal.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).toEqual(expect.arrayContaining(["missing-dateline", "glued-paragraph", "missing-signoff"]));
    const verbose = await wire(["parse", "-v", p]);
    expect(verbose.stderr).toMatch(/: info: .*\[glued-paragraph\]/u);
    expect(verbose.stderr).toMatch(/warning: .*\[missing-dateline\]/u);
    expect((await wire(["parse", "-q", p])).stderr).toBe("");
  });

  it("--strict -q: exit 1 and one line naming the story's warnings", async () => {
    const p = warned();
    const r = await wire(["parse", "--strict", "-q", p]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(p);
    expect(r.stderr).toContain("missing-dateline");
    expect(r.stderr).toContain("--strict");
  });

  it("prints the summary at the end of a batch, not with -q", async () => {
    const a = file("a.txt", "नई दिल्ली, 3 मार्च (आईएएनएस)। एक वाक्य।\n");
    const b = file("b.txt", "नई दिल्ली, 4 मार्च (आईएएनएस)। दूसरा वाक्य।\n");
    const r = await wire(["parse", a, b, "-f", "ndjson"]);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^wire: 2 inputs, 2 stories, .* in [\d.]+ s$/u);
    expect((await wire(["parse", a, b, "-q", "-f", "ndjson"])).stderr).toBe("");
  });

  it("the pretty view on a terminal shows the story's diagnostics itself: none repeated on stderr", async () => {
    const p = warned();
    const r = await wire(["parse", p, "-f", "pretty", "--paging", "never"], { tty: true });
    expect(r.stdout).toContain("Diagnostics");
    expect(r.stdout).toContain("[missing-dateline]");
    expect(r.stderr).toBe("");
    // Piped, the view is data: diagnostics go to stderr as usual.
    expect((await wire(["parse", p, "-f", "pretty"])).stderr).toContain("[missing-dateline]");
  });

  it("clears the progress line before a story is written to the same terminal", async () => {
    const paths = Array.from({ length: 9 }, (_, k) =>
      file(`p${k}.txt`, `नई दिल्ली, ${k + 1} मार्च (आईएएनएस)। वाक्य ${k}।\n--आईएएनएस\n`),
    );
    const r = await wire(["parse", ...paths, "-f", "pretty", "--paging", "never", "-j", "1"], {
      tty: true,
      errTty: true,
    });
    let shown = false;
    let checked = 0;
    for (const e of r.events) {
      if (e.to === "stderr" && e.text.startsWith("\r\u001b[2Kwire:")) shown = true;
      else if (e.to === "stderr" && e.text === "\r\u001b[2K") shown = false;
      else if (e.to === "stdout") {
        expect(shown).toBe(false);
        checked++;
      }
    }
    expect(checked).toBe(9);
  });
});

describe("the terminal view", () => {
  const stories: { name: string; text: string }[] = [...fixtures("hi"), ...fixtures("en")];
  if (hasSeed) stories.push({ name: "seed", text: readFileSync(seedPath, "utf8") });

  it("breaks lines at the same places with and without colour, and never past the width", () => {
    for (const width of [80, 120]) {
      for (const s of stories) {
        for (const story of parse(s.text, { path: s.name })) {
          const plain = renderPretty(story, { color: false, width });
          const coloured = renderPretty(story, { color: true, width });
          expect(coloured).toContain("\u001b[");
          expect(strip(coloured)).toBe(plain);
          for (const line of plain.split("\n")) expect(widthOf(line), `${s.name}: ${line}`).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it("wraps and aligns the quote and reported-speech lists, and shows what was said", () => {
    const paras = Array.from(
      { length: 11 },
      (_, k) =>
        `Para ${k + 1}: "Quote number ${k + 1} is here and goes on for a good while longer than one line can hold at this width, surely," Transport Minister Lee Sang-ho told reporters in a statement carried by the agency.`,
    );
    const [story] = parse(`SEOUL, Jan 5 (Yonhap) -- ${paras.join("\n\n")}\n`);
    const view = renderPretty(story!, { color: false, width: 80 });
    const list = view.split("\nQuotes\n")[1]!.split("\n\n")[0]!.split("\n");
    for (const line of list) expect(widthOf(line)).toBeLessThanOrEqual(80);
    // Entries start at the same column whatever the paragraph number.
    const heads = list.filter((l) => /^\s+\d+\. /u.test(l));
    expect(heads.length).toBeGreaterThanOrEqual(11);
    const col = (l: string) => (l.indexOf("Transport") >= 0 ? l.indexOf("Transport") : l.indexOf("?"));
    expect(new Set(heads.map(col)).size).toBe(1);
    expect(view).toContain("“Quote number 11 is here");
  });

  it("puts a speaker label after the whole closing mark, and names no one twice", () => {
    const [story] = parse("लखनऊ, 5 जनवरी (आईएएनएस)। वैज्ञानिक ने कहा, ‘‘यह प्रयोग सफल रहा था।’’ इसके बाद बैठक हुई।\n");
    const view = renderPretty(story!, { color: false, width: 100 });
    expect(view).toContain("’’ ⟨वैज्ञानिक⟩");
    const [kcna] = parse("सोल, 14 सितंबर (आईएएनएस)। केसीएनए ने कहा कि बैठक सफल रही।\n");
    const rv = renderPretty(kcna!, { color: false, width: 100 });
    expect(rv).not.toMatch(/केसीएनए \(केसीएनए\)/u);
    expect(rv).toContain("केसीएनए → KCNA");
  });

  it("stays linear on one unbroken token (an inline image) and on many quotes among markup", () => {
    const time = (n: number, make: (n: number) => string) => {
      const [story] = parse(make(n));
      const t0 = performance.now();
      renderPretty(story!, { color: true, width: 80 });
      return performance.now() - t0;
    };
    // Sizes 16 KB and 64 KB; the input is parsed outside the timing.
    const token = (n: number) => `NEW DELHI, Jan 5 (IANS) data:image/png;base64,${"QUJD".repeat(n / 4)}\n`;
    const quotes = (n: number) => `NEW DELHI, Jan 5 (IANS) <b>Note</b> ${'"word," he said. '.repeat(n / 17)}\n`;
    for (const make of [token, quotes]) {
      let ratio = Infinity;
      for (let attempt = 0; attempt < 3 && ratio > 8; attempt++) {
        time(4_096, make);
        ratio = time(65_536, make) / Math.max(1, time(16_384, make));
      }
      // 4x the input: about 4x the time (16x would be quadratic).
      expect(ratio).toBeLessThan(8);
    }
  }, 60_000);

  it("marks a quote said twice where it stands, when markup was removed", () => {
    const [story] = parse(
      'NEW DELHI, Jan 5 (IANS) <i>First</i> he said "yes" to one. Then she said "yes" to another, said the minister.\n',
    );
    const view = renderPretty(story!, { color: true, width: 200 });
    const plain = strip(view);
    expect(plain).toContain("First he said");
    expect(plain.match(/"yes"/gu)?.length).toBe(2);
  });
});

describe("paging", () => {
  const pagerScript = file(
    "pager.mjs",
    `import { writeFileSync } from "node:fs"; let s = ""; process.stdin.setEncoding("utf8"); process.stdin.on("data", (d) => (s += d)).on("end", () => writeFileSync(process.argv[2], s));`,
  );

  it("--paging always sends the view through $PAGER; never writes to stdout", async () => {
    const p = warned();
    const out = join(tmp, "paged.txt");
    const r = await wire(["parse", p, "-f", "pretty", "--paging", "always", "--color", "never"], {
      env: { PAGER: `${process.execPath} ${pagerScript} ${out}` },
      canPage: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toContain("Diagnostics");
    const never = await wire(["parse", p, "-f", "pretty", "--paging", "never"], {
      env: { PAGER: `${process.execPath} ${pagerScript} ${out}.2` },
      canPage: true,
      tty: true,
    });
    expect(never.stdout).toContain("│");
    expect(existsSync(`${out}.2`)).toBe(false);
  });

  it("a pager that cannot start: the view goes to stdout", async () => {
    const r = await wire(["parse", warned(), "-f", "pretty", "--paging", "always"], {
      env: { PAGER: "no-such-pager-here" },
      canPage: true,
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("│");
  });
});

describe("first-hour fixes", () => {
  it("bare wire prints usage on stderr and exits 2; --version says wire", async () => {
    const r = await wire([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("Usage: wire");
    expect((await wire(["--version"])).stdout).toMatch(/^wire \d+\.\d+\.\d+\n$/u);
  });

  it("help shows each default once, says what inputs can be, and what ↵ means", async () => {
    const h = (await wire(["parse", "--help"])).stdout;
    expect(h).not.toContain("(default: [])");
    expect(h).toMatch(/--jobs <n>\s+parse on this many worker threads \(default: the\s+number of cores\)/u);
    expect(h.match(/default: the/gu)).toHaveLength(1);
    expect(h).toMatch(/folders, quoted globs/u);
    expect(h).toContain("↵");
    expect(h).toContain("--paging");
    expect(h).toContain("-v, --verbose");
  });

  it("YAML is a plain tree: no anchors or aliases", async () => {
    const p = file("twice.txt", "नई दिल्ली, 3 मार्च (आईएएनएस)। आईएएनएस ने कहा कि बैठक हुई।\n--आईएएनएस\nएसकेपी\n");
    const r = await wire(["parse", p, "-f", "yaml"]);
    expect(r.stdout).toContain("IANS");
    expect(r.stdout).not.toMatch(/[&*]a\d+/u);
  });

  it("an output that cannot be written is said plainly, never an internal error", async () => {
    const p = warned();
    const notDir = file("plain-file", "x");
    for (const [out, why] of [
      ["/proc/wire-test-x.json", "no such file or directory"],
      [join(notDir, "x.json"), "plain-file is a file, not a folder"],
    ] as const) {
      const r = await wire(["parse", p, "-o", out]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`wire: cannot write ${out}: `);
      expect(r.stderr).toContain(why);
      expect(r.stderr).not.toContain("internal error");
      expect(r.stderr).not.toContain(".tmp");
    }
  });

  it("a wrong --text-field is said once, with the fields records have", async () => {
    const dump = file(
      "dump.jsonl",
      Array.from({ length: 20 }, (_, k) => JSON.stringify({ id: k, body: "x" })).join("\n") + "\n",
    );
    const r = await wire(["parse", "--from", "jsonl", dump]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain("fields seen: id, body");
    expect(lines[1]).toMatch(/20 inputs, 0 stories, .*20 failed/u);
  });

  it("the package has a name of its own on npm and still installs the command wire", async () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.name).toBe("wirecopy");
    expect(Object.keys(pkg.bin)).toEqual(["wire"]);
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    expect(readme).toContain('from "wirecopy"');
    expect(readme).not.toMatch(/from "wire"/u);
  });
});
