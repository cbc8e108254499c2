/**
 * The headline: a short first line, without sentence-final punctuation, above the dateline.
 *
 * ```
 * > | आंध्र में तूफान से १८ लोगों की मौत
 *     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ headline
 * > | आईएएनएस
 * > | हैदराबाद।
 * ```
 */
const MAX_CHARS = 250;
const MAX_WORDS = 30;
const FINAL = /[।॥.?!]["'”’)\]]*$/u;

export function isHeadline(content: string): boolean {
  if (content.length === 0 || content.length > MAX_CHARS) return false;
  if (FINAL.test(content)) return false;
  return content.split(/\s+/u).length <= MAX_WORDS;
}

/** A byline on a line of its own above the dateline: `by Janie Gabbett, Reuters`, `By K J M Varma`. */
export function isBylineLine(content: string): boolean {
  return /^by\s/iu.test(content) && content.length <= 80 && !FINAL.test(content) && content.split(/\s+/u).length <= 8;
}
