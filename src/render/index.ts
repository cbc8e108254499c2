/** Renderers: one story record -> the text written for it. */
import type { Story } from "../story.js";

export const FORMATS = ["json", "ndjson"] as const;
export type Format = (typeof FORMATS)[number];

/** `json`: one pretty document per story; `ndjson`: one compact line per story. Both end in a newline. */
export function render(story: Story, format: Format): string {
  switch (format) {
    case "json":
      return JSON.stringify(story, null, 2) + "\n";
    case "ndjson":
      return JSON.stringify(story) + "\n";
  }
}
