/**
 * Columns for the stderr form of diagnostics. The record counts columns in code points; the
 * `path:line:column:` lines written for people and editors count UTF-8 bytes, 1-based, as
 * vim's quickfix list (`:cfile`, `errorformat` `%c`), GCC's and Clang's byte columns and Go
 * do, so a jump lands on the right character in Devanagari too.
 */
import type { Diagnostic } from "../story.js";

/**
 * The 1-based UTF-8 byte column of each diagnostic, in one forward pass over `text` (the
 * decoded input the spans point into). `column` is used as is where `text` is unknown.
 */
export function byteColumns(text: string | null | undefined, ds: readonly Diagnostic[]): number[] {
  const out = ds.map((d) => d.column);
  if (!text) return out;
  // Line starts in code points, visited in increasing order.
  const order = ds.map((d, k) => ({ k, at: Math.max(0, d.span.start - (d.column - 1)) })).sort((a, b) => a.at - b.at);
  let unit = 0;
  let cp = 0;
  for (const { k, at } of order) {
    while (cp < at && unit < text.length) {
      unit += text.codePointAt(unit)! > 0xffff ? 2 : 1;
      cp++;
    }
    let bytes = 0;
    let u = unit;
    for (let i = 1; i < ds[k]!.column && u < text.length; i++) {
      const c = text.codePointAt(u)!;
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
      u += c > 0xffff ? 2 : 1;
    }
    out[k] = bytes + 1;
  }
  return out;
}
