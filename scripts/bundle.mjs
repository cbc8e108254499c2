#!/usr/bin/env node
// Bundles the command line into one file, dist/wire.cjs, run by bin/wire.js and by the worker
// threads: loading one file is much faster than resolving and loading a hundred modules. It is
// CommonJS on purpose: there every module, and every Node module it imports, is set up only when
// a run first needs it (archives, YAML, globs, CSV, zlib, the terminal view ...), where an ES
// module bundle would load all of Node's modules up front.
//
// A few modules are required by modules every run sets up but only called by some runs: chalk
// (the terminal view), yaml (-f yaml), child_process (commander's external subcommands, the
// pager), zlib (compressed inputs), crypto (inputs over 64 KB, file names in -o DIR; see
// src/text/sha256.ts), module (createRequire, which sets up Node's ES module loader), fs/promises,
// stream and os (folders, archives, dumps, streamed files, worker counts). Each import of them gets a stand-in whose exports are getters
// that require the real module at the first use (LAZY below); setting them up costs start-up time.
//
// The bundle's first line, `// build <hash>`, names this build; then one run of bin/wire.js on
// two fixtures writes dist/wire.cjs.cache, V8's compiled code for that build and this Node
// version, which later runs load instead of compiling (see bin/wire.js).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

const LAZY = [
  "chalk",
  "yaml",
  "node:child_process",
  "node:zlib",
  "node:crypto",
  "node:module",
  "node:fs/promises",
  "node:stream",
  "node:os",
];

/** esbuild plugin: an import of a LAZY module gets a stand-in that requires it at first use. */
const lazy = {
  name: "lazy",
  setup(b) {
    const filter = new RegExp(`^(${LAZY.map((m) => m.replace(/[./]/gu, "\\$&")).join("|")})$`);
    b.onResolve({ filter }, (args) =>
      // The stand-in's own require gets the real module.
      args.namespace === "lazy" ? undefined : { path: args.path, namespace: "lazy", pluginData: args.resolveDir },
    );
    b.onLoad({ filter: /.*/, namespace: "lazy" }, async (args) => {
      const resolveDir = args.pluginData;
      let url = args.path;
      if (!args.path.startsWith("node:")) {
        const r = await b.resolve(args.path, { resolveDir, kind: "require-call", namespace: "lazy" });
        if (r.errors.length) return { errors: r.errors };
        url = pathToFileURL(r.path).href;
      }
      // Its exports as Node sees them; `default` is the stand-in itself, as for any CommonJS module.
      const names = Object.keys(await import(url)).filter((k) => k !== "default");
      const getters = names.map(
        (k) => `  ${JSON.stringify(k)}: { enumerable: true, get: () => load()[${JSON.stringify(k)}] },`,
      );
      return {
        resolveDir,
        loader: "js",
        contents: [
          "let real;",
          `const load = () => (real ??= require(${JSON.stringify(args.path)}));`,
          "module.exports = Object.defineProperties({}, {",
          ...getters,
          "});",
        ].join("\n"),
      };
    });
  },
};
/**
 * esbuild plugin: the data files (src/data/*.json) as `JSON.parse` of one string, not object
 * literals: the code cache then holds one string per file instead of every key and value, and
 * JSON.parse builds the objects faster than the literals would.
 */
const jsonParse = {
  name: "json-parse",
  setup(b) {
    b.onLoad({ filter: /\.json$/ }, async (args) => {
      const data = JSON.parse(await readFile(args.path, "utf8"));
      return { loader: "js", contents: `module.exports = JSON.parse(${JSON.stringify(JSON.stringify(data))});` };
    });
  },
};

const outfile = join(root, "dist", "wire.cjs");
const result = await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/bundle.ts"],
  outfile,
  write: false,
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  legalComments: "eof",
  logLevel: "warning",
  plugins: [lazy, jsonParse],
  minifyWhitespace: true,
  minifySyntax: true,
  // Short local names: 0.85 MB to read at start-up instead of 1.05 MB (property names stay as they
  // are; to profile with readable names, run `dist/cli/main.js`, the unbundled build).
  minifyIdentifiers: true,
  // `import.meta.url` (the package version, the worker script) is the bundle's own address.
  define: { "import.meta.url": "__wireUrl" },
  banner: { js: 'const __wireUrl = require("node:url").pathToFileURL(__filename).href;' },
});
// esbuild escapes every character beyond ASCII in strings and templates but leaves those of
// regular expression literals as they are (`/[।॥.?!]/u`): a few hundred characters that make the
// whole bundle a two-byte string to V8. Escaped as `\uXXXX` they mean the same in a pattern,
// with or without the `u` flag (a surrogate pair's two escapes are one character under `u`), and
// the bundle is ASCII: bin/wire.js reads it as Latin-1, V8 keeps it one byte per character.
const text = result.outputFiles[0].text.replace(/(\\?)([^\x00-\x7f])/g, (_, slash, c) => {
  if (slash) throw new Error(`bundle: an escaped character beyond ASCII (\\${c}) in the output`);
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;
});
const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
rmSync(`${outfile}.cache`, { force: true });
writeFileSync(outfile, `// build ${hash}\n${text}`);

// The training run: a story in English and one in Hindi, as JSON.
const fixtures = ["en", "hi"].flatMap((language) => {
  const dir = join(root, "fixtures", language);
  if (!existsSync(dir)) return [];
  const first = readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()[0];
  return first ? [join(dir, first)] : [];
});
const run = spawnSync(
  process.execPath,
  [join(root, "bin", "wire.js"), "parse", ...fixtures, "-f", "json", "-j", "1", "-q"],
  {
    stdio: ["ignore", "ignore", "inherit"],
  },
);
if (run.status !== 0 && run.status !== 1)
  throw new Error(`the training run of bin/wire.js failed (${run.status ?? run.signal})`);
if (!existsSync(`${outfile}.cache`)) console.warn("bundle: no code cache written; runs will compile the bundle");
