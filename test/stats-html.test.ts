// `wire stats --html FILE`: the overview as a standalone page with inline SVG charts. The page
// is well formed, only its own markup appears (places and speakers from the copy are text),
// scripts are forbidden, and its numbers are the overview's.
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderStatsHtml } from "../src/stats/html.js";
import type { WireStats } from "../src/stats/types.js";
import { runWire } from "./helpers.js";

const wire = (argv: string[]) => runWire([...argv, "-j", "1"]);

const ELEMENTS = new Set([
  "html",
  "head",
  "meta",
  "title",
  "style",
  "body",
  "header",
  "h1",
  "h2",
  "p",
  "main",
  "ul",
  "li",
  "b",
  "span",
  "div",
  "section",
  "table",
  "tr",
  "th",
  "td",
  "small",
  "svg",
  "rect",
  "details",
  "summary",
  "code",
  "footer",
]);
const VOID = new Set(["meta"]);
const ATTRIBUTES = new Set([
  "lang",
  "charset",
  "http-equiv",
  "content",
  "name",
  "class",
  "scope",
  "viewBox",
  "preserveAspectRatio",
  "role",
  "aria-label",
  "x",
  "y",
  "width",
  "height",
]);
const TAG = /<(\/?)([a-zA-Z0-9]+)((?:\s+[a-zA-Z-]+="[^"<>]*")*)\s*>/gy;

/** Every tag is one of the page's own, nested properly; no raw markup or control in text. */
function checkPage(html: string): void {
  const problems: string[] = [];
  const body = html.slice("<!DOCTYPE html>\n".length);
  const css = body.slice(body.indexOf("<style>") + 7, body.indexOf("</style>"));
  const rest = body.replace(css, "");
  const stack: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const lt = rest.indexOf("<", i);
    const text = rest.slice(i, lt < 0 ? rest.length : lt);
    if (/[>\u0000-\u0008\u000b-\u001f\u202a-\u202e\u2066-\u2069]/u.test(text))
      problems.push(`raw character in ${JSON.stringify(text)}`);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(rest);
    if (!m) {
      problems.push(`not a tag of the page: ${rest.slice(lt, lt + 60)}`);
      break;
    }
    const [whole, close, name, attrs] = m;
    if (!ELEMENTS.has(name!)) problems.push(`element ${name}`);
    if (close) {
      if (stack.pop() !== name) problems.push(`</${name}> misplaced`);
    } else if (!VOID.has(name!)) stack.push(name!);
    for (const a of attrs!.matchAll(/([a-zA-Z-]+)="([^"]*)"/gu))
      if (!ATTRIBUTES.has(a[1]!)) problems.push(`attribute ${a[1]}`);
    i = lt + whole.length;
  }
  if (stack.length) problems.push(`unclosed ${stack.join(" ")}`);
  expect(problems).toEqual([]);
  expect(html).toContain(`style-src 'sha256-${createHash("sha256").update(css).digest("base64")}'`);
  expect(html).toContain("script-src 'none'");
}

describe("wire stats --html", () => {
  it("writes the page to FILE, and prints the dashboard as before", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "wire-stats-html-")), "overview.html");
    const r = await wire(["stats", "fixtures/hi", "fixtures/en", "--ext", "txt", "--html", file, "-f", "json"]);
    expect(r.code).toBe(0);
    const stats = JSON.parse(r.stdout) as WireStats;
    const html = readFileSync(file, "utf8");
    checkPage(html);
    expect(html).toContain(`<li><b>${stats.stories.total}</b><span>stories</span></li>`);
    // A bar per listed value, its count written beside it.
    for (const t of stats.agencies.items)
      expect(html).toMatch(
        new RegExp(`<th scope="row">${t.key}</th><td><svg [^]*?</svg></td><td class="n">${t.count}</td>`, "u"),
      );
    const bars = html.match(/<rect class="bar"/gu)!.length;
    const listed = [
      stats.languages,
      stats.agencies,
      stats.places,
      stats.quotes.kinds,
      stats.speakers,
      stats.relays,
      stats.deskCodes,
    ].reduce((n, l) => n + l.items.length, 0);
    expect(bars).toBe(listed + 5 + (stats.dates.histogram.some((t) => t.count > 0) ? stats.dates.histogram.length : 0));
    for (const d of stats.diagnostics) expect(html).toContain(`<code>${d.code}</code>`);
    expect(html).toContain("Noto Sans Devanagari");
  });

  it("--html - prints the page in place of the dashboard", async () => {
    const r = await wire(["stats", "fixtures/hi", "--ext", "txt", "--html", "-"]);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith("<!DOCTYPE html>")).toBe(true);
    checkPage(r.stdout);
  });

  it("a page that cannot be written is an error, exit 1", async () => {
    const r = await wire([
      "stats",
      "fixtures/hi",
      "--ext",
      "txt",
      "--html",
      "fixtures/hi/dateline-danda-signoff-next-line.txt/x.html",
      "-f",
      "json",
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot write the page/u);
  });

  it("values from the copy are text, controls shown escaped; empty lists say so", () => {
    const list = (key: string) => ({ items: [{ key, count: 2 }], distinct: 3, total: 3, none: 1 });
    const stats: WireStats = {
      schema: "wire.stats/1",
      top: 10,
      inputs: { total: 1, failed: 0, bytes: 100 },
      stories: {
        total: 2,
        withWarnings: 0,
        withErrors: 0,
        withDateline: 1,
        withSignoff: 1,
        withHeadline: 0,
        paragraphs: 3,
      },
      languages: list("hi"),
      agencies: list('<img src=x onerror="alert(1)">'),
      places: {
        items: [{ key: "<script>x</script>", count: 1, name: null, country: null }],
        distinct: 1,
        total: 1,
        none: 0,
      },
      dates: {
        bucket: "day",
        first: null,
        last: null,
        histogram: [],
        dated: 0,
        withoutYear: 2,
        invalid: 0,
        withoutDate: 0,
      },
      quotes: { total: 0, kinds: { items: [], distinct: 0, total: 0, none: 2 }, attributions: 0 },
      speakers: list("evil\u202eexe.txt"),
      relays: list("javascript:alert(2)"),
      deskCodes: list("SKP"),
      diagnostics: [{ code: "unknown-place", severity: "info", count: 1, stories: 1, example: "<b>a.txt</b>:1:1" }],
      approximate: true,
    };
    const html = renderStatsHtml(stats);
    checkPage(html);
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).toContain("&lt;script&gt;x&lt;/script&gt; (unknown place)");
    expect(html).toContain('evil<span class="ctl">\\u202e</span>exe.txt');
    expect(html).toContain("No story has a full date.");
    expect(html).toContain("rarest were dropped");
    expect(html).toContain("2 more not shown (3 in all) · 1 of 2 stories with no agency");
  });
});
