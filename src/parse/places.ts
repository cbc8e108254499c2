/**
 * Place names -> canonical English name and ISO country, from the generated gazetteer
 * (`src/data/places.json`: CLDR exemplar cities and territories in Hindi and English, plus the
 * hand-written Indian and world tables; see `scripts/gen-places.mjs`).
 */
import placesTable from "../data/places.json" with { type: "json" };
import { fold } from "../text/chars.js";

export interface PlaceEntry {
  name: string;
  country: string;
  kind: string;
}

type Row = [string, string, string, string[]];

let index: Map<string, PlaceEntry> | null = null;

function build(): Map<string, PlaceEntry> {
  const m = new Map<string, PlaceEntry>();
  for (const [name, country, kind, variants] of placesTable.places as Row[]) {
    const e: PlaceEntry = { name, country, kind };
    for (const v of [name, ...variants]) {
      const k = fold(v);
      if (k && !m.has(k)) m.set(k, e);
    }
  }
  return m;
}

/** The gazetteer entry for a name exactly as folded (`नयी दिल्ली`, `CLEVELAND`), or undefined. */
export function lookupExact(text: string): PlaceEntry | undefined {
  index ??= build();
  return index.get(fold(text));
}

/**
 * The entry for a place as written in a dateline, allowing a qualifier after it:
 * `Amethi (UP)`, `PORTLAND, Ore.`, `Srinagar (J&K)`.
 */
export function lookupPlace(text: string): PlaceEntry | undefined {
  const exact = lookupExact(text);
  if (exact) return exact;
  const paren = text.indexOf("(");
  if (paren > 0) {
    const e = lookupExact(text.slice(0, paren));
    if (e) return e;
  }
  const comma = text.indexOf(",");
  if (comma > 0) return lookupExact(text.slice(0, comma));
  return undefined;
}
