// Documents that restate a table of the code are generated from it: this fails when they drift.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTICS } from "../src/data/diagnostics.js";
import { diagnosticsDoc } from "../scripts/gen-docs.mjs";
import { root } from "./helpers.js";

describe("docs/diagnostics.md", () => {
  it("is what `npm run docs` makes of src/data/diagnostics.ts", () => {
    const path = join(root, "docs", "diagnostics.md");
    const current = readFileSync(path, "utf8");
    expect(current, "docs/diagnostics.md is stale: run `npm run build && npm run docs`").toBe(
      diagnosticsDoc(current, DIAGNOSTICS),
    );
  });

  it("the table names each code once, with a meaning", () => {
    const codes = DIAGNOSTICS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of DIAGNOSTICS) expect(d.meaning.length, d.code).toBeGreaterThan(10);
  });
});
