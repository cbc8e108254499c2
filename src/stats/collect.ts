/**
 * Folds story facts into the archive overview. Memory stays bounded whatever the archive's
 * size: each list keeps at most `CAP` distinct keys (past twice that, the rarest are dropped
 * and the result says `approximate`); dates are kept per day, which is bounded by the calendar.
 */
import type { Severity, Story } from "../story.js";
import { storyFacts, type DiagnosticFact, type Facts, type StoryFacts } from "./facts.js";
import type { DateHistogram, DiagnosticTally, PlaceTally, Tally, TopList, WireStats } from "./types.js";

/** Distinct keys kept per list. */
const CAP = 20_000;

/** Counts per key, with the stories that have none. */
class Counter<X = undefined> {
  readonly map = new Map<string, { count: number; extra: X }>();
  total = 0;
  none = 0;
  dropped = false;

  add(key: string, extra: X): void {
    this.total++;
    const e = this.map.get(key);
    if (e) e.count++;
    else {
      this.map.set(key, { count: 1, extra });
      if (this.map.size > 2 * CAP) this.prune();
    }
  }

  private prune(): void {
    const keep = [...this.map].sort((a, b) => b[1].count - a[1].count).slice(0, CAP);
    this.map.clear();
    for (const [k, v] of keep) this.map.set(k, v);
    this.dropped = true;
  }

  top(
    n: number,
    item: (key: string, count: number, extra: X) => Tally = (key, count) => ({ key, count }),
  ): TopList<Tally> {
    const items = [...this.map]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .slice(0, n)
      .map(([k, v]) => item(k, v.count, v.extra));
    return { items, distinct: this.map.size, total: this.total, none: this.none };
  }
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class StatsCollector {
  private inputs = 0;
  private failed = 0;
  private bytes = 0;
  private stories = {
    total: 0,
    withWarnings: 0,
    withErrors: 0,
    withDateline: 0,
    withSignoff: 0,
    withHeadline: 0,
    paragraphs: 0,
  };
  private readonly languages = new Counter();
  private readonly agencies = new Counter();
  private readonly places = new Counter<{ name: string | null; country: string | null }>();
  private readonly kinds = new Counter();
  private readonly speakers = new Counter();
  private readonly relays = new Counter();
  private readonly deskCodes = new Counter();
  private quotes = 0;
  private attributions = 0;
  /** Stories per full date `YYYY-MM-DD`. */
  private readonly days = new Map<string, number>();
  private withoutYear = 0;
  private invalid = 0;
  private withoutDate = 0;
  private readonly diagnostics = new Map<string, DiagnosticTally>();

  /** Inputs read (whatever they gave); `add` takes their stories or failures. */
  countInput(n = 1): void {
    this.inputs += n;
  }

  add(f: Facts): void {
    this.bytes += f.bytes;
    if (f.kind === "input") {
      if (f.failed) this.failed++;
      this.diagnose(f.diagnostics);
      return;
    }
    const s = this.stories;
    s.total++;
    const worst = f.diagnostics.reduce<Severity>((w, d) => (RANK[d.severity] < RANK[w] ? d.severity : w), "info");
    if (worst === "error") s.withErrors++;
    else if (worst === "warning") s.withWarnings++;
    if (f.dateline) s.withDateline++;
    if (f.signoff) s.withSignoff++;
    if (f.headline) s.withHeadline++;
    s.paragraphs += f.paragraphs;
    this.languages.add(f.language, undefined);
    if (f.agency !== null) this.agencies.add(f.agency, undefined);
    else this.agencies.none++;
    if (!f.places.length) this.places.none++;
    for (const p of f.places) this.places.add(p.name ?? p.text, { name: p.name, country: p.country });
    this.date(f.date);
    this.quotes += f.quoteKinds.length;
    this.attributions += f.attributions;
    this.each(this.kinds, f.quoteKinds);
    this.each(this.speakers, f.speakers);
    this.each(this.relays, f.relays);
    this.each(this.deskCodes, f.deskCodes);
    this.diagnose(f.diagnostics);
  }

  addStory(story: Story): void {
    this.add(storyFacts(story));
  }

  private each(c: Counter, keys: string[]): void {
    if (!keys.length) c.none++;
    for (const k of keys) c.add(k, undefined);
  }

  private date(d: StoryFacts["date"]): void {
    if (!d) this.withoutDate++;
    else if (d.year === null) this.withoutYear++;
    else if (d.iso === null) this.invalid++;
    else this.days.set(d.iso, (this.days.get(d.iso) ?? 0) + 1);
  }

  private diagnose(list: DiagnosticFact[]): void {
    const seen = new Set<string>();
    for (const d of list) {
      const key = `${d.severity} ${d.code}`;
      let t = this.diagnostics.get(key);
      if (!t) {
        t = { code: d.code, severity: d.severity, count: 0, stories: 0, example: d.at };
        this.diagnostics.set(key, t);
      }
      t.count++;
      if (!seen.has(key)) {
        seen.add(key);
        t.stories++;
      }
    }
  }

  result(top = 10): WireStats {
    const place = (key: string, count: number, extra: { name: string | null; country: string | null }): PlaceTally => ({
      key,
      count,
      name: extra.name,
      country: extra.country,
    });
    const lists = [
      this.languages,
      this.agencies,
      this.places,
      this.kinds,
      this.speakers,
      this.relays,
      this.deskCodes,
    ] as Counter<unknown>[];
    return {
      schema: "wire.stats/1",
      top,
      inputs: { total: this.inputs, failed: this.failed, bytes: this.bytes },
      stories: { ...this.stories },
      languages: this.languages.top(top),
      agencies: this.agencies.top(top),
      places: this.places.top(top, place) as TopList<PlaceTally>,
      dates: histogram(this.days, this.withoutYear, this.invalid, this.withoutDate),
      quotes: { total: this.quotes, kinds: this.kinds.top(top), attributions: this.attributions },
      speakers: this.speakers.top(top),
      relays: this.relays.top(top),
      deskCodes: this.deskCodes.top(top),
      diagnostics: [...this.diagnostics.values()].sort(
        (a, b) =>
          RANK[a.severity] - RANK[b.severity] || b.count - a.count || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
      ),
      approximate: lists.some((l) => l.dropped),
    };
  }
}

/** The overview of a set of parsed stories: a pure function of the records. */
export function statsOf(stories: Iterable<Story>, top = 10): WireStats {
  const c = new StatsCollector();
  for (const s of stories) {
    if (s.source.index === 1) c.countInput();
    c.addStory(s);
  }
  return c.result(top);
}

/** Buckets from the first date to the last, empty ones included. */
export function histogram(
  days: Map<string, number>,
  withoutYear: number,
  invalid: number,
  withoutDate: number,
): DateHistogram {
  const keys = [...days.keys()].sort();
  const dated = [...days.values()].reduce((a, b) => a + b, 0);
  const base = { dated, withoutYear, invalid, withoutDate };
  if (!keys.length) return { bucket: "day", first: null, last: null, histogram: [], ...base };
  const first = keys[0]!;
  const last = keys[keys.length - 1]!;
  const t0 = Date.parse(`${first}T00:00:00Z`);
  const t1 = Date.parse(`${last}T00:00:00Z`);
  const spanDays = Math.round((t1 - t0) / 86_400_000) + 1;
  const months =
    (Number(last.slice(0, 4)) - Number(first.slice(0, 4))) * 12 +
    Number(last.slice(5, 7)) -
    Number(first.slice(5, 7)) +
    1;
  const bucket: DateHistogram["bucket"] = spanDays <= 31 ? "day" : months <= 36 ? "month" : "year";
  const cut = bucket === "day" ? 10 : bucket === "month" ? 7 : 4;
  const counts = new Map<string, number>();
  for (const [k, v] of days) counts.set(k.slice(0, cut), (counts.get(k.slice(0, cut)) ?? 0) + v);
  const out: Tally[] = [];
  if (bucket === "day") {
    for (let t = t0; t <= t1; t += 86_400_000) {
      const k = new Date(t).toISOString().slice(0, 10);
      out.push({ key: k, count: counts.get(k) ?? 0 });
    }
  } else if (bucket === "month") {
    let y = Number(first.slice(0, 4));
    let m = Number(first.slice(5, 7));
    for (let i = 0; i < months; i++) {
      const k = `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}`;
      out.push({ key: k, count: counts.get(k) ?? 0 });
      if (++m > 12) {
        m = 1;
        y++;
      }
    }
  } else {
    const y0 = Number(first.slice(0, 4));
    const y1 = Number(last.slice(0, 4));
    // A far-off year (a typo) would make a long run of empty years: then only years with stories.
    if (y1 - y0 < 60)
      for (let y = y0; y <= y1; y++)
        out.push({ key: String(y).padStart(4, "0"), count: counts.get(String(y).padStart(4, "0")) ?? 0 });
    else for (const k of [...counts.keys()].sort()) out.push({ key: k, count: counts.get(k)! });
  }
  return { bucket, first, last, histogram: out, ...base };
}
