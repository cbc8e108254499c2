/**
 * The story as a person reads it in a terminal: a header, the dateline with what it means,
 * the headline, numbered paragraphs wrapped to the width with quotes highlighted and their
 * speakers shown, reported-speech cues marked, the sign-off with its codes, then diagnostics
 * with line:column. Everything taken from the input goes through `escapeControls` first.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Story } from "../story.js";
import { escapeControls, wrap, type Run } from "./terminal.js";
import { escapeForTerminal } from "../text/escape.js";

export interface PrettyOptions {
  color: boolean;
  width: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function renderPretty(story: Story, options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 160));
  const out: string[] = [];
  const e = escapeControls;

  // Header: where the story comes from.
  const src = story.source;
  const where = [src.path ?? "(text)", src.count > 1 ? `story ${src.index} of ${src.count}` : "", story.language, story.agency ? story.agency.code ?? story.agency.text : ""]
    .filter(Boolean)
    .map((s) => escapeForTerminal(s))
    .join(" · ");
  out.push(c.dim(`── ${where} ${"─".repeat(Math.max(3, width - where.length - 4))}`.slice(0, Math.max(width, 10))));

  if (story.headline) out.push(...wrap([{ text: e(story.headline.text), style: c.bold }], width, ""));
  if (story.byline) out.push(...wrap([{ text: e(story.byline.text), style: c.italic }], width, ""));
  const d = story.dateline;
  if (d) {
    const places = d.places.map((p) => (p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${p.text} (unknown place)`));
    const date = d.date
      ? d.date.iso ?? [d.date.day, d.date.month ? MONTHS[d.date.month - 1] : null].filter((x) => x !== null).join(" ") + (d.date.year ? ` ${d.date.year}` : " (year unknown)")
      : null;
    const meaning = [places.join(" / "), date, d.agency ? d.agency.code ?? d.agency.text : null].filter(Boolean).join(" · ");
    out.push(...wrap([{ text: e(d.text), style: c.cyan.bold }, { text: "  → " + e(meaning), style: c.cyan }], width, "  "));
  } else out.push(c.yellow("(no dateline)"));
  out.push("");

  // Paragraphs, numbered, with quotes and cues highlighted.
  const n = story.paragraphs.length;
  const numWidth = String(n).length;
  story.paragraphs.forEach((p, i) => {
    const num = String(i + 1).padStart(numWidth);
    const mark = p.break === "inferred" ? c.yellow("↵") : " ";
    const first = `${c.dim(num)}${mark}│ `;
    const indent = `${" ".repeat(numWidth)} │ `;
    out.push(...wrap(paragraphRuns(story, i, c), width, indent.replace("│", c.dim("│")), first.replace("│", c.dim("│"))));
  });
  out.push("");

  if (story.signoff) {
    const codes = story.signoff.codes.map((k) => (k.latin && k.latin !== k.text ? `${k.text}=${k.latin}` : k.text)).join(" ");
    const agency = story.signoff.agency ? story.signoff.agency.code ?? story.signoff.agency.text : "";
    out.push(c.magenta(`${e(story.signoff.text).replace(/\r?\n|\r/gu, " ⏎ ")}`) + c.dim(`  → ${[agency, codes].filter(Boolean).join(" · ") || "end mark"}`));
  } else out.push(c.dim("(no sign-off)"));

  if (story.quotes.length) {
    out.push("", c.bold("Quotes"));
    story.quotes.forEach((q, k) => {
      const who = q.speaker ? e(q.speaker.name ?? q.speaker.text) + (q.via ? ` via ${e(q.via.name ?? q.via.text)}` : "") : "?";
      const head = `${String(k + 1).padStart(3)}. ${q.kind.padEnd(12)} ¶${q.paragraph}  ${who}${q.cue ? c.dim(` · ${e(q.cue.text)}`) : ""}${q.closed ? "" : c.yellow(" (not closed)")}`;
      out.push(head);
    });
  }
  if (story.attributions.length) {
    out.push("", c.bold("Reported speech"));
    for (const a of story.attributions) {
      out.push(`     ${a.kind.padEnd(12)} ¶${a.paragraph}  ${e(a.source.text)}${a.source.name ? ` (${a.source.name})` : ""}${c.dim(` · ${e(a.cue.text)}`)}`);
    }
  }
  if (story.diagnostics.length) {
    out.push("", c.bold("Diagnostics"));
    for (const g of story.diagnostics) {
      const paint = g.severity === "error" ? c.red : g.severity === "warning" ? c.yellow : c.dim;
      const head = `  ${`${g.line}:${g.column}`.padStart(8)}  `;
      out.push(
        ...wrap(
          [{ text: g.severity.padEnd(8), style: paint, keep: true }, { text: e(g.message), style: (x) => x }, { text: ` [${g.code}]`, style: c.dim, keep: true }],
          width,
          " ".repeat(head.length + 9),
          head,
        ),
      );
    }
  }
  return out.join("\n") + "\n\n";
}

type Style = "plain" | "quote" | "cue" | "source";

/** The paragraph's text as styled runs, with a speaker label after each quote. */
function paragraphRuns(story: Story, i: number, c: ChalkInstance): Run[] {
  const p = story.paragraphs[i]!;
  const text = p.text;
  const cps = Array.from(text);
  // Offsets in code points from the paragraph's start; when markup was removed the text is
  // shorter than the span, and quotes are found by their text instead.
  const exact = cps.length === p.span.end - p.span.start;
  const locate = (start: number, end: number, t: string): [number, number] | null => {
    if (exact) return [start - p.span.start, end - p.span.start];
    const k = cps.join("").indexOf(t);
    return k < 0 ? null : [Array.from(text.slice(0, k)).length, Array.from(text.slice(0, k)).length + Array.from(t).length];
  };
  const styles: Style[] = new Array(cps.length).fill("plain");
  const labels = new Map<number, string>();
  for (const a of story.attributions) {
    if (a.paragraph !== i + 1) continue;
    const r = locate(a.cue.span.start, a.cue.span.end, a.cue.text);
    if (r) for (let k = r[0]; k < r[1]; k++) styles[k] = "cue";
  }
  for (const q of story.quotes) {
    if (q.paragraph !== i + 1) continue;
    const r = locate(q.span.start, q.span.end, q.text);
    if (!r) continue;
    for (let k = r[0]; k < r[1]; k++) styles[k] = "quote";
    if (q.cue) {
      const cr = locate(q.cue.span.start, q.cue.span.end, q.cue.text);
      if (cr) for (let k = cr[0]; k < cr[1]; k++) if (styles[k] === "plain") styles[k] = "cue";
    }
    if (q.kind !== "partial" || q.speaker) {
      const who = q.speaker ? q.speaker.name ?? q.speaker.text : "?";
      const label = `⟨${who}${q.via ? ` via ${q.via.name ?? q.via.text}` : ""}⟩`;
      // After the closing mark when there is one.
      let at = r[1];
      if (at < cps.length && /["”’'»]/u.test(cps[at]!)) at++;
      while (at < cps.length && /[,.;:!?।॥)]/u.test(cps[at]!)) at++;
      labels.set(at, (labels.get(at) ?? "") + label);
    }
  }
  const styleOf: Record<Style, (s: string) => string> = { plain: (s) => s, quote: c.green, cue: c.magenta.underline, source: c.bold };
  const runs: Run[] = [];
  let k = 0;
  while (k <= cps.length) {
    const label = labels.get(k);
    if (label) runs.push({ text: " " + escapeControls(label) + " ", style: c.dim.cyan, keep: true });
    if (k === cps.length) break;
    let j = k + 1;
    while (j < cps.length && styles[j] === styles[k] && !labels.has(j)) j++;
    runs.push({ text: escapeControls(cps.slice(k, j).join("")), style: styleOf[styles[k]!] });
    k = j;
  }
  return runs;
}
