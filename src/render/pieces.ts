/**
 * JSON of a record too large for one string (V8 caps a string at 2^29 characters): the same
 * text as `JSON.stringify(value, null, indent)`, cut into pieces of about `size` characters.
 *
 * ```
 * > | 16 MB of `"a"a"a...`  ->  one story of eight million quotes: 800 MB of JSON
 * ```
 * Values are plain data (records): objects, arrays, strings, numbers, booleans and null;
 * `undefined` members are left out as `JSON.stringify` leaves them out.
 */
import type { Story } from "../story.js";

/** A story's rendered output: one string, or the pieces of a record too large for one. */
export type Rendered = string | string[];

/** The pieces of a rendered output, in the order they are written. */
export function piecesOf(r: Rendered): readonly string[] {
  return typeof r === "string" ? [r] : r;
}

/**
 * Above this many estimated characters a record is written in pieces: half of V8's string limit
 * (2^29), so that a record estimated under it always fits in one string.
 */
export const PIECES_FROM = 256 << 20;

/**
 * An upper estimate of the length of a story's JSON, from its parts' counts and texts: every
 * character of copy counted at 6 (`\u0000` is the longest escape), every part at a generous
 * constant for its fields.
 */
export function estimatedJsonLength(story: Story): number {
  const t = (s: { text: string } | null | undefined) => (s ? 6 * s.text.length : 0);
  let n = 8192 + t(story.headline) + t(story.byline) + t(story.dateline) + t(story.slugline) + t(story.ednote);
  // A sign-off's codes and names lie within its text: a part per character at most.
  if (story.signoff) n += 100 * story.signoff.text.length;
  // An envelope's fields lie within it, each given as written and as read.
  if (story.transmission) n += 4096 + 12 * (story.transmission.span.end - story.transmission.span.start);
  for (const p of story.paragraphs) n += 200 + t(p) + 60 * p.sentences.length;
  for (const q of story.quotes) n += 600 + t(q) + t(q.speaker) + t(q.via) + t(q.cue);
  for (const a of story.attributions) n += 400 + t(a.source) + t(a.cue);
  for (const d of story.diagnostics) n += 400 + 6 * d.message.length;
  return n;
}

/** How many members of an array are turned into text in one call. */
const RUN = 1024;

export function jsonPieces(value: unknown, indent: number, size = 1 << 20): string[] {
  const pieces: string[] = [];
  let buf: string[] = [];
  let len = 0;
  const put = (s: string) => {
    buf.push(s);
    len += s.length;
    if (len >= size) {
      pieces.push(buf.join(""));
      buf = [];
      len = 0;
    }
  };
  const pad = (depth: number) => (indent ? "\n" + " ".repeat(indent * depth) : "");
  /** A value whole when its text fits in one string (the usual case: one quote, one paragraph). */
  const whole = (v: unknown, depth: number): string | null => {
    try {
      const s = JSON.stringify(v, null, indent) ?? "null";
      return indent && depth > 0 ? s.replaceAll("\n", pad(depth)) : s;
    } catch (e) {
      if (e instanceof RangeError) return null;
      throw e;
    }
  };
  /**
   * Members `from` to `to` of array `v` (at `depth`) as they stand between its brackets; null
   * when they do not fit in one string.
   */
  const members = (v: unknown[], from: number, to: number, depth: number): string | null => {
    const s = whole(from === 0 && to >= v.length ? v : v.slice(from, to), depth);
    // `[` + members + pad(depth) + `]`: what stands between the brackets.
    return s === null ? null : s.slice(1, s.length - 1 - pad(depth).length);
  };
  // The record and its fields are walked; their members are written whole unless too large.
  const emit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== "object") {
      put(JSON.stringify(v) ?? "null");
      return;
    }
    if (depth >= 2) {
      const s = whole(v, depth);
      if (s !== null) {
        put(s);
        return;
      }
    }
    if (Array.isArray(v)) {
      if (v.length === 0) {
        put("[]");
        return;
      }
      put("[");
      // Members below the record's fields go a run at a time (one call for many small quotes),
      // no more than fill the piece at hand.
      let count = 16;
      for (let i = 0; i < v.length; ) {
        const run = depth >= 1 ? members(v, i, i + count, depth) : null;
        if (run !== null) {
          put((i ? "," : "") + run);
          const n = Math.min(count, v.length - i);
          // As many as fill what is left of the piece at hand, at the length these had.
          count = Math.max(1, Math.min(RUN, Math.floor(((size - len) * n) / Math.max(1, run.length))));
          i += n;
          continue;
        }
        put((i ? "," : "") + pad(depth + 1));
        const x = v[i];
        emit(x === undefined ? null : x, depth + 1);
        i++;
      }
      put(pad(depth) + "]");
      return;
    }
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined || typeof x === "function") continue;
      put((first ? "{" : ",") + pad(depth + 1) + JSON.stringify(k) + (indent ? ": " : ":"));
      first = false;
      emit(x, depth + 1);
    }
    put(first ? "{}" : pad(depth) + "}");
  };
  emit(value, 0);
  if (buf.length) pieces.push(buf.join(""));
  return pieces;
}
