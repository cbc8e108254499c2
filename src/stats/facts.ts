/**
 * The few facts of a story that the overview counts, taken where the story is parsed (a worker
 * thread in a batch) so that only they, not whole records, travel to the collector. Plain JSON.
 */
import type { Severity, Story } from "../story.js";

export interface DiagnosticFact {
  code: string;
  severity: Severity;
  /** `path:line:column`, or the path alone. */
  at: string;
}

/** One story. */
export interface StoryFacts {
  kind: "story";
  /** The input's size, given with the input's first story only (so each input counts once). */
  bytes: number;
  language: string;
  agency: string | null;
  headline: boolean;
  dateline: boolean;
  signoff: boolean;
  paragraphs: number;
  places: { text: string; name: string | null; country: string | null }[];
  date: { year: number | null; month: number | null; day: number | null; iso: string | null } | null;
  quoteKinds: string[];
  speakers: string[];
  relays: string[];
  attributions: number;
  deskCodes: string[];
  diagnostics: DiagnosticFact[];
}

/** An input that gave no story: unreadable, undecodable, empty, or a bad record. */
export interface InputFacts {
  kind: "input";
  failed: boolean;
  bytes: number;
  diagnostics: DiagnosticFact[];
}

export type Facts = StoryFacts | InputFacts;

export function storyFacts(story: Story): StoryFacts {
  const path = story.source.path ?? "(text)";
  const d = story.dateline;
  const speakers: string[] = [];
  const relays: string[] = [];
  for (const q of story.quotes) {
    if (q.speaker) speakers.push(q.speaker.name ?? q.speaker.text);
    if (q.via) relays.push(q.via.name ?? q.via.text);
  }
  for (const a of story.attributions) speakers.push(a.source.name ?? a.source.text);
  return {
    kind: "story",
    bytes: story.source.index === 1 ? story.source.bytes : 0,
    language: story.language,
    agency: story.agency ? (story.agency.code ?? story.agency.text) : null,
    headline: story.headline !== null,
    dateline: d !== null,
    signoff: story.signoff !== null,
    paragraphs: story.paragraphs.length,
    places: d ? d.places.map((p) => ({ text: p.text, name: p.name, country: p.country })) : [],
    date: d?.date ? { year: d.date.year, month: d.date.month, day: d.date.day, iso: d.date.iso } : null,
    quoteKinds: story.quotes.map((q) => q.kind),
    speakers,
    relays,
    attributions: story.attributions.length,
    deskCodes: story.signoff ? story.signoff.codes.map((c) => c.latin ?? c.text) : [],
    diagnostics: story.diagnostics.map((x) => ({
      code: x.code,
      severity: x.severity,
      at: `${path}:${x.line}:${x.column}`,
    })),
  };
}

/** The facts line of an input's own diagnostics (`invalid-encoding`, `empty-input` ...); `bytes` when it gave no story. */
export function inputFacts(
  path: string,
  diagnostics: { code: string; severity: Severity; line: number; column: number }[],
  bytes: number,
): string {
  const f: InputFacts = {
    kind: "input",
    failed: diagnostics.some((d) => d.severity === "error"),
    bytes,
    diagnostics: diagnostics.map((d) => ({ code: d.code, severity: d.severity, at: `${path}:${d.line}:${d.column}` })),
  };
  return JSON.stringify(f) + "\n";
}

/** The facts line of an input that could not be read (`read-error`, `archive-error`, `bad-record`). */
export function failureFacts(path: string, code: string): string {
  const f: InputFacts = { kind: "input", failed: true, bytes: 0, diagnostics: [{ code, severity: "error", at: path }] };
  return JSON.stringify(f) + "\n";
}
