/**
 * `wire explain [CODE]`: what a diagnostic code means, an input that gives it, and what to do,
 * read from the diagnostics table (`src/data/diagnostics.ts`, the source of docs/diagnostics.md).
 * Without a code: every code, one line each.
 */
import { Command, Option } from "commander";
import { DIAGNOSTICS, diagnosticInfo, type DiagnosticInfo } from "../data/diagnostics.js";
import { wrap } from "../render/terminal.js";
import type { Io } from "./io.js";

/** Every code `wire explain` knows, in table order (for completions). */
export const EXPLAIN_CODES: string[] = DIAGNOSTICS.map((d) => d.code);

export function explainCommand(program: Command, io: Io, done: (code: number) => void): Command {
  return new Command("explain")
    .copyInheritedSettings(program)
    .description("what a diagnostic code means, an example, and what to do; without a code, every code")
    .argument("[code]", "a diagnostic code, as printed in [brackets] after a diagnostic")
    .addOption(
      new Option("-f, --format <format>", "text, or json (the table's row)").choices(["text", "json"]).default("text"),
    )
    .action((code: string | undefined, opts: { format: "text" | "json" }) => {
      done(explain(code, opts.format, io));
    });
}

function explain(code: string | undefined, format: "text" | "json", io: Io): number {
  const width = Math.max(40, Math.min(io.stdout.columns ?? (Number(io.env?.COLUMNS) || 80), 100));
  const rows = DIAGNOSTICS as readonly DiagnosticInfo[];
  if (code === undefined) {
    if (format === "json") io.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    else {
      const w = Math.max(...rows.map((r) => r.code.length));
      for (const r of rows)
        io.stdout.write(
          wrap(
            [{ text: r.meaning, style: (s) => s }],
            width,
            " ".repeat(w + 11),
            `${r.code.padEnd(w)}  ${r.severity.padEnd(7)}  `,
          ).join("\n") + "\n",
        );
    }
    return 0;
  }
  const info = diagnosticInfo(code.replace(/^\[|\]$/gu, ""));
  if (!info) {
    const near = closest(
      code,
      rows.map((r) => r.code),
    );
    io.stderr.write(
      `wire: no diagnostic code '${code}'${near ? `; did you mean '${near}'?` : ""} (wire explain lists them all)\n`,
    );
    return 2;
  }
  if (format === "json") {
    io.stdout.write(JSON.stringify(info, null, 2) + "\n");
    return 0;
  }
  const para = (text: string) => wrap([{ text: text, style: (s) => s }], width, "  ", "  ");
  const title = `${info.code} (${info.severity}${info.also ? `; ${info.also.severity} when ${info.also.when}` : ""})`;
  const out = [...wrap([{ text: title, style: (s) => s }], width, "  ", ""), ...para(info.meaning)];
  if (info.example) out.push("", "Example:", ...para(info.example));
  if (info.action) out.push("", "What to do:", ...para(info.action));
  io.stdout.write(out.join("\n") + "\n");
  return 0;
}

/** The code nearest to a mistyped one (edit distance at most a third of its length). */
function closest(s: string, codes: string[]): string | null {
  let best: string | null = null;
  let bestD = Math.max(2, Math.floor(s.length / 3)) + 1;
  for (const c of codes) {
    const d = distance(s.toLowerCase(), c);
    if (d < bestD) {
      best = c;
      bestD = d;
    }
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}
