/** Disjoint ranges sorted by start, asked "is this inside one?" in logarithmic time. */
import type { Range } from "../text/range.js";
import type { Token } from "./tokens.js";
import { countAtOrBelow, startOf } from "../text/search.js";

export class RangeSet {
  constructor(private readonly ranges: Range[]) {}

  /** Index of the last range starting at or before pos, or -1. */
  private before(pos: number): number {
    return countAtOrBelow(this.ranges, pos, startOf) - 1;
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
