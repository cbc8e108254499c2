/**
 * Whether to colour the output, decided once by the program (chalk's own detection reads
 * argv and ignores NO_COLOR): `--color always|never` first, then NO_COLOR (non-empty), then
 * FORCE_COLOR, then a terminal whose TERM is not `dumb`.
 */
export type ColorWhen = "auto" | "always" | "never";

export function useColor(when: ColorWhen, env: Record<string, string | undefined>, isTTY: boolean): boolean {
  if (when === "always") return true;
  if (when === "never") return false;
  if (env.NO_COLOR) return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== "0" && force !== "false";
  return isTTY && env.TERM !== "dumb";
}
