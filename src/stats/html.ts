/**
 * The overview of an archive as a web page (`wire stats --html FILE`): the counts, then each
 * list as a bar chart and the dates as a column chart, all inline SVG, with the numbers always
 * written beside the bars (meaning never by length or colour alone) and a table under each
 * chart. Like the story view: one standalone file, inline CSS, no script, a policy forbidding
 * scripts, and every string from the copy (places, speakers, paths) escaped.
 */
import { BASE_CSS, documentStart, escapeAttr, escapeHtml } from "../render/html.js";
import { VERSION } from "../version.js";
import type { DiagnosticTally, PlaceTally, Tally, TopList, WireStats } from "./types.js";

const CSS =
  BASE_CSS +
  `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Noto Sans Devanagari","Nirmala UI","Mangal","Kohinoor Devanagari","Lohit Devanagari",sans-serif;padding-bottom:1rem}
body>*{width:100%;max-width:60rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.3rem;margin:1rem 0 .25rem}
.sub{color:var(--dim);margin:0 0 1rem;font-size:.9rem}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(10.5rem,1fr));gap:.6rem;margin:0 0 1rem;padding:0;list-style:none}
.cards li{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.5rem .75rem}
.cards b{display:block;font-size:1.35rem;font-variant-numeric:tabular-nums}
.cards span{color:var(--dim);font-size:.85rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,26rem),1fr));gap:1rem}
section{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem .8rem;min-width:0}
h2{font-size:1rem;margin:.1rem 0 .5rem}
.bars{width:100%;border-collapse:collapse;font-size:.9rem;table-layout:fixed}
.bars th{font-weight:normal;text-align:left;padding:.15rem .5rem .15rem 0;width:38%;overflow-wrap:anywhere;vertical-align:middle}
.bars td{padding:.15rem 0;vertical-align:middle}
.bars td.n{width:4.5rem;text-align:right;font-variant-numeric:tabular-nums;padding-left:.4rem}
.bars svg{display:block;width:100%;height:.9rem}
.bar{fill:var(--qb)}.track{fill:var(--line);opacity:.35}
.note{color:var(--dim);font-size:.82rem;margin:.4rem 0 0}
.cols{display:block;width:100%;height:10rem}
.axis{display:flex;justify-content:space-between;color:var(--dim);font-size:.8rem;font-variant-numeric:tabular-nums}
details{margin-top:.4rem;font-size:.85rem}
details table{border-collapse:collapse}details td,details th{padding:.05rem .6rem .05rem 0;text-align:left;font-variant-numeric:tabular-nums}
.diags{width:100%;border-collapse:collapse;font-size:.88rem}
.diags th,.diags td{text-align:left;padding:.2rem .5rem .2rem 0;border-bottom:1px solid var(--line);vertical-align:top}
.diags td.n{text-align:right;font-variant-numeric:tabular-nums}
.diags td,.diags th{overflow-wrap:normal;white-space:nowrap}
.diags code{font-size:.85em}
.scroll{overflow-x:auto}
.error{color:var(--err)}.warning{color:var(--warn)}.info{color:var(--info)}
.ctl{font-family:ui-monospace,monospace;font-size:.85em;border:1px solid currentColor;border-radius:3px;padding:0 .15em;color:var(--err)}
footer{color:var(--dim);font-size:.8rem;margin:1rem auto}
@media (max-width:480px){body>*{padding:0 .5rem}.bars th{width:45%}}
`.trimEnd();

const SEVERITY_MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

function num(n: number): string {
  return n.toLocaleString("en-US");
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.round((part / whole) * 100)}%` : "–";
}

/** One horizontal bar as inline SVG: the share of `max`, its number in a tooltip too. */
function barSvg(value: number, max: number, label: string, cls = ""): string {
  const w = max > 0 ? Math.max(value > 0 ? 0.5 : 0, (value / max) * 100) : 0;
  return (
    `<svg viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label="${escapeAttr(label)}">` +
    `<rect class="track" x="0" y="0" width="100" height="10"></rect><rect class="bar${cls ? " " + cls : ""}" x="0" y="0" width="${w.toFixed(2)}" height="10"><title>${escapeAttr(label)}</title></rect></svg>`
  );
}

/** A counted list as a bar chart: the label, the bar, the count (and share). */
function listChart(
  title: string,
  list: TopList,
  total: number,
  labelOf: (t: Tally) => string = (t) => t.key,
  noneWord = "none",
): string {
  const max = Math.max(0, ...list.items.map((t) => t.count));
  const rows = list.items
    .map((t) => {
      const label = labelOf(t);
      return `<tr><th scope="row">${escapeHtml(label)}</th><td>${barSvg(t.count, max, `${label}: ${num(t.count)}`)}</td><td class="n">${num(t.count)}</td></tr>`;
    })
    .join("\n");
  const notes = [
    list.distinct > list.items.length
      ? `${num(list.distinct - list.items.length)} more not shown (${num(list.distinct)} in all)`
      : "",
    list.none ? `${num(list.none)} of ${num(total)} stories with ${noneWord}` : "",
  ].filter(Boolean);
  return (
    `<section><h2>${escapeHtml(title)}</h2>\n` +
    (list.items.length ? `<table class="bars">\n${rows}\n</table>\n` : `<p class="note">None.</p>\n`) +
    (notes.length ? `<p class="note">${escapeHtml(notes.join(" · "))}</p>\n` : "") +
    `</section>\n`
  );
}

function placeLabel(t: Tally): string {
  const p = t as PlaceTally;
  return p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${p.key} (unknown place)`;
}

/** Stories per day, month or year: columns in one SVG, the table of numbers beneath. */
function datesChart(s: WireStats): string {
  const d = s.dates;
  const h = d.histogram;
  const max = Math.max(0, ...h.map((t) => t.count));
  const notes = [
    `${num(d.dated)} stories dated with a year`,
    d.withoutYear ? `${num(d.withoutYear)} without a year` : "",
    d.invalid ? `${num(d.invalid)} with a date that cannot exist` : "",
    d.withoutDate ? `${num(d.withoutDate)} without a date` : "",
  ].filter(Boolean);
  let chart = `<p class="note">No story has a full date.</p>\n`;
  if (h.length && max > 0) {
    const W = h.length * 10;
    const cols = h
      .map((t, i) => {
        const ht = (t.count / max) * 96;
        const y = 100 - ht;
        return `<rect class="bar" x="${i * 10 + 1}" y="${y.toFixed(2)}" width="8" height="${ht.toFixed(2)}"><title>${escapeAttr(`${t.key}: ${num(t.count)}`)}</title></rect>`;
      })
      .join("");
    chart =
      `<svg class="cols" viewBox="0 0 ${W} 100" preserveAspectRatio="none" role="img" aria-label="${escapeAttr(`stories per ${d.bucket}, ${h[0]!.key} to ${h[h.length - 1]!.key}; most in one ${d.bucket}: ${num(max)}`)}">` +
      `<rect class="track" x="0" y="0" width="${W}" height="100"></rect>${cols}</svg>\n` +
      `<div class="axis"><span>${escapeHtml(h[0]!.key)}</span><span>most: ${num(max)} in a ${d.bucket}</span><span>${escapeHtml(h[h.length - 1]!.key)}</span></div>\n` +
      `<details><summary>The numbers</summary><table><tr><th>${d.bucket}</th><th>stories</th></tr>\n` +
      h.map((t) => `<tr><td>${escapeHtml(t.key)}</td><td>${num(t.count)}</td></tr>`).join("\n") +
      `\n</table></details>\n`;
  }
  return `<section><h2>Dateline dates, per ${d.bucket}${d.first ? ` (${escapeHtml(d.first)} to ${escapeHtml(d.last ?? "")})` : ""}</h2>\n${chart}<p class="note">${escapeHtml(notes.join(" · "))}</p>\n</section>\n`;
}

function coverageChart(s: WireStats): string {
  const t = s.stories.total;
  const rows: [string, number][] = [
    ["dateline", s.stories.withDateline],
    ["sign-off", s.stories.withSignoff],
    ["headline", s.stories.withHeadline],
    ["a warning", s.stories.withWarnings],
    ["an error", s.stories.withErrors],
  ];
  return (
    `<section><h2>Stories with …</h2>\n<table class="bars">\n` +
    rows
      .map(
        ([k, v]) =>
          `<tr><th scope="row">${k}</th><td>${barSvg(v, t, `${k}: ${num(v)} of ${num(t)}`)}</td><td class="n">${num(v)} <small>${pct(v, t)}</small></td></tr>`,
      )
      .join("\n") +
    `\n</table>\n</section>\n`
  );
}

function diagnosticsTable(list: DiagnosticTally[]): string {
  if (!list.length) return `<section><h2>Diagnostics</h2><p class="note">None.</p></section>\n`;
  return (
    `<section><h2>Diagnostics</h2>\n<div class="scroll"><table class="diags">\n<tr><th>code</th><th>severity</th><th>times</th><th>stories</th><th>first at</th></tr>\n` +
    list
      .map(
        (d) =>
          `<tr><td><code>${escapeHtml(d.code)}</code></td><td class="${d.severity}">${SEVERITY_MARK[d.severity]} ${d.severity}</td><td class="n">${num(d.count)}</td><td class="n">${num(d.stories)}</td>` +
          `<td class="ex"><code>${escapeHtml(d.example)}</code></td></tr>`,
      )
      .join("\n") +
    `\n</table></div>\n</section>\n`
  );
}

/** The whole page. */
export function renderStatsHtml(s: WireStats): string {
  const t = s.stories.total;
  const cards: [string, string][] = [
    [num(t), "stories"],
    [num(s.inputs.total), `inputs${s.inputs.failed ? `, ${num(s.inputs.failed)} failed` : ""}`],
    [`${(s.inputs.bytes / 1048576).toFixed(s.inputs.bytes < 10 * 1048576 ? 2 : 0)} MB`, "read"],
    [num(s.stories.paragraphs), "paragraphs"],
    [num(s.quotes.total), "quotes"],
    [num(s.quotes.attributions), "reported speech"],
  ];
  return (
    documentStart("wire stats", CSS) +
    `<header><h1>wire stats</h1><p class="sub">The overview of ${num(s.inputs.total)} input${s.inputs.total === 1 ? "" : "s"}: lists cut to the top ${num(s.top)}.${s.approximate ? " Some lists met so many distinct values that the rarest were dropped along the way: counts at their tail may be low." : ""}</p></header>\n<main>\n` +
    `<ul class="cards">${cards.map(([n, w]) => `<li><b>${n}</b><span>${escapeHtml(w)}</span></li>`).join("")}</ul>\n` +
    `<div class="grid">\n` +
    coverageChart(s) +
    listChart("Languages", s.languages, t) +
    listChart("Agencies", s.agencies, t, undefined, "no agency") +
    listChart("Dateline places", s.places, t, placeLabel, "no place") +
    datesChart(s) +
    listChart("Quotes by kind", s.quotes.kinds, t, undefined, "no quote") +
    listChart("Speakers (quoted or reported)", s.speakers, t, undefined, "no speaker") +
    listChart("Relayed by", s.relays, t, undefined, "no relayed quote") +
    listChart("Desk codes", s.deskCodes, t, undefined, "no desk code") +
    `</div>\n` +
    diagnosticsTable(s.diagnostics) +
    `</main>\n<footer>Made by wire ${escapeHtml(VERSION)} · nothing on this page runs a script</footer>\n</body>\n</html>\n`
  );
}
