/**
 * Record dumps: JSON Lines (one object a line, read line by line within --max-input-size) and
 * CSV with a header row (split by our own reader, csv.ts). Each record is one input; a bad record is an error item
 * and the rest go on.
 */
import type { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import { CsvSplitter, type CsvEvent } from "./csv.js";
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
  const o: Origin = {
    name: `${dump.name}#${key}`,
    relPath: `${dumpStem(dump.relPath)}/${idSegment(key)}`,
    key: `${dump.key}#${key}`,
  };
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
        yield errorItem(
          recordOrigin(dump, String(lineNo)),
          "too-large",
          tooLargeMessage(raw.tooLong, max, `line ${lineNo}`),
        );
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
        const item = errorItem(
          recordOrigin(dump, at),
          "bad-record",
          `line ${at}: no "${o.textField}" field${misses ? "" : ` (fields seen: ${[...seen].join(", ")}); --text-field names the field that holds the story`}`,
        );
        if (misses++) item.error!.repeat = true;
        yield item;
        continue;
      }
      if (typeof text !== "string") {
        yield errorItem(
          recordOrigin(dump, at),
          "bad-record",
          `line ${at}: "${o.textField}" is ${describe(text)}, not a string`,
        );
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

/**
 * The records of a CSV stream with a header row, cut by `CsvSplitter` as chunks arrive: a
 * broken record is one error item naming its line, and the records after it are read.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array | string>,
  dump: Origin,
  o: RecordOptions,
): AsyncGenerator<InputItem> {
  const splitter = new CsvSplitter(o.maxSize ?? DEFAULT_MAX_INPUT);
  const decoder = new StringDecoder("utf8");
  let header: string[] | null = null;
  let textAt = -1;
  let idAt = -1;
  let row = 0;
  let stop = false;
  const handle = function* (events: CsvEvent[]): Generator<InputItem> {
    for (const ev of events) {
      if (stop) return;
      if (!header) {
        if ("error" in ev) {
          yield errorItem(dump, "bad-record", `line ${ev.line}: the header row is broken: ${ev.error}`);
          stop = true;
          return;
        }
        header = ev.fields;
        textAt = header.indexOf(o.textField);
        idAt = o.idField !== undefined ? header.indexOf(o.idField) : -1;
        if (textAt < 0) {
          const shown = header
            .slice(0, 8)
            .map((h) => JSON.stringify(h))
            .join(", ");
          yield errorItem(
            dump,
            "bad-record",
            `no "${o.textField}" column in the header (${shown}${header.length > 8 ? ", ..." : ""})`,
          );
          stop = true;
          return;
        }
        continue;
      }
      row++;
      const at = String(row);
      if ("error" in ev) {
        const why = ev.error.startsWith("line ") ? ev.error : `line ${ev.line}: ${ev.error}`;
        yield errorItem(recordOrigin(dump, at), "bad-record", `row ${at}, ${why}`);
        continue;
      }
      const text = ev.fields[textAt];
      if (typeof text !== "string") {
        yield errorItem(
          recordOrigin(dump, at),
          "bad-record",
          `row ${at}, line ${ev.line}: no "${o.textField}" column (short row)`,
        );
        continue;
      }
      const id = idAt >= 0 ? idOf(ev.fields[idAt]) : undefined;
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
        let text =
          typeof chunk === "string"
            ? chunk
            : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
        yield* handle(splitter.push(text));
      } else {
        yield* handle(
          splitter.push(
            typeof chunk === "string"
              ? chunk
              : decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)),
          ),
        );
      }
      if (stop) return;
    }
    if (read.error === undefined) yield* handle(splitter.push(decoder.end(), true));
    else yield errorItem(dump, "read-error", errorMessage(read.error));
  } finally {
    await source.return?.();
  }
}
