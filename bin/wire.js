#!/usr/bin/env node
// The command. CommonJS (bin/package.json), so Node starts it without its ES module loader.
//
// It runs the bundle (dist/wire.cjs, built by `npm run build`; see scripts/bundle.mjs) as the
// CommonJS module it is, compiled through V8's code cache: dist/wire.cjs.cache holds the code V8
// compiled in an earlier run (the build makes it by parsing two fixtures), so a run deserializes
// code instead of parsing and compiling the bundle and every function it calls. The cache is
// used only when its first line names this bundle build, this Node version and architecture; V8
// itself refuses it when its flags differ. Without a usable cache the bundle is compiled as
// usual and, when the folder is writable, the cache is written at exit for the next run (to a
// temporary file renamed into place, so concurrent runs never read half a file).
"use strict";
const { readFileSync, renameSync, unlinkSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { dirname, join } = require("node:path");
const { Script } = require("node:vm");

const bundle = join(__dirname, "..", "dist", "wire.cjs");
const cacheFile = `${bundle}.cache`;
// ASCII (scripts/bundle.mjs escapes the rest): read as Latin-1, it is a one-byte string to V8.
const source = readFileSync(bundle, "latin1");
// The bundle's first line is `// build <hash of its text>` (scripts/bundle.mjs).
const stamp = `${source.slice(0, source.indexOf("\n"))} node ${process.version} ${process.arch}`;

let cached;
try {
  const data = readFileSync(cacheFile);
  const end = data.indexOf(10);
  if (end > 0 && data.toString("latin1", 0, end) === stamp) cached = data.subarray(end + 1);
} catch {
  // no cache yet
}

const script = new Script(Module.wrap(source), { filename: bundle, cachedData: cached });
if (!cached) {
  process.once("exit", () => {
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    try {
      writeFileSync(temporary, Buffer.concat([Buffer.from(`${stamp}\n`, "latin1"), script.createCachedData()]));
      renameSync(temporary, cacheFile);
    } catch {
      // a read-only install: run without a cache
      try {
        unlinkSync(temporary);
      } catch {}
    }
  });
}

const bundleModule = new Module(bundle, module);
bundleModule.filename = bundle;
script.runInThisContext()(bundleModule.exports, Module.createRequire(bundle), bundleModule, bundle, dirname(bundle));
