/**
 * The record as an IPTC ninjs document (3.1 by default, 2.2 with `--ninjs-version 2.2`, whose
 * property names are lower case). `uri` is stable: derived from the input's SHA-256 and the
 * story's index in it. `contentCreated` is written only when the dateline's date is fully
 * known, as midnight UTC of that day (wire datelines carry no time). From a feed file's
 * envelope: `slugline`, `urgency` (the priority, 1 highest .. 9), `version` (a lead's number:
 * `1st Ld-Writethru` is version 2) and `edNote` (`ednote` in 2.2).
 */
import type { Story } from "../story.js";
import { isPronoun } from "../data/index.js";

export type NinjsVersion = "3.1" | "2.2";

export function ninjsOf(story: Story, version: NinjsVersion = "3.1"): Record<string, unknown> {
  const body = story.paragraphs.map((p) => p.text).join("\n\n");
  const words = body.split(/\s+/u).filter(Boolean).length;
  const located = story.dateline?.places.map((p) => p.name ?? p.text).join(" / ") || undefined;
  const iso = story.dateline?.date?.iso;
  const agency = story.agency ?? story.signoff?.agency ?? null;
  const people = [
    ...new Set(
      story.quotes
        .flatMap((q) => [q.speaker, q.via])
        .filter((p) => p && !p.name && !isPronoun(p.text))
        .map((p) => p!.text),
    ),
  ];
  const organisations = [
    ...new Set(
      story.quotes
        .flatMap((q) => [q.speaker, q.via])
        .filter((p) => p?.name)
        .map((p) => p!.name!),
    ),
  ];
  const codes = story.signoff?.codes ?? [];
  const t = story.transmission;
  const urgency =
    typeof t?.priority?.value === "number" && t.priority.value >= 1 && t.priority.value <= 9
      ? t.priority.value
      : undefined;
  const lead =
    typeof t?.take?.value === "string" ? /(\d+)\s*(?:st|nd|rd|th)\s*(?:Ld|Lead|LEAD)\b/u.exec(t.take.value) : null;
  const doc: Record<string, unknown> = {
    uri: `urn:wire:story:${story.source.sha256}:${story.source.index}`,
    type: "text",
    language: story.language,
    headlines: story.headline ? [{ value: story.headline.text, contentType: "text/plain" }] : undefined,
    // The lines above the dateline that are no paragraph (a deck, summary bullets): a description.
    descriptions: story.headerLines?.length
      ? [{ role: "header-lines", value: story.headerLines.map((h) => h.text).join("\n"), contentType: "text/plain" }]
      : undefined,
    bodies: [{ value: body, contentType: "text/plain", charCount: [...body].length, wordCount: words }],
    by: story.byline?.text,
    slugline: story.slugline?.text,
    urgency,
    version: lead ? String(Number(lead[1]) + 1) : undefined,
    edNote: story.ednote?.text,
    located,
    contentCreated: iso ? `${iso}T00:00:00Z` : undefined,
    infoSources: agency ? [{ name: agency.code ?? agency.text, literal: agency.text, role: "originator" }] : undefined,
    people: people.length ? people.map((name) => ({ name, rel: "quoted" })) : undefined,
    organisations: organisations.length ? organisations.map((name) => ({ name, rel: "quoted" })) : undefined,
    altIds: codes.length ? codes.map((c) => ({ role: "desk-code", value: c.latin ?? c.text })) : undefined,
    standard: { name: "ninjs", version, schema: `http://www.iptc.org/std/ninjs/ninjs-schema_${version}.json#` },
  };
  for (const k of Object.keys(doc)) if (doc[k] === undefined) delete doc[k];
  return version === "2.2" ? lowerKeys(doc) : doc;
}

/** ninjs 2.x spells every property in lower case (`infosources`, `contentcreated`, `contenttype`). */
function lowerKeys(v: unknown): Record<string, unknown> {
  const walk = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(walk)
      : x && typeof x === "object"
        ? Object.fromEntries(Object.entries(x).map(([k, y]) => [k.toLowerCase(), walk(y)]))
        : x;
  return walk(v) as Record<string, unknown>;
}

export function renderNinjs(story: Story, version: NinjsVersion): string {
  return JSON.stringify(ninjsOf(story, version), null, 2) + "\n";
}
