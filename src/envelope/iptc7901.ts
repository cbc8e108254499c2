/**
 * IPTC 7901 (dpa and other European agencies).
 *
 * ```
 * > | SOH abc0042 4 i 211  dpa 0042            source, sequence, priority, category, words, originator
 * > | STX                                      (STX may also stand before the headline itself)
 * > | Country/topic/                           slugline
 * > | REFILE                                   take keys
 * > | The headline =                           headline, ending ` =`
 * > | By Jane Doe =                            byline
 * > |
 * > | Place (dpa) - The lead ...               the body
 * > | The following information is not for publication     an editor's note, to the sign-off
 * > | dpa abc def                              sign-off: agency and initials
 * > | 212322 GMT Nov 18                        filed: day, hour, minute, month, year
 * > | ETX EOT
 * ```
 */
import { finding } from "../diagnostics.js";
import { indexWithin } from "../text/chars.js";
import {
  ETX,
  STX,
  field,
  fullYear,
  isNotForPublication,
  isTakeKey,
  isoTime,
  monthNumber,
  trimEnd,
  visibleLines,
  type VLine,
} from "./lines.js";
import { emptyMatch, type EnvelopeMatch, type Range } from "./types.js";

const HEADER = /^\x01([A-Za-z]*)(\d+)[ ]+(\S)[ ]+([A-Za-z]{1,3})[ ]+(\d+)[ ]*(.*?)[ ]*$/u;
/** `212322 GMT Nov 18`, `211259 Nov 18`: day, hour, minute, month, year. */
const STAMP = /^(\d{2})(\d{2})(\d{2})[ ]+(?:GMT[ ]+|UTC[ ]+)?([A-Z][a-z]{2})[ ]+(\d{2})$/u;

export function readIptc7901(text: string, start: number, end: number): EnvelopeMatch {
  const m = emptyMatch("iptc-7901", start, end);
  const etxAt = text.indexOf(ETX, start);
  const etx = etxAt >= 0 && etxAt < end ? etxAt : -1;
  const textEnd = etx >= 0 ? etx : end;
  const lines = visibleLines(text, start, textEnd);
  const first = lines[0]!;
  const h = HEADER.exec(text.slice(first.start, first.end));
  if (h) {
    let k = first.start + 1;
    if (h[1]) m.fields.service = field(k, k + h[1].length, h[1]);
    k += h[1]!.length;
    m.fields.sequence = field(k, k + h[2]!.length, h[2]!);
    const rest = text.slice(k + h[2]!.length, first.end);
    let at = k + h[2]!.length;
    const find = (s: string) => {
      const i = text.indexOf(s, at);
      at = i + s.length;
      return i;
    };
    void rest;
    const p = find(h[3]!);
    m.fields.priority = field(p, p + 1, /^[1-9]$/u.test(h[3]!) ? Number(h[3]) : null);
    const c = find(h[4]!);
    m.fields.category = field(c, c + h[4]!.length, h[4]!.toLowerCase());
    const w = find(h[5]!);
    m.fields.wordCount = field(w, w + h[5]!.length, Number(h[5]));
    if (h[6]) {
      const o = find(h[6]);
      m.fields.credit = field(o, o + h[6].length, h[6]);
    }
  } else {
    m.findings.push(
      finding(
        "envelope-unreadable",
        "IPTC 7901 header line (source, sequence, priority, category, words) could not be read",
        first.vs,
        first.ve,
      ),
    );
  }
  m.blank.push({ start, end: first.next });

  // Header lines (before or after STX): slugline, take keys, headline, byline.
  let bodyStart = first.next;
  let i = 1;
  const slug: Range[] = [];
  const take: Range[] = [];
  for (; i < lines.length; i++) {
    const l = lines[i]!;
    const stxHere = indexWithin(text, STX.charCodeAt(0), l.start, l.end);
    let vs = l.vs;
    if (stxHere >= 0) {
      m.blank.push({ start: stxHere, end: stxHere + 1 });
      vs = Math.max(vs, stxHere + 1);
      while (vs < l.ve && text[vs] === " ") vs++;
    }
    const s = text.slice(vs, l.ve);
    if (!s) {
      if (m.headline) {
        bodyStart = l.next;
        i++;
        break;
      }
      continue;
    }
    const eq = /\s*=$/u.exec(s);
    const content = eq ? trimEnd(text, vs, l.ve, "=") : { start: vs, end: l.ve };
    if (eq) m.blank.push({ start: content.end, end: l.ve });
    if (!m.headline && !eq && /\/$/u.test(s) && s.length <= 120) {
      slug.push(trimEnd(text, vs, l.ve, "/"));
      m.blank.push({ start: l.ve - 1, end: l.ve });
    } else if (!m.headline && !eq && isTakeKey(s)) {
      take.push(content);
    } else if (eq && /^By\s/iu.test(s) && !m.byline) {
      m.byline = content;
    } else if (!m.headline && s.length <= 250) {
      m.headline = content;
    } else if (m.headline && !m.byline && /^By\s/iu.test(s) && s.length <= 100) {
      m.byline = content;
    } else {
      bodyStart = l.start;
      break;
    }
    bodyStart = l.next;
  }
  if (slug.length) m.slugline = { start: slug[0]!.start, end: slug[slug.length - 1]!.end };
  if (take.length) {
    const t = { start: take[0]!.start, end: take[take.length - 1]!.end };
    m.fields.take = field(t.start, t.end, take.map((r) => text.slice(r.start, r.end)).join(" "));
  }
  m.blank.push({ start: first.next, end: bodyStart });
  for (const r of [m.headline, m.byline, m.slugline]) if (r) unblank(m, r);

  // The body, its editor's note, and the time stamp at its end (or after ETX).
  let bodyEnd = textEnd;
  const body = lines.slice(i).filter((l) => l.ve > l.vs && l.start >= bodyStart);
  const last = body[body.length - 1];
  if (last && STAMP.test(text.slice(last.vs, last.ve))) {
    setFiled(text, last, m);
    bodyEnd = last.start;
    m.blank.push({ start: last.vs, end: last.ve });
  }
  for (let k = 0; k < body.length; k++) {
    const l = body[k]!;
    if (l.start >= bodyEnd) break;
    if (isNotForPublication(text.slice(l.vs, l.ve))) {
      const prev = body[k - 1];
      m.ednoteFrom =
        prev && /^[*\s_-]+$/u.test(text.slice(prev.vs, prev.ve)) && prev.ve - prev.vs >= 3 ? prev.vs : l.vs;
      break;
    }
  }
  if (etx >= 0) {
    for (const l of visibleLines(text, etx + 1, end)) {
      if (l.ve === l.vs) continue;
      if (STAMP.test(text.slice(l.vs, l.ve)) && !m.fields.filed) setFiled(text, l, m);
      else m.findings.push(finding("envelope-unreadable", "text after ETX could not be read", l.vs, l.ve));
    }
    m.blank.push({ start: etx, end });
  } else {
    m.findings.push(finding("envelope-unclosed", "IPTC 7901 text without ETX: read to the next envelope", end, end));
  }
  m.body = { start: bodyStart, end: Math.max(bodyStart, bodyEnd) };
  return m;
}

/** Header ranges that are parts of the record are not framing: take them out of `blank`. */
function unblank(m: EnvelopeMatch, r: Range): void {
  const out: Range[] = [];
  for (const b of m.blank) {
    if (b.end <= r.start || b.start >= r.end) out.push(b);
    else {
      if (b.start < r.start) out.push({ start: b.start, end: r.start });
      if (b.end > r.end) out.push({ start: r.end, end: b.end });
    }
  }
  m.blank = out;
}

function setFiled(text: string, l: VLine, m: EnvelopeMatch): void {
  const s = STAMP.exec(text.slice(l.vs, l.ve))!;
  const month = monthNumber(s[4]!);
  const iso = month ? isoTime(fullYear(Number(s[5])), month, Number(s[1]), Number(s[2]), Number(s[3])) : null;
  m.fields.filed = field(l.vs, l.ve, iso);
}
