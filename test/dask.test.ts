// wire as a line filter on a real distributed engine: Dask's distributed scheduler with two
// worker processes pipes the partitions of a JSONL dump of several thousand stories through
// `wire parse --from jsonl -f ndjson -` (scripts/dask-pipe.py); the records must equal a
// single-process run, order aside. Needs Python with dask.distributed (Debian:
// `apt-get install python3-distributed`); the test names why it is skipped when it is missing.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Story } from "../src/story.js";
import { fixtureFolders, fixtures, root } from "./helpers.js";

/** A Python that has dask.distributed: $WIRE_PYTHON, python3 on the PATH, or the system's. */
function findPython(): string | null {
  for (const py of [process.env.WIRE_PYTHON, "python3", "/usr/bin/python3"]) {
    if (!py) continue;
    const r = spawnSync(py, ["-c", "import dask.bag, distributed"], { encoding: "utf8" });
    if (r.status === 0) return py;
  }
  return null;
}

const python = findPython();
const bundle = existsSync(join(root, "dist", "wire.cjs")) || existsSync(join(root, "dist", "cli", "main.js"));
const why = !python
  ? " (skipped: no Python with dask.distributed; apt-get install python3-distributed)"
  : !bundle
    ? " (skipped: run npm run build first)"
    : "";

const STORIES = 3000;

describe("a Dask cluster", () => {
  it.skipIf(!python || !bundle)(
    `pipes ${STORIES} stories through wire on two worker processes, as one process would${why}`,
    { timeout: 240_000 },
    () => {
      const dir = mkdtempSync(join(tmpdir(), "wire-dask-"));
      const texts = fixtureFolders().flatMap((f) => fixtures(f).map((x) => x.text));
      const lines: string[] = [];
      for (let i = 0; i < STORIES; i++)
        lines.push(JSON.stringify({ id: `s${i}`, text: `${texts[i % texts.length]}\n\n(${i})\n` }));
      const dump = join(dir, "dump.jsonl");
      writeFileSync(dump, lines.join("\n") + "\n");

      const wire = [
        process.execPath,
        join(root, "bin", "wire.js"),
        "parse",
        "--from",
        "jsonl",
        "--id-field",
        "id",
        "-f",
        "ndjson",
        "-j",
        "1",
        "-",
      ];
      const single = spawnSync(wire[0]!, wire.slice(1), {
        input: readFileSync(dump),
        maxBuffer: 1 << 30,
        encoding: "utf8",
      });
      expect(single.status, single.stderr.slice(0, 500)).toBe(0);

      const out = join(dir, "dask.ndjson");
      // 256 KiB blocks: a dozen partitions or more of the ~3-4 MB dump.
      const r = spawnSync(
        python!,
        [join(root, "scripts", "dask-pipe.py"), dump, out, "--workers", "2", "--blocksize", "256KiB", "--", ...wire],
        {
          encoding: "utf8",
          cwd: dir,
          timeout: 200_000,
        },
      );
      expect(r.status, r.stderr.slice(-2000)).toBe(0);
      const summary = JSON.parse(r.stdout.trim().split("\n").pop()!);
      expect(summary.workers).toBe(2);
      // As many partitions as whole blocks in the dump (its size follows the fixtures it cycles through).
      expect(summary.partitions).toBeGreaterThanOrEqual(Math.max(2, Math.floor(statSync(dump).size / (256 * 1024))));
      expect(summary.lines).toBe(STORIES);

      // Records keyed by id (source.path is `<stdin>#id` in both runs), compared whole.
      const byId = (text: string) => {
        const m = new Map<string, Story>();
        for (const l of text.split("\n")) {
          if (!l) continue;
          const s = JSON.parse(l) as Story;
          m.set(`${s.source.path}:${s.source.index}`, s);
        }
        return m;
      };
      const one = byId(single.stdout);
      const many = byId(readFileSync(out, "utf8"));
      expect(one.size).toBeGreaterThanOrEqual(STORIES);
      expect(many.size).toBe(one.size);
      for (const [k, s] of one) expect(many.get(k), k).toEqual(s);
    },
  );
});
