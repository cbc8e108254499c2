/**
 * Quotation marks of one paragraph, paired.
 *
 * ```
 * > | केसीएनए ने बताया, "रिसेप्शन के अंत में, ... किया।"      straight marks: which way a `"` faces
 *                       ^ opens (space before)          ^ closes (space or end after)
 * > | ने कहा, ‘‘लंगर साहिब में ...’’                        PTI-Bhasha's doubled curly singles
 * > | ``We were lost,'' she said.                           AP's ASCII pairs (ANPA copy)
 * > | "the answer was 'no'," she said.                     a single-quoted word inside a quote
 * > | Seoul's defence ministry                              an apostrophe, not a quote
 * > | ... साझा मोर्चे पर" सहयोग ...                           a closing mark with no opening one
 * > | ""We have doubled the patrols,"" he said.             CSV-doubled marks: a pair is one mark
 * > | उन्होंने कहा, ”हमने ... है।”                              curly marks all facing one way: read as `"`
 * ```
 * Double marks (`"`, `“ ”`, `‘‘ ’’`) pair with each other and do not nest; single marks
 * (`‘ ’`, `'`) pair inside or outside them. One pass, no backtracking.
 */
import { indexWithin, isSpace } from "../text/chars.js";
import { isLetterMarkOrNumber } from "../text/classes.js";
import type { Range } from "../text/range.js";

export interface MarkedQuote {
  /** Offset and length of the opening mark. */
  open: number;
  openLen: number;
  /** Offset and length of the closing mark; null when the paragraph ends first. */
  close: number | null;
  closeLen: number;
  /** Inside the marks, without surrounding white space. */
  inner: Range;
  double: boolean;
  /** Index (in the paragraph's list) of the double quote this single quote sits in. */
  parent: number | null;
}

export interface ParagraphMarks {
  quotes: MarkedQuote[];
  /**
   * Marks that could not be paired: closers with no opener, openers abandoned for a new one.
   * A run of openers abandoned one after another (`""""`) is one entry covering the run.
   */
  stray: { at: number; len: number; message: string; count?: number }[];
  /**
   * The index in `stray` of a run of abandoned openers that nothing closed after, when the
   * paragraph's last opener (still open at its end) is the one that abandoned the run's last.
   */
  liveRun: number | null;
  /**
   * Closing marks with no opening one that may end a quote whose opening mark was lost upstream:
   * a double closer, or a single one right after `,` `.` `?` `!` (`... as passed,' the counsel said`).
   */
  orphans: { at: number; len: number; single: boolean }[];
}

const OPENING_CONTEXT = '([{“‘—–-/«>"';
const CLOSING_NEXT = ",.;:!?।॥)]}…'’”-—–»<";

function isLetterish(c: string | undefined): boolean {
  if (c === undefined) return false;
  return isLetterMarkOrNumber(c.codePointAt(0)!);
}

export function pairMarks(text: string, para: Range): ParagraphMarks {
  const quotes: MarkedQuote[] = [];
  const stray: ParagraphMarks["stray"] = [];
  const orphans: ParagraphMarks["orphans"] = [];
  let dOpen = -1; // index into quotes of the open double quote
  let sOpen = -1; // index into quotes of the open single quote
  const dead = new Set<number>(); // openers abandoned for a later one
  // The stray entry of the current run of abandoned openers, and how many it holds; a closed
  // quote or another stray mark ends the run.
  let run = -1;
  let runCount = 0;
  const abandon = () => {
    const q = quotes[dOpen]!;
    if (run >= 0 && run === stray.length - 1) {
      const r = stray[run]!;
      runCount++;
      r.len = q.open + q.openLen - r.at;
      r.count = runCount;
      r.message = `${runCount} opening quotation marks never closed`;
    } else {
      stray.push({ at: q.open, len: q.openLen, message: "opening quotation mark never closed", count: 1 });
      run = stray.length - 1;
      runCount = 1;
    }
    if (sOpen >= 0 && quotes[sOpen]!.parent === dOpen) sOpen = -1;
    // The abandoned opener is dropped at once when nothing came after it (bounded memory on `""""`).
    if (dOpen === quotes.length - 1) quotes.pop();
    else dead.add(dOpen);
    dOpen = -1;
  };

  const openQuote = (at: number, len: number, double: boolean) => {
    quotes.push({
      open: at,
      openLen: len,
      close: null,
      closeLen: 0,
      inner: { start: at + len, end: para.end },
      double,
      parent: double ? null : dOpen >= 0 ? dOpen : null,
    });
    return quotes.length - 1;
  };
  const closeQuote = (k: number, at: number, len: number) => {
    if (quotes[k]!.double) run = -1;
    const q = quotes[k]!;
    q.close = at;
    q.closeLen = len;
    q.inner = { start: q.open + q.openLen, end: at };
  };
  const closeDouble = (at: number, len: number) => {
    if (sOpen >= 0 && quotes[sOpen]!.parent === dOpen) sOpen = -1; // an apostrophe, not a quote
    closeQuote(dOpen, at, len);
    dOpen = -1;
  };

  // CSV exports double every straight mark (`""We have doubled the patrols,"" he said`): where
  // the paragraph's straight marks all come in pairs, a pair is one mark.
  const csv = csvDoubled(text, para);
  // A paragraph whose curly double marks all face one way (`कहा, ”यह ... है।”`, every one a `”`)
  // uses them as straight marks: which way each faces is read from its place, as for `"`.
  const oneWay = oneWayCurly(text, para);
  for (let i = para.start; i < para.end; i++) {
    const c = text[i]!;
    if (c !== '"' && c !== "“" && c !== "”" && c !== "‘" && c !== "’" && c !== "'" && c !== "`") continue;
    const asStraight = oneWay && (c === "“" || c === "”");
    // A straight mark a page's database escaped with a backslash (`Japan\'s`, `\"today\'s
    // decision ...,\" it said`): the backslash is part of the mark, and the character before it
    // tells which way the mark faces.
    const esc = (c === '"' || c === "'") && i > para.start && text[i - 1] === "\\" ? 1 : 0;
    const at = i - esc;
    const prev = at > para.start ? text[at - 1] : undefined;
    const doubled =
      (c === "‘" || c === "’" || c === "'" || c === "`" || (c === '"' && csv)) && text[i + 1] === c && i + 1 < para.end;
    if (c === "`" && !doubled) continue;
    const len = (doubled ? 2 : 1) + esc;
    const next = at + len < para.end ? text[at + len] : undefined;
    const prevBlank = prev === undefined || isSpace(prev.charCodeAt(0)) || OPENING_CONTEXT.includes(prev);
    const nextBlank = next === undefined || isSpace(next.charCodeAt(0));
    const canOpen = !nextBlank && prevBlank;
    const canClose = !prevBlank && (nextBlank || CLOSING_NEXT.includes(next!) || next === '"');

    if (c === '"' || doubled || asStraight) {
      let role: "open" | "close";
      if (c === "‘" || c === "`") role = "open";
      else if (c === "’") role = "close";
      else if (canOpen && !canClose) role = "open";
      else if (canClose && !canOpen) role = "close";
      else role = dOpen >= 0 ? "close" : "open";
      // `‘‘` while a quote is open: the earlier one was never closed.
      if (role === "open" && dOpen >= 0 && (c === "‘" || c === "`")) abandon();
      if (role === "open" && dOpen >= 0) {
        // A straight mark facing forward while a quote is open: close it if it could, else restart.
        if (canClose || !canOpen) closeDouble(at, len);
        else {
          abandon();
          dOpen = openQuote(at, len, true);
        }
      } else if (role === "open") {
        dOpen = openQuote(at, len, true);
      } else if (dOpen >= 0) {
        closeDouble(at, len);
      } else {
        stray.push({ at, len, message: "closing quotation mark without an opening one" });
        orphans.push({ at, len, single: false });
      }
      i = at + len - 1;
      continue;
    }
    if (c === "“") {
      if (dOpen >= 0) abandon();
      dOpen = openQuote(i, 1, true);
      continue;
    }
    if (c === "”") {
      if (dOpen >= 0) closeDouble(i, 1);
      else {
        stray.push({ at: i, len: 1, message: "closing quotation mark without an opening one" });
        orphans.push({ at: i, len: 1, single: false });
      }
      continue;
    }
    // Single marks: quotes only when they pair cleanly; otherwise apostrophes.
    const apostrophe = isLetterish(prev) && isLetterish(next);
    if (apostrophe) continue;
    if (c === "‘" || (c === "'" && canOpen && isLetterish(next))) {
      if (sOpen < 0 && canOpen) sOpen = openQuote(at, len, false);
      continue;
    }
    if ((c === "’" || c === "'") && sOpen >= 0 && canClose) {
      // A double mark opened inside this single quote and still open cannot run past its close:
      // quotes nest or stand apart (`'0"word word' ...`), so that opener was never closed.
      if (dOpen >= 0 && quotes[dOpen]!.open > quotes[sOpen]!.open) abandon();
      closeQuote(sOpen, at, len);
      sOpen = -1;
    } else if (
      (c === "’" || c === "'") &&
      sOpen < 0 &&
      dOpen < 0 &&
      nextBlank &&
      prev !== undefined &&
      ",.?!".includes(prev)
    ) {
      orphans.push({ at, len, single: true });
    }
    // An `s'` possessive or a stray single: nothing.
  }

  const lastOpen = dOpen >= 0 ? dOpen : null;
  // Unclosed singles were apostrophes or typos: drop them, but for a curly opener still open at
  // the paragraph's end that a comma or a colon introduces (`कहा, ‘मौजूदा ...`, `said: ‘We ...`):
  // where single marks are the copy's quotation marks, the quotation runs to the end as a double
  // would. Unclosed doubles run to the end.
  const openSingle = sOpen >= 0 && introduced(text, quotes[sOpen]!.open, para.start) ? sOpen : -1;
  for (const q of quotes) q.inner = trim(text, q.inner);
  const keep = (q: MarkedQuote, k: number) =>
    !dead.has(k) && (q.double || q.close !== null || k === openSingle) && q.inner.end > q.inner.start;
  const index = new Int32Array(quotes.length).fill(-1);
  const kept: MarkedQuote[] = [];
  for (let k = 0; k < quotes.length; k++) {
    const q = quotes[k]!;
    if (keep(q, k)) {
      index[k] = kept.length;
      kept.push(q);
    }
  }
  for (const q of kept) if (q.parent !== null) q.parent = index[q.parent]! >= 0 ? index[q.parent]! : null;
  const liveRun =
    run >= 0 && run === stray.length - 1 && lastOpen !== null && !dead.has(lastOpen) && quotes[lastOpen]!.close === null
      ? run
      : null;
  return { quotes: kept, stray, liveRun, orphans };
}

/**
 * Whether the mark at `at` is a curly `‘` right after a comma or a colon and a space, as a
 * quotation is introduced (`ने कहा, ‘`, `said: ‘`).
 * >     अदालत ने कहा, ‘मौजूदा मामले में ...
 * >                   ^ introduced
 */
function introduced(text: string, at: number, from: number): boolean {
  if (text.charCodeAt(at) !== 0x2018 || at - 2 < from) return false;
  const c = text.charCodeAt(at - 2);
  return isSpace(text.charCodeAt(at - 1)) && (c === 0x2c || c === 0x3a);
}

/** Whether the paragraph has two or more curly double marks, all `“` or all `”`. */
function oneWayCurly(text: string, para: Range): boolean {
  let left = 0;
  let right = 0;
  for (let i = para.start; i < para.end; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x201c) left++;
    else if (c === 0x201d) right++;
  }
  return (left === 0 || right === 0) && left + right >= 2;
}

/** `"`, the straight double mark. */
const STRAIGHT = 0x22;

/** Whether every straight double mark of the paragraph stands in a pair `""` (and there is one). */
function csvDoubled(text: string, para: Range): boolean {
  let pairs = 0;
  for (
    let i = indexWithin(text, STRAIGHT, para.start, para.end);
    i >= 0;
    i = indexWithin(text, STRAIGHT, i + 1, para.end)
  ) {
    if (text[i + 1] !== '"' || i + 1 >= para.end) return false;
    if (text[i + 2] === '"') return false;
    pairs++;
    i++;
  }
  return pairs > 0;
}

function trim(text: string, r: Range): Range {
  let s = r.start;
  let e = r.end;
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  return { start: s, end: e };
}
