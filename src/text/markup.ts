/**
 * HTML leftovers in wire copy: tags (`<br>`, `<p>`, `<font size="2">`, `</font>`) and entities
 * (`&nbsp;`, `&amp;`). Only known HTML tag names count, so Reuters' ticker brackets (`<SRD>`)
 * stay text. Parts keep spans into the raw input; their `text` leaves tags out and decodes
 * entities.
 *
 * ```
 * > | <br>"Kohraam" (1999) was directed ... </font>
 *     ^^^^ a break tag: a paragraph boundary       ^^^^^^^ left out of the text
 * ```
 *
 * `maskMarkup` is the pre-pass before the recognisers: it finds the tags once and gives a view
 * of the text where each tag reads as spaces, so no recogniser knows about HTML and every
 * offset stays the same. The paragraph stage gets the break tags as `breaks`; the assembler
 * takes part texts from the input itself (`plainText`).
 */
import type { Range } from "./range.js";
import { countBelow, startOf } from "./search.js";

export interface Tag extends Range {
  name: string;
  /** `<br>`, `<p>`, `</p>`, `<div>`, `<hr>`...: the tag separates paragraphs. */
  isBreak: boolean;
}

const HTML = new Set([
  "a",
  "abbr",
  "b",
  "big",
  "blockquote",
  "body",
  "br",
  "center",
  "code",
  "div",
  "em",
  "font",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "head",
  "hr",
  "html",
  "i",
  "img",
  "li",
  "ol",
  "p",
  "pre",
  "s",
  "small",
  "span",
  "strike",
  "strong",
  "sub",
  "sup",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "tt",
  "u",
  "ul",
  "figure",
  "figcaption",
  "section",
  "article",
]);
const BREAKS = new Set([
  "br",
  "p",
  "div",
  "hr",
  "li",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "table",
  "section",
  "article",
]);
// `[^<>]` never runs past the next `<`, so scanning every `<` stays linear.
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,9})(?:\s[^<>]{0,300})?\/?>/y;
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]{2,8}));/g;
const NAMED: Record<string, string> = {
  nbsp: "\u00a0",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  ndash: "–",
  mdash: "—",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  hellip: "…",
};

/** Where a break tag stands: `line` for `<br>` (it may only wrap a line), `block` for the others. */
export interface Break extends Range {
  kind: "line" | "block";
}

/** What the markup pre-pass gives the recognisers. */
export interface Markup {
  /** The text with every tag read as spaces (line ends inside a tag kept): offsets unchanged. */
  view: string;
  /** The tags, in order: for the assembler, which leaves them out of part texts. */
  tags: Tag[];
  /** The break tags, in order: where paragraphs may end. */
  breaks: Break[];
}

/** The markup pre-pass over the whole text (see the comment at the top). */
export function maskMarkup(text: string): Markup {
  const tags = findTags(text, 0, text.length);
  if (tags.length === 0) return { view: text, tags, breaks: [] };
  let view = "";
  let k = 0;
  for (const t of tags) {
    view += text.slice(k, t.start) + text.slice(t.start, t.end).replace(NOT_LINE_END, " ");
    k = t.end;
  }
  view += text.slice(k);
  const breaks: Break[] = [];
  for (const t of tags)
    if (t.isBreak) breaks.push({ start: t.start, end: t.end, kind: t.name === "br" ? "line" : "block" });
  return { view, tags, breaks };
}

const NOT_LINE_END = /[^\r\n]/g;

export function findTags(text: string, from: number, to: number): Tag[] {
  const out: Tag[] = [];
  let i = text.indexOf("<", from);
  while (i >= 0 && i < to) {
    TAG.lastIndex = i;
    const m = TAG.exec(text);
    if (m && m.index + m[0].length <= to && HTML.has(m[2]!.toLowerCase())) {
      const name = m[2]!.toLowerCase();
      out.push({ start: i, end: i + m[0].length, name, isBreak: BREAKS.has(name) });
      i = text.indexOf("<", i + m[0].length);
    } else {
      i = text.indexOf("<", i + 1);
    }
  }
  return out;
}

/** The text of [from, to) with the tags inside left out and entities decoded. */
export function plainText(text: string, from: number, to: number, tags: Tag[]): string {
  let out = "";
  let k = from;
  for (const t of tagsWithin(tags, from, to)) {
    out += text.slice(k, t.start);
    k = t.end;
  }
  out += text.slice(k, to);
  return out.includes("&") ? decodeEntities(out) : out;
}

export function decodeEntities(s: string): string {
  return s.replace(ENTITY, (all, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (dec || hex) {
      const cp = dec ? Number(dec) : parseInt(hex!, 16);
      return cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff) ? String.fromCodePoint(cp) : all;
    }
    return NAMED[name!.toLowerCase()] ?? all;
  });
}

/** The tags (or breaks) that lie inside [from, to), by binary search over the sorted list. */
export function tagsWithin<T extends Range>(tags: T[], from: number, to: number): T[] {
  const lo = countBelow(tags, from, startOf);
  const out: T[] = [];
  for (let k = lo; k < tags.length && tags[k]!.end <= to; k++) out.push(tags[k]!);
  return out;
}

/** A known HTML tag starting at `pos` in `text`, if any (for scanners without a tag list). */
export function tagAt(text: string, pos: number): Tag | undefined {
  if (text[pos] !== "<") return undefined;
  TAG.lastIndex = pos;
  const m = TAG.exec(text);
  if (!m || !HTML.has(m[2]!.toLowerCase())) return undefined;
  const name = m[2]!.toLowerCase();
  return { start: pos, end: pos + m[0].length, name, isBreak: BREAKS.has(name) };
}
