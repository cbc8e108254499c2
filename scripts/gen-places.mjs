#!/usr/bin/env node
// gen-places.mjs — build src/data/places.json, the gazetteer the dateline
// parser uses to map a place as written ("सोल", "नयी दिल्ली", "CLEVELAND")
// to a canonical English name and an ISO 3166-1 alpha-2 country.
//
// Usage:
//   node scripts/gen-places.mjs [--cldr DIR] [--out FILE] [--check] [--verbose]
//   npm run gen:places -- --cldr /tmp/cldr
//
//   --cldr DIR  folder whose node_modules holds the CLDR packages below
//               (default: resolve them from this project).  They are NOT
//               dependencies of the project; install them on the side with
//                 npm install --no-save --prefix DIR cldr-dates-full@48 cldr-localenames-full@48 cldr-bcp47@48
//   --out FILE  output path (default: src/data/places.json)
//   --check     do not write; exit 1 if FILE differs from what would be written
//   --verbose   list every dropped collision
//
// Inputs, in order of precedence (highest first):
//   1. src/data/places-in.tsv     hand-written Indian places (cities, states/UTs)
//   2. src/data/places-world.tsv  hand-written world cities (capitals, dateline cities)
//   3. CLDR exemplar cities       cldr-dates-full main/{en,hi}/timeZoneNames.json,
//                                 zone.*.exemplarCity -> rows of kind "city"
//                                 (name = English exemplar city; where en has no
//                                 exemplarCity, CLDR's fallback is used: the last
//                                 segment of the zone id with '_' -> ' ';
//                                 variant = Hindi exemplar city)
//   4. CLDR territories           cldr-localenames-full main/{en,hi}/territories.json
//                                 -> rows of kind "country" (name = English name;
//                                 variants = Hindi name and the -alt-short /
//                                 -alt-variant forms in both languages)
//
// TSV format: UTF-8, tab-separated, first line the header
//   name<TAB>country<TAB>kind<TAB>variants
// kind is city | state | country; variants is a '|'-separated list of other
// spellings (may be empty).  Blank lines and lines starting with '#' are
// ignored (used as section headings).
//
// Zone -> country: the CLDR packages above carry no ISO country per zone, so
// the mapping comes from cldr-bcp47 (bcp47/timezone.json, same CLDR release).
// Each Unicode time-zone key there (e.g. "krsel" = Asia/Seoul) starts, by
// CLDR's rule for these ids (UTS #35, "Unicode Time Zone Identifier"), with
// the lower-cased ISO 3166 region code of the zone; the few keys that do not
// (e.g. "ancur" Curaçao = CW, "jeruslm" = IL, "gazastrp" = PS) carry an explicit
// "_region" attribute, which wins.  The first id in "_alias" is the CLDR
// canonical zone id, the one timeZoneNames.json is keyed by.  Chosen over the
// third-party npm package countries-and-timezones because it is CLDR itself,
// versioned together with the exemplar cities (no lag or mismatch of zone
// ids), and its exceptions are explicit data rather than heuristics.
// Deprecated keys and keys without an "_alias" are ignored.
//
// Skipped from CLDR:
//   - zones Etc/* (UTC, GMT±n, Unknown) and Antarctic research stations (AQ:
//     Casey, Davis, Palmer ... are station names, not dateline cities);
//   - exemplar cities whose English form folds to one of their own territory's
//     English names (Asia/Qatar "Qatar", America/Panama "Panama", Asia/Kuwait
//     "Kuwait" ...): these zones are named after the country, and the country
//     row covers them;
//   - territory codes that are not ISO 3166-1 alpha-2 country codes: numeric
//     regions (001 ...), EU, EZ, UN, QO, XA, XB, ZZ and the "exceptionally
//     reserved" AC, CP, CQ, DG, EA, IC, TA.  XK (Kosovo) is kept;
//   - CLDR country variants that fold to 2 characters or fewer (UK, US, UN):
//     they collide with ordinary words.
//
// Folding ("the same written form"; implemented in scripts/fold.mjs, and
// the TypeScript runtime must mirror it exactly):
//   1. Unicode NFD
//   2. remove U+093C (nukta), U+200C (ZWNJ), U+200D (ZWJ), U+00AD (soft
//      hyphen), U+FEFF
//   3. map U+0901 (chandrabindu) to U+0902 (anusvara)
//   4. Unicode NFC
//   5. toLowerCase()
//   6. replace every run of whitespace (JS \s, includes NBSP) or '-' with one space
//   7. remove '.'
//   8. trim
//
// Merging and precedence:
//   - Rows with the same name + country (from any sources) merge: variants
//     are appended, and kind comes from the first (highest-precedence) source.
//   - Every folded form (a row's name or any of its variants) belongs to
//     exactly one row in the output.  Sources are processed in the order
//     above and the first claim wins; a later variant whose folded form is
//     already taken by another row is dropped (a "collision").  A variant that
//     folds to a form its own row already has is dropped silently (redundant).
//   - A later row whose NAME is already taken by another row: if it comes
//     from CLDR and the owner has the same country, it is merged into that
//     row as an alias (e.g. CLDR "Asunción" into places-world "Asuncion");
//     otherwise the whole row is dropped (a collision; for the hand-written
//     tables this is always reported, since it means a table error).
//
// Output (compact, deterministic, one row per line):
//   {"generatedBy":"scripts/gen-places.mjs","sources":[...],"places":[
//   ["Seoul","KR","city",["सोल","सियोल","सिओल"]],
//   ...
//   ]}
// each row [name, country, kind, variants[]], variants excluding the name
// itself; rows sorted by folded name, then name, country, kind; variants in
// source order (hand-written spellings first).

import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fold } from "./fold.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const IN_TSV = "src/data/places-in.tsv";
const WORLD_TSV = "src/data/places-world.tsv";
const DEFAULT_OUT = "src/data/places.json";
const CLDR_PACKAGES = ["cldr-dates-full", "cldr-localenames-full", "cldr-bcp47"];
const CLDR_MAJOR = "48";
const LOCALES = ["en", "hi"];
const KINDS = new Set(["city", "state", "country"]);
const NON_COUNTRY_CODES = new Set(["EU", "EZ", "UN", "QO", "XA", "XB", "ZZ", "AC", "CP", "CQ", "DG", "EA", "IC", "TA"]);
const SKIP_CITY_REGIONS = new Set(["AQ"]);

function usage() {
  return [
    "usage: node scripts/gen-places.mjs [--cldr DIR] [--out FILE] [--check] [--verbose]",
    "  --cldr DIR  folder whose node_modules holds " + CLDR_PACKAGES.join(", "),
    "              (default: resolve them from this project)",
    "  --out FILE  output (default: " + DEFAULT_OUT + ")",
    "  --check     exit 1 if FILE is not up to date; write nothing",
    "  --verbose   list every dropped collision",
  ].join("\n");
}

function parseArgs(argv) {
  const opts = { cldr: null, out: path.join(ROOT, DEFAULT_OUT), check: false, verbose: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const v = a.includes("=") ? a.slice(a.indexOf("=") + 1) : argv[++i];
      if (v === undefined || v === "") fail(`${a.split("=")[0]} needs a value\n${usage()}`);
      return v;
    };
    if (a === "--cldr" || a.startsWith("--cldr=")) opts.cldr = path.resolve(value());
    else if (a === "--out" || a.startsWith("--out=")) opts.out = path.resolve(value());
    else if (a === "--check") opts.check = true;
    else if (a === "--verbose" || a === "-v") opts.verbose = true;
    else if (a === "--help" || a === "-h") {
      console.log(usage());
      process.exit(0);
    } else fail(`unknown argument: ${a}\n${usage()}`);
  }
  return opts;
}

function fail(msg, code = 2) {
  console.error(`gen-places: ${msg}`);
  process.exit(code);
}

// ---------------------------------------------------------------- TSV input

function readTsv(rel) {
  const file = path.join(ROOT, rel);
  if (!existsSync(file)) fail(`missing ${rel}`);
  const lines = readFileSync(file, "utf8")
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  if (lines[0] !== "name\tcountry\tkind\tvariants") {
    fail(`${rel}:1: header must be "name<TAB>country<TAB>kind<TAB>variants"`);
  }
  const rows = [];
  const errors = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === "" || line.startsWith("#")) continue;
    const where = `${rel}:${i + 1}`;
    const f = line.split("\t");
    if (f.length < 3 || f.length > 4) {
      errors.push(`${where}: expected 4 tab-separated columns, got ${f.length}`);
      continue;
    }
    const [name, country, kind] = f.slice(0, 3).map((s) => s.trim());
    const variants = (f[3] ?? "")
      .split("|")
      .map((s) => s.trim())
      .filter(Boolean);
    if (!name || !fold(name)) errors.push(`${where}: empty name`);
    if (name.includes("|")) errors.push(`${where}: name contains '|'`);
    if (!/^[A-Z]{2}$/.test(country)) errors.push(`${where}: country must be two capital letters, got "${country}"`);
    if (!KINDS.has(kind)) errors.push(`${where}: kind must be city, state or country, got "${kind}"`);
    rows.push({ name, country, kind, variants, where });
  }
  if (errors.length) fail(`${rel} has errors:\n  ${errors.join("\n  ")}`);
  return rows;
}

// --------------------------------------------------------------- CLDR input

function locateCldr(dir) {
  const base = dir ?? ROOT;
  const req = createRequire(path.join(base, "__gen_places__.cjs"));
  const found = {};
  const missing = [];
  for (const name of CLDR_PACKAGES) {
    let pkgDir = null;
    try {
      pkgDir = path.dirname(req.resolve(`${name}/package.json`));
    } catch {
      const guess = path.join(base, "node_modules", name);
      if (existsSync(path.join(guess, "package.json"))) pkgDir = guess;
    }
    if (pkgDir) found[name] = pkgDir;
    else missing.push(name);
  }
  if (missing.length) {
    const target = dir ?? "/tmp/cldr";
    fail(
      [
        `CLDR data not found (${missing.join(", ")}) ${dir ? `under ${dir}` : "in this project"}.`,
        "These packages are not project dependencies; install them on the side, without saving, e.g.:",
        `  npm install --no-save --prefix ${target} ${CLDR_PACKAGES.map((p) => `${p}@${CLDR_MAJOR}`).join(" ")}`,
        "then run:",
        `  npm run gen:places -- --cldr ${target}`,
      ].join("\n"),
    );
  }
  return found;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    fail(`cannot read ${file}: ${e.message}`);
  }
}

function pkgVersion(dir) {
  return readJson(path.join(dir, "package.json")).version;
}

function dig(obj, keys) {
  return keys.reduce((o, k) => (o && typeof o === "object" ? o[k] : undefined), obj);
}

function loadCldr(dirs) {
  const territories = {};
  const zones = {};
  for (const loc of LOCALES) {
    territories[loc] = dig(readJson(path.join(dirs["cldr-localenames-full"], "main", loc, "territories.json")), [
      "main",
      loc,
      "localeDisplayNames",
      "territories",
    ]);
    zones[loc] = dig(readJson(path.join(dirs["cldr-dates-full"], "main", loc, "timeZoneNames.json")), [
      "main",
      loc,
      "dates",
      "timeZoneNames",
      "zone",
    ]);
    if (!territories[loc] || !zones[loc]) fail(`unexpected CLDR layout for locale ${loc}`);
  }
  const tz = dig(readJson(path.join(dirs["cldr-bcp47"], "bcp47", "timezone.json")), ["keyword", "u", "tz"]);
  if (!tz) fail("unexpected layout of cldr-bcp47/bcp47/timezone.json");
  const versions = Object.fromEntries(CLDR_PACKAGES.map((p) => [p, pkgVersion(dirs[p])]));
  for (const [p, v] of Object.entries(versions)) {
    if (!String(v).startsWith(CLDR_MAJOR + "."))
      console.warn(`gen-places: warning: ${p}@${v} is not CLDR ${CLDR_MAJOR}; output may differ`);
  }
  return { territories, zones, tz, versions };
}

function countryCodes(enTerritories) {
  return Object.keys(enTerritories)
    .filter((k) => /^[A-Z]{2}$/.test(k) && !NON_COUNTRY_CODES.has(k))
    .sort();
}

function cldrCountryRows(cldr, codes) {
  const en = cldr.territories.en;
  const hi = cldr.territories.hi;
  const rows = [];
  for (const code of codes) {
    const alts = (t) =>
      Object.keys(t)
        .filter((k) => k.startsWith(code + "-alt-"))
        .sort()
        .map((k) => t[k]);
    const variants = [hi[code], ...alts(en), ...alts(hi)].filter((v) => typeof v === "string" && fold(v).length > 2);
    rows.push({ name: en[code], country: code, kind: "country", variants, where: `CLDR territory ${code}` });
  }
  return rows;
}

function cldrCityRows(cldr, codes) {
  const valid = new Set(codes);
  const territoryForms = (code) =>
    new Set(
      Object.keys(cldr.territories.en)
        .filter((k) => k === code || k.startsWith(code + "-alt-"))
        .map((k) => fold(cldr.territories.en[k])),
    );
  const rows = [];
  const skipped = [];
  for (const key of Object.keys(cldr.tz).sort()) {
    const entry = cldr.tz[key];
    if (key.startsWith("_") || !entry || typeof entry !== "object") continue;
    if (entry._deprecated || !entry._alias) continue;
    const id = String(entry._alias).split(" ")[0];
    if (id.startsWith("Etc/")) continue;
    const region = String(entry._region ?? key.slice(0, 2)).toUpperCase();
    if (!valid.has(region) || SKIP_CITY_REGIONS.has(region)) continue;
    const path = id.split("/");
    const enCity = dig(cldr.zones.en, path)?.exemplarCity ?? path[path.length - 1].replace(/_/g, " ");
    const hiCity = dig(cldr.zones.hi, path)?.exemplarCity;
    if (territoryForms(region).has(fold(enCity))) {
      skipped.push(`${id} "${enCity}" (${region})`);
      continue;
    }
    rows.push({
      name: enCity,
      country: region,
      kind: "city",
      variants: hiCity ? [hiCity] : [],
      where: `CLDR zone ${id}`,
    });
  }
  return { rows, skipped };
}

// ------------------------------------------------------------------- merge

function build(sources) {
  const rows = new Map(); // "name\tcountry" -> row
  const owner = new Map(); // folded form -> row key
  const collisions = [];
  const merges = [];
  const keyOf = (name, country) => `${name}\t${country}`;

  const claimVariant = (row, v, src, where) => {
    const f = fold(v);
    if (!f) return;
    const o = owner.get(f);
    if (o === undefined) {
      owner.set(f, row.key);
      row.variants.push(v);
    } else if (o !== row.key) {
      const other = rows.get(o);
      collisions.push(
        `${src}: variant "${v}" of ${row.name}/${row.country} (${where}) dropped: already ${other.name}/${other.country} ${other.kind}`,
      );
    }
  };

  for (const { label, rows: input, cldr } of sources) {
    for (const r of input) {
      const key = keyOf(r.name, r.country);
      let row = rows.get(key);
      let extra = [];
      if (!row) {
        const f = fold(r.name);
        const o = owner.get(f);
        if (o !== undefined) {
          const other = rows.get(o);
          if (cldr && other.country === r.country) {
            row = other;
            extra = [r.name];
            merges.push(`${label}: ${r.name}/${r.country} (${r.where}) merged into ${other.name}/${other.country}`);
          } else {
            collisions.push(
              `${label}: row ${r.name}/${r.country} ${r.kind} (${r.where}) dropped: "${r.name}" is already ${other.name}/${other.country} ${other.kind}`,
            );
            if (!cldr)
              console.warn(
                `gen-places: warning: ${r.where}: "${r.name}" is already a form of ${other.name}/${other.country}; row dropped`,
              );
            continue;
          }
        } else {
          row = { key, name: r.name, country: r.country, kind: r.kind, variants: [] };
          rows.set(key, row);
          owner.set(f, key);
        }
      } else if (!cldr && row.source === label) {
        console.warn(`gen-places: warning: ${r.where}: ${r.name}/${r.country} repeated in ${label}; variants merged`);
      }
      row.source ??= label;
      for (const v of [...extra, ...r.variants]) claimVariant(row, v, label, r.where);
    }
  }

  const out = [...rows.values()].map((r) => [r.name, r.country, r.kind, r.variants]);
  const cmp = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  out.sort((a, b) => cmp(fold(a[0]), fold(b[0])) || cmp(a[0], b[0]) || cmp(a[1], b[1]) || cmp(a[2], b[2]));
  return { places: out, collisions, merges };
}

function serialize(sourcesMeta, places) {
  return (
    '{"generatedBy":"scripts/gen-places.mjs","sources":' +
    JSON.stringify(sourcesMeta) +
    ',"places":[\n' +
    places.map((p) => JSON.stringify(p)).join(",\n") +
    "\n]}\n"
  );
}

// -------------------------------------------------------------------- main

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const inRows = readTsv(IN_TSV);
  const worldRows = readTsv(WORLD_TSV);
  for (const r of inRows) if (r.country !== "IN") fail(`${r.where}: places-in.tsv rows must have country IN`);

  const cldr = loadCldr(locateCldr(opts.cldr));
  const codes = countryCodes(cldr.territories.en);
  const cities = cldrCityRows(cldr, codes);
  const countries = cldrCountryRows(cldr, codes);

  const sources = [
    { label: IN_TSV, rows: inRows, cldr: false },
    { label: WORLD_TSV, rows: worldRows, cldr: false },
    { label: "CLDR cities", rows: cities.rows, cldr: true },
    { label: "CLDR countries", rows: countries, cldr: true },
  ];
  const { places, collisions, merges } = build(sources);

  const v = cldr.versions;
  const meta = [
    IN_TSV,
    WORLD_TSV,
    `cldr-dates-full@${v["cldr-dates-full"]} main/{en,hi}/timeZoneNames.json exemplarCity`,
    `cldr-bcp47@${v["cldr-bcp47"]} bcp47/timezone.json (zone -> region)`,
    `cldr-localenames-full@${v["cldr-localenames-full"]} main/{en,hi}/territories.json`,
  ];
  const text = serialize(meta, places);
  const rel = path.relative(ROOT, opts.out) || opts.out;

  const byKind = {};
  for (const p of places) byKind[p[2]] = (byKind[p[2]] ?? 0) + 1;
  console.log(
    `gen-places: input rows: ${IN_TSV} ${inRows.length}, ${WORLD_TSV} ${worldRows.length}, ` +
      `CLDR cities ${cities.rows.length} (${cities.skipped.length} named after their country skipped), CLDR countries ${countries.length}`,
  );
  console.log(
    `gen-places: ${places.length} places (${Object.entries(byKind)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}), ` +
      `${places.reduce((n, p) => n + p[3].length, 0)} variants, ${merges.length} CLDR rows merged by name, ` +
      `${collisions.length} collisions dropped${opts.verbose || !collisions.length ? "" : " (--verbose lists them)"}`,
  );
  if (opts.verbose) {
    for (const s of cities.skipped) console.log(`  skipped CLDR city ${s}`);
    for (const m of merges) console.log(`  merged  ${m}`);
    for (const c of collisions) console.log(`  dropped ${c}`);
  }

  if (opts.check) {
    const current = existsSync(opts.out) ? readFileSync(opts.out, "utf8") : null;
    if (current !== text) fail(`${rel} is out of date; run npm run gen:places`, 1);
    console.log(`gen-places: ${rel} is up to date`);
    return;
  }
  writeFileSync(opts.out, text);
  console.log(`gen-places: wrote ${rel} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KB)`);
}

main();
