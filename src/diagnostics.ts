/**
 * Diagnostics are data, never exceptions. Stages report `Finding`s with UTF-16 offsets
 * `[start, end)` into the decoded text; the story assembler turns them into the public
 * `Diagnostic` (code points, line, column). `formatDiagnostic` prints the stderr form
 * `path:line:column: severity: message [code]`.
 */
import type { Diagnostic, Severity } from "./story.js";

/** Every code the parser emits, with its severity. */
export const CODES = {
  "missing-dateline": "warning",
  "missing-signoff": "info",
  "unbalanced-quote": "warning",
  "glued-paragraph": "info",
  "year-inferred": "info",
  "unknown-place": "info",
  "place-spelling": "info",
  "invalid-date": "warning",
  "invalid-encoding": "error",
  "binary-input": "error",
  "empty-input": "warning",
  "read-error": "error",
  "markup-removed": "info",
  "publisher-trailer": "info",
  "desk-slug": "info",
  "legacy-font-encoding": "warning",
} as const satisfies Record<string, Severity>;

export type Code = keyof typeof CODES;

export interface Finding {
  code: Code;
  severity: Severity;
  message: string;
  /** UTF-16 offsets into the decoded text. */
  start: number;
  end: number;
}

export function finding(code: Code, message: string, start: number, end: number): Finding {
  return { code, severity: CODES[code], message, start, end };
}

/** `path:line:column: severity: message [code]` */
export function formatDiagnostic(path: string, d: Diagnostic): string {
  return `${path}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** True when `d` is at least as severe as `floor`. */
export function atLeast(d: { severity: Severity }, floor: Severity): boolean {
  return RANK[d.severity] <= RANK[floor];
}
