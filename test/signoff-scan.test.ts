// The sign-off and header lines read by hand (`signLineParts`, `isDeskCodes`, `initialsLineTag`) read exactly
// what the patterns they replace read: the patterns are kept here as the oracle.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { agencyOf, agencyTags } from "../src/data/index.js";
import { CAPTION, headerKind, isCreditLine, mayBeCaption, mayBeTimestamp, TIMESTAMP } from "../src/parse/headline.js";
import { initialsLineTag, isDeskCodes, signLineParts } from "../src/parse/signoff.js";
import { alternation } from "../src/text/regexp.js";
import signoffTable from "../src/data/signoffs.json" with { type: "json" };

const TAGS = alternation(agencyTags);
const CODE = String.raw`[\p{L}\p{M}\u200c\u200d]{1,12}`;
const CODES = String.raw`${CODE}(?:\/${CODE})*\/?`;
const SIGN_LINE = new RegExp(String.raw`^(?:-{1,3}|—|–)\s*(${TAGS})(?:\s+(${CODES})|\/(${CODES}))?$`, "u");
const CODES_LINE = new RegExp(`^${CODES}$`, "u");
const CAPS_SIGN_LINE = /^(?:-{1,3}|—|–)\s*([A-Z][A-Z-]{2,})$/u;
/** A group of initials: up to four letters, or five or six capitals (two desks run together). */
const G = "(?:[A-Za-z]{1,4}|[A-Z]{5,6})";
const INITIALS_LINE = new RegExp(
  String.raw`^(${TAGS})\s+(?:${G}(?:(?:\s+|\/)${G}){0,7}\/?|${G}(?:(?:\s+|\/)${G}){0,6}(?:\s+|\/)[A-Za-z]{0,4}[0-9]{3,8})$`,
  "u",
);

/** Pieces of sign-off lines and of what is nearly one. */
const piece = fc.oneof(
  fc.constantFrom(...agencyTags),
  fc.constantFrom("-", "--", "---", "—", "–", "/", " ", "  ", "\u00a0", "\u2003", "\t", "\u200c", "\u200d"),
  fc.constantFrom(
    "एसकेपी",
    "skp",
    "anm",
    "AB",
    "RGCHT",
    "BERNAMA",
    "XINHUA",
    "TDSTDS",
    "abcdefghijklm",
    "क",
    "ab1",
    "GC1745",
    "1310",
    "12",
    "𝐀",
    "🙂",
    "\u0301",
    "।",
    ".",
    "\ud800",
  ),
  fc.string({ maxLength: 3 }),
);
const line = fc.array(piece, { maxLength: 8 }).map((a) => a.join(""));

describe("sign-off lines read by hand", () => {
  it("signLineParts reads what the sign-line pattern reads", () => {
    fc.assert(
      fc.property(line, (s) => {
        const m = SIGN_LINE.exec(s);
        // (Else the tag in capitals, alone after the dashes, when it names an agency: `-- BERNAMA`.)
        const caps = m ? null : CAPS_SIGN_LINE.exec(s);
        const want = m
          ? { tag: m[1], codes: m[2] ?? m[3] ?? null }
          : caps && agencyOf(caps[1]!)?.code
            ? { tag: caps[1], codes: null }
            : null;
        expect(signLineParts(s)).toEqual(want);
      }),
      { numRuns: 20000 },
    );
  });

  it("isDeskCodes reads what the codes pattern reads", () => {
    fc.assert(
      fc.property(line, (s) => {
        expect(isDeskCodes(s, 0, s.length)).toBe(CODES_LINE.test(s));
      }),
      { numRuns: 20000 },
    );
  });

  it("initialsLineTag reads what the initials pattern reads", () => {
    const initials = fc
      .tuple(fc.constantFrom(...agencyTags), fc.array(piece, { maxLength: 10 }))
      .map(([t, a]) => t + a.join(""));
    fc.assert(
      fc.property(fc.oneof(line, initials), (s) => {
        // A stray full stop after a capital closing the line is left out (`PTI MPBSMN.`).
        expect(initialsLineTag(s)).toBe(INITIALS_LINE.exec(s.replace(/(?<=[A-Z])\.$/u, ""))?.[1] ?? null);
      }),
      { numRuns: 20000 },
    );
  });

  it("finds the forms it is for", () => {
    expect(signLineParts("--आईएएनएस")).toEqual({ tag: "आईएएनएस", codes: null });
    expect(signLineParts("-- IANS skp/anm")).toEqual({ tag: "IANS", codes: "skp/anm" });
    expect(signLineParts("—IANS")).toEqual({ tag: "IANS", codes: null });
    expect(signLineParts("----IANS")).toBeNull();
    expect(signLineParts("-AFP/wk")).toEqual({ tag: "AFP", codes: "wk" });
    expect(signLineParts("-- BERNAMA")).toEqual({ tag: "BERNAMA", codes: null });
    expect(signLineParts("-- BANGALORE")).toBeNull();
    expect(isDeskCodes("ab/", 0, 3)).toBe(true);
    expect(isDeskCodes("a//b", 0, 4)).toBe(false);
    expect(initialsLineTag("AAP XY/ab")).toBe("AAP");
    expect(initialsLineTag("UNI BR VA AKJ GC1745")).toBe("UNI");
    expect(initialsLineTag("UNI 1745")).toBeNull();
    expect(initialsLineTag("PTI CHS CHT RGCHT")).toBe("PTI");
    expect(initialsLineTag("PTI MPBSMN.")).toBe("PTI");
    expect(initialsLineTag("PTI mpb.")).toBeNull();
    expect(initialsLineTag("PTI Staff Writer")).toBeNull();
  });
});

describe("header lines: cheap tests before the patterns", () => {
  const piece = fc.oneof(
    fc.constantFrom(...agencyTags, "Photo", "PHOTO", "File  photo", "Image", "फोटो", "तस्वीर", "ſource", "Updated"),
    fc.constantFrom(
      "(",
      ")",
      "[",
      "]",
      "/",
      ":",
      " ",
      "\u00a0",
      ",",
      ".",
      "Wed",
      "Mar",
      "26",
      "6:55",
      "PM",
      "ET",
      "ago",
    ),
    fc.constantFrom("hr", "2008", "कहा", "Xie Huanchi", "🙂"),
    fc.string({ maxLength: 3 }),
  );
  const line = fc.array(piece, { maxLength: 9 }).map((a) => a.join(""));
  const caption = fc
    .tuple(
      fc.constantFrom("", "(", "[", "A view. ("),
      fc.constantFrom("Photo", "photo", "File photo", "Image", "फोटो", "Xinhua", "AP Photo", "IANS"),
      fc.constantFrom(":", "/", " : ", " ", ""),
      fc.constantFrom("Xinhua", "Jane Roe", "IANS", ""),
      fc.constantFrom(")", "]", ""),
    )
    .map((t) => t.join(""));
  const stamp = fc
    .tuple(
      fc.constantFrom("", "Updated: ", "Posted "),
      fc.constantFrom("", "Wed ", "Sun, "),
      fc.constantFrom("", "Mar 26", "27 March 2008", "March 27, 2008"),
      fc.constantFrom("", ", 6:55 PM ET", " 10.30"),
    )
    .map((t) => t.join(""));

  it("never turn away a line the caption or time-stamp pattern reads", () => {
    let captions = 0;
    let stamps = 0;
    fc.assert(
      fc.property(fc.oneof(line, caption, stamp), (s) => {
        if (CAPTION.test(s)) {
          captions++;
          expect(mayBeCaption(s)).toBe(true);
        }
        if (TIMESTAMP.test(s)) {
          stamps++;
          expect(mayBeTimestamp(s)).toBe(true);
        }
      }),
      { numRuns: 20000 },
    );
    // The generator does reach both patterns.
    expect(captions).toBeGreaterThan(20);
    expect(stamps).toBeGreaterThan(20);
  });

  it("isCreditLine is headerKind's credit", () => {
    const credit = fc.constantFrom("Indo Asian News Service", "IANS India Private Limited", "(c) Reuters 2019");
    fc.assert(
      fc.property(
        fc.oneof(
          line,
          credit,
          fc.tuple(line, credit, line).map((t) => t.join(" ")),
        ),
        (s) => {
          expect(isCreditLine(s)).toBe(headerKind(s) === "credit");
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe("sign-off marks' cheap tests (signoffs.json `needs`)", () => {
  const marks = (
    signoffTable.marks as { line: string; glued?: string; above?: string; flags?: string; needs?: string[] }[]
  ).map((m) => ({
    needs: m.needs ?? null,
    patterns: [m.line, m.glued].filter((p): p is string => !!p).map((p) => new RegExp(p, `u${m.flags ?? ""}`)),
  }));
  /** What the parser asks before it tries a mark's patterns: one of its words, in any case. */
  const mayHold = (needs: string[] | null, s: string) =>
    needs === null || needs.some((w) => s.toLowerCase().replaceAll("ſ", "s").includes(w));
  /** Pieces of the closing marks and of lines that nearly are one. */
  const part = fc.constantFrom(
    "(",
    ")",
    "[",
    "]",
    "-",
    "—",
    "–",
    " ",
    ".",
    "।",
    '"',
    "”",
    ",",
    ":",
    "/",
    "Reuters",
    "REUTER",
    "Reuter",
    "Xinhua",
    "Enditem",
    "ENDITEM",
    "■",
    "(END)",
    "AP-",
    "LA",
    "-12-05-2019",
    " 1530EST",
    "PTI",
    "पीटीआई",
    "भाषा",
    "Source",
    "source",
    "Courtesy",
    "Provided by",
    "With",
    "inputs",
    "input",
    "from",
    "News Agency",
    "©",
    "(c)",
    "Copyright",
    "2020",
    "All rights reserved",
    "Reporting by",
    "Editing by",
    "Jan",
    " 5",
    "12",
    "abc@yna.co.kr",
    "इनपुट",
    "से",
    "के साथ",
    "Yonhap",
    "A",
    "b",
    "ſ",
    "[IANS]",
    "(Xinhua)",
    "(AFP, Jan 5, 2020)",
    "- Reuters",
  );
  it("every line a mark's patterns read holds one of the mark's words", () => {
    fc.assert(
      fc.property(fc.array(part, { maxLength: 10 }), (parts) => {
        const s = parts.join("");
        for (const m of marks)
          for (const re of m.patterns) if (re.test(s)) expect(mayHold(m.needs, s), `${re} ${s}`).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
  it("every mark has its words (a run tries no mark's patterns on a line without them)", () => {
    for (const m of marks) expect(m.needs?.length, String(m.patterns[0])).toBeGreaterThan(0);
  });
});
