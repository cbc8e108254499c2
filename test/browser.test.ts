/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The HTML view in a real browser: Debian's Chromium (`apt-get install chromium`), driven by
// playwright-core, which never downloads a browser of its own. The pages of the seed story and
// of a story of hostile copy are opened from files; the test checks the quote elements and
// their speaker labels, that nothing from the copy ran or loaded, the hover bar, both colour
// schemes, and that at 1280×800 and at a phone's 390×844 nothing overflows sideways.
// Screenshots go to $WIRE_SCREENSHOTS (default: a folder in the system's temporary folder).
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, Page } from "playwright-core";
import { parse } from "../src/index.js";
import { run } from "../src/cli/run.js";
import { renderHtmlPage } from "../src/render/html.js";
import type { Story } from "../src/story.js";
import { hasShared, root, seedPath } from "./helpers.js";

const CANDIDATES = [process.env.WIRE_CHROMIUM, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
  (x): x is string => !!x,
);
const browserPath = CANDIDATES.find((p) => existsSync(p)) ?? null;
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
const VIEWPORTS = [
  { name: "desktop", width: 1280, height: 800 },
  { name: "phone", width: 390, height: 844 },
];

if (!browserPath)
  console.warn(
    `browser test skipped: no Chromium at ${CANDIDATES.join(" or ")} (install Debian's: apt-get install chromium)`,
  );
if (browserPath && !hasShared)
  console.warn("browser test of the seed story skipped: ../shared/seed/ians-hi-seoul.txt is absent");

const shots = process.env.WIRE_SCREENSHOTS ?? join(tmpdir(), "wire-screenshots");
const work = mkdtempSync(join(tmpdir(), "wire-browser-"));

/** Writes the page of `text`'s stories to a file; returns its URL and the stories. */
function pageFile(name: string, text: string, path: string): { url: string; stories: Story[] } {
  const stories = parse(text, { path });
  const file = join(work, `${name}.html`);
  writeFileSync(file, renderHtmlPage(stories));
  return { url: pathToFileURL(file).href, stories };
}

function who(q: Story["quotes"][number]): string {
  const name = (p: { text: string; name: string | null }) => p.name ?? p.text;
  return q.speaker ? name(q.speaker) + (q.via ? ` via ${name(q.via)}` : "") : "speaker unknown";
}

describe.skipIf(!browserPath)(
  `the HTML view in Chromium${browserPath ? "" : " (skipped: no Chromium installed)"}`,
  () => {
    let context: BrowserContext;
    let profile: string;
    /** Every request that left the page's own file, and every dialog a script opened. */
    const requests: string[] = [];
    const dialogs: string[] = [];

    beforeAll(async () => {
      const { chromium } = await import("playwright-core");
      profile = mkdtempSync(join(tmpdir(), "wire-chromium-profile-"));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: browserPath!,
        headless: true,
        args: FLAGS,
        viewport: VIEWPORTS[0]!,
        offline: true,
      });
      context.on("request", (r) => {
        if (!r.url().startsWith("file:")) requests.push(r.url());
      });
      context.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      mkdirSync(shots, { recursive: true });
    }, 60_000);

    afterAll(async () => {
      await context?.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(work, { recursive: true, force: true });
    });

    async function open(url: string): Promise<Page> {
      const page = await context.newPage();
      page.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(url, { waitUntil: "load" });
      return page;
    }

    /** Quote marks and their labels as the browser sees them. */
    async function quotesOf(page: Page) {
      return page.$$eval("mark.q.part", (marks) =>
        marks.map((m) => {
          const label = document.querySelector(`.who[data-for="${m.id}"]`);
          const box = label?.getBoundingClientRect();
          return {
            id: m.id,
            kind: m.getAttribute("data-kind"),
            text: m.textContent,
            label: label?.textContent ?? null,
            visible: !!box && box.width > 0 && box.height > 0,
          };
        }),
      );
    }

    /** Screenshots at both sizes; the page must not be wider than the window at either. */
    async function screenshots(page: Page, name: string) {
      for (const v of VIEWPORTS) {
        await page.setViewportSize({ width: v.width, height: v.height });
        const widths = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
        }));
        expect(widths.scroll, `${name} at ${v.width}×${v.height}`).toBeLessThanOrEqual(widths.client);
        await page.screenshot({ path: join(shots, `${name}-${v.name}.png`) });
      }
    }

    it.skipIf(!hasShared)(
      `the seed story: quotes with their speaker labels${hasShared ? "" : " (skipped: the seed story is absent)"}`,
      async () => {
        const { url, stories } = pageFile("seed", readFileSync(seedPath, "utf8"), "ians-hi-seoul.txt");
        const page = await open(url);
        const story = stories[0]!;
        const quotes = await quotesOf(page);
        expect(quotes.length).toBeGreaterThan(0);
        for (const q of quotes) {
          const k = Number(q.id.replace(/^s1-q/u, "")) - 1;
          const want = story.quotes[k]!;
          expect(q.kind).toBe(want.kind);
          expect(q.visible, q.id).toBe(true);
          expect(q.label).toContain(who(want) === "speaker unknown" && want.kind === "partial" ? "partial" : who(want));
          expect(want.text).toContain(q.text!.trim().slice(0, 10));
        }
        // A relayed quote reads 'speaker via agency'.
        expect(quotes.some((q) => / via /u.test(q.label ?? ""))).toBe(true);
        expect(await page.getAttribute("article", "lang")).toBe("hi");
        const font = await page.$eval("article .para", (p) => getComputedStyle(p).fontFamily);
        expect(font).toContain("Noto Sans Devanagari");
        await screenshots(page, "seed");
        await page.close();
      },
      60_000,
    );

    it("hostile copy: shown as text, nothing runs or loads; the policy stops injected scripts too", async () => {
      const file = join(root, "fixtures", "en", "hostile-markup-scripts-bidi.txt");
      const { url } = pageFile("hostile", readFileSync(file, "utf8"), "hostile.txt");
      const page = await open(url);
      const state = await page.evaluate(() => ({
        pwned: (window as unknown as { pwned?: unknown }).pwned ?? null,
        title: document.title,
        elements: document.querySelectorAll("script, iframe, svg, img, object, embed, form, base").length,
        handlers: [...document.querySelectorAll("*")]
          .flatMap((e) => [...e.attributes].map((a) => a.name))
          .filter((n) => n.startsWith("on")),
        links: [...document.querySelectorAll("a[href]")]
          .map((a) => a.getAttribute("href"))
          .filter((h) => !h!.startsWith("#")),
        // The copy as shown: the article without the view's own labels and markers.
        text: (() => {
          const copy = document.querySelector("article")!.cloneNode(true) as HTMLElement;
          for (const e of copy.querySelectorAll(".who, .rsrc, .dg, .pn, .brk, .means")) e.remove();
          return copy.textContent ?? "";
        })(),
        controls: [...document.querySelectorAll(".ctl")].map((e) => e.textContent),
      }));
      expect(state.pwned).toBeNull();
      expect(state.title).not.toContain("pwned");
      expect(state.elements).toBe(0);
      expect(state.handlers).toEqual([]);
      expect(state.links).toEqual([]);
      expect(state.text).toContain('<script>window.pwned = 1; document.title = "pwned"</script>');
      expect(state.text).toContain("<svg onload=alert(2)>");
      expect(state.text).toContain("javascript:alert(document.domain)");
      expect(state.controls).toEqual(["\\u202e", "\\u202c"]);
      // Even a script put into the page afterwards is refused by the Content-Security-Policy.
      const injected = await page.evaluate(
        () =>
          new Promise<{ ran: boolean; violation: string | null }>((resolve) => {
            let violation: string | null = null;
            document.addEventListener("securitypolicyviolation", (e) => (violation = e.violatedDirective));
            const s = document.createElement("script");
            s.textContent = "window.injected = true";
            document.body.append(s);
            setTimeout(
              () => resolve({ ran: (window as unknown as { injected?: boolean }).injected === true, violation }),
              50,
            );
          }),
      );
      expect(injected.ran).toBe(false);
      expect(injected.violation).toMatch(/^script-src/u);
      expect(dialogs).toEqual([]);
      expect(requests).toEqual([]);
      await screenshots(page, "hostile");
      await page.close();
    }, 60_000);

    it("hovering or focusing a part shows what it is and its span; dark scheme; a Hindi fixture", async () => {
      const file = join(root, "fixtures", "hi", "quote-relay-via-partial-reported.txt");
      const { url, stories } = pageFile("relay", readFileSync(file, "utf8"), "relay.txt");
      const page = await open(url);
      const quotes = await quotesOf(page);
      expect(quotes.map((q) => q.kind)).toEqual(stories[0]!.quotes.map((q) => q.kind));
      expect(quotes[0]!.label).toBe(who(stories[0]!.quotes[0]!));
      const bar = (sel: string) => page.$eval(sel, (e) => getComputedStyle(e, "::after").content);
      expect(await bar("mark.q.part")).toBe("none");
      await page.hover("mark.q.part");
      const span = stories[0]!.quotes[0]!.span;
      expect(await bar("mark.q.part")).toContain(`quote · direct · speaker: ${who(stories[0]!.quotes[0]!)}`);
      expect(await bar("mark.q.part")).toContain(`span ${span.start}–${span.end}`);
      // The cue inside the paragraph shows its own bar, not the paragraph's or the quote's.
      await page.hover(".cue.part");
      expect(await bar(".cue.part")).toContain("speech cue");
      // Keyboard: Tab reaches the parts, and the focused one shows its bar.
      await page.mouse.move(0, 0);
      await page.focus("h2");
      let tabs = 0;
      while (tabs++ < 30 && !(await page.evaluate(() => document.activeElement?.matches("mark.q.part") ?? false)))
        await page.keyboard.press("Tab");
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("s1-q1");
      expect(await page.evaluate(() => getComputedStyle(document.activeElement!, "::after").content)).toContain(
        "quote · direct",
      );
      await page.keyboard.press("Escape");
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

      const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      await screenshots(page, "relay");
      await page.emulateMedia({ colorScheme: "dark" });
      const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(dark).not.toBe(light);
      await screenshots(page, "relay-dark");
      await page.close();
    }, 60_000);

    it("wire stats --html: charts drawn, no overflow at either size", async () => {
      const file = join(work, "stats.html");
      const code = await run(
        ["stats", join(root, "fixtures"), "--ext", "txt", "--html", file, "-f", "json", "-j", "1"],
        {
          stdin: (async function* () {})(),
          stdout: { write: () => true },
          stderr: { write: () => true },
        },
      );
      expect(code).toBe(0);
      const page = await open(pathToFileURL(file).href);
      const drawn = await page.$$eval(
        "svg rect.bar",
        (rects) => rects.filter((r) => r.getBoundingClientRect().width > 0).length,
      );
      expect(drawn).toBeGreaterThan(10);
      await screenshots(page, "stats");
      await page.close();
    }, 60_000);

    it("several stories: the contents come first on screen and link to each story", async () => {
      const texts = [
        "hi/dateline-danda-signoff-next-line.txt",
        "en/quote-curly-multi-paragraph-continuation.txt",
        "en/hostile-markup-scripts-bidi.txt",
      ].map((f) => readFileSync(join(root, "fixtures", f), "utf8"));
      const { url } = pageFile("several", texts.join("\n\n"), "several.txt");
      const page = await open(url);
      const layout = await page.evaluate(() => ({
        nav: document.querySelector("nav")!.getBoundingClientRect().top,
        main: document.querySelector("main")!.getBoundingClientRect().top,
        entries: [...document.querySelectorAll("nav li a")].map((a) => a.getAttribute("href")),
        ids: [...document.querySelectorAll("article")].map((a) => `#${a.id}`),
      }));
      expect(layout.nav).toBeLessThan(layout.main);
      expect(layout.entries).toEqual(layout.ids);
      expect(layout.ids.length).toBeGreaterThan(1);
      await screenshots(page, "several");
      await page.close();
    }, 60_000);
  },
);
