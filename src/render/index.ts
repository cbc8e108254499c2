/** Renderers: one story record -> the text written for it. */
import type { Story } from "../story.js";
import { renderYaml } from "./yaml.js";
import { renderNinjs, type NinjsVersion } from "./ninjs.js";
import { renderPretty } from "./pretty.js";

export const FORMATS = ["json", "ndjson", "yaml", "pretty", "ninjs"] as const;
export type Format = (typeof FORMATS)[number];

export interface RenderOptions {
  color: boolean;
  width: number;
  ninjsVersion: NinjsVersion;
}

/**
 * `json`: one pretty document per story; `ndjson`: one compact line per story; `yaml`: one
 * `---` document per story; `ninjs`: one ninjs document per story (pretty JSON); `pretty`: the
 * terminal view. All end in a newline.
 */
export function render(story: Story, format: Format, options: RenderOptions = { color: false, width: 80, ninjsVersion: "3.1" }): string {
  switch (format) {
    case "json":
      return JSON.stringify(story, null, 2) + "\n";
    case "ndjson":
      return JSON.stringify(story) + "\n";
    case "yaml":
      return renderYaml(story);
    case "ninjs":
      return renderNinjs(story, options.ninjsVersion);
    case "pretty":
      return renderPretty(story, options);
  }
}
