/**
 * CSV (RFC 4180: `,` between fields, `"` around fields that hold `,`, `"` or line ends, `""`
 * for a quote) cut into records as text streams in, with recovery: a broken record (a quote
 * closing a field followed by more text, a quote never closed) costs only itself. The splitter
 * starts again on the line after the broken record's first line, so the next good record is
 * read, and every record and error carries the line it starts on. A record longer than `max`
 * characters is skipped up to the next line end without being held.
 */
export type CsvEvent = { fields: string[]; line: number } | { error: string; line: number };

type Step = { event: CsvEvent | null; next: number } | null;

export class CsvSplitter {
  private buf = "";
  /** The line number of `buf[0]`. */
  private line = 1;
  /** Skipping an over-long record up to the next line end (its first line number), or -1. */
  private skipping = -1;

  constructor(private readonly max: number) {}

  /** The events of the text so far; `final` when no more text follows. */
  push(text: string, final = false): CsvEvent[] {
    const out: CsvEvent[] = [];
    this.buf += text;
    if (this.skipping >= 0) {
      const nl = this.buf.indexOf("\n");
      if (nl < 0 && !final) {
        this.buf = "";
        return out;
      }
      out.push({ error: `record larger than the ${this.max}-character limit (--max-input-size)`, line: this.skipping });
      this.skipping = -1;
      this.advance(nl < 0 ? this.buf.length : nl + 1);
    }
    for (;;) {
      if (this.buf.length === 0) break;
      const step = this.record(final);
      if (step === null) break;
      if (step.event) out.push(step.event);
      this.advance(step.next);
    }
    if (!final && this.buf.length > this.max) {
      this.skipping = this.line;
      const nl = this.buf.indexOf("\n");
      if (nl >= 0) {
        out.push({ error: `record larger than the ${this.max}-character limit (--max-input-size)`, line: this.line });
        this.skipping = -1;
        this.advance(nl + 1);
        out.push(...this.push("", false));
      } else this.buf = "";
    }
    return out;
  }

  private advance(n: number): void {
    let k = this.buf.indexOf("\n");
    while (k >= 0 && k < n) {
      this.line++;
      k = this.buf.indexOf("\n", k + 1);
    }
    this.buf = this.buf.slice(n);
  }

  /** One record from the start of `buf`, or null when more text is needed. */
  private record(final: boolean): Step {
    const b = this.buf;
    const fields: string[] = [];
    let i = 0;
    for (;;) {
      if (b[i] === '"') {
        let val = "";
        let seg = i + 1;
        let j = i + 1;
        for (;;) {
          const q = b.indexOf('"', j);
          if (q < 0)
            return final ? this.broken(`a quoted field opened on line ${this.line} is never closed`, final) : null;
          if (q + 1 >= b.length && !final) return null;
          if (b[q + 1] === '"') {
            val += b.slice(seg, q + 1);
            j = q + 2;
            seg = j;
            continue;
          }
          val += b.slice(seg, q);
          const c = b[q + 1];
          fields.push(val);
          if (c === ",") {
            i = q + 2;
            break;
          }
          if (c === undefined) return { event: this.good(fields), next: b.length };
          if (c === "\n") return { event: this.good(fields), next: q + 2 };
          if (c === "\r") {
            if (q + 2 >= b.length && !final) return null;
            if (b[q + 2] === "\n" || b[q + 2] === undefined)
              return { event: this.good(fields), next: Math.min(b.length, q + 3) };
          }
          const line = this.line + count(b, 0, q);
          return this.broken(
            `line ${line}: a quote closes the field and ${JSON.stringify(c)} follows it (a quote inside a field is written "")`,
            final,
          );
        }
        continue;
      }
      let k = i;
      while (k < b.length && b[k] !== "," && b[k] !== "\n") k++;
      if (k >= b.length && !final) return null;
      const raw = b.slice(i, k);
      if (b[k] === ",") {
        fields.push(raw);
        i = k + 1;
        continue;
      }
      fields.push(raw.endsWith("\r") ? raw.slice(0, -1) : raw);
      const next = k >= b.length ? b.length : k + 1;
      // An empty line is no record.
      if (fields.length === 1 && fields[0] === "") return { event: null, next };
      return { event: this.good(fields), next };
    }
  }

  private good(fields: string[]): CsvEvent {
    return { fields, line: this.line };
  }

  /** A broken record: reported at its first line; reading goes on from the line after it. */
  private broken(why: string, final: boolean): Step {
    const nl = this.buf.indexOf("\n");
    if (nl < 0 && !final) return null;
    return { event: { error: why, line: this.line }, next: nl < 0 ? this.buf.length : nl + 1 };
  }
}

function count(s: string, from: number, to: number): number {
  let n = 0;
  for (let k = s.indexOf("\n", from); k >= 0 && k < to; k = s.indexOf("\n", k + 1)) n++;
  return n;
}
