/**
 * The overview on a terminal: a compact dashboard of horizontal bar charts in Unicode blocks,
 * labels aligned by the columns a terminal gives them (Devanagari measured as the story view
 * measures it), every line at most `width` columns. Text from the copy (places, speakers) is
 * escaped before it reaches the terminal.
 */
import { Chalk, type ChalkInstance } from "chalk";
import { escapeControls, widthOf } from "../render/terminal.js";
import type { Tally, TopList, WireStats } from "./types.js";

export interface StatsViewOptions {
  color: boolean;
  width: number;
}

/** The longest bar: wider bars only push the counts away from their labels. */
const BAR_MAX = 48;
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];
// Built on first use: building one takes milliseconds, and most runs never draw a terminal view.
let segmenter: Intl.Segmenter | undefined;
const graphemes = () => (segmenter ??= new Intl.Segmenter(undefined, { granularity: "grapheme" }));

/** `s` in exactly `w` columns: padded on the right, or cut between grapheme clusters with `…`. */
export function fitWidth(s: string, w: number): string {
  const sw = widthOf(s);
  if (sw <= w) return s + " ".repeat(w - sw);
  let out = "";
  let col = 0;
  for (const { segment } of graphemes().segment(s)) {
    const g = widthOf(segment);
    if (col + g > w - 1) break;
    out += segment;
    col += g;
  }
  return out + "…" + " ".repeat(Math.max(0, w - 1 - col));
}

/** The same, cut on the left (paths: the file name matters most). */
function fitLeft(s: string, w: number): string {
  if (widthOf(s) <= w) return s;
  const parts = [...graphemes().segment(s)].map((x) => x.segment);
  let out = "";
  let col = 0;
  for (let i = parts.length - 1; i >= 0; i--) {
    const g = widthOf(parts[i]!);
    if (col + g > w - 1) break;
    out = parts[i] + out;
    col += g;
  }
  return "…" + out;
}

/** A bar of `value / max` of `w` columns, in eighths of a column; at least a sliver when value > 0. */
export function bar(value: number, max: number, w: number): string {
  if (max <= 0 || value <= 0 || w <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * w * 8));
  return "█".repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

function plural(n: number, one: string, many = one + "s"): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GB`;
}

const pct = (n: number, of: number) => (of > 0 ? `${Math.round((n / of) * 100)}%` : "");

interface Row {
  label: string;
  count: number;
}

export function renderStats(s: WireStats, options: StatsViewOptions): string {
  const c: ChalkInstance = new Chalk({ level: options.color ? 1 : 0 });
  const W = Math.max(40, Math.min(options.width, 160));
  const out: string[] = [];
  const e = escapeControls;

  type Note = string | false | null | undefined;
  /** A section title, its notes after it, and on lines of their own when they do not fit. */
  const heading = (title: string, ...parts: Note[]) => {
    out.push("");
    titled(title, parts);
  };
  /** `title  note · note · note`, wrapped at the notes; no title: the notes alone. */
  function titled(title: string, parts: Note[]) {
    let line = c.bold(title);
    let col = widthOf(title);
    for (const p of parts.filter((x): x is string => !!x)) {
      const sep = col === 0 ? "" : line === c.bold(title) && title ? "  " : " · ";
      if (col > 0 && col + widthOf(sep + p) > W) {
        out.push(line);
        line = c.dim(fitWidth(p, W).trimEnd());
        col = Math.min(widthOf(p), W);
      } else {
        line += c.dim(sep + p);
        col += widthOf(sep + p);
      }
    }
    out.push(line);
  }

  /** Bars scaled to the largest count; a share of `of` after each count when given. */
  const bars = (rows: Row[], of: number | null, paint: (s: string) => string = c.cyan) => {
    if (!rows.length) {
      out.push(c.dim("  (none)"));
      return;
    }
    const labelW = Math.min(Math.max(...rows.map((r) => widthOf(r.label))), Math.max(8, Math.floor(W / 3)));
    const numW = Math.max(...rows.map((r) => r.count.toLocaleString("en-US").length));
    const pctW = of === null ? 0 : 5;
    const barW = Math.max(4, Math.min(BAR_MAX, W - 2 - labelW - 2 - 1 - numW - pctW));
    const max = Math.max(...rows.map((r) => r.count));
    for (const r of rows) {
      const b = bar(r.count, max, barW);
      const num = r.count.toLocaleString("en-US").padStart(numW);
      const share = of === null ? "" : c.dim(pct(r.count, of).padStart(pctW));
      out.push(`  ${fitWidth(r.label, labelW)}  ${paint(b)}${" ".repeat(barW - widthOf(b))} ${num}${share}`);
    }
  };

  const list = (
    title: string,
    l: TopList,
    of: number | null,
    label: (t: Tally) => string = (t) => e(t.key),
    noneNote?: string,
  ) => {
    heading(
      title,
      l.distinct > l.items.length && `top ${l.items.length} of ${l.distinct.toLocaleString("en-US")}`,
      l.none > 0 && noneNote !== undefined && `${plural(l.none, "story", "stories")} ${noneNote}`,
    );
    bars(
      l.items.map((t) => ({ label: label(t), count: t.count })),
      of,
    );
  };

  // Header
  const st = s.stories;
  titled("wire stats", [
    plural(s.inputs.total, "input"),
    plural(st.total, "story", "stories"),
    `${s.inputs.failed.toLocaleString("en-US")} failed`,
    size(s.inputs.bytes),
  ]);
  out.push(c.dim("─".repeat(W)));
  titled("", [
    `${st.withDateline.toLocaleString("en-US")} with a dateline`,
    `${st.withSignoff.toLocaleString("en-US")} with a sign-off`,
    `${st.withHeadline.toLocaleString("en-US")} with a headline`,
    plural(st.paragraphs, "paragraph"),
  ]);
  titled("", [
    plural(s.quotes.total, "quote"),
    `${s.quotes.attributions.toLocaleString("en-US")} reported speech`,
    `${plural(st.withWarnings, "story", "stories")} with warnings`,
    st.withErrors > 0 && `${st.withErrors.toLocaleString("en-US")} with errors`,
  ]);

  list("Languages", s.languages, st.total);
  list("Agencies", s.agencies, st.total, undefined, "without an agency");
  list(
    "Places",
    s.places,
    null,
    (t) => {
      const p = t as Tally & { name?: string | null; country?: string | null };
      return e(p.country ? `${t.key}, ${p.country}` : p.name === null ? `${t.key} ?` : t.key);
    },
    "without a place",
  );

  const d = s.dates;
  heading(
    "Dates",
    d.first && `by ${d.bucket}`,
    d.first && (d.first === d.last ? d.first : `${d.first} … ${d.last}`),
    d.withoutYear > 0 && `${plural(d.withoutYear, "story", "stories")} without a year`,
    d.invalid > 0 && `${d.invalid.toLocaleString("en-US")} impossible`,
    d.withoutDate > 0 && `${d.withoutDate.toLocaleString("en-US")} without a date`,
  );
  bars(
    d.histogram.map((t) => ({ label: t.key, count: t.count })),
    null,
    c.green,
  );

  list("Quote kinds", s.quotes.kinds, s.quotes.total);
  list("Speakers", s.speakers, null);
  list("Relays", s.relays, null);
  list("Desk codes", s.deskCodes, null, undefined, "without codes");

  heading("Diagnostics", s.diagnostics.length ? "count · stories · first seen" : "");
  if (!s.diagnostics.length) out.push(c.dim("  (none)"));
  else {
    const codeW = Math.min(Math.max(...s.diagnostics.map((x) => x.code.length)), 24);
    const numW = Math.max(...s.diagnostics.map((x) => x.count.toLocaleString("en-US").length));
    const stW = Math.max(...s.diagnostics.map((x) => x.stories.toLocaleString("en-US").length));
    const paint = { error: c.red, warning: c.yellow, info: c.blue };
    for (const x of s.diagnostics) {
      const left = `  ${x.severity.padEnd(7)}  ${fitWidth(x.code, codeW)}  ${x.count.toLocaleString("en-US").padStart(numW)}  ${x.stories.toLocaleString("en-US").padStart(stW)}  `;
      const room = W - widthOf(left);
      out.push(
        paint[x.severity](left.slice(0, 11)) + left.slice(11) + (room > 3 ? c.dim(fitLeft(e(x.example), room)) : ""),
      );
    }
  }
  if (s.approximate)
    out.push(
      "",
      c.dim(
        fitWidth("Counts at the tails are approximate: the lists met more distinct names than are kept.", W).trimEnd(),
      ),
    );
  return out.join("\n") + "\n";
}
