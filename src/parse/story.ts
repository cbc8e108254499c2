/**
 * One story's parts: runs the recognisers over the story's lines and returns what they found
 * as a `StoryMatch` (UTF-16 ranges, the rule that read each part, findings). `assemble.ts`
 * turns the match into the public record; nothing here builds record fields.
 *
 * ```
 * > | Kim visits Seoul                          headline (first line before the dateline)
 * > | सोल, 14 सितंबर (आईएएनएस)। रूसी ...        dateline, then the body
 * > | ...
 * > | --आईएएनएस                                 sign-off
 * ```
 */
import { finding, type Finding } from "../diagnostics.js";
import { agencyOf } from "../data/index.js";
import { findDateline } from "./dateline.js";
import type { Range } from "../text/range.js";
import { findSignoff, type SignoffFound } from "./signoff.js";
import {
  agencyNamedIn,
  bulletItem,
  bylineBeforeStamp,
  endsSentence,
  gluedLeadAt,
  headerKind,
  isHeadline,
  isMenuItem,
  isPageLeftover,
  isShortLabel,
  isTitleLine,
  isTitleOverPage,
  isTrailingLeftover,
  listNumberAt,
  type HeaderKind,
  isStampTail,
  isTimeTail,
} from "./headline.js";
import { paragraphsOf, sentencesOf, type ParagraphMatch, type Segment } from "./paragraphs.js";
import { detectLanguage } from "./language.js";
import { nextContent, type Line } from "./lines.js";
import { isBlank, isDevanagariLetter, isHSpace, isLatinLetter, isLatinLower } from "../text/chars.js";
import { quotesOf } from "../quotes/index.js";
import { dropPageLeftovers, findCreditLine, findSlugs, splitTrailer, withoutLeftoverLines } from "./leftovers.js";
import { tagsWithin, type Break, type Markup } from "../text/markup.js";
import type { HeadRule, StoryMatch } from "./match.js";
import type { EnvelopeMatch } from "../envelope/types.js";
import { tableRuns, withTables } from "./tables.js";

export interface StoryOptions {
  /** The language when the user gave one; null detects it. */
  lang: string | null;
  /** The transmission envelope the story came in: its in-text markers are taken as given. */
  envelope?: EnvelopeMatch | null;
}

/**
 * Finds the parts of the story `range` (its `lines`) of the input. The recognisers read the
 * markup pre-pass's view, where tags are spaces (text/markup.ts); the match keeps the story's
 * tags for the assembler.
 */
export function findStoryParts(markup: Markup, lines: Line[], range: Range, options: StoryOptions): StoryMatch {
  const findings: Finding[] = [];
  const text = markup.view;
  const tags = tagsWithin(markup.tags, range.start, range.end);
  const breaks = tagsWithin(markup.breaks, range.start, range.end);
  // A line holding nothing but markup (`<br>`, `</font>`) reads as blank.
  if (tags.length)
    lines = lines.map((l) =>
      l.blank || !isBlank(text.slice(l.contentStart, l.contentEnd)) ? l : { ...l, blank: true },
    );
  const first = lines.findIndex((l) => !l.blank);
  const dl = findDateline(text, lines);
  const env = options.envelope ?? null;

  // Headline, byline: what stands before the dateline (or what the envelope read).
  let headline: (Range & { rule: HeadRule }) | null = env?.headline ? { ...env.headline, rule: "envelope" } : null;
  let byline: (Range & { rule: HeadRule }) | null = env?.byline ? { ...env.byline, rule: "envelope" } : null;
  let ednote: Range | null = env?.ednote ?? null;
  const before: Range[] = [];
  let credit: (Range & { code: string }) | null = null;
  if (dl) {
    // The headline is the first line that is not a wire header, an editor's note, a summary
    // bullet, a byline or a credit line; what follows it up to the dateline is kept in order.
    let headlineOpen = true;
    let bylineLine = -1;
    let noteOpen = false; // an editor's note whose bracket a later line closes
    for (let i = first; i < dl.firstLine; i++) {
      const l = lines[i]!;
      if (l.blank) continue;
      const content = text.slice(l.contentStart, l.contentEnd);
      const r = { start: l.contentStart, end: l.contentEnd };
      // A note wrapped over lines (`(Rewrites paragraph 1, adds comments, updates with closing` /
      // `prices)`): the lines up to the closing bracket are the note's.
      const wrapped = noteOpen;
      const kind = noteOpen ? "note" : (headerKind(content) ?? captionSaidAgain(text, lines, i, content));
      if (noteOpen) noteOpen = !content.includes(")");
      else if (kind === "note" && content.startsWith("(") && !content.includes(")")) noteOpen = true;
      if (kind === "rule") {
        // A digest's separator: what stands above it is the digest's preamble (`Yonhap News
        // Summary`, `The following is ...`), the ednote; the item's headline is below it.
        const top = lines[first]!.contentStart;
        const above = prevContent(lines, i);
        if (above >= first && !ednote) {
          ednote = { start: top, end: lines[above]!.contentEnd };
          credit = agencyNamedIn(text, ednote.start, ednote.end);
          if (byline?.rule !== "envelope") byline = null;
          headline = null;
          headlineOpen = true;
          before.length = 0;
        }
        findings.push(finding("header-line", "a digest's separator above the headline", r.start, r.end));
        continue;
      }
      if (
        (kind === null || kind === "bullet") &&
        headline &&
        text.slice(headline.start, headline.end) === (kind === "bullet" ? bulletItem(content) : content)
      ) {
        // The headline once more (pages print it above and below their stamps, and as a
        // highlight's list item): no part of the text.
        findings.push(finding("header-line", "the headline again above the dateline", r.start, r.end));
        continue;
      }
      // A web page's own words (`You are here:`, `Top Story`), a photo's caption or credit, a
      // page's time stamp: no part of the story's text.
      const furniture = furnitureFinding(content, kind, r, "the dateline");
      if (furniture) {
        findings.push(furniture);
        continue;
      }
      const named = kind === "byline" || kind === "byline-credit" ? agencyNamedIn(text, r.start, r.end) : null;
      // A byline, or an agency's credit with no byline above it (`AFP` on a line of its own).
      if (!byline && (kind === "byline" || (kind === "byline-credit" && named))) {
        const own = bylineBeforeStamp(content);
        byline = bylineOf(r, own, findings);
        // A byline naming the agency (`By PTI`, `By Xinhua writers ...`) credits it.
        credit ??= own > 0 ? agencyNamedIn(text, byline.start, byline.end) : named;
        bylineLine = i;
      } else if (kind === "byline-credit" && byline && bylineLine >= 0 && prevContent(lines, i) === bylineLine) {
        byline = { start: byline.start, end: r.end, rule: "byline-with-credit" };
        bylineLine = i;
      } else if (byline && named) {
        // The agency's credit once more (pages repeat it above the dateline): no part of the text.
        findings.push(finding("header-line", "an agency's credit again above the dateline", r.start, r.end));
      } else if (kind === "note" && !ednote) {
        // An editor's note (`Eds: ...`, `(ATTN: ...)`): the story's ednote.
        ednote = r;
      } else if (kind === "note" && ednote && wrapped && ednote.end === lines[prevContent(lines, i)]!.contentEnd) {
        // The note's next line (its bracket still open): the ednote runs on. (A later note's
        // wrapped lines stay with that note, which is a header line above the dateline.)
        ednote = { start: ednote.start, end: r.end };
      } else if (kind === null && headlineOpen && !headline && isHeadline(content)) {
        if (otherScriptAbove(text, lines, i, dl.firstLine, scriptOf(text.slice(dl.start, dl.end)))) {
          // A line in another script than the dateline's, above a headline in its script: the
          // page's own title or menu (`Naya India-Hindi News, ...` over a Hindi headline).
          findings.push(finding("page-leftover", "a line in another script above the headline", r.start, r.end));
          continue;
        }
        headline = { ...r, rule: "first-line" };
      } else if (kind === null && headline?.rule === "first-line" && i > 0 && runsOnTitle(text, lines, i, headline)) {
        // The title wrapped onto a second line (`Rift Valley police plan disarmament programme` /
        // `across Kerio Valley region in northwest Kenya`).
        headline = { ...headline, end: r.end };
      } else if (
        kind === null &&
        !ednote &&
        prevContent(lines, dl.firstLine) === i &&
        isHeadline(content) &&
        preamble(text, lines, first, i)
      ) {
        // Sentences above the line over the dateline that name the agency: a digest's preamble
        // (`The following is the second summary of major stories moved by Yonhap News Agency
        // on Tuesday.`), the ednote; the line over the dateline is the first item's headline.
        ednote = { start: lines[first]!.contentStart, end: lines[prevContent(lines, i)]!.contentEnd };
        credit = agencyNamedIn(text, ednote.start, ednote.end);
        // A byline read above is the preamble's: the ednote holds it.
        if (byline?.rule !== "envelope") byline = null;
        before.length = 0;
        headline = { ...r, rule: "first-line" };
      } else {
        if (kind === "note" || kind === "slug" || kind === "credit") {
          findings.push(
            finding(
              "header-line",
              kind === "note"
                ? "an editor's note above the dateline"
                : kind === "slug"
                  ? "a wire header line above the dateline"
                  : "a publisher's credit line above the dateline",
              r.start,
              r.end,
            ),
          );
        }
        if (kind === null) headlineOpen = false;
        before.push(r);
      }
    }
    if (dl.prefix) {
      const prefix = { start: dl.prefix.start, end: dl.prefix.end, rule: "dateline-prefix" as const };
      if (dl.prefix.kind === "byline" && !byline) {
        byline = prefix;
        // The bar or colon between a desk's credit and the place (`... वेबडेस्क| नयी दिल्ली`): no part of either.
        if (!isBlank(text.slice(prefix.end, dl.start)))
          findings.push(finding("header-line", "a mark between the byline and the dateline", prefix.end, dl.start));
      } else if (dl.prefix.kind === "leftover")
        // `NEWSDESK - IANS) Chennai, ...`: a closing bracket with no opening one, a page's leftover.
        findings.push(finding("page-leftover", "a web page's leftover before the dateline", prefix.start, prefix.end));
      else if (!headline && before.length === 0) headline = prefix;
      else if (headline && text.slice(headline.start, headline.end) === text.slice(prefix.start, prefix.end).trim())
        // The headline again, glued to the place (`... cheers touristsGulmarg, Mar 9 :`).
        findings.push(finding("header-line", "the headline again before the dateline", prefix.start, prefix.end));
      else before.push(dl.prefix);
    }
  }

  // No dateline: a headline glued to the lead on the first line (`... 23 घायलहवाई में ...`).
  let bylineLineEnd = 0; // where the byline's line ends (a stamp after the byline is no body)
  if (!dl && !headline && first >= 0) {
    let top = first;
    // A page that prints the byline or the credit above the title (`Sep 05, 2017 03:03 PM IST |
    // Source: PTI`, then the title): the byline; or its stamp (`Saturday, July 30, 2011`): a
    // header line. The title is the line after it.
    const firstContent = text.slice(lines[first]!.contentStart, lines[first]!.contentEnd);
    const firstKind = headerKind(firstContent);
    const bylineAbove = firstKind === "byline" || firstKind === "byline-credit";
    const below = nextContent(lines, first);
    if (below >= 0 && (bylineAbove || isFurniture(firstContent, firstKind))) {
      const c = text.slice(lines[below]!.contentStart, lines[below]!.contentEnd);
      const titleBelow = headerKind(c) === null && isTitleLine(c, nextLineContent(text, lines, below, true, c));
      // Without a title below, only the agency's credit alone above the lead (`IANS` / `The
      // Supreme Court on Wednesday ...`) is taken: the byline, and the body starts after it.
      if (titleBelow || firstKind === "byline-credit") {
        const r = { start: lines[first]!.contentStart, end: lines[first]!.contentEnd };
        if (bylineAbove) {
          byline = bylineOf(r, bylineBeforeStamp(firstContent), findings);
          credit ??= agencyNamedIn(text, byline.start, byline.end);
          if (!titleBelow) bylineLineEnd = r.end;
        } else findings.push(furnitureFinding(firstContent, firstKind, r, "the headline")!);
        top = below;
      }
    }
    const l = lines[top]!;
    const content = text.slice(l.contentStart, l.contentEnd);
    const cut = gluedLeadAt(content);
    if (cut !== null) headline = { start: l.contentStart, end: l.contentStart + cut, rule: "glued-to-lead" };
    else if (
      isTitleLine(content, wrappedOn(text, lines, top, nextLineContent(text, lines, top, true, content))) ||
      (top + 1 < lines.length && lines[top + 1]!.blank && isTitleOverPage(content, linesAfter(text, lines, top)))
    ) {
      headline = { start: l.contentStart, end: l.contentEnd, rule: "title-line" };
      // A byline or the agency's credit under the title (`AFP`, `(Xinhua)`, `By Anita Rao`), past
      // a page's stamps and captions: the byline, and the body starts after it. With no byline,
      // the stamps and captions right under the title are no part of the body either.
      const passed: { c: string; kind: HeaderKind | null; r: Range }[] = [];
      for (let k = top + 1; k < lines.length && k <= top + 4 && !byline; k++) {
        const L = lines[k]!;
        if (L.blank) continue;
        const r = { start: L.contentStart, end: L.contentEnd };
        const c = text.slice(r.start, r.end);
        const kind = headerKind(c);
        if (kind === "byline" || kind === "byline-credit") {
          for (const p of passed) findings.push(furnitureFinding(p.c, p.kind, p.r, "the byline")!);
          byline = bylineOf(r, bylineBeforeStamp(c), findings);
          bylineLineEnd = r.end;
          // A byline naming the agency (`By PTI`, `AFP`, `IANS, 30 Sep, 2016`) credits it.
          credit ??= agencyNamedIn(text, byline.start, byline.end);
        } else if (c === content && kind === null) {
          // The title printed again (pages print it above and below their stamps).
          findings.push(finding("header-line", "the headline again above the byline", r.start, r.end));
        } else {
          if (!isFurniture(c, kind)) break;
          passed.push({ c, kind, r });
        }
      }
      if (!byline && passed.length > 0) {
        // (With the findings `dropPageLeftovers` gives such lines at the top of a body.)
        for (const p of passed) {
          const what =
            p.kind === "caption"
              ? "a photo caption above the story"
              : p.kind === "timestamp"
                ? "a time stamp above the story"
                : "a web page's leftover line";
          findings.push(finding("page-leftover", what, p.r.start, p.r.end));
        }
        bylineLineEnd = passed[passed.length - 1]!.r.end;
      }
    }
  }

  // A list's number before the headline (a day file's items, `1.कैलिफोर्निया में ...`): no part of it.
  if (headline && headline.rule !== "envelope") {
    const n = listNumberAt(text.slice(headline.start, headline.end));
    if (n) {
      findings.push(
        finding("header-line", "a list item's number before the headline", headline.start, headline.start + n.mark),
      );
      headline = { ...headline, start: headline.start + n.text };
    }
  }

  // Sign-off: at the end, never overlapping the dateline.
  const minLine = dl ? dl.lastLine : Math.max(first, 0);
  // Markup at a line's edges (`--IANS<br/>`) is not part of the sign-off.
  const bare = tags.length ? lines.map((l) => (l.blank ? l : trimmedLine(text, l))) : lines;
  let so: SignoffFound | null = first < 0 ? null : findSignoff(text, bare, minLine);
  // A copyright notice closing the page is the sign-off only when none stands above it
  // (`(END)` / `(C) Yonhap News Agency. All Rights Reserved`).
  const notice = so !== null && isTrailingLeftover(text.slice(so.start, so.end));
  if ((!so || notice) && first >= 0) {
    // A page's leftover lines after the sign-off (`पीटीआई` / `Next Story`): the sign-off above them.
    let end = bare.length - 1;
    const trailing: Range[] = [];
    // A credit that is also a page's note (`Source: IANS` above `Disclaimer: ...`) is the
    // sign-off the leftovers below it follow: found in the walk, it is not looked for again.
    let credit: SignoffFound | null = null;
    for (; end > minLine; end--) {
      const l = bare[end]!;
      if (l.blank) continue;
      if (!isTrailingLeftover(text.slice(l.contentStart, l.contentEnd))) break;
      credit = trailing.length ? findSignoff(text, bare, minLine, end) : null;
      if (credit) break;
      trailing.push({ start: l.contentStart, end: l.contentEnd });
    }
    const above = credit ?? (trailing.length ? findSignoff(text, bare, minLine, end) : null);
    if (above || !notice) so = above;
    if (above && !(dl && above.start < dl.end))
      for (const r of trailing.reverse())
        findings.push(finding("page-leftover", "a web page's leftover line after the sign-off", r.start, r.end));
  }
  if (so && dl && so.start < dl.end) so = null;
  // A story that is only a sign-off (`--IANS` / `zm/khz` printed again under the one before): the
  // line read above the body as a byline or a headline is the sign-off's.
  if (so && byline && byline.rule !== "envelope" && so.start < byline.end) byline = null;
  if (so && headline && headline.rule !== "envelope" && so.start < headline.end) headline = null;

  // An editor's note that runs to the sign-off ("The following information is not for publication").
  let bodyEnd = so ? so.start : range.end;
  if (env?.ednoteFrom != null && env.ednoteFrom < bodyEnd && (!dl || env.ednoteFrom >= dl.end)) {
    let e = bodyEnd;
    while (e > env.ednoteFrom && /\s/u.test(text[e - 1]!)) e--;
    ednote = { start: env.ednoteFrom, end: e };
    bodyEnd = env.ednoteFrom;
  }

  // A page's stamps after the dateline on its line (`PTI | Thane | Updated: ... | Created: ...`).
  let stampEnd = -1;
  if (dl) {
    const L = lines[dl.lastLine]!;
    const tail = dl.end < L.contentEnd ? text.slice(dl.end, L.contentEnd) : "";
    if (tail && (isStampTail(tail) || isTimeTail(tail))) {
      let s = dl.end;
      while (s < L.contentEnd && isHSpace(text.charCodeAt(s))) s++;
      findings.push(finding("header-line", "a time stamp after the dateline", s, L.contentEnd));
      stampEnd = L.contentEnd;
    }
  }
  // Body: everything else, cut into paragraphs; tables kept whole.
  const bodyStart = dl
    ? Math.max(dl.end, stampEnd)
    : headline?.rule === "glued-to-lead" || headline?.rule === "title-line"
      ? Math.max(headline.end, bylineLineEnd)
      : Math.max(range.start, bylineLineEnd);
  const segments = bodySegments(text, lines, bodyStart, bodyEnd, breaks);
  // Copy the envelope says is tabular is one table; elsewhere runs of table lines are.
  const runs = env?.tabular && !dl ? wholeBody(segments) : tableRuns(text, lines, bodyStart, bodyEnd, false);
  let paras = withTables(paragraphsOf(text, segments, findings), runs);
  // IPTC 7901 copy is hard-wrapped and separates paragraphs by blank lines: a line end is a wrap.
  if (env?.format === "iptc-7901") paras = joinWrapped(paras);
  if (runs.length)
    findings.push(
      finding(
        "table",
        `${runs.length} table${runs.length === 1 ? "" : "s"} kept line by line`,
        runs[0]!.start,
        runs[0]!.end,
      ),
    );
  dropPageLeftovers(text, paras, !dl, findings);
  if (dl) dropRepeatedLead(text, lines[dl.firstLine]!, paras, findings);
  else if (headline?.rule === "title-line") dropRepeatedTitle(text, headline, paras, findings);
  // A byline printed under the page's standfirst, among the first paragraphs (`By Press Trust
  // of India, Kolkata`), or under the dateline's lead when the dateline names no agency (`PTI
  // Updated on: September 22, 2011 22:34 IST`): it credits the agency when nothing above did.
  if (!credit && !dl?.agency) {
    credit = bylineCreditIn(text, paras.slice(0, 4));
    // Under the lead, the credit line is all its paragraph: the page's, no part of the body.
    const k = credit && dl ? paras.findIndex((p) => p.start <= credit!.start && credit!.end <= p.end) : -1;
    if (k > 0 && !/[\r\n]/u.test(text.slice(paras[k]!.start, paras[k]!.end))) {
      findings.push(
        finding("page-leftover", "the agency's credit line under the lead", paras[k]!.start, paras[k]!.end),
      );
      paras.splice(k, 1);
    }
  }
  // A headline that ends in the agency's tag in brackets (`It's a boy for Kate Hudson (AP)`).
  if (!credit && headline) credit = tagClosing(text, headline);
  splitTrailer(text, paras, findings);
  findCreditLine(text, paras, findings);
  findSlugs(text, paras, findings);
  const paragraphs = paras.map((p) => ({ ...p, sentences: p.table ? [] : sentencesOf(text, p) }));

  // Quotes and reported speech (not in tables: their paragraphs are skipped, numbering kept),
  // also in the lines above the dateline (a summary bullet `• ‘It’s like a war zone,’ resident
  // says`), which are no paragraph: their index is -1.
  const headerLines = withoutLeftoverLines(text, before, findings);
  const heads = headerLines.map((r) => ({ ...r, sentences: sentencesOf(text, r), k: -1 }));
  const prose = [...heads, ...paragraphs.map((p, k) => ({ ...p, k })).filter((p) => !p.table)];
  const found = quotesOf(text, prose, findings);
  if (prose.length !== paragraphs.length) {
    for (const q of found.quotes) q.paragraph = prose[q.paragraph]!.k;
    for (const a of found.attributions) a.paragraph = prose[a.paragraph]!.k;
  }

  return {
    range,
    language: options.lang ?? detectLanguage(text, range.start, range.end),
    tags,
    hasText: first >= 0,
    headline,
    byline,
    dateline: dl,
    signoff: so,
    credit,
    paragraphs,
    quotes: found.quotes,
    attributions: found.attributions,
    ednote,
    headerLines,
    slugline: env?.slugline ?? null,
    envelope: env,
    findings: env ? [...env.findings, ...findings] : findings,
  };
}

/**
 * A byline line, without the page's time stamp that follows its first `own` characters
 * (`By ANI | Updated: April 22, 2021 18:40 IST`, `IANS, 30 Sep, 2016 01:18 PM`): the stamp is
 * no part of the text.
 */
function bylineOf(r: Range, own: number, findings: Finding[]): Range & { rule: HeadRule } {
  if (own <= 0) return { ...r, rule: "byline-line" };
  findings.push(finding("header-line", "a time stamp after the byline", r.start + own, r.end));
  return { start: r.start, end: r.start + own, rule: "byline-line" };
}

/**
 * The content of the first non-blank line after line i, or null; when `past` is set, past
 * bylines, time stamps, captions, short labels and the title printed again (`title`).
 */
function nextLineContent(text: string, lines: Line[], i: number, past = false, title?: string): string | null {
  for (let k = i + 1; k < lines.length; k++) {
    const l = lines[k]!;
    if (l.blank) continue;
    const content = text.slice(l.contentStart, l.contentEnd);
    if (!past) return content;
    if (content === title) continue;
    const kind = headerKind(content);
    if (kind !== "byline" && kind !== "byline-credit" && !isFurniture(content, kind) && !isShortLabel(content))
      return content;
  }
  return null;
}

/**
 * The line `next` below line i read on through the lines a hard wrap broke it into, to the first
 * that ends a sentence (at most five, each but the last at least 40 characters, no blank line
 * between): a lead wrapped at 70 columns under a title is still one sentence to `isTitleLine`.
 * `next` itself when it ends a sentence or no line below ends one.
 *
 * ```
 * > | Indian rupee falls against dollar
 * > | Continuing its weakness for the third straight day, the rupee
 * > | fell 30 paise against the dollar in early trade.
 * ```
 */
function wrappedOn(text: string, lines: Line[], i: number, next: string | null): string | null {
  if (next === null || endsSentence(next) || next.length < 40) return next;
  let k = i + 1;
  while (k < lines.length && (lines[k]!.blank || text.slice(lines[k]!.contentStart, lines[k]!.contentEnd) !== next))
    k++;
  let joined = next;
  for (let n = 1; n < 5 && k + n < lines.length; n++) {
    const L = lines[k + n]!;
    if (L.blank) return next;
    const c = text.slice(L.contentStart, L.contentEnd);
    joined += ` ${c}`;
    if (endsSentence(c)) return joined;
    if (c.length < 40) return next;
  }
  return next;
}

/** The contents of the first five non-blank lines after line i (as far as `isTitleOverPage` reads). */
function linesAfter(text: string, lines: Line[], i: number): string[] {
  const out: string[] = [];
  for (let k = i + 1; k < lines.length && out.length < 5; k++) {
    const l = lines[k]!;
    if (!l.blank) out.push(text.slice(l.contentStart, l.contentEnd));
  }
  return out;
}

/**
 * "caption" when the next line says line `i` again with a photo's credit after it (pages print a
 * caption twice, as the image's text and under it):
 * >     The tour bus is seen after it crashed in Karuizawa on Jan 15, 2016.
 * >     The tour bus is seen after it crashed in Karuizawa on Jan 15, 2016.PHOTO: REUTERS
 * Else null.
 */
function captionSaidAgain(text: string, lines: Line[], i: number, content: string): HeaderKind | null {
  const n = lines[i + 1];
  if (!n || n.blank || content.length < 20) return null;
  const next = text.slice(n.contentStart, n.contentEnd);
  return next.length > content.length && next.startsWith(content) && headerKind(next) === "caption" ? "caption" : null;
}

/**
 * A page's furniture line in a story's header, as the finding that takes it out of the text: its
 * own words (`You are here:`, a share widget), a photo's caption or credit, a time stamp; else null.
 */
function furnitureFinding(content: string, kind: HeaderKind | null, r: Range, above: string): Finding | null {
  if (!isFurniture(content, kind)) return null;
  if (kind === "caption" || kind === "timestamp")
    return finding(
      "header-line",
      `${kind === "caption" ? "a photo caption" : "a time stamp"} above ${above}`,
      r.start,
      r.end,
    );
  return finding("page-leftover", `a web page's leftover line above ${above}`, r.start, r.end);
}

/**
 * The dateline's whole line once more as the next paragraph (a page's summary that repeats the
 * lead, then the story from its dateline): a page's leftover, no paragraph.
 */
function dropRepeatedLead(text: string, line: Line, paras: ParagraphMatch[], findings: Finding[]): void {
  const second = paras[1];
  if (!second || paras[0]!.end !== line.contentEnd || second.end - second.start !== line.contentEnd - line.contentStart)
    return;
  if (text.slice(second.start, second.end) !== text.slice(line.contentStart, line.contentEnd)) return;
  findings.push(finding("page-leftover", "the dateline and the lead again", second.start, second.end));
  paras.splice(1, 1);
}

/** The agency whose tag in brackets closes `r` (`... rocker fiance Bellamy (AP)`), or null. */
function tagClosing(text: string, r: Range): (Range & { code: string }) | null {
  const m = TAG_CLOSING.exec(text.slice(Math.max(r.start, r.end - 40), r.end));
  const code = m ? agencyOf(m[1]!)?.code : null;
  if (!m || !code) return null;
  const start = r.end - m[0].length + m[0].indexOf(m[1]!);
  return { start, end: start + m[1]!.length, code };
}
const TAG_CLOSING = /\s[([]([^()[\]\n]{2,30})[)\]]$/u;

/**
 * The agency that a byline or credit line names among the first lines of these paragraphs (a
 * paragraph's first `CREDIT_LINES`: a page may print an image's label or a standfirst on the
 * lines above it), or null.
 */
function bylineCreditIn(text: string, paras: ParagraphMatch[]): (Range & { code: string }) | null {
  for (const p of paras) {
    let start = p.start;
    for (let n = 0; n < CREDIT_LINES && start < p.end; n++) {
      let end = start;
      while (end < p.end && text[end] !== "\n" && text[end] !== "\r") end++;
      if (end - start <= 120) {
        const kind = headerKind(text.slice(start, end).trimEnd());
        if (kind === "byline" || kind === "byline-credit") {
          // (The byline's own words only: a stamp's label may be glued to the tag, `PTIUpdated:`.)
          const own = bylineBeforeStamp(text.slice(start, end));
          const named = agencyNamedIn(text, start, own > 0 ? start + own : end);
          if (named) return named;
        }
      }
      start = end;
      while (start < p.end && (text[start] === "\n" || text[start] === "\r")) start++;
    }
  }
  return null;
}
const CREDIT_LINES = 3;

/**
 * The title printed again among the first lines under it (a page prints it above and below its
 * credit and stamp): a header line, no paragraph.
 */
function dropRepeatedTitle(text: string, title: Range, paras: ParagraphMatch[], findings: Finding[]): void {
  const again = text.slice(title.start, title.end);
  const k = paras.findIndex(
    (p, i) => i < 3 && p.end - p.start === again.length && text.slice(p.start, p.end) === again,
  );
  if (k < 0) return;
  findings.push(finding("header-line", "the headline again under it", paras[k]!.start, paras[k]!.end));
  paras.splice(k, 1);
}

/** Which script most letters of a text are in: Devanagari, Latin or another (null: no letter). */
function scriptOf(s: string): "deva" | "latin" | "other" | null {
  let deva = 0;
  let latin = 0;
  let other = 0;
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    if (isDevanagariLetter(c)) deva++;
    else if (isLatinLetter(c)) latin++;
    else if (c > 0x2e7f && /\p{L}/u.test(s[k]!)) other++;
  }
  const most = Math.max(deva, latin, other);
  return most === 0 ? null : most === deva ? "deva" : most === latin ? "latin" : "other";
}

/**
 * Whether line `i` is in another script than `script` (the dateline's) while a line below it and
 * above the dateline is a headline in that script.
 */
function otherScriptAbove(
  text: string,
  lines: Line[],
  i: number,
  dateline: number,
  script: ReturnType<typeof scriptOf>,
): boolean {
  const content = (k: number) => text.slice(lines[k]!.contentStart, lines[k]!.contentEnd);
  const own = scriptOf(content(i));
  if (!script || !own || own === script) return false;
  for (let k = i + 1; k < dateline; k++) {
    if (lines[k]!.blank) continue;
    const c = content(k);
    if (scriptOf(c) === script && headerKind(c) === null && isHeadline(c)) return true;
  }
  return false;
}

/** A caption, a time stamp, a page's own words or its menu: furniture, never the story's text. */
function isFurniture(content: string, kind: HeaderKind | null): boolean {
  return (
    kind === "caption" ||
    kind === "timestamp" ||
    (kind === null && isPageLeftover(content)) ||
    (kind === "bullet" && isMenuItem(content))
  );
}

/** Paragraphs with every line-end break joined into the paragraph before (hard-wrapped copy). */
function joinWrapped<P extends { start: number; end: number; break: string; table?: boolean }>(paras: P[]): P[] {
  const out: P[] = [];
  for (const p of paras) {
    const prev = out[out.length - 1];
    if (prev && p.break === "newline" && !p.table && !prev.table) prev.end = p.end;
    else out.push({ ...p });
  }
  return out;
}

function wholeBody(segments: Segment[]): Range[] {
  const a = segments[0];
  const b = segments[segments.length - 1];
  return a && b ? [{ start: a.start, end: b.end }] : [];
}

/**
 * Whether the lines from `first` up to line `i` (not included) are a digest's preamble: one of
 * them ends a sentence, and they name an agency (`... moved by Yonhap News Agency on Tuesday.`).
 */
function preamble(text: string, lines: Line[], first: number, i: number): boolean {
  const above = prevContent(lines, i);
  if (above < first) return false;
  let sentence = false;
  for (let k = first; k <= above; k++) {
    const l = lines[k]!;
    if (!l.blank && /[.!?।]["'”’)]*$/u.test(text.slice(l.contentStart, l.contentEnd))) sentence = true;
  }
  return sentence && agencyNamedIn(text, lines[first]!.contentStart, lines[above]!.contentEnd) !== null;
}

/**
 * Whether line i carries on the headline on the line right above it: no blank line between, the
 * headline ends in a letter and line i opens in a lower-case Latin letter (no title opens so),
 * and the two make a title's length.
 */
function runsOnTitle(text: string, lines: Line[], i: number, headline: Range): boolean {
  const L = lines[i]!;
  const above = lines[i - 1]!;
  if (above.blank || above.contentEnd !== headline.end || !isLatinLower(text.charCodeAt(L.contentStart))) return false;
  let e = headline.end;
  while (e > headline.start && isHSpace(text.charCodeAt(e - 1))) e--;
  return isLatinLetter(text.charCodeAt(e - 1)) && isHeadline(text.slice(headline.start, L.contentEnd));
}

function prevContent(lines: Line[], i: number): number {
  for (let k = i - 1; k >= 0; k--) if (!lines[k]!.blank) return k;
  return -1;
}

/**
 * The body cut into segments (line pieces) for the paragraph stage, with what separates each
 * from the one before: a blank line, a break (`<br>`, `<p>` in the input) or indentation.
 */
function bodySegments(text: string, lines: Line[], bodyStart: number, bodyEnd: number, breaks: Break[]): Segment[] {
  const segments: Segment[] = [];
  let blank = false;
  let tagBreak = false;
  let wrapped = false;
  // Hard-wrapped copy where every line ends in a line break (`...on<br/>`): that break is a wrap.
  const wraps = breaks.length > 0 && endsInBreaks(text, lines, bodyStart, bodyEnd, breaks);
  const push = (s: number, e: number, indented: boolean) => {
    const r = trimmed(text, s, e);
    if (r.end > r.start) {
      const later = segments.length > 0;
      segments.push({
        start: r.start,
        end: r.end,
        blankBefore: blank && later,
        breakBefore: tagBreak && later,
        indented,
        wrapped: wrapped && later,
      });
      blank = tagBreak = wrapped = false;
    }
  };
  for (const l of lines) {
    if (l.blank && tagsWithin(breaks, l.start, l.end).length === 0) {
      if (l.start >= bodyStart && l.start < bodyEnd) blank = true;
      continue;
    }
    if (l.contentEnd <= bodyStart) continue;
    if (l.contentStart >= bodyEnd) break;
    const s = Math.max(l.contentStart, bodyStart);
    const e = Math.min(l.contentEnd, bodyEnd);
    const indented = s === l.contentStart && (l.contentStart - l.start >= 2 || text[l.start] === "\t");
    // Breaks cut the line into pieces.
    let k = s;
    const inLine = tagsWithin(breaks, s, e);
    if (wraps && inLine.length > 0 && isBlank(text.slice(s, e))) {
      // A line holding only breaks separates paragraphs like a blank line.
      if (segments.length > 0) blank = true;
      continue;
    }
    for (const t of inLine) {
      push(k, t.start, indented && k === s);
      if (wraps && t.kind === "line" && isBlank(text.slice(t.end, e))) wrapped = true;
      else tagBreak = true;
      k = t.end;
    }
    push(k, e, indented && k === s);
  }
  return segments;
}

/** True when most lines of the body that hold text end in a line break (and there are at least two): `</p>` ends a paragraph. */
function endsInBreaks(text: string, lines: Line[], bodyStart: number, bodyEnd: number, breaks: Break[]): boolean {
  let withText = 0;
  let ending = 0;
  for (const l of lines) {
    if (l.blank || l.contentEnd <= bodyStart) continue;
    if (l.contentStart >= bodyEnd) break;
    const r = trimmed(text, l.contentStart, l.contentEnd);
    if (r.end <= r.start) continue;
    withText++;
    const inLine = tagsWithin(breaks, l.contentStart, l.contentEnd);
    const last = inLine[inLine.length - 1];
    if (last && last.kind === "line" && last.end === l.contentEnd) ending++;
  }
  return ending >= 2 && ending * 5 >= withText * 3;
}

/** The line with its content trimmed of white space (of markup, in the view). */
function trimmedLine(text: string, l: Line): Line {
  const r = trimmed(text, l.contentStart, l.contentEnd);
  return r.start === l.contentStart && r.end === l.contentEnd
    ? l
    : { ...l, contentStart: r.start, contentEnd: r.end, blank: r.end <= r.start };
}

/** [s, e) without white space at either edge. */
function trimmed(text: string, s: number, e: number): Range {
  while (s < e && /\s/u.test(text[s]!)) s++;
  while (e > s && /\s/u.test(text[e - 1]!)) e--;
  return { start: s, end: e };
}
