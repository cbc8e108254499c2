/**
 * One escaping rule for everything written for people (stderr lines, the progress line, the
 * terminal view's header): copy, file names, archive entry names and record ids come from
 * outside and must never act on the terminal. Control characters (C0 with tab and newline, DEL,
 * C1), bidi embeddings, overrides and isolates, and the Unicode line and paragraph separators
 * are shown as `\x1b`, `\n`, `\u202e` ..., so one line stays one line and nothing is forged.
 */

// C0 controls, DEL, C1 controls, line/paragraph separators, bidi marks that reorder a line.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "gu");

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/** `s` with every character a terminal would act on written as an escape; the rest unchanged. */
export function escapeForTerminal(s: string): string {
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE_ALL, (c) => {
    const named = NAMED[c];
    if (named) return named;
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}
