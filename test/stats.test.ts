// `wire stats`: figures on a built archive against counts computed here from the records, the
// 80-column dashboard per language, widths, --top, and the pure function over records.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";
import { statsOf } from "../src/stats/collect.js";
import { bar, fitWidth, renderStats } from "../src/stats/terminal.js";
import type { WireStats } from "../src/stats/types.js";
import { widthOf } from "../src/render/terminal.js";
import { parse } from "../src/index.js";
import type { Story } from "../src/story.js";
import { makeZip } from "./archives.js";
import { fixtures, fixtureFolders } from "./helpers.js";

async function wire(argv: string[], columns?: number, stdin = "") {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdin: (async function* () {
      if (stdin) yield Buffer.from(stdin);
    })(),
    stdout: { write: (s: string) => (stdout += s), columns },
    stderr: { write: (s: string) => (stderr += s) },
    env: {},
  });
  return { code, stdout, stderr };
}

/** Every fixture story of every folder, plus a zip of some, a bad file and a missing one. */
const tmp = mkdtempSync(join(tmpdir(), "wire-stats-"));
const all = fixtureFolders().flatMap((f) => fixtures(f).map((x) => ({ ...x, folder: f })));
for (const f of all) {
  mkdirSync(join(tmp, "archive", f.folder), { recursive: true });
  writeFileSync(join(tmp, "archive", f.folder, `${f.name}.txt`), f.text);
}
// Mostly UTF-8 with a bad byte: an invalid-encoding error (8-bit text with no UTF-8 sequence would be read as Windows-1252).
writeFileSync(join(tmp, "archive", "broken.txt"), Buffer.from([0xc3, 0xa9, 0xff, 0x42, 0x0a]));
writeFileSync(join(tmp, "archive", "blank.txt"), "\n\n");
const zipped = all.slice(0, 12);
writeFileSync(
  join(tmp, "day.zip"),
  makeZip(zipped.map((f) => ({ name: `d/${f.name}.txt`, data: f.text, deflate: true }))),
);
const inputs = [join(tmp, "archive"), join(tmp, "day.zip"), join(tmp, "missing.txt")];

/** Counts of a list of keys, as the stats lists give them (by count, then key). */
function tally(keys: string[]): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

describe("wire stats on a built archive", async () => {
  const json = await wire(["stats", ...inputs, "-f", "json", "--top", "1000", "-j", "1"]);
  const stats = JSON.parse(json.stdout) as WireStats;
  const parsed = await wire(["parse", ...inputs, "-f", "ndjson", "-j", "1", "--no-progress"]);
  const records = parsed.stdout
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as Story);

  it("exits 1 (an input failed) and names the failure on stderr", () => {
    expect(json.code).toBe(1);
    expect(json.stderr).toContain("missing.txt");
    expect(json.stderr).not.toContain("[unbalanced-quote]");
  });

  it("counts inputs, stories, failures and bytes", () => {
    // A fixture may hold several stories (a roundup, two glued stories): count them with the library.
    const storiesIn = (list: { text: string }[]) => list.reduce((n, f) => n + parse(f.text).length, 0);
    expect(records.length).toBe(storiesIn(all) + storiesIn(zipped));
    expect(stats.schema).toBe("wire.stats/1");
    expect(stats.stories.total).toBe(records.length);
    // Every fixture file, every zip entry, the broken and the blank file, the missing file.
    expect(stats.inputs.total).toBe(all.length + zipped.length + 3);
    expect(stats.inputs.failed).toBe(2); // broken.txt (invalid-encoding) and missing.txt (read-error)
    const bytes = records.filter((r) => r.source.index === 1).reduce((a, r) => a + r.source.bytes, 0);
    expect(stats.inputs.bytes).toBe(bytes + 5 + 2);
    expect(stats.stories.withDateline).toBe(records.filter((r) => r.dateline).length);
    expect(stats.stories.withSignoff).toBe(records.filter((r) => r.signoff).length);
    expect(stats.stories.paragraphs).toBe(records.reduce((a, r) => a + r.paragraphs.length, 0));
  });

  it("lists languages, agencies, places, speakers, relays, quote kinds and desk codes", () => {
    expect(stats.languages.items).toEqual(tally(records.map((r) => r.language)));
    expect(stats.agencies.items).toEqual(
      tally(records.flatMap((r) => (r.agency ? [r.agency.code ?? r.agency.text] : []))),
    );
    expect(stats.agencies.none).toBe(records.filter((r) => !r.agency).length);
    const places = records.flatMap((r) => r.dateline?.places ?? []);
    expect(stats.places.items.map(({ key, count }) => ({ key, count }))).toEqual(
      tally(places.map((p) => p.name ?? p.text)),
    );
    const delhi = stats.places.items.find((p) => p.key === "New Delhi")!;
    expect(delhi.country).toBe("IN");
    const quotes = records.flatMap((r) => r.quotes);
    expect(stats.quotes.total).toBe(quotes.length);
    expect(stats.quotes.kinds.items).toEqual(tally(quotes.map((q) => q.kind)));
    const said = [
      ...quotes.flatMap((q) => (q.speaker ? [q.speaker.name ?? q.speaker.text] : [])),
      ...records.flatMap((r) => r.attributions.map((a) => a.source.name ?? a.source.text)),
    ];
    expect(stats.speakers.items).toEqual(tally(said));
    expect(stats.relays.items).toEqual(tally(quotes.flatMap((q) => (q.via ? [q.via.name ?? q.via.text] : []))));
    expect(stats.deskCodes.items).toEqual(
      tally(records.flatMap((r) => r.signoff?.codes.map((c) => c.latin ?? c.text) ?? [])),
    );
  });

  it("histograms dates, stories without a year apart", () => {
    const dates = records.map((r) => r.dateline?.date ?? null);
    expect(stats.dates.withoutDate).toBe(dates.filter((d) => !d).length);
    expect(stats.dates.withoutYear).toBe(dates.filter((d) => d && d.year === null).length);
    const iso = dates.flatMap((d) => (d?.iso ? [d.iso] : [])).sort();
    expect(stats.dates.dated).toBe(iso.length);
    expect(stats.dates.first).toBe(iso[0]);
    expect(stats.dates.last).toBe(iso[iso.length - 1]);
    expect(stats.dates.histogram.reduce((a, t) => a + t.count, 0)).toBe(iso.length);
    const cut = { day: 10, month: 7, year: 4 }[stats.dates.bucket];
    for (const t of stats.dates.histogram) expect(t.count).toBe(iso.filter((d) => d.slice(0, cut) === t.key).length);
  });

  it("counts diagnostics by code and severity with a first example", () => {
    const diags = records.flatMap((r) => r.diagnostics.map((d) => ({ ...d, path: r.source.path })));
    for (const t of stats.diagnostics.filter(
      (x) => !["invalid-encoding", "empty-input", "read-error"].includes(x.code),
    )) {
      const these = diags.filter((d) => d.code === t.code && d.severity === t.severity);
      expect(t.count).toBe(these.length);
      expect(t.example).toBe(`${these[0]!.path}:${these[0]!.line}:${these[0]!.column}`);
    }
    const byCode = Object.fromEntries(stats.diagnostics.map((d) => [d.code, d]));
    expect(byCode["invalid-encoding"]).toMatchObject({
      severity: "error",
      count: 1,
      example: expect.stringMatching(/broken\.txt:1:2$/u),
    });
    expect(byCode["empty-input"]).toMatchObject({ severity: "warning", count: 1 });
    expect(byCode["read-error"]).toMatchObject({
      severity: "error",
      count: 1,
      example: expect.stringContaining("missing.txt"),
    });
    // Errors first, then warnings, then info.
    const ranks = stats.diagnostics.map((d) => ({ error: 0, warning: 1, info: 2 })[d.severity]);
    expect(ranks).toEqual([...ranks].sort());
  });

  it("gives the same figures on worker threads", async () => {
    const threaded = await wire(["stats", ...inputs, "-f", "json", "--top", "1000", "-j", "3"]);
    expect(JSON.parse(threaded.stdout)).toEqual(stats);
  });

  it("equals the pure function over the records (inputs that gave no story aside)", () => {
    const pure = statsOf(records, 1000);
    expect(pure.languages).toEqual(stats.languages);
    expect(pure.speakers).toEqual(stats.speakers);
    expect(pure.dates).toEqual(stats.dates);
    expect(pure.stories).toEqual(stats.stories);
    expect(pure.inputs.total).toBe(all.length + zipped.length);
  });

  it("--top cuts every list and says how many there were", async () => {
    const r = JSON.parse(
      (await wire(["stats", join(tmp, "archive"), "-f", "json", "--top", "3", "-j", "1"])).stdout,
    ) as WireStats;
    expect(r.top).toBe(3);
    for (const l of [r.agencies, r.places, r.speakers, r.deskCodes]) {
      expect(l.items.length).toBe(3);
      expect(l.distinct).toBeGreaterThan(3);
    }
    expect((await wire(["stats", "--top", "0"])).code).toBe(2);
  });
});

describe("the stats dashboard", () => {
  // A fixed set per language (fixtures added later leave the snapshot alone), with --ref-date so
  // the date histogram has bars.
  const sets: Record<string, string[]> = {
    hi: [
      "dateline-danda-signoff-next-line",
      "devanagari-digits-date",
      "no-dateline",
      "quote-never-closed-opening-mark",
      "quote-relay-via-partial-reported",
      "two-places-slash-three-codes",
      "unknown-village-place",
      "unmarked-speech-after-ne-kaha",
      "year-written-with-refdate",
      "refdate-previous-year",
    ],
    en: [
      "dateline-alone-on-line",
      "glued-paragraph-space-colon",
      "missing-dateline",
      "quote-relay-via-partial-reported",
      "quote-unbalanced-marks",
      "said-that-verbs-according-to",
      "signoff-codes-next-line",
      "two-places-slash",
      "year-written-with-comma",
      "ref-date-previous-year",
    ],
  };
  for (const lang of ["hi", "en"]) {
    it(`80 columns, ${lang} fixtures`, async () => {
      const files = sets[lang]!.map((n) => `fixtures/${lang}/${n}.txt`);
      const r = await wire(["stats", ...files, "--ref-date", "2024-12-31", "--color", "never", "-j", "1"], 80);
      expect(r.code).toBe(0);
      await expect(r.stdout).toMatchFileSnapshot(`snapshots/stats-${lang}.80.txt`);
    });
  }

  it("fits the width on every line, Devanagari measured as a terminal draws it", async () => {
    const stories = fixtureFolders().flatMap((f) =>
      fixtures(f).flatMap((x) => parse(x.text, { path: `${f}/${x.name}.txt` })),
    );
    const stats = statsOf(stories, 12);
    for (const width of [40, 60, 80, 100, 132]) {
      const text = renderStats(stats, { color: false, width });
      for (const line of text.split("\n")) expect(widthOf(line), `${width}: ${line}`).toBeLessThanOrEqual(width);
      expect(text).toContain("█");
    }
    const colored = renderStats(stats, { color: true, width: 80 });
    expect(colored).toContain("\u001b[");
    expect(colored.replace(/\u001b\[[0-9;]*m/gu, "")).toBe(renderStats(stats, { color: false, width: 80 }));
  });

  it("escapes control characters from the copy", () => {
    const stats = statsOf(
      parse('सोल\u001b]0;x\u0007, 14 सितंबर (आईएएनएस)। किम ने कहा, "हम तैयार हैं।"\n', { path: "x.txt" }),
    );
    expect(renderStats(stats, { color: false, width: 80 })).not.toMatch(/[\u0007\u001b]/u);
  });

  it("draws bars in eighths and fits labels between grapheme clusters", () => {
    expect(bar(8, 8, 4)).toBe("████");
    expect(bar(1, 8, 4)).toBe("▌");
    expect(bar(1, 1000, 4)).toBe("▏");
    expect(bar(0, 8, 4)).toBe("");
    expect(fitWidth("अधिकारियों", 4)).toBe("अधि…");
    expect(widthOf(fitWidth("अधिकारियों ने कहा", 7))).toBe(7);
    expect(fitWidth("ab", 4)).toBe("ab  ");
  });

  it("reads standard input and JSONL dumps like parse", async () => {
    const en = fixtures("en")
      .filter((f) => f.expect.stories.length === 1)
      .slice(0, 5);
    const dump = en.map((f, i) => JSON.stringify({ id: `s${i}`, text: f.text })).join("\n") + "\n";
    const r = await wire(["stats", "--from", "jsonl", "--id-field", "id", "-f", "json", "-j", "1"], undefined, dump);
    const s = JSON.parse(r.stdout) as WireStats;
    expect(s.inputs.total).toBe(5);
    expect(s.languages.items).toEqual([{ key: "en", count: 5 }]);
  });
});

describe("bounded memory", () => {
  it("keeps the most frequent names when a list meets more distinct names than it keeps", async () => {
    const { StatsCollector } = await import("../src/stats/collect.js");
    const { storyFacts } = await import("../src/stats/facts.js");
    const base = storyFacts(parse("सोल, 14 सितंबर (आईएएनएस)। किम ने कहा कि वे तैयार हैं।\n", { path: "x.txt" })[0]!);
    const c = new StatsCollector();
    for (let i = 0; i < 50_000; i++) c.add({ ...base, speakers: [`name ${i}`, ...(i % 1000 === 0 ? ["often"] : [])] });
    const s = c.result(3);
    expect(s.approximate).toBe(true);
    expect(s.speakers.items[0]).toEqual({ key: "often", count: 50 });
    expect(s.speakers.total).toBe(50_050);
    expect(s.speakers.distinct).toBeLessThanOrEqual(40_000);
    expect(s.stories.total).toBe(50_000);
  });
});
