/**
 * Diagnostics are data, never exceptions; every code is a row of `data/diagnostics.ts`.
 * Stages report `Finding`s with UTF-16 offsets
 * `[start, end)` into the decoded text; the story assembler turns them into the public
 * `Diagnostic` (code points, line, column). `formatDiagnostic` prints the stderr form
 * `path:line:column: severity: message [code]`.
 */
import type { Diagnostic, Severity } from "./story.js";
import type { Positions } from "./text/positions.js";
import { escapeForTerminal } from "./text/escape.js";
import { CODES, type Code, type SeverityOf } from "./data/diagnostics.js";

export { CODES, DIAGNOSTICS, diagnosticInfo, type Code } from "./data/diagnostics.js";

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the decoded text. */
  start: number;
  end: number;
}

/**
 * A finding of `code` at `[start, end)`, with the code's severity from the table
 * (`data/diagnostics.ts`), or the other severity the table allows it.
 */
export function finding<C extends Code>(
  code: C,
  message: string,
  start: number,
  end: number,
  severity?: SeverityOf<C>,
): Finding {
  return { code, severity: severity ?? CODES[code], message, start, end };
}

/**
 * `path:line:column: severity: message [code]`, one line whatever the path and the copy quoted
 * in the message hold (control characters, newlines and bidi marks are escaped). `column`
 * defaults to the record's (code points); the command line passes UTF-8 byte columns.
 */
export function formatDiagnostic(path: string, d: Diagnostic, column: number = d.column): string {
  return escapeForTerminal(`${path}:${d.line}:${column}: ${d.severity}: ${d.message} [${d.code}]`);
}

/** Diagnostics of one code shown per story before the rest are counted in one. */
export const SHOWN_PER_CODE = 10;

/**
 * Findings in input order with, for each code, the first `SHOWN_PER_CODE` kept and the rest
 * counted in one finding of the same code spanning them all: the diagnostics of any input stay
 * proportional to its stories, not to its characters (a megabyte of stray quote marks or CRs).
 */
export function capFindings(findings: Finding[], shown = SHOWN_PER_CODE): Finding[] {
  const sorted = findings.slice().sort((a, b) => a.start - b.start || a.end - b.end);
  const seen = new Map<Code, number>();
  const rest = new Map<Code, { count: number; start: number; end: number; severity: Severity }>();
  const out: Finding[] = [];
  for (const f of sorted) {
    const n = (seen.get(f.code) ?? 0) + 1;
    seen.set(f.code, n);
    if (n <= shown) {
      out.push(f);
      continue;
    }
    const r = rest.get(f.code);
    if (r) {
      r.count++;
      r.end = Math.max(r.end, f.end);
    } else rest.set(f.code, { count: 1, start: f.start, end: f.end, severity: f.severity });
  }
  if (rest.size === 0) return out;
  for (const [code, r] of rest) {
    out.push({
      code,
      severity: r.severity,
      message: `${r.count} more like this from here on, counted here rather than shown one by one`,
      start: r.start,
      end: r.end,
    });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when `d` is at least as severe as `floor`. */
export function atLeast(d: { severity: Severity }, floor: Severity): boolean {
  return RANK[d.severity] <= RANK[floor];
}

/** Findings as the record's diagnostics: capped per code, in input order, in code points. */
export function toDiagnostics(pos: Positions, findings: Finding[]): Diagnostic[] {
  return capFindings(findings).map((f) => ({
    code: f.code,
    severity: f.severity,
    message: f.message,
    span: { start: pos.cp(f.start), end: pos.cp(f.end) },
    line: pos.line(f.start),
    column: pos.column(f.start),
  }));
}
