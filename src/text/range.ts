/**
 * A half-open range `[start, end)` of UTF-16 offsets into the decoded input: the one position
 * type every stage speaks internally. Only the assembler turns ranges into the record's
 * code-point spans.
 */
export interface Range {
  start: number;
  end: number;
}
