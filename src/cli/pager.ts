/**
 * The pretty view through a pager, as bat and git do: `$PAGER`, else `less -RFX` (colours
 * through, quit at once when the story fits the screen, no screen clearing). Loaded only when
 * a run pages.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import type { Writer } from "./io.js";

export interface Pager {
  writer: Writer;
  /** Ends the pager's input and waits until the user leaves it. */
  close(): Promise<void>;
}

/** The pager command: `$PAGER` split at spaces, `less -RFX` when unset. Null when `PAGER` is empty or `cat`. */
export function pagerCommand(env: Record<string, string | undefined>): string[] | null {
  const cmd = env.PAGER === undefined ? "less -RFX" : env.PAGER.trim();
  const argv = cmd.split(/\s+/u).filter(Boolean);
  if (!argv.length || argv[0] === "cat") return null;
  return argv;
}

/** Starts the pager; null when it cannot be started (then the caller writes to stdout). */
export async function openPager(
  argv: string[],
  env: Record<string, string | undefined>,
  columns: number | undefined,
): Promise<Pager | null> {
  const child = spawn(argv[0]!, argv.slice(1), {
    stdio: ["pipe", "inherit", "inherit"],
    // less shows Devanagari as <E0> escapes unless told the text is UTF-8.
    env: { ...process.env, ...env, LESSCHARSET: env.LESSCHARSET ?? "utf-8" },
  });
  try {
    await Promise.race([once(child, "spawn"), once(child, "error").then(([e]) => Promise.reject(e))]);
  } catch {
    return null;
  }
  let open = true;
  child.stdin!.on("error", () => {
    // The user quit the pager early: what is left is not wanted.
    open = false;
  });
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const writer: Writer = {
    write: (chunk: string) => (open ? child.stdin!.write(chunk) : true),
    isTTY: false,
  };
  if (columns !== undefined) writer.columns = columns;
  return {
    writer,
    close: async () => {
      if (open) child.stdin!.end();
      await exited;
    },
  };
}
