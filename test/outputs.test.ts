// Batch conversion into an output folder, through the real command on real temporary trees and
// archives: no story is lost, overwritten, misplaced or skipped. Each `describe` is one way a
// batch used to lose data.
import { spawn, spawnSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";
import { makeTar, makeZip } from "./archives.js";
import { root } from "./helpers.js";
import { Manifest, MANIFEST } from "../src/outputs/manifest.js";

const bin = join(root, "bin", "wire.js");
const built = existsSync(join(root, "dist", "cli", "main.js"));
const isRoot = process.getuid?.() === 0;

/** Runs `wire ARGS` in `cwd` as a user would. */
function wire(cwd: string, ...args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = () => mkdtempSync(join(tmpdir(), "wire-out-"));
const put = (dir: string, rel: string, data: string | Buffer) => {
  mkdirSync(join(dir, rel, ".."), { recursive: true });
  writeFileSync(join(dir, rel), data);
};
/** Every file under a folder (hidden ones too, but the manifest), relative, sorted. */
function files(dir: string): string[] {
  const out: string[] = [];
  const go = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) go(join(d, e.name));
      else if (e.name !== ".wire-manifest.jsonl") out.push(relative(dir, join(d, e.name)));
    }
  };
  go(dir);
  return out.sort();
}
/** Where each story went: "source.path#index" for every JSON file of an output folder. */
function stories(dir: string): string[] {
  return files(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const r = JSON.parse(readFileSync(join(dir, f), "utf8"));
      return `${r.source.path}#${r.source.index}`;
    })
    .sort();
}

/** A short story; `tag` makes each one distinct. */
const story = (tag: string) =>
  `New Delhi, Sep 14 (IANS) Story ${tag} was filed today, officials said.\n--IANS\nab/cd\n`;
const hindi = (tag: string) => `नई दिल्ली, 14 सितंबर (आईएएनएस)। कहानी ${tag} आज दर्ज हुई।\n--आईएएनएस\nएसकेपी\n`;

describe.skipIf(!built)("1. same names never share an output", () => {
  it("two folders holding the same names: each keeps its folder (hi/001.json, en/001.json)", () => {
    const d = tmp();
    for (const n of ["001", "002", "003"]) {
      put(d, `hi/${n}.txt`, hindi(n));
      put(d, `en/${n}.txt`, story(n));
    }
    const r = wire(d, "parse", "hi", "en", "-o", "out/", "-j", "1");
    expect(r.code).toBe(0);
    expect(files(join(d, "out"))).toEqual([
      "en/001.json",
      "en/002.json",
      "en/003.json",
      "hi/001.json",
      "hi/002.json",
      "hi/003.json",
    ]);
    expect(r.stderr).toMatch(/6 inputs, 6 stories, 6 written, 0 up to date/);
    // The same with globs, and with the folders named by absolute paths from elsewhere.
    expect(wire(d, "parse", "hi/*.txt", "en/*.txt", "-o", "globbed/", "-j", "1").code).toBe(0);
    expect(files(join(d, "globbed"))).toEqual(files(join(d, "out")));
    const elsewhere = tmp();
    expect(wire(elsewhere, "parse", join(d, "hi"), join(d, "en"), "-o", "out/", "-j", "1").code).toBe(0);
    expect(files(join(elsewhere, "out"))).toEqual(files(join(d, "out")));
  });

  it("x/s.txt and y/s.txt named as arguments", () => {
    const d = tmp();
    put(d, "x/s.txt", story("x"));
    put(d, "y/s.txt", story("y"));
    expect(wire(d, "parse", "x/s.txt", "y/s.txt", "-o", "out/").code).toBe(0);
    expect(stories(join(d, "out"))).toEqual(["x/s.txt#1", "y/s.txt#1"]);
    expect(files(join(d, "out"))).toEqual(["x/s.json", "y/s.json"]);
  });

  it("a/b.txt beside a/b.TXT, and c.txt with two stories beside c.2.txt: the later name gets ~2", () => {
    const d = tmp();
    put(d, "a/b.txt", story("lower"));
    put(d, "a/b.TXT", story("upper"));
    put(d, "c.txt", story("c1") + "\n" + story("c2"));
    put(d, "c.2.txt", story("c.2"));
    const r = wire(d, "parse", "a", "c.txt", "c.2.txt", "-o", "out/", "--ext", "txt", "-j", "1");
    expect(r.code).toBe(0);
    // Folders walk in code-point order: a/b.TXT comes before a/b.txt.
    expect(files(join(d, "out"))).toEqual(["a/b.json", "a/b~2.json", "c.2.json", "c.2~2.json", "c.json"]);
    expect(JSON.parse(readFileSync(join(d, "out/a/b.json"), "utf8")).source.path).toBe("a/b.TXT");
    expect(JSON.parse(readFileSync(join(d, "out/c.2~2.json"), "utf8")).source.path).toBe("c.2.txt");
    expect(stories(join(d, "out"))).toEqual(["a/b.TXT#1", "a/b.txt#1", "c.2.txt#1", "c.txt#1", "c.txt#2"]);
  });

  it("duplicate entry names in a zip and in a tar", async () => {
    const d = tmp();
    writeFileSync(
      join(d, "feed.zip"),
      makeZip([
        { name: "s.txt", data: story("z1") },
        { name: "s.txt", data: story("z2") },
        { name: "t.txt", data: story("z3") },
      ]),
    );
    const tar = await makeTar([
      { name: "s.txt", data: story("t1") },
      { name: "s.txt", data: story("t2") },
    ]);
    writeFileSync(join(d, "day.tar.gz"), gzipSync(tar));
    expect(wire(d, "parse", "feed.zip", "day.tar.gz", "-o", "out/", "-j", "1").code).toBe(0);
    expect(files(join(d, "out"))).toEqual([
      "day/s.json",
      "day/s~2.json",
      "feed/s.json",
      "feed/s~2.json",
      "feed/t.json",
    ]);
    const texts = files(join(d, "out")).map(
      (f) => JSON.parse(readFileSync(join(d, "out", f), "utf8")).paragraphs[0].text,
    );
    expect(texts.map((t: string) => /Story (\w+)/.exec(t)![1])).toEqual(["t1", "t2", "z1", "z2", "z3"]);
  });

  it("JSONL ids a/b and a_b, and a repeated id", () => {
    const d = tmp();
    const recs = [
      ["a/b", "1"],
      ["a_b", "2"],
      ["r", "3"],
      ["r", "4"],
    ].map(([id, t]) => JSON.stringify({ id, text: story(t!) }));
    writeFileSync(join(d, "dump.jsonl"), recs.join("\n") + "\n");
    expect(wire(d, "parse", "--from", "jsonl", "--id-field", "id", "dump.jsonl", "-o", "out/", "-j", "1").code).toBe(0);
    expect(files(join(d, "out"))).toEqual(["dump/a_b.json", "dump/a_b~2.json", "dump/r.json", "dump/r~2.json"]);
    expect(stories(join(d, "out"))).toEqual([
      "dump.jsonl#a/b#1",
      "dump.jsonl#a_b#1",
      "dump.jsonl#r#1",
      "dump.jsonl#r#1",
    ]);
  });
});

describe.skipIf(!built)("2. a rerun redoes exactly what is missing or stale", () => {
  it("a run killed (SIGKILL) in the middle of one input, then resumed: every story written once, no stray file", async () => {
    const d = tmp();
    const n = 4000;
    put(d, "big.txt", Array.from({ length: n }, (_, i) => story(String(i))).join("\n"));
    const out = join(d, "out");
    const child = spawn(process.execPath, [bin, "parse", "big.txt", "-o", "out/", "-j", "1", "-q"], {
      cwd: d,
      stdio: "ignore",
    });
    const started = Date.now();
    const count = () => (existsSync(out) ? readdirSync(out).length : 0);
    while (count() < 200 && Date.now() - started < 60_000) await new Promise((r) => setTimeout(r, 5));
    child.kill("SIGKILL");
    await new Promise((r) => child.on("exit", r));
    const partial = files(out).filter((f) => f.endsWith(".json")).length;
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(n);
    const r = wire(d, "parse", "big.txt", "-o", "out/", "-j", "1");
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(new RegExp(`1 input, ${n} stories, ${n} written, 0 up to date`));
    const names = files(out);
    expect(names).toHaveLength(n);
    expect(names.every((f) => /^big(\.\d+)?\.json$/.test(f))).toBe(true);
    const indexes = new Set(names.map((f) => JSON.parse(readFileSync(join(out, f), "utf8")).source.index));
    expect(indexes.size).toBe(n);
    // And now it is all up to date.
    expect(wire(d, "parse", "big.txt", "-o", "out/", "-j", "1").stderr).toMatch(
      new RegExp(`0 written, ${n} up to date`),
    );
  }, 180_000);

  it("an input that shrank from 3 stories to 1 leaves no x.2.json or x.3.json", () => {
    const d = tmp();
    put(d, "x.txt", story("1") + "\n" + story("2") + "\n" + story("3"));
    expect(wire(d, "parse", "x.txt", "-o", "out/").code).toBe(0);
    expect(files(join(d, "out"))).toEqual(["x.2.json", "x.3.json", "x.json"]);
    put(d, "x.txt", story("only"));
    const r = wire(d, "parse", "x.txt", "-o", "out/");
    expect(r.stderr).toMatch(/1 written, 0 up to date, 2 stale removed/);
    expect(files(join(d, "out"))).toEqual(["x.json"]);
  });

  it("another --ref-date or format redoes the input; the old format's files go", () => {
    const d = tmp();
    put(d, "s.txt", story("1"));
    wire(d, "parse", "s.txt", "-o", "out/");
    expect(wire(d, "parse", "s.txt", "-o", "out/", "--ref-date", "2024-09-20").stderr).toMatch(
      /1 written, 0 up to date/,
    );
    expect(JSON.parse(readFileSync(join(d, "out/s.json"), "utf8")).dateline.date.iso).toBe("2024-09-14");
    expect(wire(d, "parse", "s.txt", "-o", "out/", "--ref-date", "2024-09-20").stderr).toMatch(
      /0 written, 1 up to date/,
    );
    expect(wire(d, "parse", "s.txt", "-o", "out/", "-f", "yaml").stderr).toMatch(
      /1 written, 0 up to date, 1 stale removed/,
    );
    expect(files(join(d, "out"))).toEqual(["s.yaml"]);
  });

  it("changed content with an older mtime is redone; a missing output is rewritten", () => {
    const d = tmp();
    put(d, "s.txt", story("old"));
    put(d, "t.txt", story("t"));
    wire(d, "parse", "s.txt", "t.txt", "-o", "out/");
    put(d, "s.txt", story("new"));
    utimesSync(join(d, "s.txt"), new Date(2000, 0, 1), new Date(2000, 0, 1));
    rmSync(join(d, "out/t.json"));
    expect(wire(d, "parse", "s.txt", "t.txt", "-o", "out/").stderr).toMatch(/2 written, 0 up to date/);
    expect(readFileSync(join(d, "out/s.json"), "utf8")).toContain("Story new");
  });

  it("an input deleted from a folder read whole: its outputs go; outputs of other runs stay", () => {
    const d = tmp();
    put(d, "in/a.txt", story("a"));
    put(d, "in/b.txt", story("b"));
    put(d, "other/c.txt", story("c"));
    wire(d, "parse", "in", "-o", "out/");
    wire(d, "parse", "other", "-o", "out/");
    rmSync(join(d, "in/b.txt"));
    expect(wire(d, "parse", "in", "-o", "out/").stderr).toMatch(/0 written, 1 up to date, 1 stale removed/);
    expect(files(join(d, "out"))).toEqual(["in/a.json", "other/c.json"]);
    // A folder outside the current one maps to the same kind of names, but is another input:
    // walking the current folder leaves its outputs alone.
    const far = tmp();
    put(far, "x.txt", story("far"));
    put(d, "in/x.txt", story("near"));
    expect(wire(join(d, "in"), "parse", far, "-o", "../out/").code).toBe(0);
    // (in/a.txt is the same input named from another folder: its output moves to a.json.)
    expect(wire(join(d, "in"), "parse", ".", "-o", "../out/").stderr).toMatch(
      /2 inputs, 2 stories, 2 written, 0 up to date, 1 stale removed/,
    );
    expect(files(join(d, "out"))).toEqual(["a.json", "other/c.json", "x.json", "x~2.json"]);
    expect(wire(join(d, "in"), "parse", far, "-o", "../out/").stderr).toMatch(/0 written, 1 up to date/);
  });
});

describe.skipIf(!built)("3. inputs are never written over", () => {
  it("-f pretty into the input's own folder: s.pretty, and s.txt untouched (with and without --force)", () => {
    const d = tmp();
    put(d, "s.txt", story("s"));
    for (const extra of [["--force"], []]) {
      const r = wire(d, "parse", "-f", "pretty", ...extra, "s.txt", "-o", "./");
      expect(r.code).toBe(0);
      expect(readFileSync(join(d, "s.txt"), "utf8")).toBe(story("s"));
      expect(files(d)).toEqual(["s.pretty", "s.txt"]);
    }
  });

  it("a file wire did not write keeps its name: the story goes to a ~2 name", () => {
    const d = tmp();
    put(d, "a.txt", story("a"));
    put(d, "a.json", '{"mine": true}\n');
    const r = wire(d, "parse", ".", "-o", "./");
    expect(r.code).toBe(0);
    expect(readFileSync(join(d, "a.json"), "utf8")).toBe('{"mine": true}\n');
    expect(files(d)).toEqual(["a.json", "a.txt", "a~2.json"]);
    expect(r.stderr).toMatch(/1 story written under a name ending ~N/);
    // The rerun reads no output of its own and keeps the names.
    expect(wire(d, "parse", ".", "-o", "./", "--ext", "txt,json").stderr).toMatch(
      /2 inputs, 2 stories, 1 written, 1 up to date/,
    );
    expect(files(d)).toEqual(["a.json", "a.txt", "a~2.json", "a~3.json"]);
  });

  it("-o FILE naming an input is refused", () => {
    const d = tmp();
    put(d, "s.txt", story("s"));
    const r = wire(d, "parse", "s.txt", "-f", "pretty", "-o", "s.txt");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/s\.txt: is an input of this run; not overwritten \[output-collision\]/);
    expect(readFileSync(join(d, "s.txt"), "utf8")).toBe(story("s"));
  });

  it("an output folder inside the folder walked is never read as input", () => {
    const d = tmp();
    put(d, "in/a.txt", story("a"));
    wire(d, "parse", "in", "-o", "in/out/", "-f", "ndjson");
    const r = wire(d, "parse", "in", "-o", "in/out/", "-f", "ndjson", "--ext", "*");
    expect(r.stderr).toMatch(/1 input, 1 story, 0 written, 1 up to date/);
  });
});

describe("4. with -o the format never depends on the terminal", () => {
  const tty = async (args: string[]) => {
    let stderr = "";
    const code = await run(args, {
      stdin: (async function* () {})(),
      stdout: { write: () => true, isTTY: true, columns: 50 },
      stderr: { write: (s: string) => (stderr += s) },
      env: {},
    });
    return { code, stderr };
  };

  it("-o DIR writes JSON; -o FILE follows its extension; no colour", async () => {
    const d = tmp();
    put(d, "in/s.txt", story("s"));
    expect((await tty(["parse", join(d, "in"), "-o", join(d, "out") + "/", "-j", "1"])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(d, "out/s.json"), "utf8")).schema).toBe("wire.story/1");
    for (const [name, check] of [
      ["all.json", (t: string) => JSON.parse(t).schema === "wire.story/1"],
      ["all.ndjson", (t: string) => JSON.parse(t.trim().split("\n")[0]!).schema === "wire.story/1"],
      ["all.jsonl", (t: string) => JSON.parse(t.trim().split("\n")[0]!).schema === "wire.story/1"],
      ["all.yaml", (t: string) => t.startsWith("---") && t.includes("schema: wire.story/1")],
      ["all.yml", (t: string) => t.startsWith("---")],
      ["all.out", (t: string) => JSON.parse(t).schema === "wire.story/1"],
    ] as const) {
      expect((await tty(["parse", join(d, "in/s.txt"), "-o", join(d, name)])).code).toBe(0);
      const text = readFileSync(join(d, name), "utf8");
      expect(check(text), name).toBe(true);
      expect(text).not.toContain("\u001b[");
    }
  });
});

describe.skipIf(!built)("5. a story that cannot be written is that story's error; the run goes on", () => {
  it("a name too long for the file system is shortened predictably", () => {
    const d = tmp();
    const long = "क".repeat(80); // 240 bytes
    put(d, `in/${long}.txt`, story("long"));
    put(d, "in/z.txt", story("z"));
    const r = wire(d, "parse", "in", "-o", "out/");
    expect(r.code).toBe(0);
    const names = files(join(d, "out"));
    expect(names).toHaveLength(2);
    const short = names.find((f) => f !== "in/z.json")!;
    expect(short).toMatch(/^in\/(क)+-[0-9a-f]{8}\.json$/);
    expect(Buffer.byteLength(short.slice(3))).toBeLessThanOrEqual(205);
    // The same name every time.
    expect(wire(d, "parse", "in", "-o", "again/").code).toBe(0);
    expect(files(join(d, "again"))).toEqual(names);
  });

  it("a zip entry whose folder is another entry's file, and a 300-character JSONL id", () => {
    const d = tmp();
    writeFileSync(
      join(d, "f.zip"),
      makeZip([
        { name: "a.txt", data: story("a") },
        { name: "a.json/b.txt", data: story("b") },
        { name: "z.txt", data: story("z") },
      ]),
    );
    writeFileSync(join(d, "dump.jsonl"), JSON.stringify({ id: "x".repeat(300), text: story("x") }) + "\n");
    put(d, "last.txt", story("last"));
    const r = wire(d, "parse", "f.zip", "last.txt", "-o", "out/", "-j", "1");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      "wire: f.zip:a.json/b.txt: cannot write out/f/a.json/b.json: out/f/a.json is a file, not a folder [write-error]",
    );
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.stderr).toMatch(/4 inputs, 4 stories, 3 written, 0 up to date, 1 not written, 0 with warnings, 1 failed/);
    expect(files(join(d, "out"))).toEqual(["f/a.json", "f/z.json", "last.json"]);
    const j = wire(d, "parse", "--from", "jsonl", "--id-field", "id", "dump.jsonl", "-o", "out/");
    expect(j.code).toBe(0);
    expect(files(join(d, "out")).filter((f) => f.startsWith("dump/"))).toEqual([
      expect.stringMatching(/^dump\/x{191}-[0-9a-f]{8}\.json$/),
    ]);
  });

  it.skipIf(isRoot)("a folder without write permission: a plain message per story, other inputs written", () => {
    const d = tmp();
    put(d, "a/s.txt", story("a"));
    put(d, "b/s.txt", story("b"));
    mkdirSync(join(d, "out/a"), { recursive: true });
    chmodSync(join(d, "out/a"), 0o500);
    const r = wire(d, "parse", "a", "b", "-o", "out/");
    chmodSync(join(d, "out/a"), 0o700);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write out\/a\/s\.json: permission denied \[write-error\]/);
    expect(existsSync(join(d, "out/b/s.json"))).toBe(true);
  });
});

describe.skipIf(!built)("6. writes never leave the output folder", () => {
  it("out/sub -> ../outside: an unsafe-path error, nothing written outside", () => {
    const d = tmp();
    put(d, "in/sub/s.txt", story("s"));
    put(d, "in/t.txt", story("t"));
    mkdirSync(join(d, "outside"));
    mkdirSync(join(d, "out"));
    symlinkSync("../outside", join(d, "out/sub"));
    const r = wire(join(d, "in"), "parse", ".", "-o", "../out/");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /sub\/s\.txt: \.\.\/out\/sub is a symbolic link that leads out of the output folder; not written \[unsafe-path\]/,
    );
    expect(readdirSync(join(d, "outside"))).toEqual([]);
    expect(files(join(d, "out"))).toEqual(["sub", "t.json"]);
  });

  it("a symbolic link to a folder inside the output folder is followed", () => {
    const d = tmp();
    put(d, "in/sub/s.txt", story("s"));
    mkdirSync(join(d, "out/real"), { recursive: true });
    symlinkSync("real", join(d, "out/sub"));
    expect(wire(join(d, "in"), "parse", ".", "-o", "../out/").code).toBe(0);
    expect(existsSync(join(d, "out/real/s.json"))).toBe(true);
  });
});

describe.skipIf(!built)("7. walks read story files only", () => {
  it("a fixture folder: the .txt stories, never the .expect.json files; a corpus's SOURCES.md is not read", () => {
    const d = tmp();
    put(d, "corpus/SOURCES.md", "# where the copy came from\n");
    put(d, "corpus/a.expect.json", "{}");
    put(d, "corpus/one.txt", story("1"));
    put(d, "corpus/two.story", story("2"));
    const r = wire(d, "parse", "corpus", "-o", "out/");
    expect(r.code).toBe(0);
    expect(files(join(d, "out"))).toEqual(["corpus/one.json", "corpus/two.json"]);
  });

  it("the project's own fixture folder gives one record per story file", () => {
    const dir = join(root, "fixtures", "hi");
    const txt = readdirSync(dir).filter((f) => f.endsWith(".txt")).length;
    const r = wire(root, "parse", "fixtures/hi", "-f", "ndjson", "-q", "--no-split");
    expect(r.code).toBe(0);
    const paths = r.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l).source.path as string);
    expect(paths).toHaveLength(txt);
    expect(paths.some((p) => p.endsWith(".json"))).toBe(false);
  });

  it("a file named on the command line is always read; --ext widens the walk", () => {
    const d = tmp();
    put(d, "notes.md", story("md"));
    expect(wire(d, "parse", "notes.md", "-f", "ndjson").stdout).toContain("Story md");
    expect(wire(d, "parse", ".", "-f", "ndjson", "--ext", "md").stdout).toContain("Story md");
  });

  it("an empty folder, or an --ext that matches nothing: says so, exit 1", () => {
    const d = tmp();
    mkdirSync(join(d, "empty"));
    put(d, "docs/a.md", "x");
    put(d, "docs/b.md", "y");
    const e = wire(d, "parse", "empty", "-o", "out/");
    expect(e.code).toBe(1);
    expect(e.stderr).toBe("wire: no inputs matched\n");
    const x = wire(d, "parse", "docs");
    expect(x.code).toBe(1);
    expect(x.stderr).toBe("wire: no inputs matched: 2 files skipped by extension (--ext to choose others)\n");
  });
});

describe.skipIf(!built)("the summary", () => {
  it("written + up to date = stories, unless some failed", () => {
    const d = tmp();
    put(d, "in/a.txt", story("a") + "\n" + story("a2"));
    put(d, "in/b.txt", story("b"));
    const first = wire(d, "parse", "in", "-o", "out/");
    expect(first.stderr).toMatch(/2 inputs, 3 stories, 3 written, 0 up to date/);
    put(d, "in/c.txt", story("c"));
    expect(wire(d, "parse", "in", "-o", "out/").stderr).toMatch(/3 inputs, 4 stories, 1 written, 3 up to date/);
    expect(statSync(join(d, "out/in/c.json")).isFile()).toBe(true);
  });
});

describe.skipIf(!built)("one run at a time per output folder", () => {
  it("a folder another live run is writing to is refused; a lock left by a process that is gone is taken over", () => {
    const d = tmp();
    put(d, "s.txt", story("s"));
    mkdirSync(join(d, "out"));
    writeFileSync(join(d, "out/.wire-lock"), String(process.pid));
    const busy = wire(d, "parse", "s.txt", "-o", "out/");
    expect(busy.code).toBe(1);
    expect(busy.stderr).toContain(
      `wire: cannot write out/: another wire run (process ${process.pid}) is writing there`,
    );
    expect(files(join(d, "out"))).toEqual([".wire-lock"]);
    const gone = spawnSync(process.execPath, ["-e", ""]).pid!;
    writeFileSync(join(d, "out/.wire-lock"), String(gone));
    expect(wire(d, "parse", "s.txt", "-o", "out/").code).toBe(0);
    expect(files(join(d, "out"))).toEqual(["s.json"]);
  });
});

describe("the manifest journal", () => {
  it("replays put/done/drop, ignores a torn last line, and keeps the next line whole after it", () => {
    const d = tmp();
    const path = join(d, MANIFEST);
    writeFileSync(
      path,
      [
        JSON.stringify({ done: "/in/a.txt", hash: "h1", opts: "o", files: ["a.json", "a.2.json"] }),
        JSON.stringify({ put: "b.json", in: "/in/b.txt" }),
        JSON.stringify({ done: "/in/c.txt", hash: "h3", opts: "o", files: ["c.json"] }),
        JSON.stringify({ drop: "/in/c.txt" }),
      ].join("\n") + '\n{"put":"b.2.js',
    );
    const m = new Manifest(d);
    expect(m.complete("/in/a.txt")).toEqual({ hash: "h1", opts: "o", files: ["a.json", "a.2.json"] });
    expect(m.complete("/in/b.txt")).toBeUndefined(); // written to, never completed
    expect(m.owned("/in/b.txt")).toEqual(["b.json"]);
    expect(m.owner("A.JSON")).toBe("/in/a.txt"); // compared as a case-insensitive file system would
    expect(m.owner("c.json")).toBeUndefined();
    m.put("/in/b.txt", "b.3.json");
    expect(new Manifest(d).owned("/in/b.txt")).toEqual(["b.json", "b.3.json"]);
    m.done("/in/b.txt", { hash: "h2", opts: "o", files: ["b.json"] });
    m.close();
    const lines = readFileSync(path, "utf8").trim().split("\n");
    expect(lines).toHaveLength(2); // compacted: one line per input
    const again = new Manifest(d);
    expect(again.complete("/in/b.txt")?.files).toEqual(["b.json"]);
    expect(again.owner("b.3.json")).toBeUndefined();
  });
});
