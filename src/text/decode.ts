/**
 * Bytes -> text. UTF-8 with or without BOM, UTF-16 and UTF-32 LE/BE with BOM. The BOM is removed and
 * nothing else is changed, so offsets into the returned text are the offsets of the record.
 * 8-bit text (no valid UTF-8 multi-byte sequence at all: Latin-1 / Windows-1252 feed files) is
 * read as Windows-1252 with a `decoded-as` warning; `options.encoding` forces a charset.
 * Never throws: undecodable input yields `text: null` and an error finding.
 */
import { finding, type Finding } from "../diagnostics.js";

export interface Decoded {
  /** The decoded text, or null when the bytes could not be decoded. */
  text: string | null;
  /** When decoding failed: the text that decodes cleanly before the first bad byte (for positions). */
  prefix?: string;
  encoding: string;
  findings: Finding[];
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

export interface DecodeOptions {
  /** A WHATWG encoding label (`latin1`, `windows-1252`, `iso-8859-15`, `utf-8` ...) to use whatever the bytes look like. */
  encoding?: string | null;
}

export function decode(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  if (options.encoding) return decodeAs(bytes, options.encoding, "forced");
  const n = bytes.length;
  // UTF-32 before UTF-16: the UTF-32LE mark FF FE 00 00 begins with the UTF-16LE one.
  if (n >= 4 && bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0 && bytes[3] === 0)
    return decode32(bytes.subarray(4), true);
  if (n >= 4 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff)
    return decode32(bytes.subarray(4), false);
  if (n >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decode16(bytes.subarray(2), "utf-16le");
  if (n >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decode16(bytes.subarray(2), "utf-16be");
  let body = bytes;
  let encoding = "utf-8";
  if (n >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    body = bytes.subarray(3);
    encoding = "utf-8-bom";
  }
  if (looksBinary(body)) {
    return {
      text: null,
      encoding: "binary",
      findings: [
        finding("binary-input", "input looks binary (NUL bytes), not text; UTF-16 needs a byte-order mark", 0, 0),
      ],
    };
  }
  try {
    return { text: utf8.decode(body), encoding, findings: [] };
  } catch {
    if (body === bytes && !hasUtf8Multibyte(body)) return decodeAs(body, "windows-1252", "guessed");
    const at = firstInvalidUtf8(body);
    // Position the error in the text that decodes cleanly before the bad byte.
    const before = new TextDecoder("utf-8", { ignoreBOM: true }).decode(body.subarray(0, at));
    const hex = body[at]?.toString(16).padStart(2, "0") ?? "??";
    const f = finding(
      "invalid-encoding",
      `invalid UTF-8: byte 0x${hex} at byte offset ${at + (body === bytes ? 0 : 3)}`,
      before.length,
      before.length,
    );
    return { text: null, encoding, findings: [f], prefix: before };
  }
}

function decode16(body: Uint8Array, encoding: "utf-16le" | "utf-16be"): Decoded {
  if (body.length % 2 === 1) {
    return {
      text: null,
      encoding,
      findings: [finding("invalid-encoding", `invalid ${encoding.toUpperCase()}: odd number of bytes`, 0, 0)],
    };
  }
  try {
    const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body);
    return { text, encoding, findings: [] };
  } catch {
    return {
      text: null,
      encoding,
      findings: [finding("invalid-encoding", `invalid ${encoding.toUpperCase()}: unpaired surrogate`, 0, 0)],
    };
  }
}

/** UTF-32 with a byte-order mark (TextDecoder has no UTF-32): code points 4 bytes each. */
function decode32(body: Uint8Array, le: boolean): Decoded {
  const encoding = le ? "utf-32le" : "utf-32be";
  const name = encoding.toUpperCase();
  if (body.length % 4 !== 0) {
    return {
      text: null,
      encoding,
      findings: [finding("invalid-encoding", `invalid ${name}: the length is not a multiple of 4 bytes`, 0, 0)],
    };
  }
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < body.length; i += 4) {
    const cp = view.getUint32(i, le);
    if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      parts.push(String.fromCodePoint(...chunk));
      const prefix = parts.join("");
      const f = finding(
        "invalid-encoding",
        `invalid ${name}: 0x${cp.toString(16)} at byte offset ${i + 4} is not a character`,
        prefix.length,
        prefix.length,
      );
      return { text: null, encoding, findings: [f], prefix };
    }
    chunk.push(cp);
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  parts.push(String.fromCodePoint(...chunk));
  return { text: parts.join(""), encoding, findings: [] };
}

/** NUL bytes make up 1% or more of the first 8 KiB: not text (or UTF-16 without a BOM). */
export function looksBinary(b: Uint8Array): boolean {
  const n = Math.min(b.length, 8192);
  let nul = 0;
  for (let i = 0; i < n; i++) if (b[i] === 0) nul++;
  return nul > 0 && nul * 100 >= n;
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, no surrogates). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  const n = b.length;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) need = 2;
    else if (c >= 0xf0 && c <= 0xf4) need = 3;
    else return i;
    // The second byte's range leaves out overlong forms, surrogates and code points past U+10FFFF.
    if (c === 0xe0) lo = 0xa0;
    else if (c === 0xed) hi = 0x9f;
    else if (c === 0xf0) lo = 0x90;
    else if (c === 0xf4) hi = 0x8f;
    for (let k = 1; k <= need; k++) {
      const d = b[i + k];
      if (d === undefined) return i;
      if (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf) return i;
    }
    i += need + 1;
  }
  return n;
}

/**
 * Decodes with a named charset (any WHATWG label). `why` says who chose it: `forced`
 * (--encoding: no diagnostic), `declared` (the transmission envelope: info), `guessed`
 * (8-bit bytes that are not UTF-8: a warning). An unknown label is an `invalid-encoding` error.
 */
export function decodeAs(bytes: Uint8Array, label: string, why: "forced" | "declared" | "guessed"): Decoded {
  let dec: InstanceType<typeof TextDecoder>;
  try {
    dec = new TextDecoder(label, { ignoreBOM: false });
  } catch {
    return {
      text: null,
      encoding: label,
      findings: [finding("invalid-encoding", `unknown character set "${label}"`, 0, 0)],
    };
  }
  const text = dec.decode(bytes);
  const findings: Finding[] = [];
  if (why === "guessed") {
    findings.push(
      finding(
        "decoded-as",
        `not UTF-8 (no multi-byte sequence): read as ${dec.encoding}; --encoding names another charset`,
        0,
        0,
      ),
    );
  } else if (why === "declared") {
    findings.push(
      finding("decoded-as", `read as ${dec.encoding}, the charset of the transmission envelope`, 0, 0, "info"),
    );
  }
  return { text, encoding: dec.encoding, findings };
}

/** True when the bytes hold at least one well-formed UTF-8 multi-byte sequence. */
export function hasUtf8Multibyte(b: Uint8Array): boolean {
  const n = b.length;
  for (let i = 0; i < n; i++) {
    if (b[i]! < 0x80) continue;
    if (firstInvalidUtf8(b.subarray(i, Math.min(n, i + 4))) > 0) return true;
  }
  return false;
}
