// Snapshots of the command line per (fixture, format, options): exit code, stdout and stderr,
// with colour forced off and on. A changed output shows up as a diff to review.
import { describe, expect, it } from "vitest";
import { run } from "../src/cli/run.js";

async function wire(argv: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, {
    stdin: (async function* () {})(),
    stdout: { write: (s: string) => (stdout += s), isTTY, columns: 80 },
    stderr: { write: (s: string) => (stderr += s) },
    env,
  });
  return `exit: ${code}\n--- stdout\n${stdout}--- stderr\n${stderr}`;
}

const cases = [
  "fixtures/hi/dateline-danda-signoff-next-line.txt",
  "fixtures/hi/quote-relay-via-partial-reported.txt",
  "fixtures/en/quote-curly-multi-paragraph-continuation.txt",
  "fixtures/en/missing-dateline.txt",
];

describe("cli snapshots", () => {
  for (const file of cases) {
    const name = file
      .replace(/^fixtures\//u, "")
      .replace(/\//gu, "__")
      .replace(/\.txt$/u, "");
    for (const format of ["json", "ndjson", "yaml", "ninjs"]) {
      it(`${name} -f ${format}`, async () => {
        await expect(await wire(["parse", file, "-f", format, "--ref-date", "2025-01-01"])).toMatchFileSnapshot(
          `snapshots/${name}.${format}.txt`,
        );
      });
    }
    for (const color of ["never", "always"]) {
      it(`${name} -f pretty --color ${color}`, async () => {
        await expect(await wire(["parse", file, "-f", "pretty", "--color", color])).toMatchFileSnapshot(
          `snapshots/${name}.pretty-${color}.txt`,
        );
      });
    }
  }

  it("-f pretty with NO_COLOR=1 and no --color has no escape sequence; FORCE_COLOR=1 has some", async () => {
    expect(await wire(["parse", cases[0]!, "-f", "pretty"], { NO_COLOR: "1" }, true)).not.toContain("\u001b");
    expect(await wire(["parse", cases[0]!, "-f", "pretty"], { FORCE_COLOR: "1" }, false)).toContain("\u001b[");
  });

  it("auto is pretty on a terminal and json elsewhere", async () => {
    expect(await wire(["parse", cases[0]!], {}, true)).toContain("│");
    const piped = await wire(["parse", cases[0]!]);
    expect(JSON.parse(piped.split("--- stdout\n")[1]!.split("--- stderr")[0]!).schema).toBe("wire.story/1");
  });

  it("wire schema prints the draft 2020-12 schema", async () => {
    const out = await wire(["schema"]);
    const schema = JSON.parse(out.split("--- stdout\n")[1]!.split("--- stderr")[0]!);
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toContain("quotes");
  });

  it("several stories: json documents one after another, yaml one --- each, all ending in a newline", async () => {
    for (const format of ["json", "ndjson", "yaml", "ninjs"]) {
      const out = await wire(["parse", cases[0]!, cases[2]!, "-f", format]);
      const stdout = out.split("--- stdout\n")[1]!.split("--- stderr")[0]!;
      expect(stdout.endsWith("\n")).toBe(true);
      if (format === "yaml") expect(stdout.match(/^---$/gmu)).toHaveLength(2);
      if (format === "ndjson") expect(stdout.trim().split("\n")).toHaveLength(2);
    }
  });
});
