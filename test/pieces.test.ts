// A record too large for one string is written in pieces whose text is the one JSON.stringify gives.
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { render, renderParts } from "../src/render/index.js";
import { estimatedJsonLength, jsonPieces } from "../src/render/pieces.js";
import { fixtures, runWire } from "./helpers.js";

describe("jsonPieces", () => {
  it("joins to JSON.stringify's text, compact and indented, on any JSON value", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.oneof(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 65, max: 4096 })),
        (v, size) => {
          expect(jsonPieces(v, 0, size).join("")).toBe(JSON.stringify(v));
          expect(jsonPieces(v, 2, size).join("")).toBe(JSON.stringify(v, null, 2));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("joins to each fixture's record, and the estimate is never short", () => {
    for (const f of [...fixtures("en"), ...fixtures("hi")]) {
      for (const s of parse(readFileSync(f.path, "utf8"))) {
        const pretty = JSON.stringify(s, null, 2);
        expect(jsonPieces(s, 2, 100).join("")).toBe(pretty);
        expect(estimatedJsonLength(s)).toBeGreaterThan(JSON.stringify(s).length);
      }
    }
  });

  it("cuts pieces of about the size asked", () => {
    const pieces = jsonPieces({ a: Array.from({ length: 1000 }, (_, k) => ({ k, t: "x".repeat(50) })) }, 2, 4096);
    expect(pieces.length).toBeGreaterThan(10);
    for (const p of pieces.slice(0, -1)) expect(p.length).toBeLessThan(4096 + 200);
  });
});

describe("records written in pieces", () => {
  const dir = mkdtempSync(join(tmpdir(), "wire-pieces-"));
  const file = join(dir, "stories.txt");
  writeFileSync(file, [...fixtures("en"), ...fixtures("hi")].map((f) => readFileSync(f.path, "utf8")).join("\n\n"));

  it("come from renderParts for json and ndjson above the line, and as one string below it", () => {
    const story = parse(readFileSync(fixtures("en")[0]!.path, "utf8"))[0]!;
    const opts = { color: false, width: 80, ninjsVersion: "3.1" as const, piecesFrom: 1 };
    for (const f of ["json", "ndjson"] as const) {
      const parts = renderParts(story, f, opts);
      expect(Array.isArray(parts)).toBe(true);
      expect((parts as string[]).join("")).toBe(render(story, f, opts));
      expect(typeof renderParts(story, f, { ...opts, piecesFrom: 1e12 })).toBe("string");
    }
    expect(typeof renderParts(story, "yaml", opts)).toBe("string");
  });

  it.each([
    { args: ["-f", "ndjson"] },
    { args: ["-f", "json"] },
    { args: ["-f", "json", "-o", "OUT"] },
    { args: ["-f", "ndjson", "-j", "2"] },
  ])("give the same output as whole records: $args", async ({ args }) => {
    const run = async (env: Record<string, string>, out: string) => {
      const argv = ["parse", file, ...args.map((a) => (a === "OUT" ? join(dir, out) : a))];
      const r = await runWire(argv, { env });
      const written = args.includes("OUT") ? readFileSync(join(dir, out), "utf8") : "";
      return { ...r, written };
    };
    const pieces = await run({ WIRE_PIECES_FROM: "1" }, "a.json");
    const whole = await run({}, "b.json");
    expect(pieces.stdout.length + pieces.written.length).toBeGreaterThan(10_000);
    expect(pieces).toEqual(whole);
  });
});
