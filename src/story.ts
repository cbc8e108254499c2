/**
 * The public record of one story (`schema: "wire.story/1"`), as fixed by SPEC section 3.
 * Every `span` counts Unicode code points into the decoded input text, so that
 * `text === [...input].slice(start, end).join("")`.
 */

export interface Span {
  start: number;
  end: number;
}

export type Severity = "error" | "warning" | "info";

export interface Diagnostic {
  code: string;
  severity: Severity;
  message: string;
  span: Span;
  /** 1-based line where the span starts. */
  line: number;
  /** 1-based column (in code points) where the span starts. */
  column: number;
}

export interface AgencyRef {
  /** Canonical code (`IANS`, `PTI`, `Reuters` ...); null for generic credits such as `एजेंसियां`. */
  code: string | null;
  /** The tag as written. */
  text: string;
}

export interface Place {
  text: string;
  name: string | null;
  country: string | null;
}

export interface DateParts {
  text: string;
  day: number | null;
  month: number | null;
  year: number | null;
  yearFrom: "text" | "ref-date" | null;
  iso: string | null;
}

export interface TextPart {
  text: string;
  span: Span;
  line: number;
}

export interface Dateline extends TextPart {
  places: Place[];
  date: DateParts | null;
  agency: AgencyRef | null;
}

export type BreakKind = "start" | "newline" | "blank-line" | "inferred";

export interface Sentence {
  span: Span;
}

export interface Paragraph extends TextPart {
  break: BreakKind;
  sentences: Sentence[];
  /** `table` for a table or agate block (results, fields, prices): its lines kept, no prose rules run on it. Absent for prose. */
  kind?: "table";
}

export interface Person {
  text: string;
  name: string | null;
  /**
   * Where the story writes the name `name` gives, when it was found elsewhere than at `text`:
   * a pronoun (`she`, `उन्होंने`) or a short name (`Liu`) resolved to the fullest name the story uses.
   */
  nameFrom?: { span: Span; line: number };
}

export interface Cue {
  text: string;
  span: Span;
}

export type QuoteKind = "direct" | "continuation" | "partial" | "unmarked";

export interface Quote extends TextPart {
  /** 1-based index into `paragraphs`; 0 when in one of `headerLines`. */
  paragraph: number;
  kind: QuoteKind;
  speaker: Person | null;
  via: Person | null;
  cue: Cue | null;
  closed: boolean;
  /** Present and false when the opening mark was lost upstream: the quote starts where its paragraph (or the quote before) ends. */
  opened?: boolean;
}

export type AttributionKind = "according-to" | "said-that";

export interface Attribution {
  kind: AttributionKind;
  source: Person;
  cue: Cue;
  span: Span;
  line: number;
  /** 1-based index into `paragraphs`; 0 when in one of `headerLines`. */
  paragraph: number;
}

export interface SignoffCode {
  text: string;
  /** The code in Latin letters (`एसकेपी` -> `SKP`, `skp` -> `SKP`); null when it cannot be spelled. */
  latin: string | null;
}

export interface Signoff extends TextPart {
  agency: AgencyRef | null;
  codes: SignoffCode[];
  /**
   * People a credits line names (`(Reporting by A; Editing by B)`), or the reporter's e-mail before
   * Yonhap's `(END)`; present only when the sign-off names someone.
   */
  names?: SignoffName[];
}

export interface SignoffName {
  text: string;
  span: Span;
  /** What the line credits them with: `reporting`, `additional-reporting`, `editing`, `writing`, `reporter` (an e-mail) ... */
  role: string;
}

export interface Source {
  /** The input's path as given, `-` for standard input, null for library calls without one. */
  path: string | null;
  /** This story's number (1-based) within its input, and how many stories the input holds. */
  index: number;
  count: number;
  /** Size of the input in bytes, and the SHA-256 of those bytes (hex). */
  bytes: number;
  sha256: string;
  encoding: string;
}

export interface Story {
  schema: "wire.story/1";
  source: Source;
  language: string;
  agency: AgencyRef | null;
  headline: TextPart | null;
  dateline: Dateline | null;
  byline: TextPart | null;
  /**
   * Lines above the dateline that are none of its headline, byline or editor's note: a deck,
   * summary bullets, a page's credit or stamp line. No body paragraphs; present only when the
   * copy has such lines.
   */
  headerLines?: TextPart[];
  paragraphs: Paragraph[];
  quotes: Quote[];
  attributions: Attribution[];
  signoff: Signoff | null;
  /** The story's slug (`Argentina-Cancer`, `Germany-politics`), from the envelope or the copy; null if none. */
  slugline: TextPart | null;
  /** An editor's note (`Eds: ...`, `EDITOR'S NOTE _ ...`, `(ATTN: ...)`, "not for publication"); null if none. */
  ednote: TextPart | null;
  /** The transmission envelope of a feed file; null for bare copy. */
  transmission: Transmission | null;
  diagnostics: Diagnostic[];
}

/** A header field of a transmission envelope: as written, what it means, where. */
export interface TransmissionField extends TextPart {
  /** The field read: a number (priority as urgency 1..9, word count), an ISO time (`filed`), or the text. */
  value: string | number | null;
}

/** The transmission envelope a story came in (ANPA 1312, IPTC 7901, ZCZC), with its header fields. */
export interface Transmission {
  format: "anpa-1312" | "iptc-7901" | "zczc";
  /** The whole envelope. */
  span: Span;
  line: number;
  service: TransmissionField | null;
  sequence: TransmissionField | null;
  selector: TransmissionField | null;
  priority: TransmissionField | null;
  category: TransmissionField | null;
  keyword: TransmissionField | null;
  take: TransmissionField | null;
  wordCount: TransmissionField | null;
  filed: TransmissionField | null;
  charset: TransmissionField | null;
  layout: TransmissionField | null;
  credit: TransmissionField | null;
  /** Header lines that fit no field, kept as written. */
  other: TextPart[];
}

/**
 * Not part of the record: the name of the rule that read each part of one story (see
 * `docs/architecture.md`), given by `parse` with `trace: true` and shown by `wire parse --trace`.
 * Null where the story has no such part.
 */
export interface StoryRules {
  headline: string | null;
  byline: string | null;
  dateline: string | null;
  signoff: string | null;
  /** For each quote, the rule of the quote-kind table that read it. */
  quotes: string[];
}
