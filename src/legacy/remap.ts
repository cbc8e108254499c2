/**
 * Records parsed from converted text (Kruti Dev -> Unicode) report spans into the RAW input:
 * every `span` is mapped back through the converter's source map, and `line` / `column` are
 * recomputed in the raw text. `text` fields keep the converted (readable) text.
 */
import type { Story } from "../story.js";
import { Positions } from "../text/positions.js";
import { countAtOrBelow, countBelow, self } from "../text/search.js";

export class SpanMap {
  private readonly starts: Int32Array;
  private readonly rawPos: Positions;
  /** Code-point offsets of the astral characters (surrogate pairs) of the converted text. */
  private readonly astralCps: number[] = [];

  constructor(
    private readonly converted: string,
    private readonly source: Int32Array,
    private readonly raw: string,
  ) {
    this.starts = Int32Array.from(new Set(source)).sort();
    this.rawPos = new Positions(raw);
    for (let u = 0, cp = 0; u < converted.length; u++, cp++) {
      const c = converted.charCodeAt(u);
      if (c >= 0xd800 && c <= 0xdbff) {
        const d = converted.charCodeAt(u + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astralCps.push(cp);
          u++;
        }
      }
    }
  }

  /** UTF-16 offset in the converted text of a code-point offset. */
  private unit(cp: number): number {
    // Each astral character before cp takes one more unit: a binary search, not a walk
    // from the start (which made a text with one emoji quadratic).
    if (this.astralCps.length === 0) return cp;
    return Math.min(cp + countBelow(this.astralCps, cp, self), this.converted.length);
  }

  /** End (exclusive) of the raw chunk that starts at raw offset x. */
  private chunkEnd(x: number): number {
    const k = countAtOrBelow(this.starts, x, self);
    return k < this.starts.length ? this.starts[k]! : this.raw.length;
  }

  /** Raw UTF-16 [start, end) of a converted code-point span. */
  rawUnits(span: { start: number; end: number }): { start: number; end: number } {
    const s = this.unit(span.start);
    const e = this.unit(span.end);
    if (e <= s) {
      const at = s < this.source.length ? this.source[s]! : this.raw.length;
      return { start: at, end: at };
    }
    let lo = Infinity;
    let hi = -1;
    for (let k = s; k < e; k++) {
      const x = this.source[k]!;
      if (x < lo) lo = x;
      if (x > hi) hi = x;
    }
    return { start: lo, end: this.chunkEnd(hi) };
  }

  /** Rewrites every span (and line, column) of a story in place. */
  remap(story: Story): Story {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) {
        for (const x of v) walk(x);
        return;
      }
      if (!v || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      const span = o.span as { start: number; end: number } | undefined;
      if (span && typeof span.start === "number") {
        const r = this.rawUnits(span);
        o.span = { start: this.rawPos.cp(r.start), end: this.rawPos.cp(r.end) };
        if (typeof o.line === "number") o.line = this.rawPos.line(r.start);
        if (typeof o.column === "number") o.column = this.rawPos.column(r.start);
      }
      for (const [k, x] of Object.entries(o)) if (k !== "span" && k !== "source") walk(x);
    };
    walk(story);
    return story;
  }
}
