/**
 * Text for a terminal: control characters and escape sequences from the input shown escaped
 * (wire copy is untrusted: `ESC ] 0 ; title BEL` must never reach the terminal), widths
 * measured in grapheme clusters (a Devanagari conjunct is one column), wide East Asian
 * characters counted twice.
 */

// C0 controls but tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

/** `\x1b`, `\u202e` ... in place of the characters a terminal would act on. */
export function escapeControls(s: string): string {
  return s.replace(CONTROL, (c) => {
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}

const graphemes = new Intl.Segmenter(undefined, { granularity: "grapheme" });

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) || (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Columns a (short, unstyled) string takes: one per grapheme cluster, two for wide ones. */
export function widthOf(s: string): number {
  let w = 0;
  // Plain ASCII: one column per character, no segmenter needed.
  if (/^[\x20-\x7e]*$/u.test(s)) return s.length;
  for (const { segment } of graphemes.segment(s)) w += isWide(segment.codePointAt(0)!) ? 2 : 1;
  return w;
}

export interface Run {
  text: string;
  style: (s: string) => string;
}

/**
 * Lays styled runs out in lines of at most `width` columns, breaking at spaces (a word
 * longer than a line is cut by grapheme clusters). Every line after the first starts with
 * `indent`. Styles are applied per word, so no escape sequence spans a line break.
 */
export function wrap(runs: Run[], width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  let line = firstIndent;
  let col = widthOf(firstIndent);
  const room = Math.max(10, width);
  let pendingSpace = false;
  const flush = () => {
    lines.push(line.trimEnd());
    line = indent;
    col = widthOf(indent);
    pendingSpace = false;
  };
  for (const run of runs) {
    const parts = run.text.split(/(\s+)/u);
    for (const part of parts) {
      if (part === "") continue;
      if (/^\s+$/u.test(part)) {
        pendingSpace = true;
        continue;
      }
      let word = part;
      let w = widthOf(word);
      const lead = pendingSpace && col > widthOf(indent) ? 1 : 0;
      if (col + lead + w > room && col > widthOf(indent)) flush();
      else if (lead) {
        line += " ";
        col += 1;
      }
      pendingSpace = false;
      // A word wider than the whole line: cut it by grapheme clusters.
      while (col + w > room && w > room - widthOf(indent)) {
        let head = "";
        let hw = 0;
        for (const { segment } of graphemes.segment(word)) {
          const sw = isWide(segment.codePointAt(0)!) ? 2 : 1;
          if (col + hw + sw > room) break;
          head += segment;
          hw += sw;
        }
        if (!head) break;
        line += run.style(head);
        flush();
        word = word.slice(head.length);
        w = widthOf(word);
      }
      line += run.style(word);
      col += w;
    }
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
