/**
 * The envelope stage: finds the transmission envelopes of a feed file (ANPA 1312, IPTC 7901,
 * ZCZC ... NNNN), one story per envelope, and reads their header fields. Pure: text in,
 * matches out, every offset a UTF-16 offset into the same text.
 *
 * ```
 * > | SYN SYN SOH ... STX ... ETX ... EOT       ANPA 1312
 * > | SOH abc0042 4 i 211 ... STX ... ETX       IPTC 7901
 * > | ZCZC ... NNNN                             teleprinter framing
 * ```
 * `maskText` blanks the framing and every control character (same length, line ends kept),
 * so the story parser reads only copy and control characters never reach a `text`.
 */
import { finding, type Finding } from "../diagnostics.js";
import { readAnpa } from "./anpa.js";
import { readIptc7901 } from "./iptc7901.js";
import { readZczc } from "./zczc.js";
import { isControl, visibleLines } from "./lines.js";
import type { EnvelopeFormat, EnvelopeMatch, Range } from "./types.js";

export type * from "./types.js";
export { FIELD_NAMES } from "./types.js";

/** Where an envelope starts: `SYN SYN SOH` (ANPA), `SOH` + a 7901 header at a line start, `ZCZC` at a line start. */
const START =
  /(\x16+\x01)|(?:^|(?<=[\r\n\x04\x0c]))(?:(\x01)(?=[A-Za-z]*\d+[ ]+\S[ ]+[A-Za-z]{1,3}[ ]+\d)|[ \t]*(ZCZC)(?=[ \t]|$))/gmu;
/** Feed files are small; the first envelope must start near the top. */
const FIRST_WITHIN = 4096;

export interface Envelopes {
  stories: EnvelopeMatch[];
  /** Findings about the file as a whole (text outside every envelope). */
  findings: Finding[];
}

/** The envelopes of a feed file, or null when the text is not enveloped. Linear in the text. */
export function findEnvelopes(text: string): Envelopes | null {
  // What every start needs, tested first (a story's whole text is read): SOH or ZCZC.
  if (text.indexOf("\x01") < 0 && text.indexOf("ZCZC") < 0) return null;
  const starts: { at: number; format: EnvelopeFormat }[] = [];
  START.lastIndex = 0;
  for (let m = START.exec(text); m; m = START.exec(text)) {
    if (starts.length === 0 && m.index > FIRST_WITHIN) return null;
    const format: EnvelopeFormat = m[1] ? "anpa-1312" : m[2] ? "iptc-7901" : "zczc";
    const at = m[3] ? m.index + m[0].indexOf("ZCZC") : m.index;
    starts.push({ at: format === "zczc" ? lineStart(text, at) : at, format });
  }
  if (starts.length === 0) return null;
  const findings: Finding[] = [];
  const first = starts[0]!.at;
  if (text.slice(0, first).trim()) {
    const ls = visibleLines(text, 0, first).filter((l) => l.ve > l.vs);
    if (ls.length)
      findings.push(
        finding(
          "envelope-unreadable",
          "text before the first envelope could not be read",
          ls[0]!.vs,
          ls[ls.length - 1]!.ve,
        ),
      );
  }
  const stories = starts.map((s, k) => {
    const end = k + 1 < starts.length ? starts[k + 1]!.at : text.length;
    const last = k + 1 === starts.length;
    return s.format === "anpa-1312"
      ? readAnpa(text, s.at, end)
      : s.format === "iptc-7901"
        ? readIptc7901(text, s.at, end)
        : readZczc(text, s.at, end, last);
  });
  return { stories, findings };
}

function lineStart(text: string, at: number): number {
  let k = at;
  while (k > 0 && text[k - 1] !== "\n" && text[k - 1] !== "\r") k--;
  return k;
}

/**
 * The text with every framing range and control character replaced by a space (line ends kept),
 * so offsets do not move. Returns the text itself when there is nothing to blank.
 */
export function maskText(text: string, blank: Range[]): string {
  let any = blank.length > 0;
  if (!any) for (let i = 0; i < text.length && !any; i++) any = isControl(text.charCodeAt(i));
  if (!any) return text;
  const out = text.split("");
  for (const r of blank) {
    for (let i = r.start; i < r.end; i++) {
      const c = out[i]!;
      if (c !== "\n" && c !== "\r") out[i] = " ";
    }
  }
  for (let i = 0; i < out.length; i++) if (isControl(out[i]!.charCodeAt(0))) out[i] = " ";
  return out.join("");
}

/** True when the text holds a control character (other than TAB and line ends). */
export function hasControls(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (isControl(text.charCodeAt(i))) return true;
  return false;
}

/**
 * The charset an enveloped 8-bit file is in, read from its first bytes (as Latin-1): a
 * `charset=` declaration in the header, else Windows-1252, the 8-bit charset these feeds use.
 * Null when the bytes do not start with an envelope.
 */
export function declaredCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, FIRST_WITHIN + 512)).toString("latin1");
  START.lastIndex = 0;
  const m = START.exec(head);
  if (!m) return null;
  const decl = /(?:charset|encoding|char-set)\s*[=:]\s*"?([A-Za-z0-9_.:-]{2,40})/iu.exec(
    head.slice(m.index, m.index + 1024),
  );
  return decl ? decl[1]! : "windows-1252";
}
