/**
 * Errors the user can act on. An operating-system error is never an "internal error": it is
 * said in plain words with the path it concerns (`cannot write /proc/x.json: no such file or
 * directory`).
 */

/** An error whose message is complete for the user: printed as `wire: message`, exit 1. */
export class UserError extends Error {
  override name = "UserError";
}

const PLAIN: Record<string, string> = {
  ENOENT: "no such file or directory",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "is a directory",
  ENOTDIR: "a part of the path is not a directory",
  EEXIST: "a file of that name already exists",
  ENAMETOOLONG: "file name too long",
  ENOSPC: "no space left on device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  EMFILE: "too many open files",
  ENFILE: "too many open files in the system",
  EIO: "input/output error",
  ELOOP: "too many symbolic links",
  EBUSY: "resource busy",
  EINVAL: "invalid argument",
  EXDEV: "cannot move across file systems",
};

/** The plain words for an operating-system error (`no such file or directory`). */
export function plainError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && PLAIN[code]) return PLAIN[code];
  const message = (e as Error | null)?.message ?? String(e);
  // Node's own form is `CODE: words, syscall 'path'`: keep the words.
  const m = /^[A-Z]+: ([^,]+)/u.exec(message);
  return m ? m[1]! : message;
}

/** True for an error raised by the operating system (it has an errno code). */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return (
    typeof (e as NodeJS.ErrnoException | null)?.code === "string" &&
    typeof (e as NodeJS.ErrnoException).syscall === "string"
  );
}
