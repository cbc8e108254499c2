/** What the command line reads and writes: given to `run`, so tests run it in process. */
export interface Writer {
  write(chunk: string): unknown;
  isTTY?: boolean;
  /** Terminal width, when the writer is a terminal. */
  columns?: number;
}

export interface Io {
  stdin: AsyncIterable<Uint8Array | string>;
  stdout: Writer;
  stderr: Writer;
  env?: Record<string, string | undefined>;
  /** stdout is the process's own, so a pager may take it over (`--paging`); false in tests by default. */
  canPage?: boolean;
  /** Aborted on Ctrl-C or SIGTERM: the batch stops, leaves no partial output, prints its summary and
   *  exits 130, or 143 when the abort reason is "SIGTERM". */
  signal?: AbortSignal;
}
