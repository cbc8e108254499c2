/**
 * Story boundaries in a text that arrives in pieces, so that an input of any size is parsed
 * holding only a window of it. Text is gathered until the window holds a few stories; the
 * stories before the last two are finished (what comes later cannot move their boundaries: a
 * boundary is decided by its own line and the few around it), and the window moves on to the
 * first story kept. Offsets, lines and columns stay those of the whole input: each window's
 * positions are shifted by what came before it. One story longer than a window is held whole.
 */
import type { Story, Source } from "../story.js";
import type { RefDate } from "./date.js";
import { scanLines } from "./lines.js";
import { splitStories, type StoryRange } from "./split.js";
import { findStoryParts } from "./story.js";
import { assembleStory } from "./assemble.js";
import { Positions } from "../text/positions.js";
import { maskMarkup, type Markup } from "../text/markup.js";

/** The window's size (UTF-16 units) before stories are taken from it. */
const WINDOW = 1 << 20;

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
 * after its last: parsed on its own (`StoryStream.slice`) it gives exactly their records.
 */
export interface StorySlice {
  text: string;
  /** Code points and line ends before the slice in the input, and stories before it. */
  cpBefore: number;
  linesBefore: number;
  storiesBefore: number;
}

export interface StreamParse {
  refDate: RefDate | null;
  lang: string | null;
  /** `source` of every story; `index` is filled in. */
  source: Omit<Source, "index">;
}

/**
 * Feed it text with `push`, then call `end`; each returns the stories finished so far, in order.
 * Without `parse` it only counts them (a first pass that learns `source.count`).
 */
export class StoryStream {
  private buf = "";
  private cpBefore = 0;
  private linesBefore = 0;
  private index = 0;
  private wait: number;
  /** The text the stories last returned were parsed from, and the code points before it. */
  window = { text: "", cpBefore: 0 };

  /** `size`: how much text to gather before taking stories from it (smaller in tests). */
  constructor(
    private readonly parse: StreamParse | null,
    private readonly size = WINDOW,
  ) {
    this.wait = size;
  }

  /** Without `parse`: the slices taken so far, for `takeSlices`. */
  private slices: StorySlice[] | null = null;

  /** Boundaries only: each `push`/`end` leaves the stretches of finished stories for `takeSlices`. */
  static slicer(size = WINDOW): StoryStream {
    const s = new StoryStream(null, size);
    s.slices = [];
    return s;
  }

  /** The records of a slice's stories. */
  static parseSlice(parse: StreamParse, slice: StorySlice): Story[] {
    const s = new StoryStream(parse, Number.POSITIVE_INFINITY);
    s.cpBefore = slice.cpBefore;
    s.linesBefore = slice.linesBefore;
    s.index = slice.storiesBefore;
    s.push(slice.text);
    return s.end();
  }

  takeSlices(): StorySlice[] {
    const out = this.slices ?? [];
    if (this.slices) this.slices = [];
    return out;
  }

  /** How many stories were finished so far. */
  get count(): number {
    return this.index;
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
    const lines = scanLines(text);
    const ranges = splitStories(text, lines, true);
    const done = final ? ranges.length : ranges.length - 2;
    if (done <= 0) {
      // One long story (or two): wait for twice as much before looking again (linear overall).
      this.wait = text.length * 2;
      return [];
    }
    const out: Story[] = [];
    this.window = { text, cpBefore: this.cpBefore };
    if (this.parse) {
      const pos = new ShiftedPositions(text, this.cpBefore, this.linesBefore);
      const markup = maskMarkup(text);
      for (let k = 0; k < done; k++) out.push(this.story(text, pos, ranges[k]!, markup));
    }
    const next = final ? text.length : ranges[done]!.start;
    if (this.slices)
      this.slices.push({
        text: text.slice(0, next),
        cpBefore: this.cpBefore,
        linesBefore: this.linesBefore,
        storiesBefore: this.index,
      });
    if (!this.parse) this.index += done;
    this.advance(text, next);
    this.buf = text.slice(next);
    this.wait = this.size;
    return out;
  }

  private story(text: string, pos: Positions, r: StoryRange, markup: Markup): Story {
    const p = this.parse!;
    this.index++;
    const s = p.source;
    const source: Source = {
      path: s.path,
      index: this.index,
      count: s.count,
      bytes: s.bytes,
      sha256: s.sha256,
      encoding: s.encoding,
    };
    return assembleStory(text, pos, findStoryParts(markup, r.lines, r, { lang: p.lang }), source, p.refDate);
  }

  /** Counts the code points and line ends of text[0, to) into what came before the window. */
  private advance(text: string, to: number): void {
    let pairs = 0;
    let ends = 0;
    for (let i = 0; i < to; i++) {
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
    this.cpBefore += to - pairs;
    this.linesBefore += ends;
  }
}
