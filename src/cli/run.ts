/**
 * The command line as a function: `run(argv, io) -> exit code`, so tests run it in process.
 * Results go to `io.stdout`, diagnostics to `io.stderr`. Exit codes (SPEC section 2):
 * 0 all inputs parsed (warnings allowed), 1 an input could not be read or decoded, or a
 * warning under `--strict`, 2 bad usage.
 */
import { availableParallelism } from "node:os";
import { runBatch } from "./batch.js";
import { statsCommand } from "./stats.js";
import { EXPLAIN_CODES, explainCommand } from "./explain.js";
import { shellCommands } from "./shell.js";
import { FIELD_FORMATS, fieldsOption } from "./fields.js";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import { parseRefDate } from "../index.js";
import { FORMATS, type Format, type RenderOptions } from "../render/index.js";
import type { NinjsVersion } from "../render/ninjs.js";
import { useColor, type ColorWhen } from "./color.js";
import { storySchema } from "../schema.js";
import { VERSION } from "../version.js";
import { DEFAULT_MAX_INPUT } from "../inputs/bounded.js";
import type { Io } from "./io.js";

export type { Io, Writer } from "./io.js";
import { UserError, isSystemError, plainError } from "../errors.js";
import type { Severity } from "../story.js";

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
  wire parse *.txt -f html > stories.html   one web page for all, quotes and speakers marked
  wire parse archive/ -o out/               a folder tree: one JSON file per story in out/
  wire parse news.tar.gz -f ndjson -j 4     an archive, read without extracting, on 4 threads
  wire parse --from jsonl --id-field id dump.jsonl -f ndjson
                                            records of a scraper's dump, one line out per story
  wire schema                               the JSON Schema of the record

In the pretty view, ↵ after a paragraph's number marks a paragraph break that wire inferred
(a line break seemed lost in the copy); ⟨name⟩ after a quote is its speaker, ⟨name via X⟩ also
who relayed it; underlined words are speech cues.

Diagnostics go to stderr as path:line:column: severity: message [code], the column counted in
UTF-8 bytes as vim and compilers do; warnings and errors by default, -v adds infos, -q keeps
errors only. Every record keeps all its diagnostics.`;

export async function run(argv: string[], io: Io): Promise<number> {
  let exitCode = 0;
  const program = new Command();
  program
    .name("wire")
    .description("Turn news-agency wire copy (IANS, PTI, Reuters, KCNA ...) into structured data.")
    .version(`wire ${VERSION}`, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      outputError: (s, write) => write(s.startsWith("error:") ? `wire: ${s}` : s),
    })
    .showSuggestionAfterError(true);

  const parse = program
    .command("parse")
    .description("parse stories from files, or from standard input (`-` or no argument)")
    .argument(
      "[inputs...]",
      "files, folders, quoted globs, zip/tar archives or record dumps; - for standard input (the default)",
    )
    .addOption(
      new Option("-f, --format <format>", "output format; auto is pretty on a terminal, else json")
        .choices(["auto", ...FORMATS])
        .default("auto"),
    )
    .addOption(
      new Option(
        "--color <when>",
        "colour the pretty view: auto honours NO_COLOR, FORCE_COLOR, TERM=dumb and the terminal",
      )
        .choices(["auto", "always", "never"])
        .default("auto"),
    )
    .option(
      "--fields <list>",
      "with -f tsv, csv or ndjson: only these fields, comma-separated (named fields or record paths such as dateline.places[0].name)",
      fieldsOption,
    )
    .addOption(
      new Option("--ninjs-version <version>", "ninjs vocabulary for -f ninjs").choices(["3.1", "2.2"]).default("3.1"),
    )
    .option(
      "--ref-date <YYYY-MM-DD>",
      "the day the copy was filed: fills in years missing from datelines",
      checkRefDate,
    )
    .addOption(
      new Option("--lang <code>", "story language; auto detects it per story")
        .choices(["auto", "hi", "en"])
        .default("auto"),
    )
    .option(
      "-o, --out <path>",
      "write to this file; to a folder (existing, or ending in /) one file per story, mirroring input paths",
    )
    .option("--force", "with -o DIR, rewrite outputs that are up to date")
    .addOption(
      new Option("-j, --jobs <n>", "parse on this many worker threads")
        .argParser(parseJobs)
        .default(defaultJobs(), "the number of cores"),
    )
    .option(
      "--ext <list>",
      "read these extensions when walking folders and archives, instead of the story-file list (comma-separated; * for all)",
      (v: string, prev: string[] | undefined) => [
        ...(prev ?? []),
        ...v
          .split(",")
          .map((x) => x.trim().replace(/^\./u, ""))
          .filter(Boolean),
      ],
    )
    .addOption(
      new Option("--from <kind>", "what the inputs hold: text (stories), jsonl or csv (records)")
        .choices(["text", "jsonl", "csv"])
        .default("text"),
    )
    .option("--text-field <name>", "the field holding the story in jsonl/csv records", "text")
    .option("--id-field <name>", "the field naming each jsonl/csv record (source.path becomes file#id)")
    .option("--no-split", "treat each input as exactly one story")
    .addOption(
      new Option(
        "--max-input-size <size>",
        "refuse an input, record or JSONL line larger than this (bytes, or with K, M, G)",
      )
        .argParser(parseSize)
        .default(DEFAULT_MAX_INPUT, "16M"),
    )
    .option("--no-progress", "no progress line on stderr")
    .option(
      "--encoding <charset>",
      "read inputs in this charset (latin1, windows-1252, iso-8859-15 ...) instead of detecting it",
      checkEncoding,
    )
    .option("--trace", "show which rule read each part of each story, instead of the records (-f trace)")
    .option(
      "--convert-legacy",
      "convert Hindi typed in the Kruti Dev legacy font to Unicode (spans still point into the input)",
    )
    .option("--strict", "exit 1 when any story has a warning")
    .option("-q, --quiet", "print no diagnostics except errors, and no summary")
    .option("-v, --verbose", "print infos on stderr too (they are always in the records)")
    .addOption(
      new Option("--paging <when>", "page the pretty view: auto pages through $PAGER (default less -RFX) on a terminal")
        .choices(["auto", "always", "never"])
        .default("auto"),
    )
    .addHelpText("after", EXAMPLES)
    .exitOverride()
    .action(async (inputs: string[], opts: ParseOpts) => {
      exitCode = await parseCommand(inputs.length ? inputs : ["-"], opts, io);
    });

  program.addCommand(statsCommand(program, parse, io, (code) => (exitCode = code)));
  program.addCommand(explainCommand(program, io, (code) => (exitCode = code)));
  const [completion, man] = shellCommands(program, { explain: EXPLAIN_CODES }, (s) => io.stdout.write(s));
  program.addCommand(completion!);
  program.addCommand(man!, { hidden: true });

  program
    .command("schema")
    .description("print the JSON Schema (draft 2020-12) of the json record")
    .action(() => {
      io.stdout.write(JSON.stringify(storySchema, null, 2) + "\n");
    });

  program.addHelpText("after", EXAMPLES);

  // Bare `wire`: usage on stderr and exit 2, as jq does.
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return 2;
  }

  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help")
        return 0;
      return 2;
    }
    if (e instanceof UserError) {
      io.stderr.write(`wire: ${e.message}\n`);
      return 1;
    }
    if (isSystemError(e)) {
      io.stderr.write(`wire: ${e.path ? `${e.path}: ` : ""}${plainError(e)}\n`);
      return 1;
    }
    throw e;
  }
  return exitCode;
}

interface ParseOpts {
  format: string;
  maxInputSize: number;
  fields?: string[];
  out?: string;
  force?: boolean;
  jobs: number;
  ext?: string[];
  from: "text" | "jsonl" | "csv";
  textField: string;
  idField?: string;
  split: boolean;
  progress: boolean;
  convertLegacy?: boolean;
  encoding?: string;
  trace?: boolean;
  color: ColorWhen;
  ninjsVersion: NinjsVersion;
  refDate?: string;
  lang: string;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  paging: "auto" | "always" | "never";
}

/** `16M`, `512k`, `2G`, `1048576`: a size in bytes (powers of 1024). */
function parseSize(value: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmg]?)i?b?$/iu.exec(value.trim());
  const n = m ? Number(m[1]) * 1024 ** " kmg".indexOf((m[2] || " ").toLowerCase()) : NaN;
  if (!Number.isFinite(n) || n < 1) throw new InvalidArgumentError("expected a size such as 64M, 512K or 2G.");
  return Math.floor(n);
}

function parseJobs(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 256)
    throw new InvalidArgumentError("expected a whole number from 1 to 256.");
  return n;
}

function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

function checkEncoding(value: string): string {
  try {
    return new TextDecoder(value).encoding;
  } catch {
    throw new InvalidArgumentError("expected a character set name such as latin1, windows-1252, iso-8859-15 or utf-8.");
  }
}

function checkRefDate(value: string): string {
  if (!parseRefDate(value)) throw new InvalidArgumentError("expected a real date written YYYY-MM-DD.");
  return value;
}

/** The format an output file's name asks for: `.ndjson`/`.jsonl`, `.yaml`/`.yml`, `.html`, else JSON (also for a folder). */
export function formatOfPath(out: string): Format {
  if (/\.(ndjson|jsonl)$/iu.test(out)) return "ndjson";
  if (/\.ya?ml$/iu.test(out)) return "yaml";
  if (/\.html?$/iu.test(out)) return "html";
  return "json";
}

async function parseCommand(inputs: string[], opts: ParseOpts, io: Io): Promise<number> {
  // With -o the output never depends on the terminal: the format comes from -f, else the file's extension, else JSON.
  const toTerminal = opts.out === undefined && !!io.stdout.isTTY;
  const format: Format = opts.trace
    ? "trace"
    : opts.format !== "auto"
      ? (opts.format as Format)
      : opts.out !== undefined
        ? formatOfPath(opts.out)
        : toTerminal
          ? "pretty"
          : "json";
  const env = io.env ?? {};
  const tty = !!io.stdout.isTTY;
  // The pretty view pages on a terminal (auto) or whenever asked (always); never into -o.
  const pagerArgv =
    io.canPage && format === "pretty" && !opts.out && (opts.paging === "always" || (opts.paging === "auto" && tty))
      ? (await import("./pager.js")).pagerCommand(env)
      : null;
  const pager = pagerArgv ? await (await import("./pager.js")).openPager(pagerArgv, env, io.stdout.columns) : null;
  const stdout = pager?.writer ?? io.stdout;
  const renderOptions: RenderOptions = {
    color: useColor(opts.color, env, toTerminal),
    // A terminal's width; else COLUMNS; else the width of the terminal stderr is on (`| less -R`). Into -o: COLUMNS or 80.
    width:
      opts.out !== undefined
        ? Number(env.COLUMNS) || 80
        : (io.stdout.columns ?? (Number(env.COLUMNS) || io.stderr.columns || 80)),
    ninjsVersion: opts.ninjsVersion,
    fields: opts.fields,
    // A JSON record larger than this is written in pieces (WIRE_PIECES_FROM, in characters, moves the line).
    ...(Number(env.WIRE_PIECES_FROM) > 0 ? { piecesFrom: Number(env.WIRE_PIECES_FROM) } : {}),
  };
  if (opts.fields && !FIELD_FORMATS.includes(format)) {
    await pager?.close();
    io.stderr.write(`wire: --fields needs -f ${FIELD_FORMATS.join(", ")}\n`);
    return 2;
  }
  const report: Severity = opts.quiet ? "error" : opts.verbose ? "info" : "warning";
  try {
    const summary = await runBatch(
      {
        inputs,
        format,
        render: renderOptions,
        parse: {
          refDate: opts.refDate ?? null,
          lang: opts.lang,
          split: opts.split,
          convertLegacy: !!opts.convertLegacy,
          encoding: opts.encoding ?? null,
        },
        quiet: !!opts.quiet,
        report,
        strict: !!opts.strict,
        inView: format === "pretty" && !opts.out && (tty || pager !== null),
        progress: opts.progress !== false && !opts.quiet,
        jobs: opts.jobs,
        out: opts.out ?? null,
        force: !!opts.force,
        ext: opts.ext ?? [],
        from: opts.from,
        textField: opts.textField,
        maxInputSize: opts.maxInputSize,
        idField: opts.idField,
      },
      { ...io, stdout },
      io.signal,
    );
    // Ctrl-C (SIGINT) exits 130, SIGTERM 143: 128 + the signal's number, as shells report it.
    if (summary.interrupted) return io.signal?.reason === "SIGTERM" ? 143 : 130;
    return summary.failed > 0 || (opts.strict && summary.warned > 0) ? 1 : 0;
  } finally {
    await pager?.close();
  }
}
