#!/usr/bin/env node
// Writes the record of every input under the given folders, under several option sets, one JSON
// file per (input, options) into OUT, so that two builds can be compared byte for byte:
//
//   node scripts/records.mjs OUT [--dist DIR] [FOLDER ...]     (default folders: fixtures, ../shared/corpus/real, ../shared/seed)
//   scripts/compare-records.sh [BASE]                          (BASE's build against this tree's, default HEAD)
//
// A refactoring must leave every record as it was; OUT belongs outside the repository when the
// inputs are third-party copy.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync, existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const args = process.argv.slice(2);
const di = args.indexOf("--dist");
const dist = resolve(di >= 0 ? args.splice(di, 2)[1] : "dist");
const [out, ...given] = args;
if (!out) {
  console.error("usage: node scripts/records.mjs OUT [--dist DIR] [FOLDER ...]");
  process.exit(2);
}
const roots = (given.length ? given : ["fixtures", "../shared/corpus/real", "../shared/seed"]).filter((r) =>
  existsSync(r),
);
const { parseBytes } = await import(pathToFileURL(join(dist, "index.js")).href);

const variants = {
  default: {},
  "ref-date": { refDate: "2025-01-01" },
  legacy: { convertLegacy: true },
  "no-split": { split: false },
  en: { lang: "en" },
};

function* walk(dir) {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) yield* walk(p);
    else if (p.endsWith(".txt")) yield p;
  }
}

mkdirSync(out, { recursive: true });
let n = 0;
for (const root of roots) {
  for (const file of walk(root)) {
    const bytes = readFileSync(file);
    const name = relative(".", file)
      .replace(/^(\.\.\/)+/u, "")
      .replace(/[/\\]/gu, "__");
    for (const [v, options] of Object.entries(variants)) {
      let body;
      try {
        body = JSON.stringify(parseBytes(bytes, { ...options, path: name }), null, 1);
      } catch (e) {
        body = `THROWS ${e?.name}: ${e?.message}`;
      }
      writeFileSync(join(out, `${name}.${v}.json`), body + "\n");
      n++;
    }
  }
}
console.log(`${n} records written to ${out}`);
