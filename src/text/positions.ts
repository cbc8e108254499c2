/**
 * Maps UTF-16 offsets (what JavaScript strings index) to the code-point offsets of the record,
 * and offsets to 1-based line and column. Built once per input in linear time; lookups are
 * binary searches. Lines end at `\n`, `\r\n` or a lone `\r`.
 */
import { countAtOrBelow, countBelow, self } from "./search.js";

export class Positions {
  /** UTF-16 offsets of the first unit of each astral character (surrogate pair). */
  private readonly astral: number[] = [];
  /** UTF-16 offsets where each line starts. */
  readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) this.lineStarts.push(i + 1);
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        this.lineStarts.push(i + 1);
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          this.astral.push(i);
          i++;
        }
      }
    }
  }

  /** Code-point offset of a UTF-16 offset. */
  cp(offset: number): number {
    if (this.astral.length === 0) return offset;
    return offset - countBelow(this.astral, offset, self);
  }

  /** 1-based line of a UTF-16 offset. */
  line(offset: number): number {
    return countAtOrBelow(this.lineStarts, offset, self);
  }

  /** 1-based column, in code points, of a UTF-16 offset. */
  column(offset: number): number {
    const start = this.lineStarts[this.line(offset) - 1]!;
    return this.cp(offset) - this.cp(start) + 1;
  }
}
