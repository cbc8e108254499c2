// The layer rules (dependency-cruiser) and the linter (Biome) run here as tests, so a change that
// breaks them cannot pass `npm test`; each is also shown failing on a made-up violation.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { root } from "./helpers.js";

const depcruise = join(root, "node_modules", "dependency-cruiser", "bin", "dependency-cruise.mjs");
const biome = join(root, "node_modules", "@biomejs", "biome", "bin", "biome");

function tool(bin: string, args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, input, encoding: "utf8", timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const cruise = (cwd: string) =>
  tool(depcruise, ["src", "--config", join(root, ".dependency-cruiser.cjs"), "--output-type", "err"], cwd);

describe("layers", () => {
  it("src/ keeps every layer rule and has no import cycle", { timeout: 60_000 }, () => {
    const r = cruise(root);
    expect(r.out).toMatch(/no dependency violations found/u);
    expect(r.code).toBe(0);
  });

  const scratch = mkdtempSync(join(tmpdir(), "wire-layers-"));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it("fails on parse importing the command line, and on a cycle", { timeout: 60_000 }, () => {
    const put = (path: string, text: string) => {
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      writeFileSync(join(scratch, path), text);
    };
    symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
    put("tsconfig.json", JSON.stringify({ compilerOptions: { module: "NodeNext", moduleResolution: "NodeNext" } }));
    put("src/index.ts", 'export * from "./parse/story.js";\n');
    put("src/parse/story.ts", 'import { run } from "../cli/run.js";\nexport const story = run;\n');
    put("src/cli/run.ts", "export const run = 1;\n");
    put("src/text/a.ts", 'import { b } from "./b.js";\nexport const a = b;\n');
    put("src/text/b.ts", 'import { a } from "./a.js";\nexport const b = () => a;\n');
    put("src/cli/main.ts", 'import "../text/a.js";\n');
    const r = cruise(scratch);
    expect(r.code).not.toBe(0);
    expect(r.out).toMatch(/parse-knows-no-output: src\/parse\/story\.ts → src\/cli\/run\.ts/u);
    expect(r.out).toMatch(/cli-on-top/u);
    expect(r.out).toMatch(/no-circular: src\/text\/a\.ts/u);
  });
});

describe("lint", () => {
  it("biome finds nothing to refuse in the sources, tests and scripts", { timeout: 60_000 }, () => {
    const r = tool(biome, ["lint", "--error-on-warnings"], root);
    expect(r.out).not.toMatch(/✖|×/u);
    expect(r.code).toBe(0);
  });

  it("refuses a suspicious comparison", { timeout: 60_000 }, () => {
    const dir = mkdtempSync(join(tmpdir(), "wire-lint-"));
    try {
      // The project's own settings, outside git (so without the ignore file).
      const config = readFileSync(join(root, "biome.jsonc"), "utf8").replace(
        '"vcs": { "enabled": true',
        '"vcs": { "enabled": false',
      );
      writeFileSync(join(dir, "biome.jsonc"), config);
      mkdirSync(join(dir, "src"));
      writeFileSync(join(dir, "src", "bad.ts"), "export const same = (a: number) => a == a;\n");
      const r = tool(biome, ["lint", "src"], dir);
      expect(r.code).not.toBe(0);
      expect(r.out).toMatch(/noSelfCompare|noDoubleEquals/u);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
