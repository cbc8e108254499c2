/** The options of `parse` and `parseBytes`, and what `parseBytes` returns. */
import type { Diagnostic, Story, StoryRules } from "../story.js";

export interface ParseOptions {
  /** `YYYY-MM-DD`: the day the copy was filed; missing dateline years are inferred from it. */
  refDate?: string | null;
  /** `auto` (default) detects the language per story; `hi`, `en` force it. */
  lang?: string | null;
  /** The input's name, reported as `source.path`. */
  path?: string | null;
  /** Split an input holding several stories (default true); false: the input is one story. */
  split?: boolean;
  /** Convert text typed in the Kruti Dev legacy font to Unicode before parsing (spans still point into the input). */
  convertLegacy?: boolean;
  /** Read the bytes in this charset (a WHATWG label: `latin1`, `windows-1252`, `iso-8859-15` ...) whatever they look like. */
  encoding?: string | null;
  /** Also return, per story, the rule that read each part (`ParseResult.rules`). */
  trace?: boolean;
}

export interface ParseResult {
  stories: Story[];
  /** Diagnostics about the input as a whole (encoding, empty input), not about one story. */
  diagnostics: Diagnostic[];
  encoding: string;
  /** The decoded text that spans point into (null when the bytes could not be decoded). */
  text?: string | null;
  /** With `trace`: for each story, the rule that read each part. */
  rules?: StoryRules[];
}
