/**
 * `wire parse --trace`: per story, each part with the rule that read it, its line and span
 * (code points), and the start of its text — the first thing to look at when a field comes out
 * wrong.
 *
 * ```
 * story 1 of 1  story.txt
 *   dateline    paren-tag           1 0-25        सोल, 14 सितंबर (आईएएनएस)।
 *   paragraph   start               1 26-230      रूसी राष्ट्रपति ...
 *   quote       direct              3 301-340     हम साथ हैं
 *   signoff     sign-line           5 412-421     --आईएएनएस
 * ```
 * Paragraphs show how they were told apart (`break`), quotes their kind and the rule of
 * `QUOTE_KIND_RULES` that chose it, attributions their kind.
 */
import type { Story, StoryRules, TextPart } from "../story.js";
import { escapeForTerminal } from "../text/escape.js";

const SHOWN = 60;

export function renderTrace(story: Story, rules: StoryRules | null): string {
  const name = story.source.path ?? "<text>";
  const out = [`story ${story.source.index} of ${story.source.count}  ${escapeForTerminal(name)}`];
  const row = (part: string, rule: string, at: string, text: string) =>
    out.push(`  ${part.padEnd(12)}${rule.padEnd(30)}${at.padEnd(14)}${clip(text)}`.trimEnd());
  const where = (p: { line: number; span: { start: number; end: number } }) =>
    `${p.line} ${p.span.start}-${p.span.end}`;
  const part = (label: string, p: TextPart | null, rule: string | null | undefined) => {
    if (p) row(label, rule ?? "?", where(p), p.text);
  };
  if (story.transmission) row("envelope", story.transmission.format, where(story.transmission), "");
  part("slugline", story.slugline ?? null, "envelope");
  part("headline", story.headline, rules?.headline);
  part("byline", story.byline, rules?.byline);
  if (story.dateline) part("dateline", story.dateline, rules?.dateline);
  else row("dateline", "none", "", "");
  part("ednote", story.ednote ?? null, "editors-note");
  for (const p of story.paragraphs) row(p.kind === "table" ? "table" : "paragraph", p.break, where(p), p.text);
  for (const [k, q] of story.quotes.entries())
    row("quote", rules ? `${q.kind} (${rules.quotes[k] ?? "?"})` : q.kind, where(q), q.text);
  for (const a of story.attributions) row("attribution", a.kind, where(a), `${a.source.text} ${a.cue.text}`);
  if (story.signoff) part("signoff", story.signoff, rules?.signoff);
  else row("signoff", "none", "", "");
  return out.join("\n") + "\n";
}

function clip(s: string): string {
  const one = escapeForTerminal(s);
  const cps = Array.from(one);
  return cps.length > SHOWN ? `${cps.slice(0, SHOWN - 1).join("")}…` : one;
}
