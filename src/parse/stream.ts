/**
 * Story boundaries in a text that arrives in pieces, so that an input of any size is parsed
 * holding only a window of it. Text is gathered until the window holds a few stories; the
 * stories before the last two are finished (what comes later cannot move their boundaries: a
 * boundary is decided by its own line and the few around it), and the window moves on to the
 * first story kept. Offsets, lines and columns stay those of the whole input: each window's
 * positions are shifted by what came before it. One story longer than a window is held whole.
 *
 * The finished stories leave as slices: stretches of whole stories of about `SLICE` characters,
 * each parsed on its own (`sliceStories`), one story at a time. A slice (and a window) only ever
 * starts where a story starts a line and takes nothing from the story before it (not a roundup
 * item, which takes its agency from the item before), so that parsing it alone gives exactly
 * the records of parsing the whole input.
 */
import type { Story, Source } from "../story.js";
import type { RefDate } from "./date.js";
import { scanLines } from "./lines.js";
import { boundsOf, rangesAt, splitStories, type StoryRange } from "./split.js";
import { findStoryParts } from "./story.js";
import { assembleStory } from "./assemble.js";
import { Positions } from "../text/positions.js";
import { maskMarkup } from "../text/markup.js";

/** The window's size (UTF-16 units) before stories are taken from it. */
const WINDOW = 1 << 20;
/** A slice's size (UTF-16 units): what one worker parses at a time, and what is held parsed at once. */
const SLICE = 1 << 17;

/** Positions of a window, reported as positions of the whole input (the window starts a line). */
class ShiftedPositions extends Positions {
  constructor(
    text: string,
    private readonly cpBefore: number,
    private readonly linesBefore: number,
  ) {
    super(text);
  }

  override cp(offset: number): number {
    return super.cp(offset) + this.cpBefore;
  }

  override line(offset: number): number {
    return super.line(offset) + this.linesBefore;
  }

  override column(offset: number): number {
    const start = this.lineStarts[super.line(offset) - 1]!;
    return super.cp(offset) - super.cp(start) + 1;
  }
}

/**
 * A stretch of the input holding whole stories, from the start of one to the start of the next
 * after its last: parsed on its own (`sliceStories`) it gives exactly their records.
 */
export interface StorySlice {
  text: string;
  /** Code points and line ends before the slice in the input, and stories before it. */
  cpBefore: number;
  linesBefore: number;
  storiesBefore: number;
  /** How many stories it holds. */
  stories: number;
  /**
   * Where its stories lie (`boundsOf`), when the pass that cut it knows: parsing the slice then
   * does not split it again.
   */
  bounds?: Int32Array;
}

export interface StreamParse {
  refDate: RefDate | null;
  lang: string | null;
  /** `source` of every story; `index` is filled in. */
  source: Omit<Source, "index">;
}

/**
 * The records of a slice's stories, one at a time (each can be rendered and dropped before the
 * next is parsed).
 */
export function* sliceStories(parse: StreamParse, slice: StorySlice): Generator<Story> {
  const text = slice.text;
  const lines = scanLines(text);
  const ranges = slice.bounds ? rangesAt(text, lines, slice.bounds) : splitStories(text, lines, true);
  const pos = new ShiftedPositions(text, slice.cpBefore, slice.linesBefore);
  const markup = maskMarkup(text);
  const s = parse.source;
  let before: Story | null = null;
  for (const [k, r] of ranges.entries()) {
    const source: Source = {
      path: s.path,
      index: slice.storiesBefore + k + 1,
      count: s.count,
      bytes: s.bytes,
      sha256: s.sha256,
      encoding: s.encoding,
    };
    const story = assembleStory(
      text,
      pos,
      findStoryParts(markup, r.lines, r, { lang: parse.lang }),
      source,
      parse.refDate,
    );
    // A roundup item names no agency of its own: it is the roundup's (as in parseText).
    if (before && r.inherits && story.agency === null) story.agency = before.agency;
    before = story;
    yield story;
  }
}

/**
 * Feed it text with `push`, then call `end`; each leaves the slices of the stories finished so
 * far for `takeSlices`, in order. With `parse`, `push` and `end` also return those stories' records.
 */
export class StoryStream {
  private buf = "";
  private cpBefore = 0;
  private linesBefore = 0;
  private index = 0;
  private wait: number;
  private slices: StorySlice[] = [];

  /** `size`: how much text to gather before taking stories from it; `slice`: a slice's size (smaller in tests). */
  constructor(
    private readonly parse: StreamParse | null,
    private readonly size = WINDOW,
    private readonly slice = SLICE,
  ) {
    this.wait = size;
  }

  /** Boundaries only: each `push`/`end` leaves the stretches of finished stories for `takeSlices`. */
  static slicer(size = WINDOW, slice = SLICE): StoryStream {
    return new StoryStream(null, size, slice);
  }

  /** The slices finished since the last call. */
  takeSlices(): StorySlice[] {
    const out = this.slices;
    this.slices = [];
    return out;
  }

  /** How many stories were finished so far. */
  get count(): number {
    return this.index;
  }

  /** Text held for want of a place to cut it: one story (or two) longer than a window; else 0. */
  get held(): number {
    return this.wait > this.size ? this.buf.length : 0;
  }

  push(text: string): Story[] {
    this.buf += text;
    return this.buf.length >= this.wait ? this.take(false) : [];
  }

  end(): Story[] {
    return this.take(true);
  }

  private take(final: boolean): Story[] {
    const text = this.buf;
    if (text.length === 0) return [];
    const ranges = splitStories(text, scanLines(text), true);
    // Where the window may end: at a story, not among the last two (unless the text is all
    // there), that starts a line and takes nothing from the one before.
    let done = final ? ranges.length : ranges.length - 2;
    if (!final) while (done > 0 && !cuttable(text, ranges[done]!)) done--;
    if (done <= 0) {
      // One long story (or two): wait for twice as much before looking again (linear overall).
      this.wait = text.length * 2;
      return [];
    }
    const end = final ? text.length : ranges[done]!.start;
    let from = 0;
    let k0 = 0;
    for (let k = 1; k <= done; k++) {
      const at = k === done ? end : ranges[k]!.start;
      if (k < done && (at - from < this.slice || !cuttable(text, ranges[k]!))) continue;
      this.cut(text, from, at, boundsOf(ranges, k0, k, from));
      from = at;
      k0 = k;
    }
    this.buf = text.slice(end);
    this.wait = this.size;
    if (!this.parse) return [];
    const out: Story[] = [];
    for (const s of this.takeSlices()) out.push(...sliceStories(this.parse, s));
    return out;
  }

  /** A slice of text[from, to) holding the stories of `bounds`; what came before moves past it. */
  private cut(text: string, from: number, to: number, bounds: Int32Array): void {
    const stories = bounds.length / 3;
    this.slices.push({
      text: text.slice(from, to),
      cpBefore: this.cpBefore,
      linesBefore: this.linesBefore,
      storiesBefore: this.index,
      stories,
      bounds,
    });
    this.index += stories;
    this.advance(text, from, to);
  }

  /** Counts the code points and line ends of text[from, to) into what comes before the next slice. */
  private advance(text: string, from: number, to: number): void {
    let pairs = 0;
    let ends = 0;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x0a) ends++;
      else if (c === 0x0d) {
        if (text.charCodeAt(i + 1) === 0x0a) i++;
        ends++;
      } else if (c >= 0xd800 && c <= 0xdbff) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          pairs++;
          i++;
        }
      }
    }
    this.cpBefore += to - from - pairs;
    this.linesBefore += ends;
  }
}

/** A story where text may be cut: it starts a line and inherits nothing from the story before. */
function cuttable(text: string, r: StoryRange): boolean {
  if (r.inherits) return false;
  const c = text.charCodeAt(r.start - 1);
  return r.start === 0 || c === 0x0a || c === 0x0d;
}
