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
// Output: {"generatedBy":..., "places":[[name, country, kind], ...], "keys":{"<folded form>": row, ...}},
// the rows in places.json's order, and every folded form with the index of its row: the row's name,
// then its variants, each form kept by the first row that has it (what src/parse/places.ts used to
// compute at run time), in that order. An object rather than pairs: Node builds it while parsing
// the JSON, or from a literal in the bundle, with no loop of Map insertions at start-up. No form may
// be an array index or `__proto__`, so the object keeps the forms in this order. The folding is
// scripts/fold.mjs, which test/fold.test.ts checks against the parser's own; a test also checks
// this index against the parser's folding of places.json.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fold } from "./fold.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const IN = path.join(ROOT, "src/data/places.json");
const OUT = path.join(ROOT, "src/data/places-index.json");

/** The index of places.json's rows `[name, country, kind, variants]`. */
export function placesIndex(rows) {
  const keys = {};
  rows.forEach(([name, , , variants], i) => {
    for (const v of [name, ...variants]) {
      const k = fold(v);
      if (!k || Object.hasOwn(keys, k)) continue;
      if (k === "__proto__" || String(Number(k) >>> 0) === k) throw new Error(`gen-places-index: cannot key "${k}"`);
      keys[k] = i;
    }
  });
  return { places: rows.map(([name, country, kind]) => [name, country, kind]), keys };
}

function main() {
  const table = JSON.parse(readFileSync(IN, "utf8"));
  const { places, keys } = placesIndex(table.places);
  const text =
    '{"generatedBy":"scripts/gen-places-index.mjs from src/data/places.json","places":[\n' +
    places.map((r) => JSON.stringify(r)).join(",\n") +
    '\n],"keys":{\n' +
    Object.entries(keys)
      .map(([k, i]) => `${JSON.stringify(k)}:${i}`)
      .join(",\n") +
    "\n}}\n";
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
