/**
 * Text for a terminal: control characters and escape sequences from the input shown escaped
 * (wire copy is untrusted: `ESC ] 0 ; title BEL` must never reach the terminal), and widths
 * measured the way terminals draw them. Lines break between grapheme clusters, never inside
 * one; a cluster's width is what the terminal gives its code points: nonspacing marks (virama,
 * nukta, anusvara) and format characters (ZWJ) take no column, spacing vowel signs (ि, ी, ो)
 * one, wide East Asian characters two — as tmux, xterm and VTE draw Devanagari.
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

// Made on first use: building one costs milliseconds that most runs never need.
let graphemes: Intl.Segmenter | undefined;

function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

const ZERO_WIDTH = /[\p{Mn}\p{Me}\p{Cf}]/u;

// Escape sequences of our own styling (SGR): they take no column. Copy never holds a raw ESC
// here: `escapeControls` has already spelt it out.
const SGR = /\u001b\[[0-9;]*m/gu;

/** Columns a string takes in a terminal; the escape sequences of styling count for nothing. */
export function widthOf(s: string): number {
  // Plain ASCII: one column per character.
  if (/^[\x20-\x7e]*$/u.test(s)) return s.length;
  if (s.includes("\u001b")) s = s.replace(SGR, "");
  let w = 0;
  for (const ch of s) {
    if (ZERO_WIDTH.test(ch)) continue;
    w += isWide(ch.codePointAt(0)!) ? 2 : 1;
  }
  return w;
}

/** Longest text handed to `Intl.Segmenter` at once: it slows down badly on long strings. */
const CHUNK = 256;
const CONTINUES = /\p{M}|\u200c|\u200d|[\udc00-\udfff]/u;

/**
 * The grapheme clusters of `s`, segmented a chunk at a time so that time stays linear in the
 * length of `s`. A chunk ends only before a character that cannot continue a cluster (not a
 * mark, joiner or low surrogate), so no cluster is cut.
 */
export function* clusters(s: string): Generator<string> {
  let i = 0;
  while (i < s.length) {
    let end = Math.min(s.length, i + CHUNK);
    while (end < s.length && end - i < 4 * CHUNK && CONTINUES.test(s[end]!)) end++;
    graphemes ??= new Intl.Segmenter(undefined, { granularity: "grapheme" });
    for (const { segment } of graphemes.segment(s.slice(i, end))) yield segment;
    i = end;
  }
}

export interface Run {
  text: string;
  style: (s: string) => string;
  /** Keep the run on one line (a speaker label): its spaces do not break. */
  keep?: boolean;
}

interface Word {
  pieces: Run[];
  width: number;
  /** White space stood before the word. */
  spaced: boolean;
}

/** Words across runs: text with no white space between belongs to one word whatever its styles. */
function wordsOf(runs: Run[]): Word[] {
  const words: Word[] = [];
  let cur: Word | null = null;
  let spaced = false;
  for (const run of runs) {
    // A kept run (a label) is one piece; its inner spaces do not break.
    const parts = run.keep
      ? [run.text.trimStart() === run.text ? "" : " ", run.text.trim(), run.text.trimEnd() === run.text ? "" : " "]
      : run.text.split(/(\s+)/u);
    for (const part of parts) {
      if (part === "") continue;
      if (/^\s+$/u.test(part)) {
        spaced = true;
        cur = null;
        continue;
      }
      if (!cur) {
        cur = { pieces: [], width: 0, spaced };
        words.push(cur);
        spaced = false;
      }
      cur.pieces.push({ text: part, style: run.style });
      cur.width += widthOf(part);
    }
  }
  return words;
}

/**
 * Lays styled runs out in lines of at most `width` columns, breaking at white space (a word
 * wider than a line is cut between grapheme clusters). Lines after the first start with
 * `indent`. Styles are applied per piece, so no escape sequence spans a line break.
 */
export function wrap(runs: Run[], width: number, indent: string, firstIndent = indent): string[] {
  const lines: string[] = [];
  const room = Math.max(10, width);
  let line = firstIndent;
  let start = widthOf(firstIndent);
  let col = start;
  const flush = () => {
    lines.push(line.trimEnd());
    line = indent;
    start = col = widthOf(indent);
  };
  for (const word of wordsOf(runs)) {
    const lead = word.spaced && col > start ? 1 : 0;
    if (col > start && col + lead + word.width > room) flush();
    else if (lead) {
      line += " ";
      col += 1;
    }
    if (col + word.width <= room) {
      for (const p of word.pieces) line += p.style(p.text);
      col += word.width;
      continue;
    }
    // Wider than a whole line: cut between grapheme clusters.
    for (const p of word.pieces) {
      let buf = "";
      for (const segment of clusters(p.text)) {
        const sw = widthOf(segment);
        if (col + sw > room && col > start) {
          line += buf ? p.style(buf) : "";
          buf = "";
          flush();
        }
        buf += segment;
        col += sw;
      }
      if (buf) line += p.style(buf);
    }
  }
  if (line.trim() !== "" || lines.length === 0) lines.push(line.trimEnd());
  return lines;
}
