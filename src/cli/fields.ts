/** `--fields`: checked when the command line is read, so a typo is a usage error (exit 2). */
import { InvalidArgumentError } from "commander";
import { parseFields } from "../render/fields.js";

export function fieldsOption(value: string): string[] {
  try {
    return parseFields(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** The formats `--fields` applies to. */
export const FIELD_FORMATS = ["tsv", "csv", "ndjson"];
