/** Disjoint ranges sorted by start, asked "is this inside one?" in logarithmic time. */
import type { Range } from "../parse/dateline.js";
import type { Token } from "./tokens.js";

export class RangeSet {
  constructor(private readonly ranges: Range[]) {}

  /** Index of the last range starting at or before pos, or -1. */
  private before(pos: number): number {
    let lo = 0;
    let hi = this.ranges.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ranges[mid]!.start <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Whether [start, end) lies inside one of the ranges. */
  covers(start: number, end: number): boolean {
    const k = this.before(start);
    return k >= 0 && this.ranges[k]!.end >= end;
  }

  /** Whether r shares a position with any range. */
  overlaps(r: Range): boolean {
    const k = this.before(r.end - 1);
    return k >= 0 && this.ranges[k]!.end > r.start;
  }

  /** The tokens not inside any range. */
  outside(tokens: Token[]): Token[] {
    if (this.ranges.length === 0) return tokens;
    return tokens.filter((t) => !this.covers(t.start, t.end));
  }
}
