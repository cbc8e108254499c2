/**
 * One unit of batch work: parse one input's text or bytes and render its stories. Pure: the
 * same function runs in the main thread (`-j 1`) and in worker threads, so the output is the
 * same byte for byte whatever the number of jobs.
 */
import { parseBytes, parseDetailed, type ParseOptions } from "../index.js";
import { formatDiagnostic, atLeast } from "../diagnostics.js";
import { renderParts, type Format, type RenderOptions } from "../render/index.js";
import type { Rendered } from "../render/pieces.js";
import { renderHtml, renderHtmlStory } from "../render/html.js";
import { renderTrace } from "../render/trace.js";
import { failureFacts, inputFacts, storyFacts } from "../stats/facts.js";
import type { Diagnostic, Severity, Story, StoryRules } from "../story.js";
import { byteColumns } from "./columns.js";
import { sliceStories } from "../parse/stream.js";
import { sliceOf, streamParse, type SliceRef, type StreamSource } from "./stream.js";
import { pauseHeapGrowth, resumeHeapGrowth } from "./heap.js";

/** A slice this big (bytes) holds one huge story (slices are cut at about 128 K characters). */
const HUGE_SLICE = 1 << 20;

export interface Job {
  seq: number;
  name: string;
  bytes?: Uint8Array;
  text?: string;
  parse: ParseOptions;
  format: Format;
  render: RenderOptions;
  /** The least severe diagnostic printed on stderr: `warning` by default, `info` with -v, `error` with -q. */
  report: Severity;
  /** The stories' diagnostics are shown in the output itself (the pretty view on a terminal): not on stderr. */
  inView?: boolean;
  /** For `wire stats`: output each story's facts (one JSON line), no diagnostics on stderr. */
  facts?: boolean;
  /** A slice of a streamed input (its stories from `slice.ref.storiesBefore` on): its bytes, instead of the input's. */
  slice?: { ref: SliceRef; bytes: Uint8Array; source: StreamSource };
}

export interface JobResult {
  seq: number;
  /** The rendered output of each story, in order: one string, or the pieces of a record too large for one. */
  outputs: Rendered[];
  /** With `html` articles: each story's entry in the page's table of contents. */
  toc?: string[];
  /** Diagnostic lines for stderr (already filtered by severity). */
  messages: string[];
  /** The codes of the warnings the stories had, each once (for --strict). */
  warnings: string[];
  /** Any story had a warning or error; the input could not be decoded. */
  warned: boolean;
  failed: boolean;
  bytes: number;
}

interface Part {
  outputs: Rendered[];
  toc: string[];
  shown: Diagnostic[];
  warnings: Set<string>;
  warned: boolean;
}

/** Renders stories of one input: all of them, or a streamed part whose first is story `first` (0-based). */
function renderStories(
  job: Job,
  stories: Iterable<Story>,
  first: number,
  many: boolean,
  part: Part,
  rules?: (StoryRules | null)[],
): void {
  let j = -1;
  for (const story of stories) {
    j++;
    const k = first + j;
    if (job.facts) part.outputs.push(JSON.stringify(storyFacts(story)) + "\n");
    else if (job.format === "html" && job.render.htmlArticles) {
      // Ids unique within the page: the input's number, and the story's within it.
      const html = renderHtmlStory(story, `s${job.seq + 1}${many ? `-${k + 1}` : ""}`, rules?.[j] ?? null);
      part.outputs.push(html.article);
      part.toc.push(html.toc);
    } else if (job.format === "html") part.outputs.push(renderHtml(story, rules?.[j] ?? null));
    else if (job.format === "trace") part.outputs.push(renderTrace(story, rules?.[j] ?? null));
    else part.outputs.push(renderParts(story, job.format, job.render));
    for (const d of story.diagnostics) {
      if (atLeast(d, "warning")) {
        part.warned = true;
        if (d.severity === "warning") part.warnings.add(d.code);
      }
      if (!job.facts && atLeast(d, job.report) && !job.inView) part.shown.push(d);
    }
  }
}

/**
 * A slice of a streamed input: its stories, parsed, rendered and dropped one at a time. Its
 * diagnostics' byte columns are counted in the slice's text. `bytes` counts the slice's bytes.
 */
function runSlice(job: Job, slice: NonNullable<Job["slice"]>): JobResult {
  const part: Part = { outputs: [], toc: [], shown: [], warnings: new Set(), warned: false };
  const messages: string[] = [];
  // A slice of a megabyte or more is one huge story, which keeps much alive: collecting each
  // time the heap grows 30 % past that would cost a quarter of its parse (heap.ts).
  const paused = slice.bytes.length >= HUGE_SLICE && pauseHeapGrowth();
  try {
    const s = sliceOf(slice.ref, slice.bytes);
    let n = 0;
    const stories = sliceStories(streamParse(slice.source, { ...job.parse, path: job.name }), s);
    const counted = (function* () {
      for (const story of stories) {
        n++;
        yield story;
      }
    })();
    renderStories(job, counted, s.storiesBefore, slice.source.count > 1, part);
    // The slice's stories are not those the first pass found there.
    if (n !== s.stories) throw new Error("the file changed while it was read");
    if (part.shown.length) {
      const shifted = part.shown.map((d) => ({
        ...d,
        span: { start: d.span.start - s.cpBefore, end: d.span.end - s.cpBefore },
      }));
      const columns = byteColumns(s.text, shifted);
      for (const [k, d] of part.shown.entries()) messages.push(formatDiagnostic(job.name, d, columns[k]));
    }
  } catch (e) {
    if (paused) resumeHeapGrowth();
    return {
      seq: job.seq,
      outputs: part.outputs,
      messages: [`wire: ${job.name}: internal error: ${(e as Error).message} [internal-error]`],
      warnings: [],
      warned: false,
      failed: true,
      bytes: slice.bytes.length,
    };
  }
  if (paused) resumeHeapGrowth();
  return {
    seq: job.seq,
    outputs: part.outputs,
    ...(part.toc.length ? { toc: part.toc } : {}),
    messages,
    warnings: [...part.warnings],
    warned: part.warned,
    failed: false,
    bytes: slice.bytes.length,
  };
}

export function runJob(job: Job): JobResult {
  if (job.slice) return runSlice(job, job.slice);
  const messages: string[] = [];
  const warnings = new Set<string>();
  let warned = false;
  let failed = false;
  const outputs: Rendered[] = [];
  const toc: string[] = [];
  const size = job.bytes?.length ?? Buffer.byteLength(job.text ?? "");
  try {
    const options = {
      ...job.parse,
      path: job.name,
      ...(job.format === "trace" || job.format === "html" ? { trace: true } : {}),
    };
    const result = job.bytes
      ? parseBytes(job.bytes, options)
      : { ...parseDetailed(job.text ?? "", options), diagnostics: [], text: job.text };
    const shown: Diagnostic[] = [];
    for (const d of result.diagnostics) {
      if (d.severity === "error") failed = true;
      if (atLeast(d, "warning")) warned = true;
      if (!job.facts && atLeast(d, job.report)) shown.push(d);
    }
    if (job.facts && (result.diagnostics.length || !result.stories.length))
      outputs.push(inputFacts(job.name, result.diagnostics, result.stories.length ? 0 : size));
    const part: Part = { outputs, toc, shown, warnings, warned };
    renderStories(job, result.stories, 0, result.stories.length > 1, part, result.rules);
    warned = part.warned;
    if (shown.length) {
      const columns = byteColumns(result.text, shown);
      for (const [k, d] of shown.entries()) messages.push(formatDiagnostic(job.name, d, columns[k]));
    }
  } catch (e) {
    // A bug of ours must not stop the batch: report it for this input and go on.
    messages.push(`wire: ${job.name}: internal error: ${(e as Error).message} [internal-error]`);
    if (job.facts) outputs.push(failureFacts(job.name, "internal-error"));
    failed = true;
  }
  return {
    seq: job.seq,
    outputs,
    ...(toc.length ? { toc } : {}),
    messages,
    warnings: [...warnings],
    warned,
    failed,
    bytes: size,
  };
}
