// `wire explain CODE`: the meaning, an example and what to do, from the diagnostics table; every
// code the program can print on stderr is in that table.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTICS, type DiagnosticInfo } from "../src/data/diagnostics.js";
import { widthOf } from "../src/render/terminal.js";
import { root, runWire } from "./helpers.js";

const wire = (argv: string[]) => runWire(argv, { columns: 80 });

const squash = (s: string) => s.replace(/\s+/gu, " ").trim();
const rows = DIAGNOSTICS as readonly DiagnosticInfo[];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith(".ts") ? [join(dir, d.name)] : [],
  );
}

describe("wire explain", () => {
  it("prints each code's meaning, example and what to do, from the table", async () => {
    for (const row of rows) {
      const r = await wire(["explain", row.code]);
      expect(r.code).toBe(0);
      const text = squash(r.stdout);
      expect(text.startsWith(`${row.code} (${row.severity}`)).toBe(true);
      expect(text).toContain(squash(row.meaning));
      if (row.example) expect(text).toContain(`Example: ${squash(row.example)}`);
      if (row.action) expect(text).toContain(`What to do: ${squash(row.action)}`);
      for (const line of r.stdout.split("\n")) expect(widthOf(line), line).toBeLessThanOrEqual(80);
    }
  });

  it("takes the code as printed, in brackets; -f json gives the table's row", async () => {
    expect((await wire(["explain", "[unbalanced-quote]"])).stdout).toContain("unbalanced-quote (warning)");
    expect(JSON.parse((await wire(["explain", "empty-input", "-f", "json"])).stdout)).toEqual(
      rows.find((r) => r.code === "empty-input"),
    );
  });

  it("without a code lists every code with its severity", async () => {
    const r = await wire(["explain"]);
    expect(r.code).toBe(0);
    for (const row of rows) expect(r.stdout).toMatch(new RegExp(`^${row.code} +${row.severity} `, "mu"));
  });

  it("an unknown code is a usage error that suggests the nearest", async () => {
    const r = await wire(["explain", "unbalanced-qoute"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did you mean 'unbalanced-quote'");
    expect(r.stdout).toBe("");
  });

  it("every code the program prints in [brackets] or reports as a finding is in the table", () => {
    const known = new Set(rows.map((r) => r.code));
    const used = new Set<string>();
    for (const file of sources(join(root, "src"))) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/\[([a-z]+(?:-[a-z]+)+)\]`/gu)) used.add(m[1]!);
      for (const m of text.matchAll(/finding\(\s*"([a-z-]+)"/gu)) used.add(m[1]!);
      for (const m of text.matchAll(/code: "([a-z]+(?:-[a-z]+)+)"/gu)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(5);
    for (const code of used) expect(known, code).toContain(code);
  });
});
