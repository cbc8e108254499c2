/**
 * What the recognisers found in one story, before it becomes a record: UTF-16 ranges into the
 * input, the rule that read each part, and findings. `story.ts` builds it, `assemble.ts` turns
 * it into the public `Story`; `wire parse --trace` shows it.
 */
import type { Finding } from "../diagnostics.js";
import type { Range } from "../text/range.js";
import type { Tag } from "../text/markup.js";
import type { AttributionMatch, QuoteMatch } from "../quotes/index.js";
import type { DatelineFound } from "./dateline.js";
import type { ParagraphMatch } from "./paragraphs.js";
import type { SignoffFound } from "./signoff.js";

/** How the headline or the byline was told apart. */
export type HeadRule = "first-line" | "byline-line" | "byline-with-credit" | "dateline-prefix";

export interface StoryMatch {
  /** The story within the input. */
  range: Range;
  /** The language detected (or given). */
  language: string;
  /** The HTML tags within the story (see text/markup.ts). */
  tags: Tag[];
  /** False when the story holds no non-blank line. */
  hasText: boolean;
  headline: (Range & { rule: HeadRule }) | null;
  byline: (Range & { rule: HeadRule }) | null;
  dateline: DatelineFound | null;
  signoff: SignoffFound | null;
  paragraphs: (ParagraphMatch & { sentences: Range[] })[];
  quotes: QuoteMatch[];
  attributions: AttributionMatch[];
  findings: Finding[];
}
