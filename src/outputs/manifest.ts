/**
 * The manifest of an output folder (`DIR/.wire-manifest.jsonl`): for every input, the files its
 * stories went to and what they were made from (a hash of the input's content and the options
 * that change records), so that a rerun redoes exactly what is missing, incomplete or stale.
 *
 * It is a journal of JSON lines, appended as the run goes:
 *   {"put":"a/b.json","in":"a/b.txt"}                        before a story's file is written
 *   {"done":"a/b.txt","hash":"…","opts":"…","files":[…]}     after an input's last file (written last)
 *   {"drop":"a/b.txt"}                                       an input gone, its files removed
 * A run killed at any point leaves a journal that says which files may exist and which inputs
 * are complete; a torn last line is ignored. At the end of a run the journal is rewritten,
 * compacted to one line per input, to a temporary file renamed over it.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { join } from "node:path";

export const MANIFEST = ".wire-manifest.jsonl";

export interface Done {
  hash: string;
  opts: string;
  files: string[];
}

interface State {
  done?: Done;
  /** Files written (or about to be) since `done`: they may exist and belong to this input. */
  pending: string[];
}

/** How file names are compared: as a case-insensitive file system would (so `A.json` and `a.json` are one file). */
export function fold(rel: string): string {
  return rel.normalize("NFC").toLowerCase();
}

export class Manifest {
  private readonly states = new Map<string, State>();
  private readonly owners = new Map<string, string>();
  private fd: number | null = null;
  private readonly path: string;
  /** Why the journal could not be written, once it could not: a rerun then redoes the inputs it misses. */
  error: unknown;
  /** A killed run left a torn last line: end it before appending, so the next line stays whole. */
  private torn = false;

  constructor(readonly root: string) {
    this.path = join(root, MANIFEST);
    let text = "";
    try {
      text = readFileSync(this.path, "utf8");
    } catch {
      /* no manifest yet */
    }
    this.torn = text !== "" && !text.endsWith("\n");
    for (const line of text.split("\n")) {
      if (!line) continue;
      let v: Record<string, unknown>;
      try {
        v = JSON.parse(line) as Record<string, unknown>;
      } catch {
        continue; // a line torn by a killed run
      }
      if (typeof v.put === "string" && typeof v.in === "string") this.notePut(v.in, v.put);
      else if (
        typeof v.done === "string" &&
        typeof v.hash === "string" &&
        typeof v.opts === "string" &&
        Array.isArray(v.files)
      )
        this.noteDone(v.done, {
          hash: v.hash,
          opts: v.opts,
          files: v.files.filter((f): f is string => typeof f === "string"),
        });
      else if (typeof v.drop === "string") this.noteDrop(v.drop);
    }
  }

  /** The input that owns a file, if any. */
  owner(rel: string): string | undefined {
    return this.owners.get(fold(rel));
  }

  /** The complete record of an input: none when it never completed, or files were written since. */
  complete(key: string): Done | undefined {
    const s = this.states.get(key);
    return s && s.pending.length === 0 ? s.done : undefined;
  }

  /** Every file that may exist for an input. */
  owned(key: string): string[] {
    const s = this.states.get(key);
    if (!s) return [];
    return [...new Set([...(s.done?.files ?? []), ...s.pending])];
  }

  keys(): string[] {
    return [...this.states.keys()];
  }

  /** Records, before it is written, that `rel` belongs to `key`. */
  put(key: string, rel: string): void {
    this.append({ put: rel, in: key });
    this.notePut(key, rel);
  }

  /** Records that `key` is complete: its stories are exactly `done.files`. */
  done(key: string, done: Done): void {
    this.append({ done: key, ...done });
    this.noteDone(key, done);
  }

  /** Forgets an input whose files were removed. */
  drop(key: string): void {
    this.append({ drop: key });
    this.noteDrop(key);
  }

  /** Rewrites the journal as one line per input (temporary file, then rename) and closes it. */
  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
    if (this.states.size === 0) {
      rmSync(this.path, { force: true });
      return;
    }
    const lines: string[] = [];
    for (const [key, s] of this.states) {
      if (s.done) lines.push(JSON.stringify({ done: key, ...s.done }));
      for (const f of s.pending) lines.push(JSON.stringify({ put: f, in: key }));
    }
    const tmp = join(this.root, `${MANIFEST}.${process.pid}.tmp`);
    try {
      const fd = openSync(tmp, "w");
      try {
        writeSync(fd, lines.join("\n") + "\n");
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, this.path);
    } catch {
      rmSync(tmp, { force: true }); // the journal as it stands is still right
    }
  }

  private append(v: object): void {
    try {
      if (this.fd === null) this.fd = openSync(this.path, "a");
      writeSync(this.fd, (this.torn ? "\n" : "") + JSON.stringify(v) + "\n");
      this.torn = false;
    } catch (e) {
      this.error ??= e;
    }
  }

  private state(key: string): State {
    const known = this.states.get(key);
    if (known) return known;
    const s: State = { pending: [] };
    this.states.set(key, s);
    return s;
  }

  private notePut(key: string, rel: string): void {
    const s = this.state(key);
    if (!s.pending.includes(rel)) s.pending.push(rel);
    this.owners.set(fold(rel), key);
  }

  private noteDone(key: string, done: Done): void {
    const s = this.state(key);
    const keep = new Set(done.files.map(fold));
    for (const f of [...(s.done?.files ?? []), ...s.pending])
      if (!keep.has(fold(f)) && this.owners.get(fold(f)) === key) this.owners.delete(fold(f));
    s.done = done;
    s.pending = [];
    for (const f of done.files) this.owners.set(fold(f), key);
  }

  private noteDrop(key: string): void {
    for (const f of this.owned(key)) if (this.owners.get(fold(f)) === key) this.owners.delete(fold(f));
    this.states.delete(key);
  }
}
