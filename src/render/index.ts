/** Renderers: one story record -> the text written for it. */
import type { Story } from "../story.js";
import { renderYaml } from "./yaml.js";
import { renderNinjs, type NinjsVersion } from "./ninjs.js";
import { renderPretty } from "./pretty.js";
import { renderHtml } from "./html.js";
import { renderTrace } from "./trace.js";
import { DEFAULT_FIELDS, fieldsLine, tableHeader, tableRow } from "./fields.js";
import { estimatedJsonLength, jsonPieces, PIECES_FROM, type Rendered } from "./pieces.js";

export const FORMATS = ["json", "ndjson", "yaml", "pretty", "ninjs", "html", "tsv", "csv", "trace"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  width: number;
  ninjsVersion: NinjsVersion;
  /** `html` in a batch: each story as an `<article>` of one shared page, not a page of its own. */
  htmlArticles?: boolean;
  /** `tsv`, `csv`, `ndjson`: only these fields (`src/render/fields.ts`); tables default to `DEFAULT_FIELDS`. */
  fields?: string[];
  /** `tsv`, `csv`: start each story's output with the header row (one file per story). */
  header?: boolean;
  /** `json`, `ndjson`: a record estimated longer than this is written in pieces (default `PIECES_FROM`). */
  piecesFrom?: number;
}

/**
 * `json`: one pretty document per story; `ndjson`: one compact line per story; `yaml`: one
 * `---` document per story; `ninjs`: one ninjs document per story (pretty JSON); `pretty`: the
 * terminal view; `html`: a standalone web page; `tsv`, `csv`: one table row (chosen fields);
 * `trace`: the rule that read each part (the batch passes the rules, see `render/trace.ts`).
 * All end in a newline.
 */
export function render(
  story: Story,
  format: Format,
  options: RenderOptions = { color: false, width: 80, ninjsVersion: "3.1" },
): string {
  switch (format) {
    case "json":
      return JSON.stringify(story, null, 2) + "\n";
    case "ndjson":
      return options.fields ? fieldsLine(story, options.fields) : JSON.stringify(story) + "\n";
    case "yaml":
      return renderYaml(story);
    case "ninjs":
      return renderNinjs(story, options.ninjsVersion);
    case "pretty":
      return renderPretty(story, options);
    case "html":
      return renderHtml(story);
    case "trace":
      return renderTrace(story, null);
    case "tsv":
    case "csv": {
      const fields = options.fields ?? DEFAULT_FIELDS;
      return (options.header ? tableHeader(fields, format) : "") + tableRow(story, fields, format);
    }
  }
}

/**
 * What `render` gives, but a `json` or `ndjson` record that may be too large for one string
 * comes as pieces of the same text, written in turn (other formats are rendered whole).
 */
export function renderParts(story: Story, format: Format, options?: RenderOptions): Rendered {
  if (
    (format === "json" || (format === "ndjson" && !options?.fields)) &&
    estimatedJsonLength(story) > (options?.piecesFrom ?? PIECES_FROM)
  ) {
    const pieces = jsonPieces(story, format === "json" ? 2 : 0);
    pieces.push("\n");
    return pieces;
  }
  return render(story, format, options);
}
