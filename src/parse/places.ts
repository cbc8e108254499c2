/**
 * Place names -> canonical English name and ISO country, from the generated gazetteer
 * (`src/data/places.json`: CLDR exemplar cities and territories in Hindi and English, plus the
 * hand-written Indian and world tables; see `scripts/gen-places.mjs`). The parser reads it as
 * `src/data/places-index.json`, made from it by `npm run build` (`scripts/gen-places-index.mjs`)
 * with every written form already folded, as a few strings split at the first lookup: a lookup is a
 * binary search over the folded forms.
 */
import placesIndex from "../data/places-index.json" with { type: "json" };
import qualifiers from "../data/qualifiers.json" with { type: "json" };
import { fold, ownCopy } from "../text/chars.js";

export interface PlaceEntry {
  name: string;
  country: string;
  kind: string;
}

/** The index's strings split: rows (`name TAB country TAB kind`), folded forms, each form's row, the forms' order. */
interface Index {
  places: string[];
  keys: string[];
  rowOf: string[];
  sorted: string[];
}

let index: Index | null = null;
/** One entry per row, made at its first lookup. */
const entries: PlaceEntry[] = [];
/** Folded names by length, for the loose lookup. */
let byLength: Map<number, [string, PlaceEntry][]> | null = null;

function loaded(): Index {
  index ??= {
    places: placesIndex.places.split("\n"),
    keys: placesIndex.keys.split("\n"),
    rowOf: placesIndex.rows.split(","),
    sorted: placesIndex.sorted.split(","),
  };
  return index;
}

function entryAt(row: number): PlaceEntry {
  let e = entries[row];
  if (!e) {
    const [name = "", country = "", kind = ""] = loaded().places[row]!.split("\t");
    e = entries[row] = { name, country, kind };
  }
  return e;
}

/** The entry of a folded form, found by binary search in the forms' code-unit order. */
function entryOf(key: string): PlaceEntry | undefined {
  const { keys, rowOf, sorted } = loaded();
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (keys[Number(sorted[mid])]! < key) lo = mid + 1;
    else hi = mid;
  }
  if (lo === sorted.length) return undefined;
  const k = Number(sorted[lo]);
  return keys[k] === key ? entryAt(Number(rowOf[k])) : undefined;
}

/** The gazetteer entry for a name exactly as folded (`नयी दिल्ली`, `CLEVELAND`), or undefined. */
export function lookupExact(text: string): PlaceEntry | undefined {
  return entryOf(fold(text));
}

/**
 * The entry for a place as written in a dateline, allowing a qualifier after it:
 * `Amethi (UP)`, `PORTLAND, Ore.`, `Srinagar (J&K)`.
 */
export function lookupPlace(text: string): PlaceEntry | undefined {
  return cached(exactCache, text, lookupPlaceUncached);
}

/**
 * Answers per written form, kept for the names an archive repeats (datelines mostly name the
 * same few hundred places); bounded, cleared when full.
 */
const exactCache = new Map<string, PlaceEntry | null>();
const looseCache = new Map<string, PlaceEntry | null>();
const CACHE_MAX = 20_000;

function cached(
  cache: Map<string, PlaceEntry | null>,
  text: string,
  look: (t: string) => PlaceEntry | undefined,
): PlaceEntry | undefined {
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  if (cache.size >= CACHE_MAX) cache.clear();
  const e = look(text);
  cache.set(ownCopy(text), e ?? null);
  return e;
}

function lookupPlaceUncached(text: string): PlaceEntry | undefined {
  const exact = lookupExact(text);
  if (exact) return exact;
  // A qualifier after the name: `Kochi (Kerala)`, ANI's `Gandhidham [India]`, `Shillong (Meghalaya) [India]`.
  const paren = qualifierStart(text);
  if (paren > 0) {
    const e = lookupExact(text.slice(0, paren));
    if (e) return e;
  }
  const comma = text.indexOf(",");
  if (comma > 0) return lookupExact(text.slice(0, comma));
  // PANA's `Niamey- Niger`: the city, a hyphen glued to it, the country.
  const dash = text.indexOf("- ");
  if (dash > 0 && text.charCodeAt(dash - 1) !== 0x20) return lookupExact(text.slice(0, dash));
  return undefined;
}

/**
 * The first country a text names (`... in northwest Kenya`, `south China's Guangdong`, `सऊदी अरब
 * की राजधानी`): its name or a variant the gazetteer gives a country, of up to five words, maybe
 * with a possessive `'s`; the longest at the first place that names one. Undefined when none does.
 * Only the first `COUNTRY_REACH` characters are read: a lead of any length costs the same.
 */
export function countryNamedIn(text: string): PlaceEntry | undefined {
  const words = text.slice(0, COUNTRY_REACH).match(WORD) ?? [];
  for (let i = 0; i < words.length; i++) {
    for (let n = Math.min(COUNTRY_WORDS, words.length - i); n >= 1; n--) {
      const name = words
        .slice(i, i + n)
        .join(" ")
        .replace(/['’]s$/u, "");
      const e = lookupExact(name);
      if (e?.kind === "country") return e;
    }
  }
  return undefined;
}
const WORD = /[\p{L}\p{M}][\p{L}\p{M}'’.-]*/gu;
/** The most words of a country's name (`Democratic Republic of the Congo`). */
const COUNTRY_WORDS = 5;
const COUNTRY_REACH = 600;

/**
 * The country a place's qualifier names, for a place the gazetteer does not know: `UASIN GISHU,
 * Kenya` -> KE, `Dhunche (Nepal)` -> NP. Undefined when there is no qualifier naming a country or state.
 */
export function qualifierCountry(text: string): string | undefined {
  const comma = text.lastIndexOf(",");
  const paren = qualifierStart(text);
  const q = paren > 0 ? text.slice(paren + 1).replace(/[)\]]\s*$/u, "") : comma > 0 ? text.slice(comma + 1) : "";
  const e = q.trim() ? lookupExact(q.trim()) : undefined;
  if (e) return e.kind !== "city" ? e.country : undefined;
  return SHORT_QUALIFIERS.get(q.trim());
}

/** Qualifiers too short for the gazetteer (`La.`, `N.Y.`), as written -> country. */
const SHORT_QUALIFIERS = new Map<string, string>(
  Object.entries(qualifiers).flatMap(([country, list]) =>
    Array.isArray(list) ? list.map((q): [string, string] => [q, country]) : [],
  ),
);

/** Where a bracketed qualifier (`(`, `[`) starts, or -1. */
function qualifierStart(text: string): number {
  const p = text.indexOf("(");
  const b = text.indexOf("[");
  return p < 0 ? b : b < 0 ? p : Math.min(p, b);
}

/**
 * A place spelt a little differently from the gazetteer (`Thiuvananthapuram`): the one entry
 * within one edit (two for names of twelve letters or more), when exactly one is that close.
 * Only for names of six letters or more, so short names never match by accident.
 */
export function lookupPlaceLoosely(text: string): PlaceEntry | undefined {
  return cached(looseCache, text, lookupLooselyUncached);
}

function lookupLooselyUncached(text: string): PlaceEntry | undefined {
  const key = fold(text.replace(/\s*[(,].*$/su, ""));
  const n = key.length;
  if (n < 6 || n > 40) return undefined;
  if (!byLength) {
    byLength = new Map();
    const { keys, rowOf } = loaded();
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i]!;
      const e = entryAt(Number(rowOf[i]));
      const list = byLength.get(k.length);
      if (list) list.push([k, e]);
      else byLength.set(k.length, [[k, e]]);
    }
  }
  const max = n >= 12 ? 2 : 1;
  let found: PlaceEntry | undefined;
  for (let len = n - max; len <= n + max; len++) {
    for (const [k, e] of byLength.get(len) ?? []) {
      if (editDistance(key, k, max) <= max) {
        if (found && found !== e && found.name !== e.name) return undefined; // ambiguous
        found = e;
      }
    }
  }
  return found;
}

/** Levenshtein distance, stopping early once it must exceed `max`. */
function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
