/**
 * ZCZC ... NNNN (teleprinter framing: AAP and others). Header lines start with a marker.
 *
 * ```
 * > | ZCZC AAP                    start of message (and who sends it)
 * > | %A                          service
 * > | #Flood_BC1                  message id
 * > | $A                          category
 * > | :Flood                      keyword: the slugline
 * > | =1st lead                   take key
 * > | ^Floods cut roads in WA     headline
 * > | *X                          X text, T tabular
 * > | PERTH, May 9 AAP - ...      the body
 * > | AAP XY/ab                   sign-off
 * > | NNNN                        end of message (may be missing at the end of a file)
 * ```
 */
import { finding } from "../diagnostics.js";
import { field, visibleLines } from "./lines.js";
import { emptyMatch, type EnvelopeMatch, type FieldName, type Range } from "./types.js";

const MARKERS: Record<string, FieldName | "keyword-or-title" | "headline" | null> = {
  "%": "service",
  "#": "sequence",
  $: "category",
  ":": "keyword-or-title",
  "=": "take",
  "^": "headline",
  "*": "layout",
  "&": "priority",
  "+": null,
  "@": null,
  "~": null,
};

export function readZczc(text: string, start: number, end: number, last: boolean): EnvelopeMatch {
  const m = emptyMatch("zczc", start, end);
  const lines = visibleLines(text, start, end);
  const first = lines[0]!;
  const z = first.vs + text.slice(first.vs, first.ve).indexOf("ZCZC");
  const tail = text.slice(z + 4, first.ve).trim();
  if (tail) {
    const t = text.indexOf(tail, z + 4);
    m.fields.credit = field(t, t + tail.length, tail);
  }
  m.blank.push({ start, end: first.next });
  let bodyStart = first.next;
  let i = 1;
  const colons: Range[] = [];
  let headline: Range | null = null;
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.ve === l.vs) {
      bodyStart = l.next;
      continue;
    }
    const mark = text[l.vs]!;
    if (!(mark in MARKERS) || l.vs !== l.start) break;
    const content = { start: l.vs + 1, end: l.ve };
    const value = text.slice(content.start, content.end).trim();
    const kind = MARKERS[mark];
    if (kind === "keyword-or-title") colons.push(content);
    else if (kind === "headline") headline ??= content;
    else if (kind === "layout") {
      m.fields.layout = field(
        content.start,
        content.end,
        value.toUpperCase() === "T" ? "table" : value.toUpperCase() === "X" ? "text" : value,
      );
      if (value.toUpperCase() === "T") m.tabular = true;
    } else if (kind && !m.fields[kind]) m.fields[kind] = field(content.start, content.end, value);
    else if (value) m.other.push(content);
    m.blank.push({ start: l.vs, end: l.vs + 1 });
    if (kind !== "headline" && kind !== "keyword-or-title") m.blank.push(content);
    bodyStart = l.next;
  }
  // `:` is the keyword; with no `^` headline, a second `:` line is the title (press-release wires).
  const named = colons.filter((r) => r.end > r.start);
  if (!headline && colons.length >= 2 && named.length) {
    headline = named[named.length - 1]!;
    if (named.length >= 2) m.slugline = named[0]!;
  } else if (named.length) m.slugline = named[0]!;
  for (const r of named) if (r !== headline && r !== m.slugline) m.other.push(r);
  m.headline = headline;
  if (m.slugline)
    m.fields.keyword = field(m.slugline.start, m.slugline.end, text.slice(m.slugline.start, m.slugline.end).trim());

  // The body runs to NNNN (or the end).
  let bodyEnd = end;
  let closed = false;
  for (let k = i; k < lines.length; k++) {
    const l = lines[k]!;
    if (text.slice(l.vs, l.ve) === "NNNN") {
      bodyEnd = l.start;
      closed = true;
      m.blank.push({ start: l.start, end });
      for (const r of visibleLines(text, l.next, end)) {
        if (r.ve > r.vs)
          m.findings.push(finding("envelope-unreadable", "text after NNNN could not be read", r.vs, r.ve));
      }
      break;
    }
  }
  if (!closed && !last)
    m.findings.push(finding("envelope-unclosed", "ZCZC message without NNNN: read to the next ZCZC", end, end));
  m.body = { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
  return m;
}
