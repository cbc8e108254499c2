/**
 * The command line as a function: `run(argv, io) -> exit code`, so tests run it in process.
 * Results go to `io.stdout`, diagnostics to `io.stderr`. Exit codes (SPEC section 2):
 * 0 all inputs parsed (warnings allowed), 1 an input could not be read or decoded, or a
 * warning under `--strict`, 2 bad usage.
 */
import { readFile } from "node:fs/promises";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { parseBytes, parseRefDate } from "../index.js";
import { formatDiagnostic, atLeast } from "../diagnostics.js";
import type { Diagnostic, Story } from "../story.js";
import { render, FORMATS, type Format, type RenderOptions } from "../render/index.js";
import type { NinjsVersion } from "../render/ninjs.js";
import { useColor, type ColorWhen } from "./color.js";
import { storySchema } from "../schema.js";
import { VERSION } from "../version.js";

export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when the writer is a terminal. */
  columns?: number;
}

export interface Io {
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
}

const STDIN_NAME = "<stdin>";

const EXAMPLES = `
Examples:
  wire parse story.txt                      the story record as JSON
  wire parse story.txt | jq .dateline       jq reads the output as is
  cat story.txt | wire parse -f ndjson      from standard input, one line per story
  wire parse a.txt b.txt -f ndjson > out.ndjson
  wire parse --ref-date 2024-09-01 old.txt  fill in dateline years
  wire parse --strict -q story.txt          exit 1 when the story has a warning
  wire parse story.txt -f yaml              YAML, one --- document per story
  wire parse story.txt -f pretty | less -R  the terminal view, paged
  wire parse story.txt -f ninjs             an IPTC ninjs 3.1 document
  wire schema                               the JSON Schema of the record`;

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name("wire")
    .description("Turn news-agency wire copy (IANS, PTI, Reuters, KCNA ...) into structured data.")
    .version(VERSION, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `wire: ${s}` : s),
    })
    .showSuggestionAfterError(true);

  program
    .command("parse")
    .description("parse stories from files, or from standard input (`-` or no argument)")
    .argument("[inputs...]", "files to read; - for standard input (the default)")
    .addOption(
      new Option("-f, --format <format>", "output format; auto is pretty on a terminal, else json")
        .choices(["auto", ...FORMATS])
        .default("auto"),
    )
    .addOption(new Option("--color <when>", "colour the pretty view: auto honours NO_COLOR, FORCE_COLOR, TERM=dumb and the terminal").choices(["auto", "always", "never"]).default("auto"))
    .addOption(new Option("--ninjs-version <version>", "ninjs vocabulary for -f ninjs").choices(["3.1", "2.2"]).default("3.1"))
    .option("--ref-date <YYYY-MM-DD>", "the day the copy was filed: fills in years missing from datelines", checkRefDate)
    .addOption(new Option("--lang <code>", "story language; auto detects it per story").choices(["auto", "hi", "en"]).default("auto"))
    .option("--convert-legacy", "convert Hindi typed in the Kruti Dev legacy font to Unicode (spans still point into the input)")
    .option("--strict", "exit 1 when any story has a warning")
    .option("-q, --quiet", "print no diagnostics except errors")
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .action(async (inputs: string[], opts: ParseOpts) => {
      exitCode = await parseCommand(inputs.length ? inputs : ["-"], opts, io);
    });

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the json record")
    .action(() => {
      io.stdout.write(JSON.stringify(storySchema, null, 2) + "\n");
    });

  program.addHelpText("after", EXAMPLES);

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help") return 0;
      return 2;
    }
    throw e;
  }
  return exitCode;
}

interface ParseOpts {
  format: string;
  convertLegacy?: boolean;
  color: ColorWhen;
  ninjsVersion: NinjsVersion;
  refDate?: string;
  lang: string;
  strict?: boolean;
  quiet?: boolean;
}

function checkRefDate(value: string): string {
  if (!parseRefDate(value)) throw new InvalidArgumentError("expected a real date written YYYY-MM-DD.");
  return value;
}

async function parseCommand(inputs: string[], opts: ParseOpts, io: Io): Promise<number> {
  const format: Format = opts.format === "auto" ? (io.stdout.isTTY ? "pretty" : "json") : (opts.format as Format);
  const env = io.env ?? {};
  const renderOptions: RenderOptions = {
    color: useColor(opts.color, env, !!io.stdout.isTTY),
    width: io.stdout.columns ?? (Number(env.COLUMNS) || 80),
    ninjsVersion: opts.ninjsVersion,
  };
  let failed = false;
  let warned = false;
  let stdinUsed = false;
  for (const input of inputs) {
    const name = input === "-" ? STDIN_NAME : input;
    let bytes: Uint8Array;
    try {
      if (input === "-") {
        if (stdinUsed) {
          io.stderr.write(`wire: ${STDIN_NAME}: standard input given more than once\n`);
          failed = true;
          continue;
        }
        stdinUsed = true;
        bytes = await readAll(io.stdin);
      } else {
        bytes = await readFile(input);
      }
    } catch (e) {
      io.stderr.write(`wire: ${name}: ${describeIoError(e)} [read-error]\n`);
      failed = true;
      continue;
    }
    let stories: Story[];
    let diagnostics: Diagnostic[];
    try {
      const result = parseBytes(bytes, { refDate: opts.refDate ?? null, lang: opts.lang, path: name, convertLegacy: !!opts.convertLegacy });
      stories = result.stories;
      diagnostics = result.diagnostics;
    } catch (e) {
      // A bug of ours must not stop the batch: report it for this input and go on.
      io.stderr.write(`wire: ${name}: internal error: ${(e as Error).message} [internal-error]\n`);
      failed = true;
      continue;
    }
    report(io, name, diagnostics, opts);
    if (diagnostics.some((d) => d.severity === "error")) failed = true;
    if (diagnostics.some((d) => atLeast(d, "warning"))) warned = true;
    for (const story of stories) {
      io.stdout.write(render(story, format, renderOptions));
      report(io, name, story.diagnostics, opts);
      if (story.diagnostics.some((d) => atLeast(d, "warning"))) warned = true;
    }
  }
  return failed || (opts.strict && warned) ? 1 : 0;
}

function report(io: Io, name: string, diagnostics: Diagnostic[], opts: ParseOpts): void {
  for (const d of diagnostics) {
    if (opts.quiet && d.severity !== "error") continue;
    io.stderr.write(formatDiagnostic(name, d) + "\n");
  }
}

async function readAll(stream: AsyncIterable<Uint8Array | string>): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c));
  return Buffer.concat(chunks);
}

function describeIoError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  switch (code) {
    case "ENOENT":
      return "no such file or directory";
    case "EACCES":
    case "EPERM":
      return "permission denied";
    case "EISDIR":
      return "is a directory";
    default:
      return (e as Error)?.message ?? String(e);
  }
}
