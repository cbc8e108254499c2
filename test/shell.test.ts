// Completions and the man page, from the command definitions: bash's `complete` run on the
// script, every option of every command's --help in the man page, the page built with the package.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIAGNOSTICS } from "../src/data/diagnostics.js";
import { root, runWire } from "./helpers.js";

const wire = (argv: string[]) => runWire(argv);

const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const COMMANDS = ["parse", "stats", "explain", "completion", "schema"];

/** Options a command's --help lists (commander's own help: an independent reading of the definitions). */
async function helpOptions(command: string | null): Promise<string[]> {
  const help = (await wire(command ? [command, "--help"] : ["--help"])).stdout;
  const options = help.split(/\nOptions:\n/u)[1]?.split(/\n\n/u)[0] ?? "";
  return [...options.matchAll(/^ {2}(-\w, )?(--[\w-]+)/gmu)].map((m) => m[2]!);
}

describe("wire completion bash", async () => {
  const script = join(mkdtempSync(join(tmpdir(), "wire-completion-")), "wire.bash");
  writeFileSync(script, (await wire(["completion", "bash"])).stdout);

  /** What bash completes for the words typed (the last one being completed). */
  function complete(...words: string[]): string[] {
    const arr = words.map((w) => `'${w.replace(/'/gu, "'\\''")}'`).join(" ");
    const r = spawnSync(
      "bash",
      [
        "-c",
        `source "$1"; complete -p wire >&2; COMP_WORDS=(wire ${arr}); COMP_CWORD=${words.length}; _wire; printf '%s\\n' "\${COMPREPLY[@]}"`,
        "bash",
        script,
      ],
      { encoding: "utf8", cwd: root },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toContain("-F _wire wire");
    return r.stdout.split("\n").filter(Boolean);
  }

  it.skipIf(!has("bash"))("registers with complete and completes commands, options, formats, codes and shells", () => {
    expect(complete("")).toEqual(expect.arrayContaining([...COMMANDS, "--help", "--version"]));
    expect(complete("pa")).toEqual(["parse"]);
    expect(complete("st")).toEqual(["stats"]);
    expect(complete("parse", "-f", "")).toEqual([
      "auto",
      "json",
      "ndjson",
      "yaml",
      "pretty",
      "ninjs",
      "html",
      "tsv",
      "csv",
      "trace",
    ]);
    expect(complete("parse", "--fo").sort()).toEqual(["--force", "--format"]);
    expect(complete("parse", "--from", "j")).toEqual(["jsonl"]);
    expect(complete("stats", "--to")).toEqual(["--top"]);
    expect(complete("stats", "-f", "")).toEqual(["auto", "pretty", "json"]);
    expect(complete("explain", "unb")).toEqual(["unbalanced-quote"]);
    expect(complete("explain", "")).toEqual(DIAGNOSTICS.map((d) => d.code));
    expect(complete("completion", "")).toEqual(["bash", "zsh", "fish"]);
    // Input arguments complete as file names.
    expect(complete("parse", "fixtures/h")).toEqual(expect.arrayContaining(["fixtures/hi"]));
    expect(complete("parse", "-o", "READ")).toEqual(["README.md"]);
  });

  it.skipIf(!has("bash"))("completes every option each command's --help lists", async () => {
    for (const c of COMMANDS) {
      const options = await helpOptions(c);
      expect(options.length).toBeGreaterThan(0);
      expect(complete(c, "--")).toEqual(expect.arrayContaining(options));
    }
  });
});

describe("wire completion zsh and fish", () => {
  it("name every command and option, and the checks of the shells pass where installed", async () => {
    for (const shell of ["zsh", "fish"]) {
      const r = await wire(["completion", shell]);
      expect(r.code).toBe(0);
      for (const c of COMMANDS) {
        expect(r.stdout).toContain(c);
        for (const o of await helpOptions(c))
          expect(r.stdout, `${shell}: ${c} ${o}`).toContain(shell === "fish" ? `-l ${o.slice(2)}` : o);
      }
      expect(r.stdout).toContain("unbalanced-quote");
      if (has(shell)) {
        const check = spawnSync(shell, ["-n"], { input: r.stdout, encoding: "utf8" });
        expect(check.status, check.stderr).toBe(0);
      }
    }
  });

  it("refuses an unknown shell (exit 2)", async () => {
    const r = await wire(["completion", "pwsh"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pwsh");
  });
});

describe("the man page", async () => {
  const page = (await wire(["man"])).stdout;

  it("has every option of every command, and the commands", async () => {
    expect(page.startsWith(".TH WIRE 1 ")).toBe(true);
    for (const c of [null, ...COMMANDS]) {
      for (const o of await helpOptions(c)) expect(page, `${c ?? "wire"} ${o}`).toContain(o.replace(/-/gu, "\\-"));
      if (c) expect(page).toContain(`.SS "wire ${c} `);
    }
    for (const section of ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "COMMANDS", "EXIT STATUS", "ENVIRONMENT"])
      expect(page).toContain(`.SH ${section}`);
    // No machine-dependent default (the number of cores) is written in.
    expect(page).toContain("Default: the number of cores.");
  });

  it.skipIf(!has("groff"))("renders without a groff warning", () => {
    const r = spawnSync("groff", ["-man", "-Tutf8", "-ww", "-z"], { input: page, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe("");
  });

  it("is built into the package (dist/wire.1, named by package.json's man, shipped with dist)", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.man).toBe("./dist/wire.1");
    expect(pkg.files).toContain("dist");
    expect(pkg.scripts.build).toContain("gen-man");
    const built = join(root, "dist", "wire.1");
    if (existsSync(built)) expect(readFileSync(built, "utf8")).toBe(page);
  });

  it("is not listed among the commands of --help", async () => {
    const help = (await wire(["--help"])).stdout;
    expect(help).toContain("completion");
    expect(help).not.toMatch(/^ {2}man\b/mu);
  });
});
