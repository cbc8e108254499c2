/** Language of a story by its letters: `hi` when Devanagari letters outnumber Latin ones, else `en`. */
export function detectLanguage(text: string, from: number, to: number): string {
  let dev = 0;
  let lat = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x0900 && c <= 0x097f) dev++;
    else if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a)) lat++;
  }
  return dev > lat ? "hi" : "en";
}
