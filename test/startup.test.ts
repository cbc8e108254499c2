// How the command starts (bin/wire.js, scripts/bundle.mjs): the bundle run through V8's code
// cache, falling back to a plain compile whenever the cache is missing, stale or refused, and
// Node modules a run does not need left unloaded. These run the built bundle (`npm run build`).
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "./helpers.js";

const bundle = join(root, "dist", "wire.cjs");
const built = existsSync(bundle);
const story = join(
  root,
  "fixtures",
  "en",
  readdirSync(join(root, "fixtures", "en"))
    .filter((f) => f.endsWith(".txt"))
    .sort()[0]!,
);

/** A copy of the installed command (bin/ and dist/wire.cjs, no cache) in a scratch folder. */
function install(): string {
  const dir = mkdtempSync(join(tmpdir(), "wire-startup-"));
  mkdirSync(join(dir, "bin"));
  mkdirSync(join(dir, "dist"));
  for (const f of ["wire.js", "package.json"]) copyFileSync(join(root, "bin", f), join(dir, "bin", f));
  copyFileSync(bundle, join(dir, "dist", "wire.cjs"));
  return dir;
}

function wire(dir: string, args: string[], nodeArgs: string[] = []) {
  const r = spawnSync(process.execPath, [...nodeArgs, join(dir, "bin", "wire.js"), ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe.skipIf(!built)("start-up", () => {
  const dirs: string[] = [];
  const fresh = () => {
    const d = install();
    dirs.push(d);
    return d;
  };
  afterAll(() => {
    for (const d of dirs) {
      chmodSync(join(d, "dist"), 0o755);
      rmSync(d, { recursive: true, force: true });
    }
  });
  const expected = () => wire(fresh(), ["parse", story, "-f", "json"]).out;

  it("the build leaves a code cache stamped with the bundle's build and this Node", () => {
    const head = readFileSync(bundle, "latin1").split("\n", 1)[0]!;
    expect(head).toMatch(/^\/\/ build [0-9a-f]{16}$/u);
    const cache = readFileSync(`${bundle}.cache`);
    expect(cache.toString("latin1", 0, cache.indexOf(10))).toBe(`${head} node ${process.version} ${process.arch}`);
  });

  it("the bundle is ASCII (bin/wire.js reads it as Latin-1)", () => {
    const bytes = readFileSync(bundle);
    expect(bytes.findIndex((b) => b > 0x7f)).toBe(-1);
  });

  it("without a cache: the same records, and the cache is written for the next run", () => {
    const dir = fresh();
    const first = wire(dir, ["parse", story, "-f", "json"]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/"schema": "wire.story\/1"/u);
    const cache = join(dir, "dist", "wire.cjs.cache");
    expect(existsSync(cache)).toBe(true);
    const second = wire(dir, ["parse", story, "-f", "json"]);
    expect(second.out).toBe(first.out);
    expect(readdirSync(join(dir, "dist")).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a cache of another build or Node version is not used, and is replaced", () => {
    const dir = fresh();
    const cache = join(dir, "dist", "wire.cjs.cache");
    writeFileSync(
      cache,
      Buffer.concat([Buffer.from("// build 0000000000000000 node v0.0.0 x\n"), Buffer.alloc(4096, 7)]),
    );
    const r = wire(dir, ["parse", story, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected());
    expect(readFileSync(cache, "latin1")).not.toMatch(/^\/\/ build 0{16}/u);
  });

  it("a cache V8 refuses (right stamp, wrong code) only costs a compile", () => {
    const dir = fresh();
    wire(dir, ["--version"]);
    const cache = join(dir, "dist", "wire.cjs.cache");
    const data = readFileSync(cache);
    const end = data.indexOf(10);
    writeFileSync(cache, Buffer.concat([data.subarray(0, end + 1), Buffer.alloc(data.length - end - 1, 0x5a)]));
    const r = wire(dir, ["parse", story, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
    expect(r.out).toBe(expected());
  });

  it.skipIf(process.getuid?.() === 0)("a read-only install runs without a cache and leaves no file", () => {
    const dir = fresh();
    chmodSync(join(dir, "dist"), 0o555);
    const r = wire(dir, ["parse", story, "-f", "json"]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(expected());
    expect(readdirSync(join(dir, "dist"))).toEqual(["wire.cjs"]);
  });

  it("a run on one input loads neither worker threads, nor child processes (commander, the pager), nor zlib, nor crypto (a small input is hashed in JavaScript), nor the promise-based file API (a small file alone is read at once)", () => {
    const probe = join(fresh(), "probe.cjs");
    writeFileSync(
      probe,
      'process.on("exit", () => process.stderr.write(process.moduleLoadList.filter((m) => /^NativeModule (worker_threads|child_process|zlib|crypto|fs\\/promises)$/.test(m)).join(",")));\n',
    );
    const r = wire(dirs.at(-1)!, ["parse", story, "-f", "json"], ["--require", probe]);
    expect(r.code).toBe(0);
    expect(r.err).toBe("");
  });
});
