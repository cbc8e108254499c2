/**
 * Splits an input into stories: after a sign-off that more copy follows, and at a dateline line
 * that starts a new story after a finished one (the previous line ends a sentence). A headline
 * line right above that dateline belongs to the new story.
 *
 * ```
 * > | ... यात्रा करेंगे।
 * > | --आईएएनएस            <- sign-off: the first story ends here
 * > | एसकेपी
 * > | दूसरी खबर का शीर्षक     <- headline of the second story
 * > | मुंबई, 15 सितंबर (आईएएनएस)। ...
 * ```
 * Every line is tested once, with bounded work per line, so splitting is linear.
 */
import type { Line } from "./lines.js";
import type { Range } from "../text/range.js";
import { datelineAt } from "./dateline.js";
import { findSignoff } from "./signoff.js";
import { isHeadline } from "./headline.js";

export interface StoryRange extends Range {
  lines: Line[];
}

const FINAL = /[।॥.?!"”’)\]]$/u;

export function splitStories(text: string, lines: Line[], split = true): StoryRange[] {
  const whole = [{ start: 0, end: text.length, lines }];
  if (!split) return whole;
  const starts: number[] = []; // line indexes where a later story starts
  let body = false; // the current story has copy after its dateline
  let seenDateline = false;
  let last = -1; // the last non-blank line
  let beforeLast = -1; // the one before it
  let afterSignoff = false;
  const contentOf = (k: number) => text.slice(lines[k]!.contentStart, lines[k]!.contentEnd);
  const finished = (k: number) => k >= 0 && FINAL.test(contentOf(k));
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    const dl = l.contentEnd - l.contentStart > 3 ? datelineAt(text, lines, i) : null;
    const isDateline = dl !== null;
    if (afterSignoff) {
      // Copy after a sign-off starts a new story (this line is its headline or its dateline).
      starts.push(i);
      afterSignoff = false;
      body = false;
      seenDateline = isDateline;
    } else if (isDateline && seenDateline && body) {
      if (finished(last)) {
        starts.push(i);
        body = false;
      } else if (last >= 0 && isHeadline(contentOf(last)) && finished(beforeLast)) {
        // A headline right above belongs to the new story.
        starts.push(last);
        body = false;
      }
    }
    if (isDateline) {
      seenDateline = true;
      // The lead on the dateline's own line is body too.
      if (dl.end < l.contentEnd - 1) body = true;
    } else if (seenDateline) body = true;
    if (seenDateline && body && isSignoffEnd(text, lines, i)) afterSignoff = true;
    beforeLast = last;
    last = i;
  }
  if (starts.length === 0) return whole;
  const out: StoryRange[] = [];
  let from = 0;
  for (const s of starts) {
    if (s <= from) continue;
    out.push(range(text, lines, from, s));
    from = s;
  }
  out.push(range(text, lines, from, lines.length));
  return out.filter((r) => r.lines.some((l) => !l.blank));
}

/** Whether line i closes a story: a sign-off whose last line is i (its codes included). */
function isSignoffEnd(text: string, lines: Line[], i: number): boolean {
  const l = lines[i]!;
  if (l.contentEnd - l.contentStart > 80) return text.endsWith(" -0-", l.contentEnd);
  const so = findSignoff(text, lines, Math.max(0, i - 1), i);
  if (!so || so.end !== l.contentEnd) return false;
  // `--IANS` with its codes on the next line: the story ends after the codes.
  const next = nextContent(lines, i);
  if (so.codes.length === 0 && so.agency && next >= 0) {
    const withCodes = findSignoff(text, lines, i, next);
    if (withCodes && withCodes.start === so.start && withCodes.end === lines[next]!.contentEnd) return false;
  }
  return true;
}

function nextContent(lines: Line[], i: number): number {
  for (let k = i + 1; k < lines.length; k++) if (!lines[k]!.blank) return k;
  return -1;
}

function range(text: string, lines: Line[], from: number, to: number): StoryRange {
  const ls = lines.slice(from, to);
  const start = ls[0]!.start;
  const end = to < lines.length ? lines[to]!.start : text.length;
  return { start, end, lines: ls };
}
