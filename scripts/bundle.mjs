#!/usr/bin/env node
// Bundles the command line into one file, dist/wire.cjs, run by bin/wire.js and by the worker
// threads: loading one file is much faster than resolving and loading a hundred modules. It is
// CommonJS on purpose: there every module, and every Node module it imports, is set up only when
// a run first needs it (archives, YAML, globs, CSV, zlib, the terminal view ...), where an ES
// module bundle would load all of Node's modules up front.
import { build } from "esbuild";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
await build({
  absWorkingDir: root,
  entryPoints: ["src/cli/bundle.ts"],
  outfile: "dist/wire.cjs",
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
