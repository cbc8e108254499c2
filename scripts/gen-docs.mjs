#!/usr/bin/env node
// Writes the generated part of docs/diagnostics.md from the diagnostics table
// (src/data/diagnostics.ts, read from the build): `npm run docs` after `npm run build`.
// test/docs.test.ts fails when the file and the table differ.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

export const MARKER =
  "<!-- Generated from src/data/diagnostics.ts by `npm run docs` from here on: edit the table, not this file. -->";

/** The generated part: a summary table, then each code with an example and what to do. */
export function renderDiagnostics(rows) {
  const cell = (s) => s.replace(/\|/gu, "\\|");
  const sev = (d) => (d.also ? `${d.severity} (${d.also.severity} when ${d.also.when})` : d.severity);
  const out = ["| code | severity | when |", "|---|---|---|"];
  for (const d of rows) out.push(`| \`${d.code}\` | ${cell(sev(d))} | ${cell(d.meaning)} |`);
  out.push("", "## Each code", "");
  for (const d of rows) {
    out.push(`### \`${d.code}\``, "", `${sev(d)}: ${d.meaning}.`, "");
    if (d.example) out.push(`- Example: ${d.example}`);
    if (d.action) out.push(`- What to do: ${d.action}`);
    if (d.example || d.action) out.push("");
  }
  return out.join("\n");
}

/** The whole file: the hand-written part above the marker, the generated part below. */
export function diagnosticsDoc(current, rows) {
  const k = current.indexOf(MARKER);
  const head = (k >= 0 ? current.slice(0, k) : current).trimEnd();
  return `${head}\n\n${MARKER}\n\n${renderDiagnostics(rows)}`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const { DIAGNOSTICS } = await import(pathToFileURL(`${root}dist/data/diagnostics.js`).href);
  const path = `${root}docs/diagnostics.md`;
  writeFileSync(path, diagnosticsDoc(readFileSync(path, "utf8"), DIAGNOSTICS));
  console.log(`${path}: ${DIAGNOSTICS.length} codes`);
}
