/**
 * The overview of an archive (`wire stats`), as plain data: what `-f json` prints and what
 * every stats view (terminal, HTML) renders. Field names are fixed, like the record's; new
 * fields may be added, none renamed. Lists are sorted by count (descending), then by key.
 */
import type { Severity } from "../story.js";

/** One counted value: a language, an agency code, a speaker's name ... */
export interface Tally {
  key: string;
  count: number;
}

/**
 * A counted list cut to the `--top` longest entries.
 * `total` is the sum of all counts (cut entries included), `distinct` the number of distinct
 * keys, `none` the stories that have no value at all (no agency, no quote ...).
 */
export interface TopList<T extends Tally = Tally> {
  items: T[];
  distinct: number;
  total: number;
  none: number;
}

/** A dateline place: `key` is the gazetteer name, or the text as written when unknown. */
export interface PlaceTally extends Tally {
  /** The gazetteer's English name; null when the place is not in the gazetteer. */
  name: string | null;
  /** ISO 3166-1 alpha-2 code; null when unknown. */
  country: string | null;
}

/** Stories per day, month or year of their dateline date. */
export interface DateHistogram {
  /** Bucket size: `day` when the dates span at most 31 days, `month` up to 36 months, else `year`. */
  bucket: "day" | "month" | "year";
  /** Earliest and latest full date (`YYYY-MM-DD`), null when no story has one. */
  first: string | null;
  last: string | null;
  /** Every bucket from first to last, empty ones included (keys `2024-09-14`, `2024-09`, `2024`). */
  histogram: Tally[];
  /** Stories whose dateline date has a year (from the text or `--ref-date`). */
  dated: number;
  /** Stories whose dateline date has no year (`14 सितंबर`), counted apart. */
  withoutYear: number;
  /** Stories whose dateline has a year but a day that cannot exist (`31 फरवरी`). */
  invalid: number;
  /** Stories with no dateline date at all. */
  withoutDate: number;
}

/** One diagnostic code: how often it was reported, and where first. */
export interface DiagnosticTally {
  code: string;
  severity: Severity;
  /** Times reported (a story may report a code more than once). */
  count: number;
  /** Stories (or inputs, for input-level codes) that reported it at least once. */
  stories: number;
  /** The first place it was reported: `path:line:column` (`path` alone for unreadable inputs). */
  example: string;
}

export interface WireStats {
  schema: "wire.stats/1";
  /** The `--top` length the lists were cut to. */
  top: number;
  inputs: {
    /** Inputs read: files, archive entries, records, standard input. */
    total: number;
    /** Inputs that could not be read or decoded (no story from them). */
    failed: number;
    /** Bytes of the inputs that were read. */
    bytes: number;
  };
  stories: {
    total: number;
    /** Stories with at least one warning (and no error), with at least one error. */
    withWarnings: number;
    withErrors: number;
    withDateline: number;
    withSignoff: number;
    withHeadline: number;
    paragraphs: number;
  };
  languages: TopList;
  /** The story's agency (`IANS`, `PTI` ...; the tag as written for generic credits). */
  agencies: TopList;
  /** Dateline places; a story naming two places counts for both. */
  places: TopList<PlaceTally>;
  dates: DateHistogram;
  quotes: {
    total: number;
    /** `direct`, `continuation`, `partial`, `unmarked`. */
    kinds: TopList;
    /** Reported speech (`attributions` of the record). */
    attributions: number;
  };
  /** Who is quoted or reported (the speaker's name, else the text as written), per quote or attribution. */
  speakers: TopList;
  /** Who relayed a quote (`via`: KCNA, Yonhap ...), per quote. */
  relays: TopList;
  /** Sign-off desk codes in Latin letters (`SKP`), the text as written when they cannot be spelled. */
  deskCodes: TopList;
  /** Every code reported, errors first, then warnings, then info; by count within each. */
  diagnostics: DiagnosticTally[];
  /**
   * True when a list met more distinct keys than the collector keeps (tens of thousands):
   * the rarest were dropped along the way, so the counts at the tail may be low.
   */
  approximate: boolean;
}
