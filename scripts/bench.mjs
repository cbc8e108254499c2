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
for (const [name, make, mb] of cases) {
  const small = measure(`${name} (1/4)`, make, mb === 0 ? 1 : mb / 4);
  const big = measure(name, make, mb);
  console.log(`${"".padEnd(26)} rate ratio full/quarter: ${(big / small).toFixed(2)} (about 1 = linear)`);
}
const mem = process.memoryUsage();
console.log(`peak-ish memory: rss ${(mem.rss / MB).toFixed(0)} MB, heap used ${(mem.heapUsed / MB).toFixed(0)} MB`);
