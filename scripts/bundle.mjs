#!/usr/bin/env node
// Bundles the command line into one file, dist/wire.cjs, run by bin/wire.js and by the worker
// threads: loading one file is much faster than resolving and loading a hundred modules. It is
// CommonJS on purpose: there every module, and every Node module it imports, is set up only when
// a run first needs it (archives, YAML, globs, CSV, zlib, the terminal view ...), where an ES
// module bundle would load all of Node's modules up front.
//
// The bundle's first line, `// build <hash>`, names this build; then one run of bin/wire.js on
// two fixtures writes dist/wire.cjs.cache, V8's compiled code for that build and this Node
// version, which later runs load instead of compiling (see bin/wire.js).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
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
  // `import.meta.url` (the package version, the worker script) is the bundle's own address.
  define: { "import.meta.url": "__wireUrl" },
  banner: { js: 'const __wireUrl = require("node:url").pathToFileURL(__filename).href;' },
});
const text = result.outputFiles[0].text;
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
