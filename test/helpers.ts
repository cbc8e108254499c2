import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Span, Story } from "../src/story.js";
import { run } from "../src/cli/run.js";
import type { Io } from "../src/cli/io.js";
import { findTags, plainText } from "../src/text/markup.js";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const shared = resolve(root, "..", "shared");
export const seedPath = join(shared, "seed", "ians-hi-seoul.txt");
export const hasShared = existsSync(seedPath);

/** The text at a code-point span, as a user of jq or Python would slice it. */
export function at(text: string, span: Span): string {
  return Array.from(text).slice(span.start, span.end).join("");
}

/** The same with HTML tags left out and entities decoded: what a part's `text` holds. */
export function plainAt(text: string, span: Span): string {
  const raw = at(text, span).replace(CONTROLS, " ");
  return plainText(raw, 0, raw.length, findTags(raw, 0, raw.length));
}

/** Control characters (but TAB and line ends): framing, never text; a part reads each as a space. */
export const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/gu;

/** Code-point offsets covered by HTML tags: markup, which no part has to cover. */
export function markupOffsets(text: string): Set<number> {
  const out = new Set<number>();
  const cps = Array.from(text);
  let u = 0;
  const cpAt: number[] = [];
  cps.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) cpAt[u + k] = i;
    u += c.length;
  });
  for (const t of findTags(text, 0, text.length)) for (let k = t.start; k < t.end; k++) out.add(cpAt[k]!);
  return out;
}

export interface Fixture {
  name: string;
  path: string;
  text: string;
  expect: {
    about: string;
    options?: { refDate?: string; lang?: string };
    stories: Record<string, unknown>[];
  };
}

/** The fixture folders that hold expected records (`fixtures/hi`, `fixtures/en-agencies` ...). */
export function fixtureFolders(): string[] {
  const dir = join(root, "fixtures");
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && readdirSync(join(dir, d.name)).some((f) => f.endsWith(".expect.json")))
    .map((d) => d.name)
    .sort();
}

export function fixtures(lang: string): Fixture[] {
  const dir = join(root, "fixtures", lang);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .flatMap((f) => {
      const name = f.slice(0, -4);
      const exp = join(dir, `${name}.expect.json`);
      if (!existsSync(exp)) return [];
      return [
        {
          name,
          path: join(dir, f),
          text: readFileSync(join(dir, f), "utf8"),
          expect: JSON.parse(readFileSync(exp, "utf8")),
        },
      ];
    });
}

/** Every part that has a span, in document order: what must tile the story. */
export function parts(story: Story): { kind: string; text: string; span: Span }[] {
  const out: { kind: string; text: string; span: Span }[] = [];
  if (story.headline) out.push({ kind: "headline", ...story.headline });
  if (story.byline) out.push({ kind: "byline", ...story.byline });
  for (const h of story.headerLines ?? []) out.push({ kind: "header-line", ...h });
  if (story.dateline) out.push({ kind: "dateline", ...story.dateline });
  for (const p of story.paragraphs) out.push({ kind: "paragraph", ...p });
  if (story.signoff) out.push({ kind: "signoff", ...story.signoff });
  if (story.slugline) out.push({ kind: "slugline", ...story.slugline });
  if (story.ednote) out.push({ kind: "ednote", ...story.ednote });
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** What the command line did, run in process. */
export interface WireRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the command line in process with `stdin` as standard input, stdout and stderr captured
 * (stdout `columns` wide when given), `env` as the environment, and any other part of `io` as given.
 */
export async function runWire(
  argv: string[],
  o: { stdin?: string | Uint8Array; env?: Record<string, string>; columns?: number; io?: Partial<Io> } = {},
): Promise<WireRun> {
  let stdout = "";
  let stderr = "";
  const stdin = o.stdin ?? "";
  const code = await run(argv, {
    stdin: (async function* () {
      if (stdin.length) yield typeof stdin === "string" ? Buffer.from(stdin) : stdin;
    })(),
    stdout: { write: (s: string) => (stdout += s), ...(o.columns ? { columns: o.columns } : {}) },
    stderr: { write: (s: string) => (stderr += s) },
    ...(o.env ? { env: o.env } : {}),
    ...o.io,
  });
  return { code, stdout, stderr };
}
