/**
 * `wire stats [INPUT...]`: the overview of an archive. The inputs go through the same batch
 * as `wire parse` (same readers, worker threads, bounded memory); each story's facts are
 * folded into one `WireStats` (`src/stats/`), printed as a terminal dashboard or as JSON.
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { runBatch } from "./batch.js";
import { useColor, type ColorWhen } from "./color.js";
import type { Io } from "./io.js";
import { StatsCollector } from "../stats/collect.js";
import type { Facts } from "../stats/facts.js";
import { renderStats } from "../stats/terminal.js";
import { renderStatsHtml } from "../stats/html.js";
import { writeWhole } from "../outputs/writers.js";
import type { WireStats } from "../stats/types.js";

/** The options of `wire parse` that `wire stats` takes as they are (the same definitions). */
const SHARED = [
  "--color",
  "--ref-date",
  "--lang",
  "--jobs",
  "--ext",
  "--from",
  "--text-field",
  "--id-field",
  "--no-split",
  "--no-progress",
  "--convert-legacy",
  "--quiet",
];

export const STATS_FORMATS = ["auto", "pretty", "json"] as const;

interface StatsOpts {
  format: (typeof STATS_FORMATS)[number];
  top: number;
  html?: string;
  color: ColorWhen;
  refDate?: string;
  lang: string;
  jobs: number;
  ext: string[];
  from: "text" | "jsonl" | "csv";
  textField: string;
  idField?: string;
  split: boolean;
  progress: boolean;
  convertLegacy?: boolean;
  quiet?: boolean;
}

const EXAMPLES = `
Examples:
  wire stats archive/                       the overview of a folder tree on the terminal
  wire stats news.zip --top 20              longer lists
  wire stats archive/ --html overview.html  a web page with charts as well
  wire stats --from jsonl dump.jsonl -f json | jq .dates.histogram`;

export function statsCommand(program: Command, parse: Command, io: Io, done: (code: number) => void): Command {
  const cmd = new Command("stats")
    .copyInheritedSettings(program)
    .description("the overview of an archive: languages, agencies, places, dates, speakers, desk codes, diagnostics")
    .argument(
      "[inputs...]",
      "files, folders, globs, archives or record dumps, as for parse; - for standard input (the default)",
    )
    .addOption(
      new Option("-f, --format <format>", "output format; auto is pretty (the dashboard)")
        .choices([...STATS_FORMATS])
        .default("auto"),
    )
    .option("--top <n>", "length of each list", parseTop, 10)
    .option(
      "--html <file>",
      "also write the overview as a web page with charts to this file (- for standard output, in place of the dashboard)",
    );
  for (const o of parse.options) if (SHARED.includes(o.long ?? "")) cmd.addOption(o);
  cmd.addHelpText("after", EXAMPLES).action(async (inputs: string[], opts: StatsOpts) => {
    done(await runStats(inputs.length ? inputs : ["-"], opts, io));
  });
  return cmd;
}

function parseTop(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 10_000)
    throw new InvalidArgumentError("expected a whole number from 1 to 10000.");
  return n;
}

/** Runs the batch in facts mode and folds its lines into the overview. */
export async function collectStats(
  inputs: string[],
  opts: Omit<StatsOpts, "format" | "color">,
  io: Io,
): Promise<{ stats: WireStats; failed: number; interrupted: boolean }> {
  const collector = new StatsCollector();
  let pending = "";
  const sink = {
    write(chunk: string) {
      pending += chunk;
      for (let nl = pending.indexOf("\n"); nl >= 0; nl = pending.indexOf("\n")) {
        const line = pending.slice(0, nl);
        pending = pending.slice(nl + 1);
        if (line) collector.add(JSON.parse(line) as Facts);
      }
      return true;
    },
  };
  const summary = await runBatch(
    {
      inputs,
      format: "ndjson",
      render: { color: false, width: 80, ninjsVersion: "3.1" },
      parse: { refDate: opts.refDate ?? null, lang: opts.lang, split: opts.split, convertLegacy: !!opts.convertLegacy },
      quiet: true,
      report: "error",
      progress: opts.progress !== false && !opts.quiet,
      jobs: opts.jobs,
      out: null,
      force: false,
      ext: opts.ext ?? [],
      from: opts.from,
      textField: opts.textField,
      idField: opts.idField,
      facts: true,
    },
    { ...io, stdout: sink },
    io.signal,
  );
  collector.countInput(summary.inputs);
  return { stats: collector.result(opts.top), failed: summary.failed, interrupted: summary.interrupted };
}

async function runStats(inputs: string[], opts: StatsOpts, io: Io): Promise<number> {
  const { stats, failed, interrupted } = await collectStats(inputs, opts, io);
  if (interrupted) return 130;
  const env = io.env ?? {};
  if (opts.html === "-") {
    io.stdout.write(renderStatsHtml(stats));
    return failed > 0 ? 1 : 0;
  }
  if (opts.html) {
    try {
      writeWhole(opts.html, renderStatsHtml(stats));
    } catch (e) {
      io.stderr.write(
        `wire: ${opts.html}: cannot write the page: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
      );
      return 1;
    }
  }
  if (opts.format === "json") io.stdout.write(JSON.stringify(stats, null, 2) + "\n");
  else {
    const width = io.stdout.columns ?? (Number(env.COLUMNS) || 80);
    io.stdout.write(renderStats(stats, { color: useColor(opts.color, env, !!io.stdout.isTTY), width }));
  }
  return failed > 0 ? 1 : 0;
}
