/**
 * The story as a person reads it in a terminal: a header, the dateline with what it means,
 * the headline, numbered paragraphs wrapped to the width with quotes highlighted and their
 * speakers shown, reported-speech cues marked, the sign-off with its codes, then the quotes,
 * reported speech and diagnostics as aligned, wrapped lists. Everything taken from the input
 * goes through `escapeControls` first.
 *
 * Colours are chosen to read on dark and light themes alike (no yellow, no bright cyan), and
 * meaning never rests on colour alone: cues are underlined, inferred breaks carry `↵`, quotes
 * carry their marks and a `⟨speaker⟩` label.
 */
import { Chalk, type ChalkInstance } from "chalk";
import type { Person, Story } from "../story.js";
import { clusters, escapeControls, widthOf, wrap, type Run } from "./terminal.js";
import { escapeForTerminal } from "../text/escape.js";

export interface PrettyOptions {
  color: boolean;
  width: number;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** Copy shown on one line (a header, a list entry): controls escaped, line breaks spelt `⏎`. */
function oneLine(s: string): string {
  return escapeControls(s).replace(/\r\n|\r|\n/gu, " ⏎ ");
}

/** A person as written, with the name it stands for when that says more (`केसीएनए → KCNA`). */
function personOf(p: Person): string {
  if (!p.name || p.name === p.text || p.text.includes(p.name)) return oneLine(p.text);
  return `${oneLine(p.text)} → ${oneLine(p.name)}`;
}

/** The first line's worth of `s`, cut between clusters with `…` when it is longer. */
function cut(s: string, columns: number): string {
  const flat = oneLine(s.replace(/\s+/gu, " ").trim());
  if (widthOf(flat) <= columns) return flat;
  let out = "";
  let w = 0;
  for (const g of clusters(flat)) {
    const gw = widthOf(g);
    if (w + gw > columns - 1) break;
    out += g;
    w += gw;
  }
  return out.trimEnd() + "…";
}

export function renderPretty(story: Story, options: PrettyOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const width = Math.max(40, Math.min(options.width, 160));
  const out: string[] = [];
  const e = escapeControls;

  // Header: where the story comes from.
  const src = story.source;
  const where = [
    src.path ?? "(text)",
    src.count > 1 ? `story ${src.index} of ${src.count}` : "",
    story.language,
    story.agency ? (story.agency.code ?? story.agency.text) : "",
  ]
    .filter(Boolean)
    .map((s) => escapeForTerminal(s))
    .join(" · ");
  const title = cut(where, width - 8);
  out.push(c.dim(`── ${title} ${"─".repeat(Math.max(3, width - widthOf(title) - 4))}`));

  if (story.headline) out.push(...wrap([{ text: e(story.headline.text), style: c.bold }], width, ""));
  if (story.byline) out.push(...wrap([{ text: e(story.byline.text), style: c.italic }], width, ""));
  // Lines above the dateline that are no paragraph: a deck, summary bullets, a page's line.
  for (const h of story.headerLines ?? []) out.push(...wrap([{ text: e(oneLine(h.text)), style: c.dim }], width, "  "));
  if (story.slugline)
    out.push(
      ...wrap(
        [
          { text: "slug ", style: c.dim },
          { text: oneLine(story.slugline.text), style: (s) => s },
        ],
        width,
        "  ",
      ),
    );
  if (story.ednote)
    out.push(
      ...wrap(
        [
          { text: "note to editors ", style: c.dim },
          { text: oneLine(story.ednote.text), style: c.italic },
        ],
        width,
        "  ",
      ),
    );
  const d = story.dateline;
  if (d) {
    const places = d.places.map((p) =>
      p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${p.text} (unknown place)`,
    );
    const date = d.date
      ? (d.date.iso ??
        [d.date.day, d.date.month ? MONTHS[d.date.month - 1] : null].filter((x) => x !== null).join(" ") +
          (d.date.year ? ` ${d.date.year}` : " (year unknown)"))
      : null;
    const meaning = [places.join(" / "), date, d.agency ? (d.agency.code ?? d.agency.text) : null]
      .filter(Boolean)
      .join(" · ");
    out.push(
      ...wrap(
        [
          { text: e(d.text), style: c.bold },
          { text: "  → " + e(meaning), style: c.blue },
        ],
        width,
        "  ",
      ),
    );
  } else out.push(c.magenta("(no dateline)"));
  out.push("");

  // Paragraphs, numbered, with quotes and cues highlighted.
  const n = story.paragraphs.length;
  const numWidth = String(n).length;
  story.paragraphs.forEach((p, i) => {
    const num = String(i + 1).padStart(numWidth);
    const mark = p.break === "inferred" ? c.magenta("↵") : " ";
    const first = `${c.dim(num)}${mark}${c.dim("│")} `;
    const indent = `${" ".repeat(numWidth)} ${c.dim("│")} `;
    if (p.kind === "table") {
      // A table keeps its lines as they are (cut to the width, never wrapped).
      p.text.split(/\r\n|\r|\n/u).forEach((l, k) => {
        out.push((k === 0 ? first : indent) + cut(l, width - numWidth - 3));
      });
      return;
    }
    out.push(...wrap(paragraphRuns(story, i, c), width, indent, first));
  });
  out.push("");

  if (story.signoff) {
    const codes = story.signoff.codes
      .map((k) => (k.latin && k.latin !== k.text ? `${k.text}=${k.latin}` : k.text))
      .join(" ");
    const agency = story.signoff.agency ? (story.signoff.agency.code ?? story.signoff.agency.text) : "";
    out.push(
      ...wrap(
        [
          { text: oneLine(story.signoff.text), style: c.magenta },
          { text: `  → ${e([agency, codes].filter(Boolean).join(" · ") || "end mark")}`, style: c.dim },
        ],
        width,
        "  ",
        "",
      ),
    );
  } else out.push(c.dim("(no sign-off)"));

  // The lists: `  N. kind          ¶P   who · cue` then what was said, all aligned.
  // (`head`: a quote or report in a line above the dateline.)
  const inHead = story.quotes.some((q) => q.paragraph === 0) || story.attributions.some((a) => a.paragraph === 0);
  const paraWidth = Math.max(String(n).length + 1, inHead ? 4 : 0);
  const listHead = (k: number, count: number, kind: string, paragraph: number) =>
    `${String(k + 1).padStart(Math.max(3, String(count).length + 1))}. ${kind.padEnd(12)} ${(paragraph > 0 ? `¶${paragraph}` : "head").padEnd(paraWidth)}  `;

  const t = story.transmission;
  if (t) {
    out.push("", c.bold(`Transmission · ${t.format}`));
    const fields = Object.entries(t).filter(([, v]) => v && typeof v === "object" && "value" in v) as [
      string,
      { text: string; value: unknown },
    ][];
    const label = Math.max(...fields.map(([k]) => k.length), 5);
    for (const [k, v] of fields) {
      const meaning = v.value !== null && String(v.value) !== v.text ? c.dim(`  → ${oneLine(String(v.value))}`) : "";
      out.push(`  ${k.padEnd(label)}  ${cut(v.text || String(v.value ?? ""), width - label - 6)}${meaning}`);
    }
    for (const o of t.other) out.push(`  ${"other".padEnd(label)}  ${cut(o.text, width - label - 6)}`);
  }

  if (story.quotes.length) {
    out.push("", c.bold("Quotes"));
    story.quotes.forEach((q, k) => {
      const head = listHead(k, story.quotes.length, q.kind, q.paragraph);
      const indent = " ".repeat(widthOf(head));
      const runs: Run[] = [{ text: q.speaker ? personOf(q.speaker) : "?", style: c.bold }];
      if (q.via) runs.push({ text: ` via ${personOf(q.via)}`, style: (s) => s });
      if (q.cue) runs.push({ text: ` · ${oneLine(q.cue.text)}`, style: c.dim });
      if (!q.closed) runs.push({ text: " (not closed)", style: c.magenta, keep: true });
      out.push(...wrap(runs, width, indent, head));
      out.push(indent + c.green(`“${cut(q.text, width - indent.length - 2)}”`));
    });
  }
  if (story.attributions.length) {
    out.push("", c.bold("Reported speech"));
    story.attributions.forEach((a, k) => {
      const head = listHead(k, story.attributions.length, a.kind, a.paragraph);
      const runs: Run[] = [
        { text: personOf(a.source), style: c.bold },
        { text: ` · ${oneLine(a.cue.text)}`, style: c.dim },
      ];
      out.push(...wrap(runs, width, " ".repeat(widthOf(head)), head));
    });
  }
  if (story.diagnostics.length) {
    out.push("", c.bold("Diagnostics"));
    const posWidth = Math.max(...story.diagnostics.map((g) => `${g.line}:${g.column}`.length));
    for (const g of story.diagnostics) {
      const paint = g.severity === "error" ? c.red.bold : g.severity === "warning" ? c.magenta : c.dim;
      const head = `  ${`${g.line}:${g.column}`.padStart(posWidth)}  ${paint(g.severity.padEnd(7))}  `;
      out.push(
        ...wrap(
          [
            { text: oneLine(g.message), style: (x) => x },
            { text: ` [${g.code}]`, style: c.dim, keep: true },
          ],
          width,
          " ".repeat(widthOf(head)),
          head,
        ),
      );
    }
  }
  return out.join("\n") + "\n\n";
}

type Style = "plain" | "quote" | "cue";

// Closing marks and the punctuation that follows a quote: a label goes after all of them.
const AFTER_QUOTE = /["”’'»,.;:!?।॥)]/u;

/**
 * Where the parts of a paragraph stand in its `text`, in code points. The text equals the
 * span when no markup was removed; otherwise it is shorter, and a part is found by its text,
 * searching forward from the earliest place it can be (removed markup only moves text left),
 * so a quote said twice is marked where it stands. Linear in the paragraph overall.
 */
class Locator {
  private readonly exact: boolean;
  private readonly removed: number;
  /** UTF-16 index of each code point, and the code point at each UTF-16 index. */
  private readonly unitOf: number[] = [];
  private readonly cpOf: Int32Array;

  constructor(
    private readonly text: string,
    private readonly cps: number,
    private readonly spanStart: number,
    spanEnd: number,
  ) {
    this.exact = cps === spanEnd - spanStart;
    this.removed = spanEnd - spanStart - cps;
    this.cpOf = new Int32Array(this.exact ? 0 : text.length + 1);
    if (!this.exact) {
      let k = 0;
      for (let u = 0; u < text.length; k++) {
        this.unitOf.push(u);
        const step = text.codePointAt(u)! > 0xffff ? 2 : 1;
        for (let s = 0; s < step; s++) this.cpOf[u + s] = k;
        u += step;
      }
      this.unitOf.push(text.length);
      this.cpOf[text.length] = k;
    }
  }

  /** `[start, end)` in code points of the paragraph's text, or null when not found. */
  find(start: number, end: number, t: string): [number, number] | null {
    const rel = start - this.spanStart;
    if (this.exact) return [rel, end - this.spanStart];
    if (t === "") return null;
    const lo = Math.max(0, Math.min(this.cps, rel - this.removed));
    const hi = Math.max(0, Math.min(this.cps, rel));
    const from = this.unitOf[lo]!;
    const k = this.text.indexOf(t, from);
    if (k < 0 || this.cpOf[k]! > hi) return null;
    const s = this.cpOf[k]!;
    return [s, this.cpOf[k + t.length]!];
  }
}

/** The paragraph's text as styled runs, with a speaker label after each quote. */
function paragraphRuns(story: Story, i: number, c: ChalkInstance): Run[] {
  const p = story.paragraphs[i]!;
  const cps = Array.from(p.text);
  const loc = new Locator(p.text, cps.length, p.span.start, p.span.end);
  const styles: Style[] = new Array(cps.length).fill("plain");
  const labels = new Map<number, string>();
  const paint = (r: [number, number] | null, s: Style, over: boolean) => {
    if (r) for (let k = r[0]; k < r[1]; k++) if (over || styles[k] === "plain") styles[k] = s;
  };
  for (const a of story.attributions) {
    if (a.paragraph === i + 1) paint(loc.find(a.cue.span.start, a.cue.span.end, a.cue.text), "cue", true);
  }
  for (const q of story.quotes) {
    if (q.paragraph !== i + 1) continue;
    const r = loc.find(q.span.start, q.span.end, q.text);
    if (!r) continue;
    paint(r, "quote", true);
    if (q.cue) paint(loc.find(q.cue.span.start, q.cue.span.end, q.cue.text), "cue", false);
    if (q.kind !== "partial" || q.speaker) {
      const who = q.speaker ? (q.speaker.name ?? q.speaker.text) : "?";
      const label = `⟨${who}${q.via ? ` via ${q.via.name ?? q.via.text}` : ""}⟩`;
      // After the whole closing mark (`’’` too) and the punctuation that follows it.
      let at = r[1];
      while (at < cps.length && AFTER_QUOTE.test(cps[at]!)) at++;
      labels.set(at, (labels.get(at) ?? "") + label);
    }
  }
  const styleOf: Record<Style, (s: string) => string> = { plain: (s) => s, quote: c.green, cue: c.underline };
  const runs: Run[] = [];
  let k = 0;
  while (k <= cps.length) {
    const label = labels.get(k);
    if (label) runs.push({ text: " " + oneLine(label) + " ", style: c.dim.italic, keep: true });
    if (k === cps.length) break;
    let j = k + 1;
    while (j < cps.length && styles[j] === styles[k] && !labels.has(j)) j++;
    runs.push({ text: escapeControls(cps.slice(k, j).join("")), style: styleOf[styles[k]!] });
    k = j;
  }
  return runs;
}
