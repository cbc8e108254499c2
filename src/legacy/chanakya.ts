/**
 * Chanakya-style legacy Hindi fonts type Devanagari with Latin-1 letters (`¥æÁ ÖæÚUÌ`), so
 * such copy is mostly characters from U+00A1–U+00FF. French or German text has a few accented
 * letters, never a quarter of the text. Detected to warn; there is no converter for it.
 */
export function looksChanakya(sample: string): boolean {
  let latin1 = 0;
  let visible = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c <= 0x20) continue;
    visible++;
    if (c >= 0xa1 && c <= 0xff) latin1++;
  }
  return latin1 >= 20 && latin1 * 4 >= visible;
}
