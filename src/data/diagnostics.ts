/**
 * Every diagnostic code, in one table: its severity, what it means, an input that gives it, and
 * what to do about it. The parser's `finding()` takes its severity from here, `docs/diagnostics.md`
 * is generated from it (`npm run docs`, checked by a test), and help about a code reads it.
 *
 * Adding a code is adding a row. `severity` is the code's own; a row may name one other severity
 * it is given in a stated case (`also`), and only that one.
 */
import type { Severity } from "../story.js";

export interface DiagnosticInfo {
  code: string;
  severity: Severity;
  /** The other severity this code may carry, and when. */
  also?: { severity: Severity; when: string };
  /** When the code is given (one sentence; Markdown code spans allowed). */
  meaning: string;
  /** A short input, or the situation, that gives it. */
  example?: string;
  /** What a user can do about it. */
  action?: string;
}

export const DIAGNOSTICS = [
  {
    code: "missing-dateline",
    severity: "warning",
    meaning: "no dateline in the first lines of the story",
    example: "a story that starts straight with its first paragraph, without `Place, Date (Agency) -`",
    action: "check that the input is one whole story; `place`, `date` and the dateline agency stay null",
  },
  {
    code: "missing-signoff",
    severity: "info",
    meaning: "no sign-off at the end (most republished copy has none, so this is not a warning)",
    example: "copy that ends with its last paragraph, without `--आईएएनएस` and desk codes",
    action: "nothing, unless the agency always signs off: then the end of the story may be cut",
  },
  {
    code: "glued-paragraph",
    severity: "info",
    meaning: "a paragraph break was inferred where a line break was lost (`दी।उत्तर`, `Saturday.They`)",
    example: "`... on Saturday.They said ...`",
    action: "nothing: the text is unchanged, only the paragraph boundary is inferred",
  },
  {
    code: "year-inferred",
    severity: "info",
    meaning: "`--ref-date` filled in the dateline's year",
    example: '`Seoul, Sep 14 (IANS)` parsed with `--ref-date 2024-09-20`: year 2024, `yearFrom: "ref-date"`',
    action: "nothing; give the day the copy was filed as `--ref-date` for the right year",
  },
  {
    code: "unknown-place",
    severity: "info",
    meaning:
      "a dateline place is not in the gazetteer (`name` stays null unless written in Latin letters; `country` comes from a qualifier, the lead or a national agency's home, else null)",
    example: "`Nowhereville, Sep 14 (IANS)`",
    action: "add the place to `src/data/places-in.tsv` or `places-world.tsv` (then `npm run gen:places`)",
  },
  {
    code: "place-spelling",
    severity: "info",
    meaning:
      "a dateline place spelt a little differently from exactly one gazetteer name (`Thiuvananthapuram`) was read as that place",
    example: "`Thiuvananthapuram, Jan 5 (IANS)`",
    action: "check the `name` chosen; a common spelling can become an alias row in the gazetteer",
  },
  {
    code: "publisher-trailer",
    severity: "info",
    meaning:
      "a publisher's bracketed note after the story (`(यह आर्टिकल एजेंसी फीड से ऑटो-अपलोड हुआ है ...)`) is a paragraph of its own",
    example: "`(This article was auto-uploaded from an agency feed ...)` after the sign-off",
    action: "nothing: the note is kept apart from the story's last paragraph",
  },
  {
    code: "desk-slug",
    severity: "info",
    meaning: "a desk slug leaked into the body (`दि28 वायरस लॉकडाउन लीड सरकार`); the text stays in its paragraph",
    example: "`दि28 वायरस लॉकडाउन लीड सरकार` at the start of a paragraph",
    action: "nothing, or remove the slug from the copy",
  },
  {
    code: "page-leftover",
    severity: "info",
    meaning:
      "a line a web page left in the story is no paragraph: the page's own words (`ADVERTISEMENT`, `Comments / 0`, `Related posts:`, a section's `News`), stamp labels left without their dates (`Posted: / Updated:`), an image's file name (`Power lines_20931`), a line with no letter or figure, a label and a web address, a time stamp or photo caption under the title of a story with no dateline, a time stamp or such a line after the story or its sign-off, or a prefix with a stray closing bracket before the dateline",
    example: "`ADVERTISEMENT` on a line of its own between two paragraphs",
    action: "nothing: the line is left out of the paragraphs",
  },
  {
    code: "header-line",
    severity: "info",
    meaning:
      "a line above the dateline that is neither headline nor byline: a wire header (`AP-Peru-Protests,0412`), an editor's note (`(ATTN: adds details in para 5)`) or a publisher's credit line, kept as a paragraph; or a photo caption, a time stamp (also one after the byline: `By ANI | Updated: ...`), the headline or the agency's credit printed again, left out",
    example: "`(ATTN: adds details in para 5)` above `New Delhi, Jan 9 (IANS)`",
    action: "nothing; the headline is the first line that is not such a line",
  },
  {
    code: "legacy-font-encoding",
    severity: "warning",
    also: { severity: "info", when: "`--convert-legacy` converted the text" },
    meaning:
      "the text is Devanagari typed in a legacy font: Kruti Dev (`gsyks oYMZ`; `--convert-legacy` converts it, then an info) or a Chanakya-style font (Latin-1 letters; detected, not converted)",
    example: "`gsyks oYMZ` (Kruti Dev for हेलो वर्ल्ड)",
    action: "parse again with `--convert-legacy` (Kruti Dev); Chanakya-style text needs converting elsewhere first",
  },
  {
    code: "invalid-date",
    severity: "warning",
    meaning: "the dateline date cannot exist (`31 फरवरी`); kept as written, `iso` null",
    example: "`नई दिल्ली, 31 फरवरी (आईएएनएस)`",
    action: "check the copy: the day or the month is mistyped",
  },
  {
    code: "unbalanced-quote",
    severity: "warning",
    meaning:
      'a closing quotation mark with no opening one, or an opening one never closed in its paragraph (not when the next paragraph reopens it); at the mark. A run of openers that never close (`""""`) is one diagnostic, `N opening quotation marks never closed`, spanning the run',
    example: '`He said, "we will go.` with no closing mark in the paragraph',
    action: "check the quote at the position given: its `closed` is false, its text runs to the paragraph's end",
  },
  {
    code: "markup-removed",
    severity: "info",
    meaning: "HTML tags were found and left out of the parts' text",
    example: "`<p>NEW DELHI, Jan 5 (IANS) - ...</p>`",
    action: "nothing: spans still point into the input, `text` leaves the tags out",
  },
  {
    code: "empty-input",
    severity: "warning",
    meaning: "the input holds no text; no record is printed",
    example: "an empty file, or one holding only spaces and line ends",
    action: "check how the input was produced",
  },
  {
    code: "invalid-encoding",
    severity: "error",
    meaning:
      "the bytes are not valid UTF-8 (or UTF-16 with a BOM); the message names the byte and its byte offset, the position is where decoding stopped; no record",
    example: "a Latin-1 file holding `é` as the single byte 0xE9",
    action: "convert the file to UTF-8 first (`iconv -f LATIN1 -t UTF-8`)",
  },
  {
    code: "binary-input",
    severity: "error",
    meaning: "NUL bytes make up 1% or more of the input's start: not text (UTF-16 needs a BOM)",
    example: "a PDF or an image given as input; UTF-16 text saved without a byte-order mark",
    action: "give the text itself; save UTF-16 with a BOM, or as UTF-8",
  },
  {
    code: "read-error",
    severity: "error",
    meaning: "the file could not be read (missing, permission denied, a directory)",
    example: "`wire parse missing.txt`",
    action: "check the path and its permissions; the other inputs are parsed all the same",
  },
  {
    code: "archive-error",
    severity: "error",
    meaning: "an archive or one of its entries could not be read (broken or truncated zip or tar, bad gzip)",
    example: "a zip file cut short by a failed download",
    action: "fetch the archive again; the entries read before the fault are kept",
  },
  {
    code: "bad-record",
    severity: "error",
    meaning:
      "a JSONL line that is not a JSON object holding the text field as a string, or a CSV row without the column",
    example: '`{"id": 7}` with `--from jsonl` and no `text` field',
    action: "name the field with `--text-field`; the other records are parsed all the same",
  },
  {
    code: "too-large",
    severity: "error",
    meaning:
      "an input, an archive entry, a CSV record or a JSONL line is larger than `--max-input-size` (16 MiB by default); it is not read whole, and the other inputs go on",
    example: "`wire parse /dev/urandom`; a 600 MB JSONL line",
    action:
      "raise the limit (`--max-input-size 200M`) when memory allows (parsing needs about 150 times the size), or split the input",
  },
  {
    code: "unsafe-path",
    severity: "error",
    meaning:
      "with `-o DIR`, a story would be written outside the folder: an archive entry's name has `..`, an absolute path or a drive letter, or a folder inside DIR is a symbolic link that leads out of it; the story is not written",
    example: "a zip entry named `../../etc/cron.d/x` parsed with `-o out/`; `out/sub -> ../outside`",
    action: "nothing to fix in wire: the write is refused on purpose; rename the entry, or remove the link",
  },
  {
    code: "write-error",
    severity: "error",
    meaning:
      "a story's file (or the output folder, or its manifest) could not be written: permission denied, no space left, a file where a folder is needed; the run goes on",
    example: "a zip holding `a.txt` and `a.json/b.txt`, parsed with `-o out/`: `out/f/a.json` is a file, not a folder",
    action: "free the space, fix the permission or the name, then run again: the rerun writes what is missing",
  },
  {
    code: "output-collision",
    severity: "error",
    meaning: "`-o FILE` names a file that is an input of the same run; it is not written over",
    example: "`wire parse s.txt -f pretty -o s.txt`",
    action: "choose another output name",
  },
  {
    code: "internal-error",
    severity: "error",
    meaning: "wire itself failed on this input (a bug); the other inputs are parsed all the same",
    example: "any input that makes the parser throw",
    action: "report it with the input (or a cut-down copy) that gives it",
  },
  {
    code: "decoded-as",
    severity: "warning",
    also: { severity: "info", when: "the file is in a transmission envelope, whose standard gives the charset" },
    meaning: "the bytes are not UTF-8 and hold no UTF-8 multi-byte sequence at all: they were read as Windows-1252",
    example: "a Latin-1 file with `K\\xf6ln` for `Köln`",
    action: "nothing if the letters look right; else name the charset with `--encoding` (e.g. `iso-8859-15`)",
  },
  {
    code: "envelope-unreadable",
    severity: "warning",
    meaning:
      "a part of a transmission envelope (ANPA 1312, IPTC 7901, ZCZC) could not be read; it is left out of the story text",
    example: "text before the first `ZCZC`, or a header line that does not follow the standard",
    action: "nothing; the part's span says where it is, and the story is parsed without it",
  },
  {
    code: "envelope-unclosed",
    severity: "warning",
    meaning:
      "a transmission envelope has no end (ANPA/IPTC 7901 `ETX`, ZCZC `NNNN` before the next message): the story runs to the next envelope",
    example: "an ANPA story cut off before its `ETX`",
    action: "check the end of the story: the file may be truncated",
  },
  {
    code: "table",
    severity: "info",
    meaning:
      'a table or agate block (results, racing fields, prices) is kept line by line as a paragraph of `kind: "table"`',
    example: "lines such as `Milwaukee;35;25;.583` or columns separated by runs of spaces",
    action: "nothing: no prose rule (sentences, quotes) runs on it",
  },
] as const satisfies readonly DiagnosticInfo[];

export type Code = (typeof DIAGNOSTICS)[number]["code"];

type Row<C extends Code> = Extract<(typeof DIAGNOSTICS)[number], { code: C }>;

/** The severities a code may carry: its own, and the one its row allows in a stated case. */
export type SeverityOf<C extends Code> = Extract<
  Row<C>["severity"] | (Row<C> extends { also: { severity: infer S } } ? S : never),
  Severity
>;

/** Each code's own severity. */
export const CODES = Object.fromEntries(DIAGNOSTICS.map((d) => [d.code, d.severity])) as {
  [C in Code]: Row<C>["severity"] & Severity;
};

/** The row of a code, or undefined for a string that is no code. */
export function diagnosticInfo(code: string): DiagnosticInfo | undefined {
  return (DIAGNOSTICS as readonly DiagnosticInfo[]).find((d) => d.code === code);
}
