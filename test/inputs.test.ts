// The input side of batch conversion: files, folders, globs, archives, record dumps, stdin.
import { createHash } from "node:crypto";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as zlib from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeTar, makeZip, type TarEntry } from "./archives.js";
import { expandInputs, type ExpandOptions, type InputItem } from "../src/inputs/index.js";
import { DEFAULT_EXT, outputMapper } from "../src/inputs/paths.js";

// ---------------------------------------------------------------------------------------------
// helpers

let tmp = "";
const isRoot = process.getuid?.() === 0;

async function* chunks(...parts: (string | Uint8Array)[]): AsyncGenerator<Uint8Array | string> {
  for (const p of parts) yield p;
}

function opts(over: Partial<ExpandOptions> = {}): ExpandOptions {
  return { ext: ["*"], from: "text", textField: "text", stdin: chunks(), ...over };
}

async function all(
  args: string[],
  over: Partial<ExpandOptions> = {},
): Promise<{ items: InputItem[]; warnings: string[] }> {
  const warnings: string[] = [];
  const items: InputItem[] = [];
  for await (const item of expandInputs(args, { ...opts(over), warn: (m) => warnings.push(m) })) items.push(item);
  return { items, warnings };
}

/** Names without the temporary folder in front. */
const short = (s: string) => s.split(tmp + "/").join("");
const names = (items: InputItem[]) => items.map((i) => short(i.name));
const rels = (items: InputItem[]) => items.map((i) => i.relPath);
const content = (i: InputItem) => (i.bytes ? Buffer.from(i.bytes).toString("utf8") : i.text);

/** Exactly one of bytes, text and error. */
function checkShape(items: InputItem[]) {
  for (const i of items) {
    expect([i.bytes, i.text, i.error].filter((x) => x !== undefined).length, i.name).toBe(1);
    expect(i.relPath.startsWith("/"), i.relPath).toBe(false);
    expect(i.relPath.split("/"), i.relPath).not.toContain("..");
  }
}

/** Hard-to-compress text, so that half of a gzip holds about half of the data. */
function noise(seed: string, size: number): string {
  let out = "";
  let h = seed;
  while (out.length < size) {
    h = createHash("sha256").update(h).digest("base64");
    out += h;
  }
  return out.slice(0, size);
}

function openFds(): number {
  return readdirSync("/proc/self/fd").length;
}

async function fdsBackTo(baseline: number): Promise<number> {
  let n = openFds();
  for (let i = 0; i < 100 && n > baseline; i++) {
    await new Promise((r) => setTimeout(r, 10));
    n = openFds();
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// the fixtures, made afresh

const TAR_ENTRIES: TarEntry[] = [
  { name: "dir/", type: "directory" },
  { name: "dir/one.txt", data: "tar one" },
  { name: "dir/two.txt", data: "tar two" },
  { name: "link.txt", type: "symlink", linkname: "dir/one.txt" },
  { name: ".hidden.txt", data: "hidden" },
  { name: "three.md", data: "tar three" },
  { name: "./dot/four.txt", data: "tar four" },
];

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "wire-inputs-"));
  const tree = join(tmp, "tree");
  mkdirSync(join(tree, "b", "e"), { recursive: true });
  mkdirSync(join(tree, ".git"));
  writeFileSync(join(tree, "a.txt"), "A");
  writeFileSync(join(tree, "B.txt"), "big B");
  writeFileSync(join(tree, "z.TXT"), "Z");
  writeFileSync(join(tree, ".git", "config.txt"), "hidden");
  writeFileSync(join(tree, "b", "c.txt"), "C");
  writeFileSync(join(tree, "b", "d.md"), "D");
  writeFileSync(join(tree, "b", ".hidden.txt"), "hidden");
  writeFileSync(join(tree, "b", "e", "f.txt"), "F");
  symlinkSync("..", join(tree, "b", "loop")); // tree/b/loop -> tree
  symlinkSync("nowhere.txt", join(tree, "broken.txt")); // dangling

  writeFileSync(
    join(tmp, "news.zip"),
    makeZip([
      { name: "a/", data: "" },
      { name: "a/one.txt", data: "zip one", deflate: true },
      { name: "two.md", data: "zip two" },
      { name: "__x/.DS_Store", data: "junk" },
      { name: "../evil.txt", data: "evil" },
      { name: "/abs.txt", data: "abs" },
      { name: "C:\\win\\drive.txt", data: "drive" },
      { name: "nul\0.txt", data: "nul" },
      { name: "badcrc.txt", data: "bad crc", crc: 12345 },
      { name: "broken.txt", raw: Buffer.from([0xff, 0xff, 0xff, 0xff]) },
      { name: "after.txt", data: "zip after", deflate: true },
    ]),
  );
  writeFileSync(
    join(tmp, "recs.zip"),
    makeZip([
      { name: "in/d.jsonl", data: '{"id":"k","text":"from a zip"}\nnope\n', deflate: true },
      { name: "in/d.csv", data: "text\nrow one\n" },
    ]),
  );
  writeFileSync(join(tmp, "notazip.zip"), "this is not a zip file at all");

  const tarBytes = await makeTar(TAR_ENTRIES);
  writeFileSync(join(tmp, "bundle.tar"), tarBytes);
  writeFileSync(join(tmp, "bundle.tar.gz"), zlib.gzipSync(tarBytes));
  writeFileSync(join(tmp, "bundle.tgz"), zlib.gzipSync(tarBytes));

  const many = await makeTar(Array.from({ length: 10 }, (_, k) => ({ name: `e${k}.txt`, data: noise(`e${k}`, 8000) })));
  const gz = zlib.gzipSync(many);
  writeFileSync(join(tmp, "cut.tar.gz"), gz.subarray(0, Math.floor(gz.length / 2)));
  writeFileSync(join(tmp, "cut.tar"), many.subarray(0, Math.floor(many.length / 2)));
  writeFileSync(join(tmp, "notgzip.tgz"), "plain text, not gzip");

  mkdirSync(join(tmp, "arch", "sub"), { recursive: true });
  writeFileSync(join(tmp, "arch", "sub", "inner.tgz"), zlib.gzipSync(tarBytes));
  writeFileSync(join(tmp, "arch", "top.txt"), "top");

  writeFileSync(
    join(tmp, "dump.jsonl"),
    [
      '\ufeff{"id":"a1","text":"first"}',
      "",
      '{"text":"no id"}',
      "not json",
      '{"id":"x","body":"no text field"}',
      "[1,2]",
      '{"id":42,"text":"number id"}',
      '{"id":"a/b","text":"slash id"}',
      '{"id":"t","text":5}',
      "   ",
      '{"text":"crlf line"}\r',
      "",
    ].join("\n"),
  );
  writeFileSync(
    join(tmp, "dump.csv"),
    '\ufeffid,text,extra\r\nr1,"Hello, world",x\r\nr2,"line one\nline two",y\r\nr3\r\n,"no id here",z\r\n\r\nr6,plain,z,too,many\r\nr7,"bad"quote,z\r\n',
  );
  writeFileSync(join(tmp, "nohead.csv"), "a,b\n1,2\n3,4\n");

  mkdirSync(join(tmp, "locked", "open"), { recursive: true });
  mkdirSync(join(tmp, "locked", "shut"));
  writeFileSync(join(tmp, "locked", "open", "x.txt"), "x");
  writeFileSync(join(tmp, "locked", "shut", "y.txt"), "y");
  writeFileSync(join(tmp, "locked", "z.txt"), "z");
  chmodSync(join(tmp, "locked", "shut"), 0o000);
  writeFileSync(join(tmp, "secret.txt"), "secret");
  chmodSync(join(tmp, "secret.txt"), 0o000);
});

afterAll(() => {
  if (!tmp) return;
  chmodSync(join(tmp, "locked", "shut"), 0o755);
  chmodSync(join(tmp, "secret.txt"), 0o644);
  rmSync(tmp, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------

describe("files and folders", () => {
  it("walks a folder depth-first in code-point order, skipping hidden entries and a symlink loop", async () => {
    const { items, warnings } = await all([join(tmp, "tree")]);
    checkShape(items);
    expect(names(items)).toEqual([
      "tree/B.txt",
      "tree/a.txt",
      "tree/b/c.txt",
      "tree/b/d.md",
      "tree/b/e/f.txt",
      "tree/broken.txt",
      "tree/z.TXT",
    ]);
    expect(rels(items)).toEqual(["B.txt", "a.txt", "b/c.txt", "b/d.md", "b/e/f.txt", "broken.txt", "z.TXT"]);
    expect(content(items[2]!)).toBe("C");
    expect(items[5]!.error).toEqual({ code: "read-error", message: "no such file or directory" });
    expect(items[0]!.mtimeMs).toBe(statSync(join(tmp, "tree", "B.txt")).mtimeMs);
    expect(warnings).toHaveLength(1);
    expect(short(warnings[0]!)).toMatch(/^tree\/b\/loop: .*loop/);
  });

  it("gives the same order every time, and with a trailing slash the same names", async () => {
    const a = await all([join(tmp, "tree")]);
    const b = await all([join(tmp, "tree") + "/"]);
    expect(names(b.items)).toEqual(names(a.items));
  });

  it("filters by extension when walking, case-insensitively, but reads files named explicitly", async () => {
    const { items } = await all(
      [join(tmp, "tree"), join(tmp, "tree", "b", "d.md"), join(tmp, "tree", "b", ".hidden.txt")],
      {
        ext: ["txt"],
      },
    );
    expect(names(items)).toEqual([
      "tree/B.txt",
      "tree/a.txt",
      "tree/b/c.txt",
      "tree/b/e/f.txt",
      "tree/broken.txt",
      "tree/z.TXT",
      "tree/b/d.md",
      "tree/b/.hidden.txt",
    ]);
    expect(rels(items).slice(-2)).toEqual(["b/d.md", "b/.hidden.txt"]); // from the folder common to the arguments
    expect(content(items[7]!)).toBe("hidden");
  });

  it("keeps the order of the arguments", async () => {
    const { items } = await all([join(tmp, "tree", "z.TXT"), join(tmp, "tree", "a.txt"), join(tmp, "tree", "b", "e")]);
    expect(names(items)).toEqual(["tree/z.TXT", "tree/a.txt", "tree/b/e/f.txt"]);
    expect(rels(items)).toEqual(["z.TXT", "a.txt", "b/e/f.txt"]);
  });

  it("reports a missing file as an item and goes on", async () => {
    const { items } = await all([join(tmp, "nope.txt"), join(tmp, "tree", "a.txt")]);
    checkShape(items);
    expect(items[0]).toMatchObject({
      relPath: "nope.txt",
      error: { code: "read-error", message: "no such file or directory" },
    });
    expect(short(items[0]!.name)).toBe("nope.txt");
    expect(content(items[1]!)).toBe("A");
  });

  it("reports permission denied for a file and a folder, and the walk goes on", async () => {
    const f = await all([join(tmp, "secret.txt")]);
    const d = await all([join(tmp, "locked")]);
    checkShape([...f.items, ...d.items]);
    if (isRoot) {
      // root reads mode-000 files and folders: nothing to deny.
      expect(content(f.items[0]!)).toBe("secret");
      expect(names(d.items)).toEqual(["locked/open/x.txt", "locked/shut/y.txt", "locked/z.txt"]);
      return;
    }
    expect(f.items[0]!.error).toEqual({ code: "read-error", message: "permission denied" });
    expect(names(d.items)).toEqual(["locked/open/x.txt", "locked/shut", "locked/z.txt"]);
    expect(d.items[1]!.error).toEqual({ code: "read-error", message: "permission denied" });
    expect(d.items[1]!.relPath).toBe("shut");
  });
});

describe("globs", () => {
  it("expands a pattern that is not a path, sorted, without hidden files", async () => {
    const { items } = await all([join(tmp, "tree", "*.txt"), join(tmp, "tree", "b", "*")]);
    checkShape(items);
    expect(names(items)).toEqual(["tree/B.txt", "tree/a.txt", "tree/b/c.txt", "tree/b/d.md"]);
    expect(rels(items)).toEqual(["B.txt", "a.txt", "b/c.txt", "b/d.md"]);
  });

  it("gives relPath relative to the pattern's fixed folder", async () => {
    const { items } = await all([join(tmp, "tree", "b", "{e,x}", "*.txt")]);
    expect(names(items)).toEqual(["tree/b/e/f.txt"]);
    expect(rels(items)).toEqual(["e/f.txt"]);
  });

  it("reports a pattern matching nothing", async () => {
    const pattern = join(tmp, "tree", "*.none");
    const { items } = await all([pattern]);
    expect(items).toHaveLength(1);
    expect(items[0]!.error).toEqual({ code: "read-error", message: `no file matches ${pattern}` });
  });
});

describe("zip", () => {
  it("gives the entries in the zip's order, flags unsafe names, and reports broken entries one by one", async () => {
    const { items } = await all([join(tmp, "news.zip")]);
    checkShape(items);
    expect(names(items)).toEqual([
      "news.zip:a/one.txt",
      "news.zip:two.md",
      "news.zip:../evil.txt",
      "news.zip:/abs.txt",
      "news.zip:C:/win/drive.txt",
      "news.zip:nul\\0.txt",
      "news.zip:badcrc.txt",
      "news.zip:broken.txt",
      "news.zip:after.txt",
    ]);
    expect(rels(items)).toEqual([
      "news/a/one.txt",
      "news/two.md",
      "news/evil.txt",
      "news/abs.txt",
      "news/win/drive.txt",
      "news/nul.txt",
      "news/badcrc.txt",
      "news/broken.txt",
      "news/after.txt",
    ]);
    const [one, two, evil, abs, drive, nul, badcrc, broken, after] = items;
    expect(content(one!)).toBe("zip one");
    expect(content(two!)).toBe("zip two");
    expect(one!.unsafe).toBeUndefined();
    expect(evil!.unsafe).toMatch(/\.\./);
    expect(content(evil!)).toBe("evil");
    expect(abs!.unsafe).toMatch(/absolute/);
    expect(content(abs!)).toBe("abs");
    expect(drive!.unsafe).toMatch(/drive letter/);
    expect(content(drive!)).toBe("drive");
    expect(nul!.unsafe).toMatch(/NUL/);
    expect(badcrc!.error?.code).toBe("archive-error");
    expect(badcrc!.error?.message).toMatch(/CRC/);
    expect(broken!.error?.code).toBe("archive-error");
    expect(content(after!)).toBe("zip after");
    expect(one!.mtimeMs).toBe(statSync(join(tmp, "news.zip")).mtimeMs);
    for (const i of items) expect(i.error?.message ?? "").not.toMatch(/\n/);
  });

  it("filters entries by extension", async () => {
    const { items } = await all([join(tmp, "news.zip")], { ext: ["md"] });
    expect(names(items)).toEqual(["news.zip:two.md"]);
  });

  it("reports a file that is not a zip as one archive error", async () => {
    const { items } = await all([join(tmp, "notazip.zip"), join(tmp, "tree", "a.txt")]);
    checkShape(items);
    expect(items).toHaveLength(2);
    expect(short(items[0]!.name)).toBe("notazip.zip");
    expect(items[0]!.error?.code).toBe("archive-error");
    expect(content(items[1]!)).toBe("A");
  });
});

describe("tar", () => {
  const expected = ["dir/one.txt", "dir/two.txt", "three.md", "./dot/four.txt"];

  it.each(["bundle.tar", "bundle.tar.gz", "bundle.tgz"])("%s: regular files in archive order", async (file) => {
    const { items } = await all([join(tmp, file)]);
    checkShape(items);
    expect(names(items)).toEqual(expected.map((e) => `${file}:${e}`));
    expect(rels(items)).toEqual(["bundle/dir/one.txt", "bundle/dir/two.txt", "bundle/three.md", "bundle/dot/four.txt"]);
    expect(items.map(content)).toEqual(["tar one", "tar two", "tar three", "tar four"]);
    expect(items.every((i) => i.unsafe === undefined)).toBe(true);
  });

  it("a truncated .tar.gz gives the entries before the cut, then one archive error", async () => {
    const { items } = await all([join(tmp, "cut.tar.gz"), join(tmp, "tree", "a.txt")]);
    checkShape(items);
    const last = items.at(-1)!;
    expect(content(last)).toBe("A");
    const err = items.at(-2)!;
    expect(short(err.name)).toBe("cut.tar.gz");
    expect(err.error).toEqual({ code: "archive-error", message: "the gzip data is broken: unexpected end of file" });
    const entries = items.slice(0, -2);
    expect(entries.length).toBeGreaterThanOrEqual(2);
    expect(entries.length).toBeLessThan(10);
    entries.forEach((e, k) => {
      expect(short(e.name)).toBe(`cut.tar.gz:e${k}.txt`);
      expect(content(e)).toBe(noise(`e${k}`, 8000));
    });
  });

  it("a truncated .tar gives the entries before the cut, then one archive error", async () => {
    const { items } = await all([join(tmp, "cut.tar")]);
    checkShape(items);
    const errors = items.filter((i) => i.error);
    expect(errors).toHaveLength(1);
    expect(items.at(-1)!.error?.code).toBe("archive-error");
    expect(items.length - 1).toBeGreaterThanOrEqual(2);
    expect(items.length - 1).toBeLessThan(10);
  });

  it("a .tgz that is not gzip is one archive error", async () => {
    const { items } = await all([join(tmp, "notgzip.tgz")]);
    expect(items).toHaveLength(1);
    expect(items[0]!.error?.code).toBe("archive-error");
  });

  it("opens archives found in a folder, relPath under the folder", async () => {
    const { items } = await all([join(tmp, "arch")], { ext: ["txt"] });
    expect(names(items)).toEqual([
      "arch/sub/inner.tgz:dir/one.txt",
      "arch/sub/inner.tgz:dir/two.txt",
      "arch/sub/inner.tgz:./dot/four.txt",
      "arch/top.txt",
    ]);
    expect(rels(items)).toEqual([
      "sub/inner/dir/one.txt",
      "sub/inner/dir/two.txt",
      "sub/inner/dot/four.txt",
      "top.txt",
    ]);
  });
});

describe("records", () => {
  it("JSON Lines with ids, bad lines as bad-record items", async () => {
    const { items } = await all([join(tmp, "dump.jsonl")], { from: "jsonl", idField: "id" });
    checkShape(items);
    expect(names(items)).toEqual([
      "dump.jsonl#a1",
      "dump.jsonl#3",
      "dump.jsonl#4",
      "dump.jsonl#5",
      "dump.jsonl#6",
      "dump.jsonl#42",
      "dump.jsonl#a/b",
      "dump.jsonl#9",
      "dump.jsonl#11",
    ]);
    expect(rels(items)).toEqual([
      "dump/a1",
      "dump/3",
      "dump/4",
      "dump/5",
      "dump/6",
      "dump/42",
      "dump/a_b",
      "dump/9",
      "dump/11",
    ]);
    expect(items.map((i) => i.text ?? i.error!.code)).toEqual([
      "first",
      "no id",
      "bad-record",
      "bad-record",
      "bad-record",
      "number id",
      "slash id",
      "bad-record",
      "crlf line",
    ]);
    expect(items[3]!.error!.message).toMatch(/"text"/);
    expect(items[0]!.mtimeMs).toBe(statSync(join(tmp, "dump.jsonl")).mtimeMs);
  });

  it("JSON Lines without an id field: line numbers", async () => {
    const { items } = await all([join(tmp, "dump.jsonl")], { from: "jsonl" });
    expect(names(items).slice(0, 2)).toEqual(["dump.jsonl#1", "dump.jsonl#3"]);
  });

  it("JSON Lines with another text field", async () => {
    const { items } = await all([join(tmp, "dump.jsonl")], { from: "jsonl", textField: "body", idField: "id" });
    expect(items.filter((i) => i.text !== undefined).map((i) => [short(i.name), i.text])).toEqual([
      ["dump.jsonl#x", "no text field"],
    ]);
  });

  it("CSV with a header, quoted commas and newlines, a short row, a malformed row", async () => {
    const { items } = await all([join(tmp, "dump.csv")], { from: "csv", idField: "id" });
    checkShape(items);
    const good = items.slice(0, 5);
    expect(names(good)).toEqual(["dump.csv#r1", "dump.csv#r2", "dump.csv#3", "dump.csv#4", "dump.csv#r6"]);
    expect(rels(good)).toEqual(["dump/r1", "dump/r2", "dump/3", "dump/4", "dump/r6"]);
    expect(good.map((i) => i.text ?? i.error!.code)).toEqual([
      "Hello, world",
      "line one\nline two",
      "bad-record",
      "no id here",
      "plain",
    ]);
    expect(good[2]!.error!.message).toMatch(/"text"/);
    // The malformed row (a stray quote) costs only itself, named by the line it starts on.
    const rest = items.slice(5);
    expect(rest.length).toBeGreaterThanOrEqual(1);
    expect(short(rest[0]!.name)).toBe("dump.csv#6");
    expect(rest[0]!.error?.message).toMatch(/^row 6, line 9: a quote closes the field/);
    for (const i of rest) expect(i.error?.code).toBe("bad-record");
    for (const i of items) expect(i.error?.message ?? "").not.toMatch(/\n/);
    expect(good[0]!.mtimeMs).toBe(statSync(join(tmp, "dump.csv")).mtimeMs);
  });

  it("CSV whose header lacks the text column: one bad-record item", async () => {
    const { items } = await all([join(tmp, "nohead.csv"), join(tmp, "tree", "a.txt")]);
    expect(items.map((i) => short(i.name))).toEqual(["nohead.csv", "tree/a.txt"]);
    const csv = await all([join(tmp, "nohead.csv")], { from: "csv" });
    expect(csv.items).toHaveLength(1);
    expect(csv.items[0]!.error?.code).toBe("bad-record");
    expect(csv.items[0]!.error?.message).toMatch(/"text"/);
  });

  it("reads dumps inside archives as records", async () => {
    const j = await all([join(tmp, "recs.zip")], { from: "jsonl", idField: "id", ext: ["jsonl"] });
    expect(j.items.map((i) => [short(i.name), i.relPath, i.text ?? i.error?.code])).toEqual([
      ["recs.zip:in/d.jsonl#k", "recs/in/d/k", "from a zip"],
      ["recs.zip:in/d.jsonl#2", "recs/in/d/2", "bad-record"],
    ]);
    const c = await all([join(tmp, "recs.zip")], { from: "csv", ext: ["csv"] });
    expect(c.items.map((i) => [short(i.name), i.relPath, i.text])).toEqual([
      ["recs.zip:in/d.csv#1", "recs/in/d/1", "row one"],
    ]);
  });

  it("a missing dump is a read error", async () => {
    for (const from of ["jsonl", "csv"] as const) {
      const { items } = await all([join(tmp, "missing." + from)], { from });
      expect(items).toHaveLength(1);
      expect(items[0]!.error).toEqual({ code: "read-error", message: "no such file or directory" });
    }
  });
});

describe("standard input", () => {
  it("reads - once, as bytes", async () => {
    const { items, warnings } = await all(["-", join(tmp, "tree", "a.txt"), "-"], {
      stdin: chunks(Buffer.from("Hello "), "wor", new Uint8Array([108, 100])),
    });
    checkShape(items);
    expect(items.map((i) => i.name)).toEqual(["<stdin>", join(tmp, "tree", "a.txt")]);
    expect(items[0]!.relPath).toBe("stdin");
    expect(content(items[0]!)).toBe("Hello world");
    expect(warnings).toHaveLength(1);
  });

  it("reads - as a record stream, chunks split anywhere", async () => {
    const whole = Buffer.from('{"text":"é one"}\n{"text":"two"}\n');
    const { items } = await all(["-"], {
      from: "jsonl",
      stdin: chunks(whole.subarray(0, 10), whole.subarray(10, 22), whole.subarray(22)),
    });
    expect(items.map((i) => [i.name, i.relPath, i.text])).toEqual([
      ["<stdin>#1", "stdin/1", "é one"],
      ["<stdin>#2", "stdin/2", "two"],
    ]);
    const csv = await all(["-"], { from: "csv", idField: "id", stdin: chunks("id,te", 'xt\nk1,"a\nb"\n') });
    expect(csv.items.map((i) => [i.name, i.relPath, i.text])).toEqual([["<stdin>#k1", "stdin/k1", "a\nb"]]);
  });
});

describe("stopping early", () => {
  const canCount = existsSync("/proc/self/fd");
  it.each([
    ["news.zip", {}],
    ["bundle.tar.gz", {}],
    ["bundle.tar", {}],
    ["cut.tar.gz", {}],
    ["dump.jsonl", { from: "jsonl" }],
    ["dump.csv", { from: "csv" }],
    ["tree", {}],
  ] as [string, Partial<ExpandOptions>][])("%s: breaking out closes what was opened", async (file, over) => {
    const before = canCount ? openFds() : 0;
    let seen = 0;
    for await (const item of expandInputs([join(tmp, file), join(tmp, "tree")], opts(over))) {
      expect(item.name).toBeTruthy();
      seen++;
      break;
    }
    expect(seen).toBe(1);
    if (canCount) expect(await fdsBackTo(before)).toBeLessThanOrEqual(before);
  });
});

describe("the output mapping and the default extensions", () => {
  it("keeps a path under the current folder; else the path from the folder common to the arguments outside it", () => {
    const cwd = "/news/desk";
    const inside = outputMapper(["hi", "en/001.txt"], cwd);
    expect(["hi/001.txt", "en/001.txt", "./hi/a/b.txt", "/news/desk/x.txt"].map((p) => inside(p))).toEqual([
      "hi/001.txt",
      "en/001.txt",
      "hi/a/b.txt",
      "x.txt",
    ]);
    const tree = join(tmp, "tree");
    const two = outputMapper([join(tree, "b"), join(tree, "*.txt")], cwd);
    expect(two(join(tree, "b/c.txt"))).toBe("b/c.txt");
    expect(two(join(tree, "a.txt"))).toBe("a.txt");
    const one = outputMapper([join(tree, "b")], cwd);
    expect(one(join(tree, "b/e/f.txt"))).toBe("e/f.txt");
    const files = outputMapper(["../x/s.txt", "../y/s.txt"], cwd);
    expect([files("../x/s.txt"), files("../y/s.txt")]).toEqual(["x/s.txt", "y/s.txt"]);
  });

  it("walks read story files by default; --ext replaces the list; * reads every file", async () => {
    const { items: byDefault } = await all([join(tmp, "tree")], { ext: [] });
    expect(names(byDefault).every((n) => /\.(txt|TXT)$/.test(n))).toBe(true);
    expect(names(byDefault)).not.toContain("tree/b/d.md");
    const stats = { skippedByExt: 0 };
    await all([join(tmp, "tree")], { ext: ["none"], stats });
    expect(stats.skippedByExt).toBeGreaterThan(0);
    expect(DEFAULT_EXT.text).toContain("txt");
    expect(names((await all([join(tmp, "tree")], { ext: ["*"] })).items)).toContain("tree/b/d.md");
  });
});
