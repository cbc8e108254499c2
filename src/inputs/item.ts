/** One input of a batch: a file, an archive entry, a record of a dump, or standard input. */
export interface InputItem {
  /** What users see in diagnostics and in source.path: "story.txt", "dir/a/b.txt", "news.zip:a/b.txt",
   *  "news.tar.gz:a/b.txt", "dump.jsonl#<id>" (or "dump.jsonl#<line number>" without an id), "dump.csv#<id or row number>", "<stdin>". */
  name: string;
  /** Relative path used to mirror outputs under an output directory (POSIX separators, no leading "/"):
   *  a file (named, walked or matched by a glob) -> its path from the current folder when it lies under it, else from
   *  the deepest folder common to the arguments outside it (see `outputMapper`);
   *  an archive entry -> "<archive's path without .zip/.tar/.tar.gz/.tgz>/<entry path>"; a JSONL/CSV record -> "<dump's path without extension>/<id or line>"; stdin -> "stdin". */
  relPath: string;
  /** The input's identity across runs, for the output folder's manifest: the file's absolute path, "<archive's key>:<entry name>",
   *  "<dump's key>#<id or line>", "<stdin>". Two inputs of one run may share it (an archive holding an entry name twice). */
  key: string;
  /** Set (with a short reason) when an archive entry's name is unsafe: contains "..", is absolute, has a drive letter ("C:"), or a NUL. The item still carries its bytes; the writer will refuse to write it. relPath is then a sanitised form. */
  unsafe?: string;
  /** The content: raw bytes of a file/entry/stdin, or for JSONL/CSV records the text field as a string. Exactly one of bytes/text/error is set. */
  bytes?: Uint8Array;
  text?: string;
  /** A plain text file of at least `streamFrom` bytes: not read here (bytes unset); the batch reads it as a stream, or whole when it cannot be streamed. */
  file?: { path: string; size: number };
  /** When this input cannot be read: code is "read-error" (missing file, permission denied, is a directory you could not walk, vanished file), "archive-error" (broken/truncated archive or entry, bad gzip), or "bad-record" (a JSONL line that is not JSON / not an object / lacks the text field as a string; a CSV row without the column). message is one short line, no stack. */
  error?: { code: "read-error" | "archive-error" | "bad-record" | "too-large"; message: string; repeat?: boolean };
  /** Modification time of the file the item came from (for archives and dumps: the archive/dump file's mtime). Reruns do not
   *  trust it (an output folder's manifest compares content hashes); it is there for callers that want it. */
  mtimeMs?: number;
}
