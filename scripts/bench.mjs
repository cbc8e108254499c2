#!/usr/bin/env node
// Speed and memory of the parser: `npm run bench` (after `npm run build`).
// Inputs are generated here from the fixture stories, so the figures are reproducible:
//   - many stories concatenated (default 20 MB),
//   - one 5 MB line with no line break at all,
//   - adversarial text: 1 MB of `"`, 1 MB of `"a`, 1 MB of `।`, 1 MB of `a.`.
// Each is parsed at two sizes; time per MB staying flat means linear time.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "../dist/index.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const stories = ["hi", "en"].flatMap((l) =>
  readdirSync(join(root, "fixtures", l)).filter((f) => f.endsWith(".txt")).map((f) => readFileSync(join(root, "fixtures", l, f), "utf8")),
);
const MB = 1 << 20;
const size = Number(process.env.BENCH_MB ?? 20);

function concat(bytes) {
  const parts = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const s = stories[i % stories.length] + "\n";
    parts.push(s);
    n += Buffer.byteLength(s);
  }
  return parts.join("");
}
const oneLine = (bytes) => concat(bytes).replace(/[\r\n]+/g, " ");
const repeat = (unit) => (bytes) => unit.repeat(Math.ceil(bytes / Buffer.byteLength(unit)));
/** One story whose body is 10,000 quoted statements (a quarter of them for the small run). */
const quoted = (bytes) => {
  const n = bytes === 0 ? 10000 : 2500;
  const lines = ["सोल, 14 सितंबर (आईएएनएस)। बैठक हुई।"];
  for (let i = 0; i < n; i++) {
    lines.push(i % 2 ? `केसीएनए ने किम के हवाले से कहा, "बयान संख्या ${i} महत्वपूर्ण है।"` : `"Statement ${i} matters," the minister told IANS.`);
  }
  lines.push("--आईएएनएस", "एसकेपी");
  return lines.join("\n");
};

function measure(name, make, mb) {
  const text = make(mb * MB);
  const bytes = Buffer.byteLength(text);
  parse(text.slice(0, 10000)); // warm up
  const t0 = process.hrtime.bigint();
  const out = parse(text);
  const quotes = out.reduce((a, s) => a + s.quotes.length, 0);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const rate = bytes / MB / (ms / 1000);
  const paras = out.reduce((a, s) => a + s.paragraphs.length, 0);
  console.log(`${name.padEnd(26)} ${(bytes / MB).toFixed(1).padStart(6)} MB ${ms.toFixed(0).padStart(7)} ms ${rate.toFixed(1).padStart(7)} MB/s  ${String(paras).padStart(8)} paragraphs ${String(quotes).padStart(8)} quotes`);
  return rate;
}

console.log(`node ${process.version}; input                     size      time     rate`);
const cases = [
  ["concatenated stories", concat, size],
  ["one line, no breaks", oneLine, Math.max(1, size / 4)],
  ['1 MB of "', repeat('"'), 1],
  ['"a repeated', repeat('"a'), 1],
  ["। repeated", repeat("।"), 1],
  ["a. repeated", repeat("a. "), 1],
  ["story of 10,000 quotes", quoted, 0],
];
for (const [name, make, mb] of process.env.BENCH_ARCHIVE_ONLY ? [] : cases) {
  const small = measure(`${name} (1/4)`, make, mb === 0 ? 1 : mb / 4);
  const big = measure(name, make, mb);
  console.log(`${"".padEnd(26)} rate ratio full/quarter: ${(big / small).toFixed(2)} (about 1 = linear)`);
}
const mem = process.memoryUsage();
console.log(`in-process parse: rss ${(mem.rss / MB).toFixed(0)} MB, heap used ${(mem.heapUsed / MB).toFixed(0)} MB`);

// The command line on a generated archive: stories/s, MB/s and peak memory with -j 1 and -j 2.
const archiveMb = Number(process.env.BENCH_ARCHIVE_MB ?? 100);
if (archiveMb > 0) {
  const { mkdirSync, writeFileSync, existsSync, statSync } = await import("node:fs");
  const { gzipSync } = await import("node:zlib");
  const tar = (await import("tar-stream")).default;
  const dir = join(root, ".bench");
  mkdirSync(dir, { recursive: true });
  const archive = join(dir, `stories-${archiveMb}mb.tar.gz`);
  if (!existsSync(archive)) {
    const pack = tar.pack();
    const chunks = [];
    pack.on("data", (c) => chunks.push(c));
    const done = new Promise((r) => pack.on("end", r));
    let bytes = 0;
    for (let i = 0; bytes < archiveMb * MB; i++) {
      const s = stories[i % stories.length];
      pack.entry({ name: `day${String(Math.floor(i / 1000)).padStart(4, "0")}/${String(i).padStart(7, "0")}.txt` }, s);
      bytes += Buffer.byteLength(s);
    }
    pack.finalize();
    await done;
    writeFileSync(archive, gzipSync(Buffer.concat(chunks)));
  }
  const size = statSync(archive).size;
  for (const j of [1, 2]) {
    // With -e, argv[1] is already the first argument: put a program name in front, as bin/wire.js has.
    const script = `process.argv.splice(1, 0, "wire"); process.on("exit", () => process.stderr.write("maxrss " + process.resourceUsage().maxRSS + "\\n")); await import(${JSON.stringify(join(root, "dist", "cli", "main.js"))});`;
    const t0 = process.hrtime.bigint();
    const { spawn } = await import("node:child_process");
    const child = spawn(process.execPath, ["--input-type=module", "-e", script, "parse", archive, "-f", "ndjson", "-q", "-j", String(j)], { stdio: ["ignore", "pipe", "pipe"] });
    let records = 0;
    let err = "";
    child.stdout.on("data", (c) => {
      for (let k = c.indexOf(10); k >= 0; k = c.indexOf(10, k + 1)) records++;
    });
    child.stderr.on("data", (c) => (err += c));
    const status = await new Promise((r) => child.on("close", r));
    const secs = Number(process.hrtime.bigint() - t0) / 1e9;
    const r = { status, stderr: err };
    const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0) / 1024;
    console.log(`archive ${archiveMb} MB of text (${(size / MB).toFixed(1)} MB gzipped), -j ${j}: ${records} stories in ${secs.toFixed(1)} s = ${(records / secs).toFixed(0)} stories/s, ${(archiveMb / secs).toFixed(1)} MB/s, peak RSS ${rss.toFixed(0)} MB, exit ${r.status}`);
  }
}
