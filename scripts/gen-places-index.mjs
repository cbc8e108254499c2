#!/usr/bin/env node
// gen-places-index.mjs — build src/data/places-index.json from src/data/places.json: the gazetteer
// with every written form already folded, so the parser's first place lookup only fills a Map
// instead of folding (NFD, NFC, lower-casing) four thousand names. Run by `npm run build` before
// tsc, so the index follows places.json; it is committed too, so a plain `tsc` of any checkout
// builds (commit it together with places.json).
//
// Usage: node scripts/gen-places-index.mjs [--check]
//   --check  write nothing; exit 1 if the index is missing or differs from what would be written
//
// Output: {"generatedBy":..., "places", "keys", "rows", "sorted"}, four strings that the parser splits
// at its first lookup (splitting a few strings is much faster than parsing thousands of JSON values
// or filling a Map at start-up):
//   places  the rows of places.json, in its order, one per line: name TAB country TAB kind;
//   keys    every folded form, one per line: the row's name, then its variants, each form kept by
//           the first row that has it (what src/parse/places.ts used to compute at run time), in
//           that order (the loose lookup walks the forms in this order);
//   rows    for each form, the index of its row, comma-separated;
//   sorted  the forms' indexes in code-unit order of the forms, comma-separated: a lookup is a
//           binary search.
// The folding is scripts/fold.mjs, which test/fold.test.ts checks against the parser's own; a test
// also checks this index against the parser's folding of places.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fold } from "./fold.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IN = path.join(ROOT, "src/data/places.json");
const OUT = path.join(ROOT, "src/data/places-index.json");

/** The index of places.json's rows `[name, country, kind, variants]`. */
export function placesIndex(rows) {
  const keys = [];
  const rowOf = [];
  const seen = new Set();
  rows.forEach(([name, country, kind, variants], i) => {
    for (const field of [name, country, kind])
      if (/[\t\n]/u.test(field)) throw new Error(`gen-places-index: a tab or line break in row ${i}`);
    for (const v of [name, ...variants]) {
      const k = fold(v);
      if (!k || seen.has(k)) continue;
      if (k.includes("\n")) throw new Error(`gen-places-index: a line break in "${k}"`);
      seen.add(k);
      keys.push(k);
      rowOf.push(i);
    }
  });
  const sorted = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : 1));
  return {
    places: rows.map(([name, country, kind]) => `${name}\t${country}\t${kind}`).join("\n"),
    keys: keys.join("\n"),
    rows: rowOf.join(","),
    sorted: sorted.join(","),
  };
}

function main() {
  const table = JSON.parse(readFileSync(IN, "utf8"));
  const index = placesIndex(table.places);
  const text = `${JSON.stringify({ generatedBy: "scripts/gen-places-index.mjs from src/data/places.json", ...index }, null, 1)}\n`;
  if (process.argv.includes("--check")) {
    if (!existsSync(OUT) || readFileSync(OUT, "utf8") !== text) {
      console.error("gen-places-index: src/data/places-index.json is out of date; run npm run build");
      process.exit(1);
    }
    return;
  }
  // Rewritten only when it changes, so tsc and esbuild see an unchanged file as unchanged.
  if (!existsSync(OUT) || readFileSync(OUT, "utf8") !== text) writeFileSync(OUT, text);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
