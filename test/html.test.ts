// The HTML view: snapshots of the page for fixtures in both languages, and what must hold for
// every story: the page is well formed, only its own elements and attributes appear (copy
// never becomes markup), scripts are forbidden, ids are unique, every quote has its label.
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { render } from "../src/render/index.js";
import { cspFor, escapeAttr, escapeHtml, renderHtmlPage, renderHtmlStory } from "../src/render/html.js";
import { VERSION } from "../src/version.js";
import { fixtureFolders, fixtures, runWire } from "./helpers.js";

const wire = (argv: string[]) => runWire(argv.includes("-j") ? argv : [...argv, "-j", "1"]);

const all = fixtureFolders().flatMap((d) => fixtures(d));
const HOSTILE = "fixtures/en/hostile-markup-scripts-bidi.txt";

// The page's own vocabulary: anything else in the output would have come from the copy.
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
  "h3",
  "ul",
  "ol",
  "li",
  "nav",
  "main",
  "article",
  "p",
  "span",
  "mark",
  "a",
  "code",
  "div",
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
  "id",
  "href",
  "tabindex",
  "title",
  "aria-label",
  "aria-labelledby",
  "data-tip",
  "data-kind",
  "data-speaker",
  "data-for",
]);
const TAG = /<(\/?)([a-z0-9]+)((?:\s+[a-z-]+="[^"<>]*")*)\s*>/gy;

/** Checks the page token by token; returns the ids it declares. */
function checkPage(html: string): string[] {
  const problems: string[] = [];
  if (!html.startsWith("<!DOCTYPE html>\n")) problems.push("no doctype");
  const body = html.slice("<!DOCTYPE html>\n".length);
  const styleAt = body.indexOf("<style>");
  const styleEnd = body.indexOf("</style>");
  const css = body.slice(styleAt + 7, styleEnd);
  const rest = body.slice(0, styleAt + 7) + body.slice(styleEnd);
  const stack: string[] = [];
  const ids: string[] = [];
  let i = 0;
  while (i < rest.length) {
    const lt = rest.indexOf("<", i);
    // Text between tags holds no raw markup characters or controls the browser would act on.
    const text = rest.slice(i, lt < 0 ? rest.length : lt);
    if (/[>\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/u.test(text))
      problems.push(`raw character in text: ${JSON.stringify(text)}`);
    if (/&(?!(amp|lt|gt|quot|#39);)/u.test(text)) problems.push(`bare & in text: ${JSON.stringify(text)}`);
    if (lt < 0) break;
    TAG.lastIndex = lt;
    const m = TAG.exec(rest);
    if (!m) {
      problems.push(`not a tag of the page at ${lt}: ${rest.slice(lt, lt + 60)}`);
      break;
    }
    const [whole, close, name, attrs] = m;
    if (!ELEMENTS.has(name!)) problems.push(`element ${name}`);
    if (close) {
      const open = stack.pop();
      if (open !== name) problems.push(`</${name}> closes <${open}>`);
    } else if (!VOID.has(name!)) stack.push(name!);
    for (const a of attrs!.matchAll(/([a-z-]+)="([^"]*)"/gu)) {
      if (!ATTRIBUTES.has(a[1]!)) problems.push(`attribute ${a[1]}`);
      if (a[1] === "href" && !/^#[a-z0-9-]+$/u.test(a[2]!)) problems.push(`href ${a[2]}`);
      if (a[1] === "id") ids.push(a[2]!);
      if (/[\u0000-\u001f\u202a-\u202e\u2066-\u2069]/u.test(a[2]!)) problems.push(`control in attribute ${a[1]}`);
    }
    i = lt + whole.length;
  }
  if (stack.length) problems.push(`unclosed ${stack.join(" ")}`);
  expect(problems).toEqual([]);
  // The style sheet is the one the policy allows by its hash, and scripts are forbidden.
  const csp = cspFor(css);
  expect(csp).toContain(`'sha256-${createHash("sha256").update(css).digest("base64")}'`);
  expect(csp).toContain("script-src 'none'");
  expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  return ids;
}

describe("html snapshots", () => {
  const cases = [
    "fixtures/hi/dateline-danda-signoff-next-line.txt",
    "fixtures/hi/quote-relay-via-partial-reported.txt",
    "fixtures/en/quote-curly-multi-paragraph-continuation.txt",
    "fixtures/en/missing-dateline.txt",
  ];
  for (const file of cases) {
    const name = file
      .replace(/^fixtures\//u, "")
      .replace(/\//gu, "__")
      .replace(/\.txt$/u, "");
    it(`${name} -f html`, async () => {
      const r = await wire(["parse", file, "-f", "html", "-q"]);
      expect(r.code).toBe(0);
      await expect(r.stdout.replaceAll(VERSION, "<version>")).toMatchFileSnapshot(`snapshots/html/${name}.html`);
    });
  }
  it("two stories in both languages -f html: one page with contents", async () => {
    const r = await wire(["parse", cases[1]!, cases[2]!, "-f", "html", "-q"]);
    await expect(r.stdout.replaceAll(VERSION, "<version>")).toMatchFileSnapshot(`snapshots/html/two-stories.html`);
  });
});

describe("html page", () => {
  it("every fixture renders to a well-formed page of the view's own elements, ids unique", () => {
    for (const f of all) {
      const stories = parse(f.text, { ...f.expect.options, path: f.name });
      for (const html of [renderHtmlPage(stories), ...stories.map((s) => render(s, "html"))]) {
        const ids = checkPage(html);
        expect(new Set(ids).size, f.name).toBe(ids.length);
        // Every in-page link points at an id of the page.
        for (const m of html.matchAll(/href="#([^"]+)"/gu)) expect(ids, `${f.name} #${m[1]}`).toContain(m[1]);
      }
    }
  }, 60_000);

  it("each quote is a mark with its kind, and a label naming its speaker and relay", () => {
    const f = all.find((x) => x.name === "quote-relay-via-partial-reported" && x.text.includes("शिन्हुआ"))!;
    const [story] = parse(f.text);
    const html = render(story!, "html");
    const marks = [...html.matchAll(/<mark class="q (\w+) part" id="s1-q(\d+)"[^>]*data-speaker="([^"]*)"/gu)];
    expect(marks.map((m) => m[1])).toEqual(story!.quotes.map((q) => q.kind));
    const q = story!.quotes[0]!;
    expect(q.via).not.toBeNull();
    const [speaker, via] = [q.speaker!.name ?? q.speaker!.text, q.via!.name ?? q.via!.text];
    expect(marks[0]![3]).toBe(`${speaker} via ${via}`);
    expect(html).toContain(`<span class="who" data-for="s1-q1">${speaker} <span lang="en">via</span> ${via}</span>`);
    // Kinds are told by a word and a border pattern, not by colour alone.
    const q2 = story!.quotes[1]!;
    expect(q2.kind).toBe("partial");
    expect(html).toContain(
      `<span class="who" data-for="s1-q2"><span class="k" lang="en">partial</span> ${q2.speaker!.name ?? q2.speaker!.text}</span>`,
    );
    expect(html).toContain("mark.q.partial{border-style:dashed}");
    // Cues underlined, reported speech bracketed with its source, codes in Latin letters.
    expect(html).toMatch(/<span class="cue part"[^>]*>की रिपोर्ट के अनुसार<\/span>/u);
    const a = story!.attributions[0]!;
    expect(html).toContain(
      `<span class="rsrc"><span class="k" lang="en">reported</span> ${a.source.name ?? a.source.text}</span>`,
    );
    expect(html).toContain("IANS · AKJ (एकेजे) SKP (एसकेपी)");
    expect(html).toContain('<article id="s1" lang="hi"');
    expect(html).toContain("Noto Sans Devanagari");
    expect(html).toContain("prefers-color-scheme:dark");
  });

  it("the parts' tips give what they are and their span", () => {
    const [story] = parse(readFileSync(HOSTILE, "utf8"));
    const html = render(story!, "html");
    const d = story!.dateline!;
    expect(html).toContain(`data-tip="dateline · line 1 · span ${d.span.start}–${d.span.end}"`);
    const p = story!.paragraphs[1]!;
    expect(html).toContain(`data-tip="paragraph 2 · break: newline · line 2 · span ${p.span.start}–${p.span.end}"`);
  });

  it("where the parser names the rule that read a part, its tip gives it", () => {
    const [story] = parse(readFileSync(HOSTILE, "utf8"));
    const d = story!.dateline!;
    const { article } = renderHtmlStory(story!, "s1", { dateline: "paren-tag", signoff: null });
    expect(article).toContain(`data-tip="dateline · rule paren-tag · line 1 · span ${d.span.start}–${d.span.end}"`);
    expect(article).toMatch(/data-tip="sign-off · line \d+ · span/u);
  });

  it("diagnostics link to a marker at their place, and back", () => {
    const f = all.find((x) => x.text.includes("<") && parse(x.text).some((s) => s.diagnostics.length))!;
    const story = parse(f.text).find((s) => s.diagnostics.length)!;
    const html = render(story, "html");
    story.diagnostics.forEach((g, k) => {
      expect(html).toContain(
        `<li id="s1-d${k + 1}" class="${g.severity}"><a href="#s1-dm${k + 1}">${g.line}:${g.column}</a>`,
      );
      expect(html).toMatch(new RegExp(`<a class="dg ${g.severity}" id="s1-dm${k + 1}" href="#s1-d${k + 1}"`, "u"));
    });
  });

  it("hostile copy stays text: script tags, event attributes, javascript: URLs, bidi overrides", () => {
    const [story] = parse(readFileSync(HOSTILE, "utf8"));
    const html = render(story!, "html");
    checkPage(html);
    expect(html).toContain("&lt;script&gt;window.pwned = 1; document.title = &quot;pwned&quot;&lt;/script&gt;");
    // Where markup was left out, parts are still found at their own place, not at an earlier
    // occurrence of the same words ('pwned' in 'window.pwned').
    expect(html).toContain('window.pwned = 1; document.title = &quot;<mark class="q partial part" id="s1-q1"');
    expect(html).toContain("&lt;svg onload=alert(2)&gt;");
    expect(html).toContain("&lt;iframe src=javascript:alert(3)&gt;");
    expect(html).toContain('reversed name, <span class="ctl">\\u202e</span>evil.exe<span class="ctl">\\u202c</span>');
    expect(html).not.toMatch(/<(script|svg|iframe|img)\b/u);
  });

  it("any copy: the page stays the view's own markup (property)", () => {
    const bits = [
      "<script>",
      "</script>",
      "<svg onload=x>",
      '" onmouseover="x',
      "' onclick='x",
      "javascript:alert(1)",
      "&lt;b&gt;",
      "&amp;",
      "\u202e",
      "\u2066",
      "\u200f",
      "\u0000",
      "\u001b[31m",
      '"',
      "“",
      "”",
      'ने कहा, "',
      'said, "',
      "<b>",
      "<br>",
      "।",
      "\n",
      "\n\n",
    ];
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom(...bits), fc.string({ maxLength: 5 })), { maxLength: 14 }),
        (xs) => {
          const text = `सोल, 14 सितंबर (आईएएनएस)। ${xs.join("")}।\n"${xs.join(" ")}," he said.\n-- आईएएनएस\nएसकेपी\n`;
          const stories = parse(text);
          const html = renderHtmlPage(stories);
          const ids = checkPage(html);
          expect(new Set(ids).size).toBe(ids.length);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);

  it("escapeAttr writes a label on one line", () => {
    expect(escapeAttr("onclick='x \n a")).toBe("onclick=&#39;x   a");
  });

  it("a speaker whose words run across a line break gives one-line attributes", () => {
    // Found by the property test below: the words before `said` run across the line break.
    const xs = ["' onclick='x", "\n", "a", 'said, "'];
    const text = `सोल, 14 सितंबर (आईएएनएस)। ${xs.join("")}।\n"${xs.join(" ")}," he said.\n-- आईएएनएस\nएसकेपी\n`;
    checkPage(renderHtmlPage(parse(text)));
  });

  it("escapeHtml shows controls and escapes markup", () => {
    expect(escapeHtml(`<a href="x">&'\u202e`)).toBe(
      `&lt;a href=&quot;x&quot;&gt;&amp;&#39;<span class="ctl">\\u202e</span>`,
    );
  });
});

describe("-f html on the command line", () => {
  it("one page for the run: a table of contents only when there are several stories", async () => {
    const one = await wire(["parse", "fixtures/hi/dateline-danda-signoff-next-line.txt", "-f", "html", "-q"]);
    expect(one.stdout.match(/<article /gu)).toHaveLength(1);
    expect(one.stdout).not.toContain("<nav");
    // The parser's rules (its trace) reach the tips of the header parts.
    expect(one.stdout).toMatch(/data-tip="dateline · rule [a-z-]+ · line 1 · span/u);
    const three = await wire([
      "parse",
      "fixtures/hi/dateline-danda-signoff-next-line.txt",
      "fixtures/en/missing-dateline.txt",
      HOSTILE,
      "-f",
      "html",
      "-q",
      "-j",
      "2",
    ]);
    expect(three.code).toBe(0);
    expect(three.stdout.match(/<!DOCTYPE html>/gu)).toHaveLength(1);
    expect(three.stdout.match(/<article /gu)).toHaveLength(3);
    expect(three.stdout).toContain('<h2 id="toc-h">3 stories</h2>');
    expect([...three.stdout.matchAll(/<li><a href="#(s\d+)"/gu)].map((m) => m[1])).toEqual(["s1", "s2", "s3"]);
    expect(three.stdout.endsWith("</html>\n")).toBe(true);
    const ids = checkPage(three.stdout);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("no story: still a page, saying so", async () => {
    const r = await wire(["parse", "-f", "html", "-q", "fixtures/does-not-exist.txt"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("No story was found");
    checkPage(r.stdout);
  });

  it("-o FILE writes the one page, whole", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "wire-html-")), "all.html");
    const r = await wire([
      "parse",
      "fixtures/hi/dateline-danda-signoff-next-line.txt",
      HOSTILE,
      "-f",
      "html",
      "-q",
      "-o",
      file,
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    const page = readFileSync(file, "utf8");
    expect(page.match(/<article /gu)).toHaveLength(2);
    expect(page).toContain('<h2 id="toc-h">2 stories</h2>');
    checkPage(page);
  });

  it("-o DIR writes a page per story, named .html", async () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-html-"));
    const r = await wire([
      "parse",
      "fixtures/hi/dateline-danda-signoff-next-line.txt",
      HOSTILE,
      "-f",
      "html",
      "-q",
      "-o",
      dir + "/",
    ]);
    expect(r.code).toBe(0);
    // Outputs keep the inputs' paths from the current folder (the project root in tests).
    const files = ["fixtures/en/hostile-markup-scripts-bidi.html", "fixtures/hi/dateline-danda-signoff-next-line.html"];
    expect(
      readdirSync(join(dir, "fixtures"), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
        .sort(),
    ).toEqual(files);
    files.reverse();
    const page = readFileSync(join(dir, files[0]!), "utf8");
    checkPage(page);
    expect(page).toContain('<article id="s1" lang="hi"');
  });
});
