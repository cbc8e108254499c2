// Writes dist/wire.1, the man page, from the command definitions (`wire man`); run by `npm run build`.
import { writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const { run } = await import(pathToFileURL(`${root}dist/cli/run.js`).href);
let page = "";
const code = await run(["man"], {
  stdin: (async function* () {})(),
  stdout: { write: (s) => (page += s) },
  stderr: { write: (s) => process.stderr.write(s) },
  env: {},
});
if (code !== 0 || !page.startsWith(".TH")) {
  console.error("gen-man: wire man failed");
  process.exit(1);
}
writeFileSync(`${root}dist/wire.1`, page);
