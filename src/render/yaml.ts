/**
 * The record as YAML 1.2, one `---` document per story. Strings that a YAML 1.1 reader
 * (PyYAML, older tools) would take for something else — `yes`, `no`, `on`, `null`, `~`,
 * numbers, dates, times — are double-quoted, so every reader gets the same strings back.
 */
import { Document, Scalar, visit } from "yaml";
import type { Story } from "../story.js";

const AMBIGUOUS =
  /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|null|Null|NULL|~|[-+]?(?:\.?[0-9][0-9_,:.eE+-]*|\.inf|\.Inf|\.INF|\.nan|\.NaN|\.NAN)|0x[0-9a-fA-F_]+|0o?[0-7_]+|0b[01_]+|\d{4}-\d\d?-\d\d?(?:[Tt ].*)?|=|<<)$/u;

export function renderYaml(story: Story): string {
  // Plain trees: a value met twice (the same agency object) is written twice, never as an alias.
  const doc = new Document(story, { aliasDuplicateObjects: false });
  visit(doc, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === "string" && AMBIGUOUS.test(node.value)) node.type = Scalar.QUOTE_DOUBLE;
    },
  });
  return "---\n" + doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
