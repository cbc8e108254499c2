#!/usr/bin/env node
// The bundled command (built by `npm run build`), loaded as CommonJS: see scripts/bundle.mjs.
import { createRequire } from "node:module";

createRequire(import.meta.url)("../dist/wire.cjs");
