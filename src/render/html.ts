/**
 * The story as a web page, in the manner of displaCy: the copy with its parts marked. One
 * standalone page (inline CSS, no script, no external asset) holds every story of a run, with
 * a table of contents when there are several. Each story shows its headline, byline, dateline
 * and what it means, numbered paragraphs (inferred breaks marked), quotes highlighted by kind
 * with a speaker label (`किम via KCNA`), speech cues underlined, reported speech bracketed with
 * its source, the sign-off with its codes in Latin letters, and its diagnostics linked both
 * ways to the place they point at. Hovering or focusing a part shows what it is and its span.
 *
 * Copy is untrusted: every character from the record is escaped, control characters and bidi
 * overrides are shown as visible `\u202e` escapes, no link or attribute is ever made from the
 * copy, and a Content-Security-Policy meta tag forbids scripts.
 *
 * A page is written in three pieces so that a batch can stream it: `htmlPageStart`, one
 * `renderHtmlArticle` per story, and `htmlPageEnd` with the contents (placed at the top by
 * the style sheet, since the stories are only known once written).
 */
import { sha256 } from "../text/sha256.js";
import type { Diagnostic, Quote, Span, Story, TextPart } from "../story.js";
import { VERSION } from "../version.js";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

// C0 controls but tab and newline, DEL, C1 controls, bidi marks, embeddings, overrides, isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;
const SPECIAL = /[&<>"']/gu;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function hex(c: string): string {
  const n = c.charCodeAt(0);
  return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
}

/** Text from the copy as element content: markup escaped, controls shown as visible escapes. */
export function escapeHtml(s: string): string {
  return s.replace(SPECIAL, (c) => ENTITY[c]!).replace(CONTROL, (c) => `<span class="ctl">${hex(c)}</span>`);
}

/**
 * Text from the copy as an attribute value (always double-quoted), or as plain text where no
 * element may go. A label is one line: tabs and line breaks (a speaker's words may run across
 * one) are spaces.
 */
export function escapeAttr(s: string): string {
  return s
    .replace(/[\t\n\r]/gu, " ")
    .replace(CONTROL, hex)
    .replace(SPECIAL, (c) => ENTITY[c]!);
}

/** What every page of wire shares: colours for both schemes, the body, fonts for Devanagari. */
export const BASE_CSS = `
:root{color-scheme:light dark;--bg:#fdfdfc;--fg:#1b1b1f;--dim:#5c5f66;--line:#d8d9dd;--card:#fff;
--q:#e3f1e6;--qb:#2f7d46;--cue:#8a2f8f;--rep:#fff4d6;--repb:#8a6100;--err:#b3261e;--warn:#8a5a00;--info:#45617a;
--bar:#1b1b1f;--barfg:#fff;--mark:#fff2b3}
@media (prefers-color-scheme:dark){:root{--bg:#16171a;--fg:#e8e8ea;--dim:#a4a7ae;--line:#3a3c42;--card:#1e1f23;
--q:#1f3a28;--qb:#7fd199;--cue:#e29ae6;--rep:#3a3115;--repb:#f0c75e;--err:#ff8a80;--warn:#f0c75e;--info:#9ec3e6;
--bar:#e8e8ea;--barfg:#16171a;--mark:#5a4d10}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;
display:flex;flex-direction:column;min-height:100vh;padding-bottom:3.5rem;overflow-wrap:anywhere}
:lang(hi),:lang(mr),:lang(ne){font-family:"Noto Sans Devanagari","Nirmala UI","Mangal","Kohinoor Devanagari","Devanagari Sangam MN","Devanagari MT","Lohit Devanagari","Mukta",system-ui,sans-serif;line-height:1.8}
[lang=en]{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif}
`.trim();

const CSS =
  BASE_CSS +
  `
body>header{order:-2}body>nav{order:-1}main{order:0}body>footer{order:1}
body>*{width:100%;max-width:52rem;margin:0 auto;padding:0 1rem}
body>header h1{font-size:1.25rem;margin:1rem 0 .25rem}
a{color:inherit}
.legend{font-size:.85rem;color:var(--dim);margin:.25rem 0 .75rem;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem .9rem}
nav h2{font-size:1rem;margin:.75rem 0 .25rem}
nav ol{margin:0 0 1rem;padding-left:1.6rem}nav li{margin:.2rem 0}
nav .sum{color:var(--dim);font-size:.85rem}
article{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem 1rem;margin:1rem 0}
.src{font-size:.8rem;color:var(--dim);margin:0}
.src code{font-size:inherit}
h2.headline{font-size:1.35rem;line-height:1.4;margin:.35rem 0}
h2.none{font-size:1rem;color:var(--dim);font-style:italic;font-weight:normal}
.byline{font-style:italic;margin:.2rem 0}
.head-line{color:var(--dim);margin:.2rem 0}
.dateline{margin:.3rem 0 .6rem}
.dateline .part{font-weight:600}
.means{color:var(--dim);font-size:.9rem}
.means::before{content:"→ ";speak:never}
.paras{margin:0;padding:0}
.para{display:grid;grid-template-columns:2.4rem minmax(0,1fr);gap:0 .4rem;margin:0 0 .7rem}
.pn{grid-row:1/span 2;text-align:right;color:var(--dim);font-size:.85rem;text-decoration:none;padding-top:.15rem;font-variant-numeric:tabular-nums}
.brk{display:block;font-size:.75rem;color:var(--warn);line-height:1.2}
.para>.txt{grid-column:2}
.part{border-radius:3px;outline-offset:2px}
.part:focus-visible{outline:2px solid var(--fg)}
mark.q{background:var(--q);color:inherit;border:1px solid var(--qb);border-radius:3px;padding:0 .1em;-webkit-box-decoration-break:clone;box-decoration-break:clone}
mark.q.partial{border-style:dashed}
mark.q.continuation{border-style:dotted;border-width:2px}
mark.q.unmarked{border-style:double;border-width:3px}
.cue{text-decoration:underline 2px var(--cue);text-underline-offset:3px;text-decoration-skip-ink:none}
.rep{background:var(--rep);-webkit-box-decoration-break:clone;box-decoration-break:clone}
.rep::before{content:"⟦";color:var(--repb);font-weight:700}
.rend::before{content:"⟧";color:var(--repb);font-weight:700}
.rep.cont::before{content:none}
.who,.rsrc{display:inline-block;font-size:.75rem;line-height:1.3;border-radius:9px;padding:0 .45em;margin:0 .15em;vertical-align:.1em;white-space:normal}
.who{border:1px solid var(--qb);color:var(--qb)}
.rsrc{border:1px dashed var(--repb);color:var(--repb)}
.who .k,.rsrc .k{font-variant:small-caps;letter-spacing:.02em}
.dg{font-size:.75rem;text-decoration:none;vertical-align:.3em;padding:0 .1em;border-radius:3px;font-weight:700}
.dg:target,.diags li:target{background:var(--mark)}
.error{color:var(--err)}.warning{color:var(--warn)}.info{color:var(--info)}
.signoff{margin:.6rem 0 0;white-space:pre-line}
.signoff .part{font-weight:600}
.ctl{font-family:ui-monospace,monospace;font-size:.85em;border:1px solid currentColor;border-radius:3px;padding:0 .15em;color:var(--err)}
article h3{font-size:.95rem;margin:1rem 0 .3rem;color:var(--dim)}
.list{margin:0;padding-left:1.6rem;font-size:.92rem}
.list li{margin:.15rem 0}
.list .k{font-variant:small-caps}
.diags li{padding:0 .2rem;border-radius:3px}
.diags code{font-size:.85em;color:var(--dim)}
.none-note{color:var(--dim);font-style:italic}
body>footer{color:var(--dim);font-size:.8rem;margin:1rem auto}
.part[data-tip]:hover:not(:has(.part:hover))::after,.part[data-tip]:focus-visible::after{content:attr(data-tip);position:fixed;left:0;right:0;bottom:0;
z-index:2;display:block;padding:.5rem 1rem;background:var(--bar);color:var(--barfg);font:.85rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:normal;text-align:left;font-weight:normal;font-style:normal}
@media (max-width:480px){body{font-size:15px}body>*{padding:0 .5rem}article{padding:.5rem .6rem .75rem;border-radius:6px}
.para{grid-template-columns:1.6rem minmax(0,1fr);gap:0 .3rem}}
@media print{.part[data-tip]::after{content:none!important}body{padding-bottom:0}}

`.trimEnd();

/** Nothing may load or run: only the page's inline style sheet, by its hash. */
export function cspFor(css: string): string {
  const hash = Buffer.from(sha256(Buffer.from(css, "utf8"))).toString("base64");
  return `default-src 'none'; style-src 'sha256-${hash}'; img-src data:; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;
}

/** A standalone document up to the opening of its body: the policy, the viewport, the style sheet. */
export function documentStart(title: string, css: string): string {
  return (
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta http-equiv="Content-Security-Policy" content="${cspFor(css)}">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n<meta name="color-scheme" content="light dark">\n` +
    `<meta name="generator" content="wire ${escapeAttr(VERSION)}">\n<title>${escapeHtml(title)}</title>\n<style>${css}</style>\n</head>\n<body>\n`
  );
}

const LEGEND = [
  `<li><mark class="q">“direct”</mark> <span class="who">speaker</span></li>`,
  `<li><mark class="q partial">partial</mark></li>`,
  `<li><mark class="q continuation">continued</mark></li>`,
  `<li><mark class="q unmarked">unmarked</mark></li>`,
  `<li><span class="cue">speech cue</span></li>`,
  `<li><span class="rep">reported<span class="rend"></span></span> <span class="rsrc">source</span></li>`,
  `<li><span class="brk">↵ inferred break</span></li>`,
  `<li><span class="dg error">✖</span> error <span class="dg warning">⚠</span> warning <span class="dg info">ℹ</span> note</li>`,
].join("");

/** The page's head, its header and the opening of its main part. */
export function htmlPageStart(title = "wire: stories"): string {
  return (
    documentStart(title, CSS) +
    `<header><h1>wire</h1><ul class="legend" aria-label="What the marks mean">${LEGEND}</ul></header>\n<main>\n`
  );
}

/** The close of the page: the contents (when there are several stories) and the footer. */
export function htmlPageEnd(toc: string[], total = toc.length): string {
  const nav =
    total > 1
      ? `<nav aria-labelledby="toc-h"><h2 id="toc-h">${total} stories</h2><ol>\n${toc.join("\n")}\n</ol></nav>\n`
      : "";
  const none = total === 0 ? `<p class="none-note">No story was found in the input.</p>\n` : "";
  return `${none}</main>\n${nav}<footer>Made by wire ${escapeHtml(VERSION)} · hover or focus a marked part for what it is and its span · nothing on this page runs a script</footer>\n</body>\n</html>\n`;
}

/** A standalone page for one story (the library's `render(story, "html")`, one file per story). */
export function renderHtml(story: Story, rules: PartRules | null = null): string {
  const { article } = renderHtmlStory(story, "s1", rules);
  return htmlPageStart(`wire: ${titleOf(story)}`) + article + htmlPageEnd([]);
}

/** A whole page for several stories at once. */
export function renderHtmlPage(stories: Story[]): string {
  const parts = stories.map((s, i) => renderHtmlStory(s, `s${i + 1}`));
  return htmlPageStart() + parts.map((p) => p.article).join("") + htmlPageEnd(parts.map((p) => p.toc));
}

function titleOf(story: Story): string {
  if (story.headline) return story.headline.text;
  const first = story.paragraphs[0]?.text ?? "";
  const words = first.split(/\s+/u);
  return words.length > 10 ? words.slice(0, 10).join(" ") + " …" : first || (story.source.path ?? "story");
}

function placeOf(p: { text: string; name: string | null; country: string | null }): string {
  return p.name ? `${p.name}${p.country ? ", " + p.country : ""}` : `${p.text} (unknown place)`;
}

function dateOf(d: NonNullable<Story["dateline"]>["date"]): string | null {
  if (!d) return null;
  if (d.iso) return d.iso;
  const dm = [d.day, d.month ? MONTHS[d.month - 1] : null].filter((x) => x !== null).join(" ");
  return dm + (d.year ? ` ${d.year}` : " (year unknown)");
}

function spanText(s: Span): string {
  return `span ${s.start}–${s.end}`;
}

const SEVERITY_MARK = { error: "✖", warning: "⚠", info: "ℹ" } as const;

/**
 * The rule that read each header part, where the parser reports it (its trace); paragraphs
 * show their break and quotes their kind, which are their rules.
 */
export interface PartRules {
  headline?: string | null;
  byline?: string | null;
  dateline?: string | null;
  signoff?: string | null;
}

/**
 * One story as an `<article>` whose ids all begin with `id` (unique within the page), and its
 * entry for the table of contents.
 */
export function renderHtmlStory(
  story: Story,
  id: string,
  rules: PartRules | null = null,
): { article: string; toc: string } {
  const tip = (what: string, p: TextPart, rule: string | null | undefined) =>
    escapeAttr(`${what}${rule ? ` · rule ${rule}` : ""} · line ${p.line} · ${spanText(p.span)}`);
  const lang = escapeAttr(story.language || "und");
  const en = story.language === "en" ? "" : ` lang="en"`;
  const src = story.source;
  const diags = placeDiagnostics(story);
  const markers = (where: string) =>
    (diags.get(where) ?? [])
      .map(
        ({ d, k }) =>
          ` <a class="dg ${d.severity}" id="${id}-dm${k}" href="#${id}-d${k}"${en} aria-label="${d.severity}: ${escapeAttr(d.message)}">${SEVERITY_MARK[d.severity]}</a>`,
      )
      .join("");
  const out: string[] = [];
  out.push(`<article id="${id}" lang="${lang}" aria-labelledby="${id}-h">\n<header>\n`);

  const meta = [
    `<code>${escapeHtml(src.path ?? "(text)")}</code>`,
    src.count > 1 ? `story ${src.index} of ${src.count}` : "",
    escapeHtml(story.language),
    story.agency ? escapeHtml(story.agency.code ?? story.agency.text) : "",
  ].filter(Boolean);
  out.push(`<p class="src"${en}>${meta.join(" · ")}</p>\n`);

  if (story.headline)
    out.push(
      `<h2 class="headline" id="${id}-h"><span class="part" tabindex="0" data-tip="${tip("headline", story.headline, rules?.headline)}">${escapeHtml(story.headline.text)}</span>${markers("headline")}</h2>\n`,
    );
  else out.push(`<h2 class="headline none" id="${id}-h"${en}>No headline${markers("headline")}</h2>\n`);
  if (story.byline)
    out.push(
      `<p class="byline"><span class="part" tabindex="0" data-tip="${tip("byline", story.byline, rules?.byline)}">${escapeHtml(story.byline.text)}</span>${markers("byline")}</p>\n`,
    );
  // Lines above the dateline that are no paragraph: a deck, summary bullets, a page's line.
  for (const h of story.headerLines ?? [])
    out.push(
      `<p class="head-line"><span class="part" tabindex="0" data-tip="${tip("header line", h, null)}">${escapeHtml(h.text)}</span></p>\n`,
    );

  const d = story.dateline;
  if (d) {
    const meaning = [
      d.places.map(placeOf).join(" / "),
      dateOf(d.date),
      d.agency ? (d.agency.code ?? d.agency.text) : null,
    ]
      .filter(Boolean)
      .join(" · ");
    out.push(
      `<p class="dateline"><span class="part" tabindex="0" data-tip="${tip("dateline", d, rules?.dateline)}">${escapeHtml(d.text)}</span>${markers("dateline")} ` +
        `<span class="means"${en}>${escapeHtml(meaning || "no place, date or agency understood")}</span></p>\n`,
    );
  } else out.push(`<p class="dateline none-note"${en}>No dateline${markers("dateline")}</p>\n`);
  out.push(`</header>\n<div class="paras">\n`);

  // Ids of the quotes and reported speech found in the text: the lists link only to those.
  const placed = new Set<string>();
  story.paragraphs.forEach((p, i) => {
    const n = i + 1;
    const inferred = p.break === "inferred";
    out.push(
      `<p class="para" id="${id}-p${n}"><a class="pn part" href="#${id}-p${n}" data-tip="${escapeAttr(`paragraph ${n} · break: ${p.break} · line ${p.line} · ${spanText(p.span)}`)}" aria-label="paragraph ${n}">${n}</a>` +
        (inferred
          ? `<span class="brk"${en} title="paragraph break inferred where a line break seems lost">↵ inferred</span>`
          : "") +
        `<span class="txt">${paragraphHtml(story, i, id, diags.get(`p${n}`) ?? [], en, placed)}</span></p>\n`,
    );
  });
  if (!story.paragraphs.length) out.push(`<p class="none-note"${en}>No paragraphs</p>\n`);
  out.push(`</div>\n`);

  const s = story.signoff;
  if (s) {
    const codes = s.codes
      .map((k) =>
        k.latin && k.latin !== k.text ? `${k.latin} (${k.text})` : (k.latin ?? `${k.text} (no Latin spelling)`),
      )
      .join(" ");
    const agency = s.agency ? (s.agency.code ?? s.agency.text) : "";
    out.push(
      `<p class="signoff"><span class="part" tabindex="0" data-tip="${tip("sign-off", s, rules?.signoff)}">${escapeHtml(s.text)}</span>${markers("signoff")} ` +
        `<span class="means"${en}>${escapeHtml([agency, codes].filter(Boolean).join(" · ") || "end mark")}</span></p>\n`,
    );
  } else out.push(`<p class="signoff none-note"${en}>No sign-off${markers("signoff")}</p>\n`);

  if (story.quotes.length) {
    out.push(`<h3${en}>Quotes</h3>\n<ol class="list quotes">\n`);
    story.quotes.forEach((q, k) => {
      const who = q.speaker
        ? personHtml(q.speaker) + (q.via ? ` <span${en}>via</span> ${personHtml(q.via)}` : "")
        : `<span${en}>speaker unknown</span>`;
      out.push(
        `<li>${linkTo(placed, `${id}-q${k + 1}`, `<span class="k">${q.kind}</span> ${q.paragraph > 0 ? `¶${q.paragraph}` : "head"}`, en)} ${who}` +
          (q.cue ? ` · <span class="cue">${escapeHtml(q.cue.text)}</span>` : "") +
          (q.closed ? "" : ` <span class="warning"${en}>(not closed)</span>`) +
          `</li>\n`,
      );
    });
    out.push(`</ol>\n`);
  }
  if (story.attributions.length) {
    out.push(`<h3${en}>Reported speech</h3>\n<ol class="list reported">\n`);
    story.attributions.forEach((a, k) => {
      out.push(
        `<li>${linkTo(placed, `${id}-r${k + 1}`, `<span class="k">${a.kind}</span> ${a.paragraph > 0 ? `¶${a.paragraph}` : "head"}`, en)} ${personHtml(a.source)} · <span class="cue">${escapeHtml(a.cue.text)}</span></li>\n`,
      );
    });
    out.push(`</ol>\n`);
  }
  if (story.diagnostics.length) {
    out.push(`<h3${en}>Diagnostics</h3>\n<ol class="list diags"${en}>\n`);
    story.diagnostics.forEach((g, k) => {
      out.push(
        `<li id="${id}-d${k + 1}" class="${g.severity}"><a href="#${id}-dm${k + 1}">${g.line}:${g.column}</a> ${SEVERITY_MARK[g.severity]} ${g.severity}: ` +
          `<span class="msg">${escapeHtml(g.message)}</span> <code>[${escapeHtml(g.code)}]</code></li>\n`,
      );
    });
    out.push(`</ol>\n`);
  }
  out.push(`</article>\n`);

  const warnings = story.diagnostics.filter((g) => g.severity !== "info").length;
  const summary = [
    d
      ? [
          d.places.map((p) => p.name ?? p.text).join(" / "),
          dateOf(d.date),
          d.agency ? (d.agency.code ?? d.agency.text) : null,
        ]
          .filter(Boolean)
          .join(" · ")
      : "no dateline",
    `${story.quotes.length} quote${story.quotes.length === 1 ? "" : "s"}`,
    warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  const toc = `<li><a href="#${id}" lang="${lang}">${escapeHtml(titleOf(story))}</a> <span class="sum">${escapeHtml(summary.join(" · "))} · <code>${escapeHtml(src.path ?? "(text)")}${src.count > 1 ? ` #${src.index}` : ""}</code></span></li>`;
  return { article: out.join(""), toc };
}

/** A link to a part marked in the text, or the same words without a link when it is not there. */
function linkTo(placed: Set<string>, target: string, html: string, en: string): string {
  return placed.has(target) ? `<a href="#${target}"${en}>${html}</a>` : `<span${en}>${html}</span>`;
}

function personHtml(p: { text: string; name: string | null }): string {
  return p.name && p.name !== p.text
    ? `${escapeHtml(p.name)} <span class="as">(${escapeHtml(p.text)})</span>`
    : escapeHtml(p.text);
}

function who(q: Quote): string {
  const name = (p: { text: string; name: string | null }) => p.name ?? p.text;
  return q.speaker ? name(q.speaker) + (q.via ? ` via ${name(q.via)}` : "") : "";
}

/**
 * Where each diagnostic is shown: in the part its span starts in (`headline`, `dateline`,
 * `byline`, `signoff`, `pN`), else the last part that starts before it, else the first part.
 */
function placeDiagnostics(story: Story): Map<string, { d: Diagnostic; k: number }[]> {
  const parts: { key: string; span: Span }[] = [];
  if (story.headline) parts.push({ key: "headline", span: story.headline.span });
  if (story.byline) parts.push({ key: "byline", span: story.byline.span });
  if (story.dateline) parts.push({ key: "dateline", span: story.dateline.span });
  story.paragraphs.forEach((p, i) => {
    parts.push({ key: `p${i + 1}`, span: p.span });
  });
  if (story.signoff) parts.push({ key: "signoff", span: story.signoff.span });
  const out = new Map<string, { d: Diagnostic; k: number }[]>();
  story.diagnostics.forEach((d, i) => {
    const at = d.span.start;
    let key = parts.find((p) => p.span.start <= at && at < p.span.end)?.key;
    if (!key) {
      let best: { key: string; span: Span } | undefined;
      for (const p of parts) if (p.span.start <= at && (!best || p.span.start >= best.span.start)) best = p;
      key = best?.key ?? parts[0]?.key ?? (story.dateline ? "dateline" : "headline");
    }
    if (!out.has(key)) out.set(key, []);
    out.get(key)!.push({ d, k: i + 1 });
  });
  return out;
}

interface Range {
  start: number;
  end: number;
  /** Outer ranges first: reported speech, then quotes, then cues. */
  level: number;
  open: (first: boolean) => string;
  close: (last: boolean) => string;
}

/**
 * A paragraph's text with its parts as nested elements. Ranges that cross are closed and
 * reopened at the crossing, so the elements always nest; labels and diagnostic markers are
 * inserted at their places. Offsets count code points from the paragraph's start; when markup
 * was left out of the text (it is shorter than its span), parts are found by their text.
 */
function paragraphHtml(
  story: Story,
  i: number,
  id: string,
  diags: { d: Diagnostic; k: number }[],
  en: string,
  placed: Set<string>,
): string {
  const p = story.paragraphs[i]!;
  const cps = Array.from(p.text);
  const n = cps.length;
  // Markup left out of the text (and entities decoded) make it shorter than its span by
  // `lost`; a part at `rel` in the span is then somewhere in [rel - lost, rel] in the text.
  const lost = p.span.end - p.span.start - n;
  const exact = lost === 0;
  // Code point <-> UTF-16 offsets, for searching the text with indexOf.
  const u16: number[] = [0];
  for (const c of cps) u16.push(u16[u16.length - 1]! + c.length);
  const utf16At = (cp: number) => u16[cp]!;
  const cpAt = (unit: number) => {
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (u16[mid]! < unit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const locate = (span: Span, t: string): [number, number] | null => {
    const rel = span.start - p.span.start;
    if (exact) {
      const a = Math.max(0, rel);
      const b = Math.min(n, span.end - p.span.start);
      return a < b ? [a, b] : null;
    }
    if (!t) return null;
    // The first occurrence from the earliest place it can be, if it starts no later than `rel`.
    const from = Math.max(0, Math.min(n, rel - lost));
    const k = p.text.indexOf(t, utf16At(from));
    if (k < 0) return null;
    const a = cpAt(k);
    return a <= rel ? [a, a + Array.from(t).length] : null;
  };
  const ranges: Range[] = [];
  const points = new Map<number, string[]>();
  const addPoint = (at: number, html: string) => {
    if (!points.has(at)) points.set(at, []);
    points.get(at)!.push(html);
  };

  story.attributions.forEach((a, k) => {
    if (a.paragraph !== i + 1) return;
    const r = locate(a.span, "");
    const c = locate(a.cue.span, a.cue.text);
    const kind = a.kind === "according-to" ? "according to" : "said that";
    const tipText = escapeAttr(
      `reported speech (${kind}) · source: ${a.source.name ?? a.source.text} · cue: ${a.cue.text} · line ${a.line} · ${spanText(a.span)}`,
    );
    if (r) {
      placed.add(`${id}-r${k + 1}`);
      ranges.push({
        start: r[0],
        end: r[1],
        level: 0,
        open: (first) =>
          first
            ? `<span class="rep part" id="${id}-r${k + 1}" tabindex="0" data-tip="${tipText}">`
            : `<span class="rep cont">`,
        close: (last) => (last ? `<span class="rend"></span></span>` : `</span>`),
      });
      addPoint(
        r[1],
        `<span class="rsrc"><span class="k"${en}>reported</span> ${escapeHtml(a.source.name ?? a.source.text)}</span>`,
      );
    } else if (c) {
      // No span in this text: the cue carries the source label.
      placed.add(`${id}-r${k + 1}`);
      addPoint(
        c[1],
        `<span class="rsrc" id="${id}-r${k + 1}"><span class="k"${en}>reported</span> ${escapeHtml(a.source.name ?? a.source.text)}</span>`,
      );
    }
    if (c)
      ranges.push({
        start: c[0],
        end: c[1],
        level: 2,
        open: (first) =>
          `<span class="cue${first ? " part" : ""}"${first ? ` tabindex="0" data-tip="${escapeAttr(`speech cue · ${a.cue.text} · ${spanText(a.cue.span)}`)}"` : ""}>`,
        close: () => `</span>`,
      });
  });

  story.quotes.forEach((q, k) => {
    if (q.paragraph !== i + 1) return;
    const r = locate(q.span, q.text);
    if (!r) return;
    placed.add(`${id}-q${k + 1}`);
    const label = who(q);
    const tipText = escapeAttr(
      `quote · ${q.kind}${q.closed ? "" : " (not closed)"} · speaker: ${label || "unknown"}${q.cue ? ` · cue: ${q.cue.text}` : ""} · line ${q.line} · ${spanText(q.span)}`,
    );
    ranges.push({
      start: r[0],
      end: r[1],
      level: 1,
      open: (first) =>
        first
          ? `<mark class="q ${q.kind} part" id="${id}-q${k + 1}" tabindex="0" data-kind="${q.kind}" data-speaker="${escapeAttr(label)}" data-tip="${tipText}">`
          : `<mark class="q ${q.kind} frag">`,
      close: () => `</mark>`,
    });
    if (q.cue) {
      const c = locate(q.cue.span, q.cue.text);
      if (c && !ranges.some((x) => x.level === 2 && x.start === c[0] && x.end === c[1]))
        ranges.push({
          start: c[0],
          end: c[1],
          level: 2,
          open: (first) =>
            `<span class="cue${first ? " part" : ""}"${first ? ` tabindex="0" data-tip="${escapeAttr(`speech cue · ${q.cue!.text} · ${spanText(q.cue!.span)}`)}"` : ""}>`,
          close: () => `</span>`,
        });
    }
    // The label goes after the closing mark and the punctuation that follows it.
    if (q.kind !== "partial" || q.speaker) {
      let at = r[1];
      if (at < n && /["”’'»]/u.test(cps[at]!)) at++;
      while (at < n && /[,.;:!?।॥)]/u.test(cps[at]!)) at++;
      const kindWord =
        q.kind === "direct" ? "" : `<span class="k"${en}>${q.kind === "continuation" ? "continued" : q.kind}</span> `;
      const body = label
        ? escapeHtml(q.speaker!.name ?? q.speaker!.text) +
          (q.via ? ` <span${en}>via</span> ${escapeHtml(q.via.name ?? q.via.text)}` : "")
        : `<span${en}>speaker unknown</span>`;
      addPoint(at, `<span class="who" data-for="${id}-q${k + 1}">${kindWord}${body}</span>`);
    } else addPoint(r[1], `<span class="who" data-for="${id}-q${k + 1}"><span class="k"${en}>partial</span></span>`);
  });

  for (const { d, k } of diags) {
    // Where markup was left out, the earliest place it can be, moved back to a word's start.
    let at = Math.min(n, Math.max(0, d.span.start - p.span.start - lost));
    if (!exact) while (at > 0 && !/\s/u.test(cps[at - 1]!)) at--;
    addPoint(
      at,
      `<a class="dg ${d.severity}" id="${id}-dm${k}" href="#${id}-d${k}"${en} aria-label="${d.severity}: ${escapeAttr(d.message)}">${SEVERITY_MARK[d.severity]}</a>`,
    );
  }

  // Boundaries, then each segment with the ranges that cover it, outermost first.
  const cuts = new Set<number>([0, n]);
  for (const r of ranges) {
    cuts.add(r.start);
    cuts.add(r.end);
  }
  for (const at of points.keys()) cuts.add(at);
  const order = [...cuts].filter((x) => x >= 0 && x <= n).sort((a, b) => a - b);
  // A sweep: ranges enter at their start and leave at their end; those open at once are few.
  const byStart = ranges.map((r, k) => ({ r, k })).sort((a, b) => a.r.start - b.r.start || a.k - b.k);
  const outerFirst = (a: { r: Range; k: number }, b: { r: Range; k: number }) =>
    a.r.level - b.r.level || a.r.start - b.r.start || b.r.end - a.r.end || a.k - b.k;
  let next = 0;
  let active: { r: Range; k: number }[] = [];
  const opened = new Set<Range>();
  const stack: Range[] = [];
  const html: string[] = [];
  for (let s = 0; s < order.length; s++) {
    const x = order[s]!;
    active = active.filter(({ r }) => r.end > x);
    while (next < byStart.length && byStart[next]!.r.start <= x) {
      if (byStart[next]!.r.end > x) active.push(byStart[next]!);
      next++;
    }
    active.sort(outerFirst);
    const want = x < n ? active.map(({ r }) => r) : [];
    let keep = 0;
    while (keep < stack.length && keep < want.length && stack[keep] === want[keep]) keep++;
    while (stack.length > keep) {
      const r = stack.pop()!;
      html.push(r.close(r.end <= x));
    }
    for (const pt of points.get(x) ?? []) html.push(pt);
    for (const r of want.slice(keep)) {
      html.push(r.open(!opened.has(r)));
      opened.add(r);
      stack.push(r);
    }
    const y = order[s + 1];
    if (y !== undefined) html.push(escapeHtml(cps.slice(x, y).join("")));
  }
  return html.join("");
}
