/**
 * Splits an input into stories. For now an input is one story; the range and its lines are
 * what later stages see, so several stories per input plug in here.
 */
import type { Line } from "./lines.js";
import type { Range } from "./dateline.js";

export interface StoryRange extends Range {
  lines: Line[];
}

export function splitStories(text: string, lines: Line[]): StoryRange[] {
  return [{ start: 0, end: text.length, lines }];
}
