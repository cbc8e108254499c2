/**
 * ANPA 1312 (AP and other US services).
 *
 * ```
 * > | SYN SYN SOH a1234 US sel-code               service, sequence, selector
 * > | r i DC3 DC1 BC-EU--Some-Slug,1st Ld-Writethru 05-14 0612      priority, category, text/table, keyword, take, date, words
 * > | STX ^BC-EU--Some-Slug,1st Ld-Writethru<     the keyword again
 * > | ^Headline of the story<
 * > | ^Eds: Updates with ...<                     editor's note
 * > | ^By JANE DOE=                               byline
 * > | ^Associated Press Writer=                   credit
 * > | TAB   PLACE (AP) _ The lead ...             a TAB starts each paragraph
 * > | ETX AP-XX-05-14-17 1830GMT<                 trailer: desk, filed date and time
 * > | FF EOT
 * ```
 */
import { finding } from "../diagnostics.js";
import {
  ETX,
  EOT,
  STX,
  anpaUrgency,
  field,
  fullYear,
  isTakeKey,
  isoTime,
  trimEnd,
  visibleLines,
  type VLine,
} from "./lines.js";
import { emptyMatch, type EnvelopeMatch, type Range } from "./types.js";

const LINE1 = /^\x16*\x01([A-Za-z])(\d{4})\x1f?([A-Za-z0-9-]*)/u;
const LINE2 = /^([A-Za-z])[ ]+([A-Za-z]{1,2})([\x13\x14])?([\x11\x12])?[ ]*/u;
/** `BC-LT--Some-Slug,1st Ld-Writethru 05-14 0612`: keyword, take, date, word count. */
const KEYWORD =
  /^([A-Za-z]{1,3}-[A-Za-z0-9.-]*?[A-Za-z0-9.])(?:([ ,]+)(.*?))?[ ]+(\d{1,2})-(\d{1,2})(?:[ ]+(\d{1,5}))?[ ]*$/u;
const TRAILER = /([A-Z]{1,4})-([A-Z]{1,4})-(\d{2})-(\d{2})-(\d{2})[ ]+(\d{2})(\d{2})[ ]*GMT/u;
/** The slug in a keyword: after the cycle and a two-letter region (`BC-LT--Slug`), else after the cycle. */
const SLUG = /^(?:[A-Za-z]{2}-[A-Za-z]{2}--|[A-Za-z]{1,3}-)/u;

export function readAnpa(text: string, start: number, end: number): EnvelopeMatch {
  const m = emptyMatch("anpa-1312", start, end);
  const stxAt = text.indexOf(STX, start);
  const stx = stxAt >= 0 && stxAt < end ? stxAt : -1;
  const headerEnd = stx >= 0 ? stx : end;
  const header = visibleLines(text, start, headerEnd).filter((l) => l.end > l.start);

  // Header line 1: service, sequence, selector.
  const h1 = header[0];
  const l1 = h1 ? LINE1.exec(text.slice(h1.start, h1.end)) : null;
  if (h1 && l1) {
    let k = h1.start + l1[0].indexOf(l1[1]!, l1[0].indexOf("\x01"));
    m.fields.service = field(k, k + 1, l1[1]!);
    m.fields.sequence = field(k + 1, k + 5, l1[2]!);
    if (l1[3]) {
      k = h1.start + l1[0].length - l1[3].length;
      m.fields.selector = field(k, k + l1[3].length, l1[3]);
    }
  } else if (h1) {
    m.findings.push(
      finding(
        "envelope-unreadable",
        "ANPA 1312 header line 1 (service, sequence, selector) could not be read",
        h1.vs,
        h1.ve,
      ),
    );
  }

  // Header line 2: priority, category, text or table, keyword line.
  const h2 = header[1];
  const l2 = h2 ? LINE2.exec(text.slice(h2.start, h2.end)) : null;
  if (h2 && l2) {
    const s = h2.start;
    m.fields.priority = field(s, s + 1, anpaUrgency(l2[1]!));
    const cat = s + l2[0].indexOf(l2[2]!, 1);
    m.fields.category = field(cat, cat + l2[2]!.length, l2[2]!.toLowerCase());
    if (l2[4] === "\x12") m.tabular = true;
    readKeywordLine(text, s + l2[0].length, h2.ve, m);
  } else if (h2) {
    m.findings.push(
      finding(
        "envelope-unreadable",
        "ANPA 1312 header line 2 (priority, category, keyword) could not be read",
        h2.vs,
        h2.ve,
      ),
    );
  }
  for (const l of header.slice(2)) if (l.ve > l.vs) m.other.push({ start: l.vs, end: l.ve });
  m.blank.push({ start, end: stx >= 0 ? stx + 1 : end });
  if (stx < 0) {
    m.findings.push(finding("envelope-unreadable", "ANPA 1312 envelope without STX: no story text", start, start));
    return m;
  }

  // The text: `^` header lines, then the body, up to ETX.
  const etxAt = text.indexOf(ETX, stx);
  const etx = etxAt >= 0 && etxAt < end ? etxAt : -1;
  const textEnd = etx >= 0 ? etx : end;
  if (etx < 0)
    m.findings.push(finding("envelope-unclosed", "ANPA 1312 text without ETX: read to the next envelope", end, end));
  const lines = visibleLines(text, stx + 1, textEnd);
  const carets: { line: VLine; content: Range }[] = [];
  let bodyStart = stx + 1;
  for (const l of lines) {
    if (l.ve === l.vs) continue;
    if (text[l.vs] !== "^") break;
    const content = trimEnd(text, l.vs + 1, l.ve, "<=");
    while (content.start < content.end && text[content.start] === " ") content.start++;
    m.blank.push({ start: l.vs, end: l.vs + 1 }, { start: content.end, end: l.ve });
    carets.push({ line: l, content });
    bodyStart = l.next;
  }
  readCaretLines(text, carets, m);

  // The trailer after ETX (or as the last line of the text when ETX is missing).
  let bodyEnd = textEnd;
  const after = etx >= 0 ? visibleLines(text, etx + 1, end) : [];
  for (const l of after) {
    if (l.ve === l.vs) continue;
    const t = TRAILER.exec(text.slice(l.vs, l.ve));
    if (t && !m.fields.filed) setFiled(text, l.vs + t.index, t, m);
    else if (!t && text.slice(l.vs, l.ve).replace(/[<\s]/gu, ""))
      m.findings.push(finding("envelope-unreadable", "text after ETX could not be read", l.vs, l.ve));
  }
  const inside = lines.filter((l) => l.ve > l.vs && l.start >= bodyStart);
  const last = inside[inside.length - 1];
  if (last) {
    const t = TRAILER.exec(text.slice(last.vs, last.ve));
    if (t && t.index === 0) {
      if (!m.fields.filed) setFiled(text, last.vs, t, m);
      bodyEnd = last.start;
      m.blank.push({ start: last.vs, end: last.ve });
    }
  }
  if (etx >= 0) m.blank.push({ start: etx, end });
  const eot = text.indexOf(EOT, textEnd);
  void eot;
  m.body = { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
  return m;
}

function readKeywordLine(text: string, s: number, e: number, m: EnvelopeMatch): void {
  const line = text.slice(s, e);
  const k = KEYWORD.exec(line);
  if (!k) {
    if (line.trim()) m.fields.keyword = field(s, e, line.trim());
    return;
  }
  m.fields.keyword = field(s, s + k[1]!.length, k[1]!);
  if (k[3]?.trim()) {
    const ts = s + k[1]!.length + k[2]!.length;
    const take = k[3].trim();
    m.fields.take = field(ts, ts + take.length, take);
  }
  if (k[6]) {
    const ws = s + line.lastIndexOf(k[6]);
    m.fields.wordCount = field(ws, ws + k[6].length, Number(k[6]));
  }
  // The slug of the keyword line, unless the text repeats the keyword (read there instead).
  const slug = SLUG.exec(k[1]!);
  if (slug && !m.slugline) m.slugline = { start: s + slug[0].length, end: s + k[1]!.length };
}

/**
 * `^` lines: the keyword again, the headline, then notes, byline and credit in any order.
 * ```
 * > | ^BC-LT--Some-Slug,466<        slugline
 * > | ^The headline<                headline
 * > | ^Eds: With AP Photos.<        ednote
 * > | ^By JANE DOE=                 byline
 * > | ^Associated Press=            credit
 * ```
 */
function readCaretLines(text: string, carets: { line: VLine; content: Range }[], m: EnvelopeMatch): void {
  let k = 0;
  const str = (r: Range) => text.slice(r.start, r.end);
  if (carets[0] && isKeywordRepeat(str(carets[0].content))) {
    const c = carets[0].content;
    const kw = /^[A-Za-z]{1,3}-[A-Za-z0-9.-]*[A-Za-z0-9.]/u.exec(str(c));
    if (kw) {
      const slug = SLUG.exec(kw[0]);
      m.slugline = { start: c.start + (slug ? slug[0].length : 0), end: c.start + kw[0].length };
      if (c.start + kw[0].length < c.end) m.other.push({ start: c.start + kw[0].length, end: c.end });
    } else m.other.push(c);
    k = 1;
  }
  let bylineSeen = false;
  for (; k < carets.length; k++) {
    const { line, content } = carets[k]!;
    const s = str(content);
    if (content.end <= content.start) continue;
    const endsEq = text.slice(content.end, line.ve).includes("=");
    if (/^Eds?:\s*/iu.test(s) && !m.ednote) {
      const off = /^Eds?:\s*/iu.exec(s)![0].length;
      m.ednote = { start: content.start + off, end: content.end };
      m.other.push({ start: content.start, end: content.start + off });
    } else if (/^EDITOR'?S NOTE\s*[_—–-]+\s*/iu.test(s) && !m.ednote) {
      const off = /^EDITOR'?S NOTE\s*[_—–-]+\s*/iu.exec(s)![0].length;
      m.ednote = { start: content.start + off, end: content.end };
      m.other.push({ start: content.start, end: content.start + off });
    } else if (!m.headline && !isTakeKey(s) && !/^By\s/u.test(s)) {
      m.headline = content;
    } else if (!m.byline && (/^By\s/iu.test(s) || (endsEq && !/^AP\b/u.test(s)))) {
      m.byline = content;
      bylineSeen = true;
    } else if (bylineSeen && endsEq && !m.fields.credit) {
      m.fields.credit = field(content.start, content.end, s);
    } else if (isTakeKey(s) && !m.fields.take) {
      m.fields.take = field(content.start, content.end, s);
    } else {
      m.other.push(content);
    }
  }
}

function isKeywordRepeat(s: string): boolean {
  return /^[A-Za-z]{1,3}-[A-Za-z]{0,4}-*[A-Za-z0-9]/u.test(s) && !/\s{2,}/u.test(s) && s.split(/\s+/u).length <= 4;
}

function setFiled(text: string, at: number, t: RegExpExecArray, m: EnvelopeMatch): void {
  const iso = isoTime(fullYear(Number(t[5])), Number(t[3]), Number(t[4]), Number(t[6]), Number(t[7]));
  m.fields.filed = field(at, at + t[0].length, iso);
  void text;
}
