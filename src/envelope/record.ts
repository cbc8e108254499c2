/**
 * An envelope match -> the record's `transmission` part (code points, lines, texts without
 * control characters).
 */
import type { Span, TextPart, Transmission, TransmissionField } from "../story.js";
import type { Positions } from "../text/positions.js";
import { isControl } from "./lines.js";
import { FIELD_NAMES, type EnvelopeMatch, type FieldName, type Range } from "./types.js";

/** The text at a range without control characters. */
export function cleanText(text: string, r: Range): string {
  let out = "";
  for (let i = r.start; i < r.end; i++) {
    const c = text.charCodeAt(i);
    if (!isControl(c)) out += text[i];
  }
  return out;
}

export function transmissionOf(text: string, pos: Positions, env: EnvelopeMatch, charset: string | null): Transmission {
  const span = (r: Range): Span => ({ start: pos.cp(r.start), end: pos.cp(r.end) });
  const part = (r: Range): TextPart => ({ text: cleanText(text, r), span: span(r), line: pos.line(r.start) });
  const fields = {} as Record<FieldName, TransmissionField | null>;
  for (const name of FIELD_NAMES) {
    const f = env.fields[name];
    fields[name] = f ? { ...part(f), value: f.value } : null;
  }
  if (!fields.charset && charset) {
    // The charset the file was read in, as the envelope's standard gives it: no span of its own.
    fields.charset = {
      text: "",
      span: { start: pos.cp(env.start), end: pos.cp(env.start) },
      line: pos.line(env.start),
      value: charset,
    };
  }
  return {
    format: env.format,
    span: span(env),
    line: pos.line(env.start),
    ...fields,
    other: env.other.filter((r) => r.end > r.start).map(part),
  };
}
