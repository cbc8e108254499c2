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
import type { EnvelopeMatch } from "../envelope/types.js";

/** How the headline or the byline was told apart. */
export type HeadRule =
  | "first-line"
  | "byline-line"
  | "byline-with-credit"
  | "dateline-prefix"
  | "envelope"
  | "glued-to-lead"
  | "title-line";

export interface StoryMatch {
  /** The story within the input. */
  range: Range;
  /** The language detected (or given). */
  language: string;
  /** The HTML tags within the story: the recognisers read them as spaces, the assembler leaves them out of texts. */
  tags: Tag[];
  /** False when the story holds no non-blank line. */
  hasText: boolean;
  headline: (Range & { rule: HeadRule }) | null;
  byline: (Range & { rule: HeadRule }) | null;
  dateline: DatelineFound | null;
  signoff: SignoffFound | null;
  /** The agency a credit names when neither dateline nor sign-off does (a digest's preamble, `By PTI`). */
  credit?: (Range & { code: string }) | null;
  /** `table` marks a table or agate block: its lines kept, no prose rule run on it. */
  paragraphs: (ParagraphMatch & { sentences: Range[]; table?: boolean })[];
  /** An editor's note (`Eds: ...`, `(ATTN: ...)`, "not for publication"), and the envelope's slug. */
  ednote: Range | null;
  slugline: Range | null;
  /**
   * Lines above the dateline that are none of its headline, byline or editor's note (a deck,
   * summary bullets, a page's credit or stamp line): no body paragraphs, in order.
   */
  headerLines: Range[];
  /** The transmission envelope the story came in. */
  envelope: EnvelopeMatch | null;
  quotes: QuoteMatch[];
  attributions: AttributionMatch[];
  findings: Finding[];
}
