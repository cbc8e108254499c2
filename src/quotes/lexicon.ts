/** Phrase tables matched word by word over tokens. */
import type { Token } from "./tokens.js";

const byLength = (a: string[], b: string[]) => b.length - a.length;

/**
 * A list of phrases indexed by their first and by their last word (lower-cased), so that a
 * lookup at a token costs only the phrases that could match there.
 */
export class Lexicon {
  private readonly byFirst = new Map<string, string[][]>();
  private readonly byLast = new Map<string, string[][]>();
  /** The longest word of any phrase: a longer token matches none (and is not lower-cased). */
  private longest = 0;

  constructor(phrases: string[][]) {
    for (const p of [...phrases].sort(byLength)) {
      const lower = p.map((w) => w.toLowerCase());
      for (const w of lower) this.longest = Math.max(this.longest, w.length);
      push(this.byFirst, lower[0]!, lower);
      push(this.byLast, lower[lower.length - 1]!, lower);
    }
  }

  /** The lower-cased first words of the phrases. */
  firstWords(): Iterable<string> {
    return this.byFirst.keys();
  }

  /** Longest phrase ending at token i; returns its first token index or -1. */
  endingAt(tokens: Token[], i: number): number {
    const t = tokens[i];
    if (!t || t.punct || t.text.length > this.longest) return -1;
    for (const p of this.byLast.get(t.lower) ?? []) {
      const s = i - p.length + 1;
      if (s >= 0 && matches(tokens, s, p)) return s;
    }
    return -1;
  }

  /** Longest phrase starting at token i; returns the index after it, or -1. */
  startingAt(tokens: Token[], i: number): number {
    const t = tokens[i];
    if (!t || t.punct || t.text.length > this.longest) return -1;
    for (const p of this.byFirst.get(t.lower) ?? []) {
      if (i + p.length <= tokens.length && matches(tokens, i, p)) return i + p.length;
    }
    return -1;
  }
}

function push(m: Map<string, string[][]>, k: string, p: string[]): void {
  const list = m.get(k);
  if (list) list.push(p);
  else m.set(k, [p]);
}

function matches(tokens: Token[], s: number, p: string[]): boolean {
  for (let k = 0; k < p.length; k++) {
    const t = tokens[s + k]!;
    if (t.punct || t.text.length > p[k]!.length || t.lower !== p[k]) return false;
  }
  return true;
}

export function phraseEndingAt(tokens: Token[], i: number, lexicon: Lexicon): number {
  return lexicon.endingAt(tokens, i);
}

export function phraseStartingAt(tokens: Token[], i: number, lexicon: Lexicon): number {
  return lexicon.startingAt(tokens, i);
}
