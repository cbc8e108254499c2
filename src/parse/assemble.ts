/**
 * The record of one story, built from what the recognisers found (`StoryMatch`): part texts
 * (markup left out, entities decoded), code-point spans, lines, places looked up in the
 * gazetteer, dates checked and completed, desk codes spelt in Latin, speakers' names, and the
 * diagnostics. Recognisers speak UTF-16 offsets; only this stage speaks code points.
 */
import type {
  AgencyRef,
  Attribution,
  DateParts,
  Dateline,
  Paragraph,
  Person,
  Place,
  Quote,
  Signoff,
  Source,
  Story,
  TextPart,
} from "../story.js";
import { finding, toDiagnostics, type Finding } from "../diagnostics.js";
import type { Positions } from "../text/positions.js";
import type { Range } from "../text/range.js";
import { plainText } from "../text/markup.js";
import { agencies, latinOfCode } from "../data/index.js";
import { personName } from "../quotes/names.js";
import { resolveSpeakers, type Referent } from "../quotes/referents.js";
import { countryNamedIn, lookupPlace, lookupPlaceLoosely, qualifierCountry } from "./places.js";
import { toldAgency } from "./told.js";
import { inferYear, isValidDate, isoDate, type RefDate } from "./date.js";
import type { DatelineMatch } from "./dateline.js";
import type { StoryMatch } from "./match.js";
import { transmissionOf } from "../envelope/record.js";

/** For a story from a feed file: the input as decoded (before framing was blanked) and its charset. */
export interface AssembleExtras {
  original?: string;
  charset?: string | null;
}

export function assembleStory(
  text: string,
  pos: Positions,
  m: StoryMatch,
  source: Source,
  refDate: RefDate | null,
  extras: AssembleExtras = {},
): Story {
  const findings: Finding[] = m.findings.slice();
  const { range, tags } = m;
  const hasMarkup = tags.length > 0 || /&(?:#\d|#x|[a-z]{2,8};)/iu.test(text.slice(range.start, range.end));
  const textOf = (r: Range) => (hasMarkup ? plainText(text, r.start, r.end, tags) : text.slice(r.start, r.end));
  const part = (r: Range): TextPart => ({ text: textOf(r), span: span(pos, r), line: pos.line(r.start) });
  if (tags.length)
    findings.push(
      finding(
        "markup-removed",
        `${tags.length} HTML tag${tags.length === 1 ? "" : "s"} left out of the text`,
        tags[0]!.start,
        tags[0]!.end,
      ),
    );
  const agencyRef = (a: (Range & { code: string | null }) | null): AgencyRef | null =>
    a ? { code: a.code, text: text.slice(a.start, a.end) } : null;

  const dl = m.dateline;
  let dateline: Dateline | null = null;
  if (dl)
    dateline = {
      ...part(dl),
      places: places(text, dl, findings, m),
      date: dateParts(text, dl, refDate, findings),
      agency: agencyRef(dl.agency),
    };
  else
    findings.push(
      finding(
        "missing-dateline",
        "no dateline found (place, date and agency at the top of the story)",
        range.start,
        range.start,
      ),
    );

  const so = m.signoff;
  let signoff: Signoff | null = null;
  if (so) {
    signoff = {
      ...part(so),
      agency: agencyRef(so.agency),
      codes: so.codes.map((c) => {
        const t = text.slice(c.start, c.end);
        return { text: t, latin: latinOfCode(t) };
      }),
    };
    if (so.names?.length)
      signoff.names = so.names.map((n) => ({ text: text.slice(n.start, n.end), span: span(pos, n), role: n.role }));
  } else if (m.hasText) {
    findings.push(
      finding("missing-signoff", "no sign-off found (agency and desk codes at the end)", range.end, range.end),
    );
  }

  const paragraphs: Paragraph[] = m.paragraphs.map((p) => {
    const out: Paragraph = {
      text: textOf(p),
      span: span(pos, p),
      line: pos.line(p.start),
      break: p.break,
      sentences: p.sentences.map((s) => ({ span: span(pos, s) })),
    };
    if (p.table) out.kind = "table";
    return out;
  });

  // Pronouns and short names resolved to the fullest name the story gives, in its text: not in a
  // headline in title case above it, whose capitalised words run together (`Bush Overplaying Nuclear Role`).
  const head =
    m.headline &&
    titleCase(text.slice(m.headline.start, m.headline.end)) &&
    m.headline.end <= (m.dateline?.start ?? range.end)
      ? m.headline.end
      : range.start;
  const referents = resolveSpeakers(text, Math.max(range.start, head), [
    ...m.quotes.map((q) => q.speaker),
    ...m.attributions.map((a) => a.source),
  ]);
  const person = (r: Range | null, ref: Referent | null = null): Person | null => {
    if (!r) return null;
    const t = textOf(r);
    if (!ref) return { text: t, name: personName(t) };
    return { text: t, name: textOf(ref.from), nameFrom: { span: span(pos, ref.from), line: pos.line(ref.from.start) } };
  };
  const cue = (r: Range | null) => (r ? { text: textOf(r), span: span(pos, r) } : null);
  // Fields written out, not spread: object spread is slow on this hot path.
  const quotes: Quote[] = m.quotes.map((q, k) => ({
    text: textOf(q.inner),
    span: span(pos, q.inner),
    line: pos.line(q.inner.start),
    paragraph: q.paragraph + 1,
    kind: q.kind,
    speaker: person(q.speaker, referents[k]),
    via: person(q.via),
    cue: cue(q.cue),
    closed: q.closed,
  }));
  m.quotes.forEach((q, k) => {
    if (q.opened === false) quotes[k]!.opened = false;
  });
  const attributions: Attribution[] = m.attributions.map((a, k) => ({
    kind: a.kind,
    source: person(a.source, referents[m.quotes.length + k])!,
    cue: cue(a.cue)!,
    span: span(pos, a.span),
    line: pos.line(a.span.start),
    paragraph: a.paragraph + 1,
  }));

  return {
    schema: "wire.story/1",
    source,
    language: m.language,
    // The first that names a known agency (a tag no table knows in the dateline, `(Korea Bizwire)`,
    // gives way to the sign-off's `(Yonhap)`), else the first found.
    agency: knownFirst(
      dateline?.agency ?? null,
      signoff?.agency ?? null,
      m.credit ? agencyRef(m.credit) : null,
      // (To the story's end: a portal's closing note may name the feed, `यह आईएएनएस न्यूज फीड से ...`.)
      () => agencyRef(m.paragraphs.length ? toldAgency(text, m.paragraphs[0]!.start, range.end) : null),
    ),
    headline: m.headline ? part(m.headline) : null,
    dateline,
    byline: m.byline ? part(m.byline) : null,
    // (Left out when empty: `undefined` is written by neither JSON nor YAML.)
    headerLines: m.headerLines.length ? m.headerLines.map(part) : undefined,
    paragraphs,
    quotes,
    attributions,
    signoff,
    slugline: m.slugline ? part(m.slugline) : null,
    ednote: m.ednote ? part(m.ednote) : null,
    transmission: m.envelope ? transmissionOf(extras.original ?? text, pos, m.envelope, extras.charset ?? null) : null,
    diagnostics: toDiagnostics(pos, findings),
  };
}

/** A headline in title case: three words or more, most of them capitalised (`Bush Overplaying Nuclear Role`). */
function titleCase(s: string): boolean {
  const ws = s.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
  return ws.length >= 3 && ws.filter((w) => /^[("'‘“]?[A-Z]/u.test(w)).length * 4 >= ws.length * 3;
}

function span(pos: Positions, r: Range) {
  return { start: pos.cp(r.start), end: pos.cp(r.end) };
}

/** The country a story names first: in its lead's first sentence, else in its headline. */
function leadCountry(text: string, m: StoryMatch) {
  for (const r of [m.paragraphs[0]?.sentences[0], m.headline]) {
    const named = r ? countryNamedIn(text.slice(r.start, r.end)) : undefined;
    if (named) return named;
  }
  return undefined;
}

function places(text: string, dl: DatelineMatch, findings: Finding[], m: StoryMatch): Place[] {
  return dl.places.map((r, k) => {
    const t = text.slice(r.start, r.end);
    let e = lookupPlace(t);
    if (!e) {
      e = lookupPlaceLoosely(t);
      if (e)
        findings.push(finding("place-spelling", `place "${t}" read as ${e.name} (spelt differently)`, r.start, r.end));
    }
    // An unknown place still tells its country when a qualifier names it (`UASIN GISHU, Kenya`),
    // and one in Latin letters its name (`Uasin Gishu`). Else the first place takes the country
    // the lead names first (`KITALE (Xinhua) -- The Kenyan government plans ... in northwest
    // Kenya`, `ZHUHAI ... -- ... in south China's Guangdong Province`), and says so.
    let country = e?.country ?? qualifierCountry(t) ?? null;
    if (!e) {
      const named = country === null && k === 0 ? leadCountry(text, m) : undefined;
      if (named) country = named.country;
      // Else a national agency's copy is filed from its home (`महाकुंभ नगर, 24 जनवरी (आईएएनएस)`).
      const home = country === null && k === 0 ? homeOf(m) : undefined;
      if (home) country = home;
      const why = named
        ? `; its country is the one the lead names (${named.name})`
        : home
          ? `; its country is taken to be the agency's home (${home})`
          : "";
      findings.push(finding("unknown-place", `place "${t}" is not in the gazetteer${why}`, r.start, r.end));
    }
    return { text: t, name: e?.name ?? latinPlaceName(t), country };
  });
}

/** The home country of the agency the dateline, else the sign-off, else a credit names. */
function homeOf(m: StoryMatch): string | undefined {
  const code = m.dateline?.agency?.code ?? m.signoff?.agency?.code ?? m.credit?.code ?? null;
  return code === null ? undefined : agencies.find((a) => a.code === code)?.home;
}

/**
 * The name of a place the gazetteer lacks, when written in Latin letters: its words before any
 * qualifier, capitals title-cased (`UASIN GISHU, Kenya` -> `Uasin Gishu`, `WINSTON-SALEM` ->
 * `Winston-Salem`, `NÎMES` -> `Nîmes`), other spellings as written (`Baramulla`). Null for other scripts.
 */
function latinPlaceName(t: string): string | null {
  const bare = t.replace(/\s*[([,].*$/su, "").trim();
  if (!/^\p{Script=Latin}[\p{Script=Latin} .'’-]*$/u.test(bare)) return null;
  if (/\p{Ll}/u.test(bare)) return bare;
  return bare.toLowerCase().replace(/(^|[\s.'’-])(\p{Ll})/gu, (_, b: string, c: string) => b + c.toUpperCase());
}

function dateParts(text: string, dl: DatelineMatch, refDate: RefDate | null, findings: Finding[]): DateParts | null {
  const d = dl.date;
  if (!d) return null;
  const t = text.slice(d.start, d.end);
  if (!isValidDate(d.day, d.month, d.year)) {
    findings.push(finding("invalid-date", `"${t}" is not a date that exists; kept as written`, d.start, d.end));
    return { text: t, day: d.day, month: d.month, year: d.year, yearFrom: d.year === null ? null : "text", iso: null };
  }
  if (d.year !== null)
    return {
      text: t,
      day: d.day,
      month: d.month,
      year: d.year,
      yearFrom: "text",
      iso: isoDate(d.year, d.month, d.day),
    };
  if (refDate) {
    const y = inferYear(d.day, d.month, refDate);
    findings.push(finding("year-inferred", `year ${y} inferred from the reference date`, d.start, d.end));
    return { text: t, day: d.day, month: d.month, year: y, yearFrom: "ref-date", iso: isoDate(y, d.month, d.day) };
  }
  return { text: t, day: d.day, month: d.month, year: null, yearFrom: null, iso: null };
}

/** The first agency with a code, else the first at all (the last may be computed only when asked). */
function knownFirst(...found: (AgencyRef | null | (() => AgencyRef | null))[]): AgencyRef | null {
  let first: AgencyRef | null = null;
  for (const f of found) {
    const a = typeof f === "function" ? f() : f;
    if (a?.code) return a;
    first ??= a;
  }
  return first;
}
