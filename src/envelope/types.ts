/**
 * What the envelope stage finds in a feed file: one `EnvelopeMatch` per transmitted story,
 * with UTF-16 offsets into the decoded text (like every stage before the assembler).
 */
import type { Finding } from "../diagnostics.js";

import type { Range } from "../text/range.js";

export type { Range };

export type EnvelopeFormat = "anpa-1312" | "iptc-7901" | "zczc";

/** A header field as written (`[start, end)`) and what it means (`value`). */
export interface FieldMatch extends Range {
  value: string | number | null;
}

/** The header fields an envelope can carry; each is optional. */
export const FIELD_NAMES = [
  "service",
  "sequence",
  "selector",
  "priority",
  "category",
  "keyword",
  "take",
  "wordCount",
  "filed",
  "charset",
  "layout",
  "credit",
] as const;
export type FieldName = (typeof FIELD_NAMES)[number];

export interface EnvelopeMatch extends Range {
  format: EnvelopeFormat;
  fields: Partial<Record<FieldName, FieldMatch>>;
  /** Header lines the envelope carried that fit no field (kept, not body text). */
  other: Range[];
  /** The copy handed to the story parser. */
  body: Range;
  /** In-text markers the envelope read: the story parser takes these as given. */
  headline: Range | null;
  byline: Range | null;
  slugline: Range | null;
  ednote: Range | null;
  /** An editor's note that runs from here to the sign-off (`The following information is not for publication`). */
  ednoteFrom: number | null;
  /** The envelope says the copy is tabular (ANPA `DC2`, ZCZC `*T`). */
  tabular: boolean;
  /** Characters that are framing, not copy (control characters, `^` and `<` markers, header lines). */
  blank: Range[];
  findings: Finding[];
}

export function emptyMatch(format: EnvelopeFormat, start: number, end: number): EnvelopeMatch {
  return {
    format,
    start,
    end,
    fields: {},
    other: [],
    body: { start: end, end },
    headline: null,
    byline: null,
    slugline: null,
    ednote: null,
    ednoteFrom: null,
    tabular: false,
    blank: [],
    findings: [],
  };
}
