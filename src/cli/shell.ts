/**
 * Shell completions (bash, zsh, fish) and the man page, all written from the commander
 * definitions the command line itself runs on: a command or an option added there shows up in
 * every one of them without another edit.
 */
import { Argument, type Command, type Option } from "commander";
import { VERSION } from "../version.js";

export const SHELLS = ["bash", "zsh", "fish"] as const;
export type Shell = (typeof SHELLS)[number];

/** What a command's positional argument completes to. */
type ArgKind = "files" | "words" | "none";

interface OptionSpec {
  short?: string;
  long?: string;
  description: string;
  /** The value's name (`format`, `path`), when the option takes one. */
  value?: string;
  choices?: string[];
  default?: string;
}

interface CommandSpec {
  name: string;
  description: string;
  usage: string;
  arg: ArgKind;
  /** For `words`: the words the argument takes (diagnostic codes, shell names). */
  words: string[];
  options: OptionSpec[];
}

export interface ProgramSpec {
  name: string;
  description: string;
  version: string;
  global: OptionSpec[];
  commands: CommandSpec[];
}

function optionSpec(o: Option): OptionSpec {
  const value = /[<[]([^>\]]+)[>\]]/u.exec(o.flags)?.[1];
  const d = o.defaultValue;
  return {
    short: o.short,
    long: o.long,
    description: o.description,
    value,
    choices: o.argChoices,
    // A default the description already gives (`-j`: the number of cores) is not the build machine's.
    default:
      value && d !== undefined && !(Array.isArray(d) && !d.length) && !/\bdefault\b/u.test(o.description)
        ? (o.defaultValueDescription ?? String(d))
        : undefined,
  };
}

/**
 * The program as data. `words` gives, per command name, the words its argument takes (the
 * others take files when they take an argument at all).
 */
export function describe(program: Command, words: Record<string, string[]>): ProgramSpec {
  const help: OptionSpec = { short: "-h", long: "--help", description: "show help" };
  return {
    name: program.name(),
    description: program.description(),
    version: VERSION,
    global: [...program.options.map(optionSpec), help],
    commands: program.commands
      .filter((c) => !(c as unknown as { _hidden?: boolean })._hidden)
      .map((c) => ({
        name: c.name(),
        description: c.description(),
        usage: c.usage(),
        arg: words[c.name()] ? "words" : c.registeredArguments.length ? "files" : "none",
        words: words[c.name()] ?? [],
        options: [...c.options.filter((o) => !o.hidden).map(optionSpec), help],
      })),
  };
}

const flagsOf = (o: OptionSpec) => [o.short, o.long].filter((x): x is string => !!x);
/** Values completed as file names: `-o <path>` and the like. */
const isPath = (o: OptionSpec) => !!o.value && /path|file|dir/u.test(o.value);

/* ------------------------------------------------------------------ bash */

export function bashCompletion(p: ProgramSpec): string {
  const fn = `_${p.name.replace(/\W/gu, "_")}`;
  const q = (words: string[]) => words.map((w) => w.replace(/[^\w@%+=:,./-]/gu, "\\$&")).join(" ");
  const cases = p.commands.map((c) => {
    const valued = c.options.filter((o) => o.value);
    const valueCases = valued.map((o) => {
      const act = o.choices
        ? `COMPREPLY=($(compgen -W "${q(o.choices)}" -- "$cur"))`
        : isPath(o)
          ? `COMPREPLY=($(compgen -f -- "$cur"))`
          : "COMPREPLY=()";
      return `        ${flagsOf(o).join("|")}) ${act}; return ;;`;
    });
    const flags = c.options
      .flatMap((o) => (o.long ? [o.long] : []))
      .concat(c.options.flatMap((o) => (o.short ? [o.short] : [])));
    const arg =
      c.arg === "files"
        ? `COMPREPLY=($(compgen -f -- "$cur"))`
        : c.arg === "words"
          ? `COMPREPLY=($(compgen -W "${q(c.words)}" -- "$cur"))`
          : "COMPREPLY=()";
    return [
      `    ${c.name})`,
      valueCases.length ? `      case "$prev" in\n${valueCases.join("\n")}\n      esac` : "",
      `      if [[ "$cur" == -* ]]; then COMPREPLY=($(compgen -W "${q(flags)}" -- "$cur")); else ${arg}; fi`,
      "      ;;",
    ]
      .filter(Boolean)
      .join("\n");
  });
  const top = [...p.commands.map((c) => c.name), "help", ...p.global.flatMap(flagsOf)];
  return `# bash completion for ${p.name}: source it, or save it as
#   ~/.local/share/bash-completion/completions/${p.name}
# (generated from the command definitions: \`${p.name} completion bash\`)
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" prev="\${COMP_WORDS[COMP_CWORD-1]}" cmd="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in -*) ;; *) cmd="\${COMP_WORDS[i]}"; break ;; esac
  done
  if [[ -z "$cmd" ]]; then
    COMPREPLY=($(compgen -W "${q(top)}" -- "$cur"))
    return
  fi
  case "$cmd" in
${cases.join("\n")}
    help)
      COMPREPLY=($(compgen -W "${q(p.commands.map((c) => c.name))}" -- "$cur"))
      ;;
  esac
}
complete -o filenames -o bashdefault -F ${fn} ${p.name}
`;
}

/* ------------------------------------------------------------------ zsh */

/** Text inside a zsh `_arguments` spec: `[`, `]`, `:` and `'` escaped. */
const zq = (s: string) =>
  s
    .replace(/\\/gu, "\\\\")
    .replace(/'/gu, "'\\''")
    .replace(/([[\]:])/gu, "\\$1");

export function zshCompletion(p: ProgramSpec): string {
  const fn = `_${p.name.replace(/\W/gu, "_")}`;
  const spec = (o: OptionSpec) => {
    const flags = flagsOf(o);
    const exclusive = flags.length > 1 ? `'(${flags.join(" ")})'` : "";
    const names = flags.length > 1 ? `{${flags.join(",")}}` : flags[0]!;
    const action = !o.value
      ? ""
      : o.choices
        ? `:${zq(o.value)}:(${o.choices.join(" ")})`
        : isPath(o)
          ? `:${zq(o.value)}:_files`
          : `:${zq(o.value)}: `;
    return `${exclusive}${names}'[${zq(o.description)}]${action}'`;
  };
  const cases = p.commands.map((c) => {
    const arg =
      c.arg === "files"
        ? `'*:input:_files'`
        : c.arg === "words"
          ? `'1:${c.name === "completion" ? "shell" : "code"}:(${c.words.join(" ")})'`
          : "";
    return `    ${c.name})\n      _arguments -s \\\n        ${[...c.options.map(spec), arg].filter(Boolean).join(" \\\n        ")}\n      ;;`;
  });
  return `#compdef ${p.name}
# zsh completion for ${p.name}: save it as _${p.name} in a folder of $fpath, or
#   source <(${p.name} completion zsh)
# (generated from the command definitions)
${fn}() {
  local -a commands
  commands=(
${p.commands.map((c) => `    '${c.name}:${zq(c.description)}'`).join("\n")}
  )
  if (( CURRENT == 2 )); then
    _describe -t commands 'command' commands
    _arguments -s ${p.global.map(spec).join(" ")}
    return
  fi
  local cmd=$words[2]
  shift words
  (( CURRENT-- ))
  case $cmd in
${cases.join("\n")}
    help)
      _describe -t commands 'command' commands
      ;;
  esac
}
if [[ $zsh_eval_context[-1] == loadautofunc ]]; then
  ${fn} "$@"
else
  compdef ${fn} ${p.name}
fi
`;
}

/* ------------------------------------------------------------------ fish */

const fq = (s: string) => `'${s.replace(/\\/gu, "\\\\").replace(/'/gu, "\\'")}'`;

export function fishCompletion(p: ProgramSpec): string {
  const c0 = `complete -c ${p.name}`;
  const lines = [
    `# fish completion for ${p.name}: save it as ~/.config/fish/completions/${p.name}.fish, or`,
    `#   ${p.name} completion fish | source`,
    "# (generated from the command definitions)",
    `${c0} -f`,
  ];
  const names = p.commands.map((c) => c.name).join(" ");
  for (const c of p.commands)
    lines.push(`${c0} -n "not __fish_seen_subcommand_from ${names} help" -a ${c.name} -d ${fq(c.description)}`);
  lines.push(`${c0} -n "not __fish_seen_subcommand_from ${names} help" -a help -d 'show help for a command'`);
  const opt = (o: OptionSpec, cond: string) => {
    const parts = [c0, `-n "${cond}"`];
    if (o.short) parts.push(`-s ${o.short.slice(1)}`);
    if (o.long) parts.push(`-l ${o.long.slice(2)}`);
    if (o.value) parts.push(o.choices ? `-x -a ${fq(o.choices.join(" "))}` : isPath(o) ? "-r -F" : "-x");
    parts.push(`-d ${fq(o.description)}`);
    return parts.join(" ");
  };
  for (const o of p.global) lines.push(opt(o, `not __fish_seen_subcommand_from ${names}`));
  for (const c of p.commands) {
    const cond = `__fish_seen_subcommand_from ${c.name}`;
    for (const o of c.options) lines.push(opt(o, cond));
    if (c.arg === "files") lines.push(`${c0} -n "${cond}" -F`);
    if (c.arg === "words") lines.push(`${c0} -n "${cond}" -x -a ${fq(c.words.join(" "))}`);
  }
  lines.push(`${c0} -n "__fish_seen_subcommand_from help" -x -a ${fq(names)}`);
  return lines.join("\n") + "\n";
}

/* ------------------------------------------------------------------ man */

/** Text for roff: backslashes, hyphens of flags, and a leading `.` or `'` made literal. */
function roff(s: string): string {
  return s
    .replace(/\\/gu, "\\e")
    .replace(/-/gu, "\\-")
    .replace(/^([.'])/gmu, "\\&$1");
}

/** Sections besides the commands, written once here. */
const MAN_TAIL = `.SH EXIT STATUS
.TP
.B 0
every input was parsed (warnings allowed)
.TP
.B 1
an input could not be read or decoded, or a warning under \\fB\\-\\-strict\\fR
.TP
.B 2
bad usage
.TP
.B 130
interrupted (Ctrl\\-C); no partial output is left
.SH ENVIRONMENT
.TP
.B NO_COLOR
when set and not empty, no colour unless \\fB\\-\\-color always\\fR
.TP
.B FORCE_COLOR
colour even when the output is not a terminal (\\fB0\\fR or \\fBfalse\\fR: none)
.TP
.B COLUMNS
the width of the terminal views when the output is not a terminal
.SH EXAMPLES
.nf
wire parse story.txt | jq .dateline
wire parse archive/ \\-o out/
wire parse \\-\\-from jsonl \\-\\-id\\-field id dump.jsonl \\-f ndjson
wire parse *.txt \\-f csv \\-\\-fields path,place,date,signoff_codes > stories.csv
wire stats news.zip \\-\\-top 20
wire explain unbalanced\\-quote
source <(wire completion bash)
.fi
.SH SEE ALSO
.BR jq (1),
.BR parallel (1)
`;

export function manPage(p: ProgramSpec): string {
  const name = p.name;
  const opt = (o: OptionSpec) => {
    const flags = flagsOf(o)
      .map((f) => `\\fB${roff(f)}\\fR`)
      .join(", ");
    const value = o.value ? ` \\fI${roff(o.value)}\\fR` : "";
    const notes = [
      o.choices ? `One of: ${o.choices.join(", ")}.` : "",
      o.default !== undefined ? `Default: ${o.default}.` : "",
    ]
      .filter(Boolean)
      .join(" ");
    return `.TP\n${flags}${value}\n${roff(o.description)}${notes ? `.\n${roff(notes)}` : ""}\n`;
  };
  const out = [
    `.TH ${name.toUpperCase()} 1 "" "${roff(`${name} ${p.version}`)}" "User Commands"`,
    ".SH NAME",
    `${name} \\- ${roff(p.description.replace(/\.$/u, "").replace(/^./u, (c) => c.toLowerCase()))}`,
    ".SH SYNOPSIS",
    ...p.commands.map((c) => `.B ${name} ${c.name}\n${roff(c.usage)}\n.br`),
    `.B ${name}\n\\fB\\-\\-help\\fR | \\fB\\-\\-version\\fR`,
    ".SH DESCRIPTION",
    `${roff(p.description)} Results go to standard output; diagnostics go to standard error as`,
    "\\fIpath\\fR:\\fIline\\fR:\\fIcolumn\\fR: \\fIseverity\\fR: \\fImessage\\fR [\\fIcode\\fR];",
    `\\fB${name} explain\\fR \\fIcode\\fR says what a code means.`,
    ".SH OPTIONS",
    ...p.global.map(opt),
    ".SH COMMANDS",
  ];
  for (const c of p.commands) {
    out.push(`.SS "${name} ${c.name} ${roff(c.usage).replace(/"/gu, "")}"`, roff(c.description) + ".");
    if (c.arg === "words" && c.words.length)
      out.push(".PP", `\\fI${c.name === "completion" ? "shell" : "code"}\\fR: ${roff(c.words.join(", "))}.`);
    out.push(...c.options.map(opt));
  }
  return out.join("\n") + "\n" + MAN_TAIL;
}

/* ------------------------------------------------------------------ commands */

/**
 * `wire completion bash|zsh|fish` and the hidden `wire man` (the build writes its output to
 * `dist/wire.1`). Both describe `program` when they run, so every command is in.
 */
export function shellCommands(
  program: Command,
  words: Record<string, string[]>,
  write: (s: string) => void,
): Command[] {
  const make = (name: string) => new (program.constructor as typeof Command)(name).copyInheritedSettings(program);
  const completion = make("completion")
    .description("print a completion script for bash, zsh or fish")
    .addArgument(new Argument("<shell>", "the shell to complete in").choices(SHELLS))
    .action((shell: Shell) => {
      const spec = describe(program, { ...words, completion: [...SHELLS] });
      write(shell === "bash" ? bashCompletion(spec) : shell === "zsh" ? zshCompletion(spec) : fishCompletion(spec));
    });
  const man = make("man")
    .description("print the man page (roff)")
    .action(() => write(manPage(describe(program, { ...words, completion: [...SHELLS] }))));
  return [completion, man];
}
