// Folding of a written place name to the key used to match it ("the same
// written form").  The TypeScript runtime (src/text/chars.ts) does the same, and
// test/fold.test.ts checks that the two agree:
//
//   1. Unicode NFD
//   2. remove U+093C (Devanagari nukta), U+200C (ZWNJ), U+200D (ZWJ),
//      U+00AD (soft hyphen), U+FEFF (BOM / zero-width no-break space)
//   3. map U+0901 (chandrabindu) to U+0902 (anusvara)
//   4. Unicode NFC
//   5. lower-case with String.prototype.toLowerCase()
//   6. replace every run of whitespace (JS \s, which includes NBSP) or '-'
//      with one ASCII space
//   7. remove every '.'
//   8. trim
//
// e.g. fold('ग़ाज़ियाबाद') === fold('गाजियाबाद'); fold('U.P.') === 'up';
//      fold('Port-au-Prince') === 'port au prince'.

export function fold(s) {
  return String(s)
    .normalize("NFD")
    .replace(/\u093C|\u200C|\u200D|\u00AD|\uFEFF/g, "")
    .replace(/\u0901/g, "\u0902")
    .normalize("NFC")
    .toLowerCase()
    .replace(/[\s-]+/g, " ")
    .replace(/\./g, "")
    .trim();
}
