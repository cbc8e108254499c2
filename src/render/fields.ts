/**
 * Chosen fields of a record, for spreadsheets and Miller (`-f tsv`, `-f csv`) and for a slim
 * `-f ndjson --fields`. A field is a named column (`place`, `signoff_codes` ...) or a path into
 * the record: `dateline.places[0].name`, `quotes[].speaker.name` (`[]`: every element).
 *
 * In a cell, an array becomes its elements joined by `; ` (objects as compact JSON), an object
 * its compact JSON, null an empty cell. CSV follows RFC 4180 (csv-stringify; CRLF line ends,
 * quotes where needed); TSV writes tab, newline, carriage return and backslash as `\t`, `\n`,
 * `\r`, `\\`. A cell starting with `=`, `+`, `-` or `@` gets a leading `'` so that no
 * spreadsheet runs it as a formula.
 */
import { stringify } from "csv-stringify/sync";
import type { Story } from "../story.js";

/** The columns a table gets without `--fields`. */
export const DEFAULT_FIELDS = [
  "path",
  "index",
  "language",
  "agency",
  "place",
  "country",
  "date",
  "headline",
  "paragraphs",
  "quotes",
  "signoff_codes",
];

/** Named columns: short names for what people ask of a story most. */
export const NAMED_FIELDS: Record<string, { about: string; get: (s: Story) => unknown }> = {
  path: { about: "source.path", get: (s) => s.source.path },
  index: { about: "source.index: the story's number in its input", get: (s) => s.source.index },
  language: { about: "language", get: (s) => s.language },
  agency: {
    about: "the agency's code, else its tag as written",
    get: (s) => (s.agency ? (s.agency.code ?? s.agency.text) : null),
  },
  dateline: { about: "dateline.text", get: (s) => s.dateline?.text ?? null },
  place: {
    about: "the first dateline place: its name, else as written",
    get: (s) => first(s)?.name ?? first(s)?.text ?? null,
  },
  places: {
    about: "every dateline place: name, else as written",
    get: (s) => s.dateline?.places.map((p) => p.name ?? p.text) ?? [],
  },
  country: { about: "the first dateline place's country (ISO 3166-1 alpha-2)", get: (s) => first(s)?.country ?? null },
  date: {
    about: "dateline.date.iso, else the date as written",
    get: (s) => s.dateline?.date?.iso ?? s.dateline?.date?.text ?? null,
  },
  headline: { about: "headline.text", get: (s) => s.headline?.text ?? null },
  byline: { about: "byline.text", get: (s) => s.byline?.text ?? null },
  paragraphs: { about: "the number of paragraphs", get: (s) => s.paragraphs.length },
  body: {
    about: "the paragraphs' text, a blank line between",
    get: (s) => s.paragraphs.map((p) => p.text).join("\n\n"),
  },
  quotes: { about: "the number of quotes", get: (s) => s.quotes.length },
  speakers: {
    about: "every quote's speaker: name, else as written",
    get: (s) => s.quotes.flatMap((q) => (q.speaker ? [q.speaker.name ?? q.speaker.text] : [])),
  },
  signoff: { about: "signoff.text", get: (s) => s.signoff?.text ?? null },
  signoff_codes: {
    about: "the sign-off's desk codes in Latin letters, else as written",
    get: (s) => s.signoff?.codes.map((c) => c.latin ?? c.text) ?? [],
  },
  diagnostics: { about: "the diagnostic codes", get: (s) => s.diagnostics.map((d) => d.code) },
};

const first = (s: Story) => s.dateline?.places[0];

const PATH = /^[A-Za-z_]\w*(?:\.[A-Za-z_]\w*|\[\d+\]|\[\])*$/u;
const TOP = new Set([
  "schema",
  "source",
  "language",
  "agency",
  "headline",
  "dateline",
  "byline",
  "headerLines",
  "paragraphs",
  "quotes",
  "attributions",
  "signoff",
  "diagnostics",
]);

/** The fields of a `--fields` list; throws a one-line message for an unknown name or a bad path. */
export function parseFields(list: string): string[] {
  const fields = list
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean);
  if (!fields.length) throw new Error("no field named.");
  for (const f of fields) {
    if (!PATH.test(f)) throw new Error(`'${f}' is not a field path (write it like dateline.places[0].name).`);
    const head = f.match(/^[A-Za-z_]\w*/u)![0];
    if (!(f === head && f in NAMED_FIELDS) && !TOP.has(head)) {
      throw new Error(
        `unknown field '${head}'; named fields: ${Object.keys(NAMED_FIELDS).join(", ")}; or a path into the record.`,
      );
    }
  }
  return fields;
}

/** The value of a field: a named column, or a path into the record (`[]` maps over an array). */
export function fieldValue(story: Story, field: string): unknown {
  const named = NAMED_FIELDS[field];
  if (named) return named.get(story);
  const steps = field.match(/[A-Za-z_]\w*|\[\d+\]|\[\]/gu)!;
  let values: unknown[] = [story];
  let many = false;
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of values) {
      if (v === null || v === undefined) continue;
      if (step === "[]") {
        many = true;
        if (Array.isArray(v)) next.push(...v);
      } else if (step.startsWith("[")) {
        next.push(Array.isArray(v) ? v[Number(step.slice(1, -1))] : undefined);
      } else next.push(typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>)[step] : undefined);
    }
    values = next;
  }
  return many ? values.filter((v) => v !== undefined) : (values[0] ?? null);
}

/** The text of one cell. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return "";
  if (Array.isArray(v))
    return v.map((x) => (x !== null && typeof x === "object" ? JSON.stringify(x) : String(x ?? ""))).join("; ");
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** A leading `'` before `=`, `+`, `-`, `@` (and tab, CR), so a spreadsheet shows the text instead of running it. */
export function neutralise(cell: string): string {
  return /^[=+\-@\t\r]/u.test(cell) ? `'${cell}` : cell;
}

function tsvCell(cell: string): string {
  return cell.replace(/[\\\t\n\r]/gu, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

function row(cells: string[], format: "tsv" | "csv"): string {
  const safe = cells.map(neutralise);
  if (format === "tsv") return safe.map(tsvCell).join("\t") + "\n";
  return stringify([safe], { record_delimiter: "windows", quoted_match: /[\r\n]/u });
}

/** The header row of a table. */
export function tableHeader(fields: string[], format: "tsv" | "csv"): string {
  return row(fields, format);
}

/** One story as a table row. */
export function tableRow(story: Story, fields: string[], format: "tsv" | "csv"): string {
  return row(
    fields.map((f) => cellText(fieldValue(story, f))),
    format,
  );
}

/** One story as a JSON line of the chosen fields, keyed as they were written. */
export function fieldsLine(story: Story, fields: string[]): string {
  const o: Record<string, unknown> = {};
  for (const f of fields) o[f] = fieldValue(story, f) ?? null;
  return JSON.stringify(o) + "\n";
}
