/**
 * Record dumps: JSON Lines (one object a line, streamed with readline) and CSV with a header
 * row (streamed through csv-parse). Each record is one input; a bad record is an error item
 * and the rest go on.
 */
import type { Readable } from "node:stream";
import { parse as csvParse } from "csv-parse";
import type { InputItem } from "./item.js";
import { binaryStart, boundedLines, DEFAULT_MAX_INPUT, tooLargeMessage } from "./bounded.js";
import { dumpStem, errorItem, errorMessage, idSegment, textItem, untilError, type Origin } from "./paths.js";

export interface RecordOptions {
  textField: string;
  idField?: string;
  /** The largest record or line, in bytes (default `DEFAULT_MAX_INPUT`). */
  maxSize?: number;
}

/** The origin of record `key` (an id or a line/row number) of a dump. */
function recordOrigin(dump: Origin, key: string): Origin {
  const o: Origin = { name: `${dump.name}#${key}`, relPath: `${dumpStem(dump.relPath)}/${idSegment(key)}`, key: `${dump.key}#${key}` };
  if (dump.mtimeMs !== undefined) o.mtimeMs = dump.mtimeMs;
  if (dump.unsafe) o.unsafe = dump.unsafe;
  return o;
}

/** A record's id: a non-empty string or a finite number; anything else is no id. */
function idOf(v: unknown): string | undefined {
  if (typeof v === "string" && v !== "") return v;
  if (typeof v === "number" && Number.isFinite(v)) return String(v);
  return undefined;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return typeof v === "object" ? "an object" : `a ${typeof v}`;
}

/** The records of a JSON Lines stream. `input` is destroyed when done or abandoned. */
export async function* jsonlRecords(input: Readable, dump: Origin, o: RecordOptions): AsyncGenerator<InputItem> {
  // A listener of our own, so that an error after the lines let go is not an uncaught one.
  input.on("error", () => {});
  const max = o.maxSize ?? DEFAULT_MAX_INPUT;
  const lines = boundedLines(input, max);
  let lineNo = 0;
  const read: { error?: unknown } = {};
  // A wrong --text-field misses in every record: say it once, with the fields records do have.
  const seen = new Set<string>();
  let misses = 0;
  try {
    for await (const raw of untilError(lines, read)) {
      lineNo++;
      if (typeof raw !== "string") {
        if ("binary" in raw) {
          yield errorItem(dump, "bad-record", "looks binary (NUL bytes), not JSON Lines");
          break;
        }
        yield errorItem(recordOrigin(dump, String(lineNo)), "too-large", tooLargeMessage(raw.tooLong, max, `line ${lineNo}`));
        continue;
      }
      let line = raw;
      if (lineNo === 1 && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
      if (line.trim() === "") continue;
      const at = String(lineNo);
      let v: unknown;
      try {
        v = JSON.parse(line);
      } catch (e) {
        yield errorItem(recordOrigin(dump, at), "bad-record", `line ${at}: not JSON (${errorMessage(e)})`);
        continue;
      }
      if (typeof v !== "object" || v === null || Array.isArray(v)) {
        yield errorItem(recordOrigin(dump, at), "bad-record", `line ${at}: ${describe(v)}, not a JSON object`);
        continue;
      }
      const rec = v as Record<string, unknown>;
      const text = rec[o.textField];
      for (const key of Object.keys(rec)) {
        if (seen.size >= 12) break;
        seen.add(key);
      }
      if (text === undefined) {
        const item = errorItem(recordOrigin(dump, at), "bad-record", `line ${at}: no "${o.textField}" field${misses ? "" : ` (fields seen: ${[...seen].join(", ")}); --text-field names the field that holds the story`}`);
        if (misses++) item.error!.repeat = true;
        yield item;
        continue;
      }
      if (typeof text !== "string") {
        yield errorItem(recordOrigin(dump, at), "bad-record", `line ${at}: "${o.textField}" is ${describe(text)}, not a string`);
        continue;
      }
      const id = o.idField !== undefined ? idOf(rec[o.idField]) : undefined;
      yield textItem(recordOrigin(dump, id ?? at), text);
    }
  } finally {
    await lines.return(undefined).catch(() => {});
    input.destroy();
  }
  if (read.error !== undefined) yield errorItem(dump, "read-error", errorMessage(read.error));
}

/** csv-parse's messages begin "Invalid Closing Quote: ..."; make that "invalid closing quote: ...". */
function csvMessage(e: unknown): string {
  const m = e instanceof Error ? e.message : "";
  const head = /^([A-Z][A-Za-z ]*):\s/.exec(m);
  if (!head) return errorMessage(e);
  return errorMessage(new Error(head[1]!.toLowerCase() + m.slice(head[1]!.length)));
}

type CsvEvent = { record: Record<string, string> } | { skipped: Error };

/**
 * The records of a CSV stream with a header row. Chunks are written to csv-parse one at a time
 * and the records of each chunk handed out before the next is read.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array | string>,
  dump: Origin,
  o: RecordOptions,
): AsyncGenerator<InputItem> {
  const events: CsvEvent[] = [];
  let missing: string | undefined;
  const parser = csvParse({
    columns: (header: string[]) => {
      if (!header.includes(o.textField)) {
        const shown = header.slice(0, 8).map((h) => JSON.stringify(h)).join(", ");
        missing = `no "${o.textField}" column in the header (${shown}${header.length > 8 ? ", ..." : ""})`;
      }
      return header;
    },
    relax_column_count: true,
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: o.maxSize ?? DEFAULT_MAX_INPUT,
    on_record: (record: Record<string, string>) => {
      events.push({ record });
      return null;
    },
  });
  let parseError: unknown;
  parser.on("skip", (e: Error) => events.push({ skipped: e }));
  parser.on("error", (e: unknown) => {
    parseError ??= e;
  });
  parser.resume();

  const write = (chunk: Uint8Array | string) =>
    new Promise<void>((resolve) => {
      parser.write(chunk, () => resolve());
    });
  const end = () =>
    new Promise<void>((resolve) => {
      if (parser.destroyed) return resolve();
      parser.once("finish", () => resolve());
      parser.once("close", () => resolve());
      parser.end();
    });

  let row = 0;
  const drain = function* (): Generator<InputItem> {
    while (events.length) {
      const ev = events.shift()!;
      row++;
      const at = String(row);
      if ("skipped" in ev) {
        yield errorItem(recordOrigin(dump, at), "bad-record", `row ${at}: ${csvMessage(ev.skipped)}`);
        continue;
      }
      const text = ev.record[o.textField];
      if (typeof text !== "string") {
        yield errorItem(recordOrigin(dump, at), "bad-record", `row ${at}: no "${o.textField}" column (short row)`);
        continue;
      }
      const id = o.idField !== undefined ? idOf(ev.record[o.idField]) : undefined;
      yield textItem(recordOrigin(dump, id ?? at), text);
    }
  };

  const source = chunks[Symbol.asyncIterator]();
  const read: { error?: unknown } = {};
  try {
    let first = true;
    for await (const chunk of untilError(source, read)) {
      if (first && chunk.length) {
        first = false;
        const b = typeof chunk === "string" ? Buffer.from(chunk.slice(0, 65536), "utf8") : chunk;
        if (binaryStart(b.subarray(0, 65536))) {
          yield errorItem(dump, "bad-record", "looks binary (NUL bytes), not CSV");
          return;
        }
      }
      await write(chunk);
      if (missing) break;
      yield* drain();
      if (parseError !== undefined) break;
    }
    if (read.error === undefined && !missing && parseError === undefined) await end();
    if (missing) {
      yield errorItem(dump, "bad-record", missing);
      return;
    }
    yield* drain();
    if (read.error !== undefined) {
      yield errorItem(dump, "read-error", errorMessage(read.error));
    } else if (parseError !== undefined) {
      yield errorItem(
        recordOrigin(dump, String(row + 1)),
        "bad-record",
        `${csvMessage(parseError)}; the rest of the file is skipped`,
      );
    }
  } finally {
    parser.destroy();
    await source.return?.();
  }
}
