// Small stages on their own: dates, desk codes, decoding, positions, sentences.
import { describe, expect, it } from "vitest";
import { dateAtEnd, inferYear, parseRefDate } from "../src/parse/date.js";
import { latinOfCode, monthOf } from "../src/data/index.js";
import { decode, firstInvalidUtf8 } from "../src/text/decode.js";
import { Positions } from "../src/text/positions.js";
import { fold } from "../src/text/chars.js";
import { parse } from "../src/index.js";
import { countryNamedIn } from "../src/parse/places.js";

describe("dates", () => {
  it.each([
    ["सोल, 14 सितंबर", 14, 9, null],
    ["नई दिल्ली, 14 सितम्बर", 14, 9, null],
    ["x, २३ अगस्त", 23, 8, null],
    ["नयी दिल्ली, दो मार्च", 2, 3, null],
    ["बिजनौर, एक मई", 1, 5, null],
    ["x, 3 फ़रवरी", 3, 2, null],
    ["x, 3 फरवरी", 3, 2, null],
    ["x, 9 अक्तूबर 2023", 9, 10, 2023],
    ["New Delhi, Sep 14", 14, 9, null],
    ["New Delhi, Sept. 14, 2023", 14, 9, 2023],
    ["Allahabad, Aug 01", 1, 8, null],
    ["London, 14 September 2023", 14, 9, 2023],
    ["SALVADOR, FEB 26", 26, 2, null],
  ])("%s", (s, day, month, year) => {
    expect(dateAtEnd(s)).toMatchObject({ day, month, year });
  });

  it("is not fooled by words that are not months", () => {
    expect(dateAtEnd("New Delhi")).toBeNull();
    expect(dateAtEnd("Kim, 45 years")).toBeNull();
    expect(monthOf("Mayday")).toBeNull();
  });

  it("infers the latest year not after the reference date", () => {
    const ref = parseRefDate("2024-09-14")!;
    expect(inferYear(14, 9, ref)).toBe(2024);
    expect(inferYear(15, 9, ref)).toBe(2023);
    expect(inferYear(1, 1, ref)).toBe(2024);
    expect(inferYear(29, 2, parseRefDate("2023-06-01")!)).toBe(2020);
    expect(parseRefDate("2023-02-29")).toBeNull();
    expect(parseRefDate("14-09-2024")).toBeNull();
  });
});

describe("desk codes", () => {
  it.each([
    ["एसकेपी", "SKP"],
    ["एएनएम", "ANM"],
    ["जीसीबी", "GCB"],
    ["एसजीके", "SGK"],
    ["डब्ल्यूएस", "WS"],
    ["वाईएस", "YS"],
    ["skp", "SKP"],
    ["ab", "AB"],
  ])("%s -> %s", (code, latin) => {
    expect(latinOfCode(code)).toBe(latin);
  });

  it("is null for words that are not letter names", () => {
    expect(latinOfCode("कहा")).toBeNull();
  });
});

describe("decode", () => {
  it("finds the first invalid UTF-8 byte, rejecting overlongs and surrogates", () => {
    expect(firstInvalidUtf8(Buffer.from("abc"))).toBe(3);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xed, 0xa0, 0x80]))).toBe(1);
    expect(firstInvalidUtf8(Buffer.from([0xe0, 0xa4]))).toBe(0);
  });

  it("reports UTF-16 with an odd byte count as invalid", () => {
    expect(decode(Buffer.from([0xff, 0xfe, 0x41])).findings[0]!.code).toBe("invalid-encoding");
  });
});

describe("positions", () => {
  it("counts code points, lines and columns across astral characters and CRLF", () => {
    const t = "a😀b\r\nc\rd";
    const p = new Positions(t);
    expect(p.cp(3)).toBe(2); // "b"
    expect(p.line(6)).toBe(2); // "c"
    expect(p.line(8)).toBe(3); // "d"
    expect(p.column(3)).toBe(3);
  });

  it("gives code-point spans in the record", () => {
    const t = "😀 शीर्षक\nसोल, 14 सितंबर (आईएएनएस)। पाठ।";
    const [s] = parse(t);
    expect(s!.headline!.text).toBe("😀 शीर्षक");
    expect(s!.dateline!.span.start).toBe(9);
    expect(s!.dateline!.line).toBe(2);
    expect(Array.from(t).slice(s!.dateline!.span.start, s!.dateline!.span.end).join("")).toBe(s!.dateline!.text);
  });
});

describe("fold", () => {
  it("folds nukta, ZWJ, chandrabindu, case and dots", () => {
    expect(fold("फ़रवरी")).toBe(fold("फरवरी"));
    expect(fold("लॉस एंजिल्\u200dस")).toBe(fold("लॉस एंजिल्स"));
    expect(fold("Sept.")).toBe("sept");
  });
});

describe("subjects across appositives", () => {
  const sourceOf = (t: string) => parse(t)[0]!.attributions.map((a) => a.source.text);

  it("English: the name before 'who ...' or a short appositive, not the words after the verb", () => {
    expect(
      sourceOf(
        "Chennai, May 2 (IANS) Actor Ravi Kumar, who is shooting in Ooty, said three of his films are ready.\n",
      )[0],
    ).toContain("Ravi Kumar");
    expect(
      sourceOf("Chennai, May 2 (IANS) Lata Menon, mother of the athlete, said the medal was a surprise.\n")[0],
    ).toContain("Lata Menon");
    // A verb after a full clause and a comma still takes the name after it.
    expect(sourceOf("Chennai, May 2 (IANS) Prices will rise next month, said Daniel Thomas.\n")[0]).toBe(
      "Daniel Thomas",
    );
  });

  it("Hindi: the name before a relative clause ahead of ने", () => {
    expect(
      sourceOf("पटना, 2 मई (आईएएनएस)। किसान रामू यादव, जिनकी फसल बाढ़ में बह गई, ने बताया कि गांव में पानी भरा है।\n")[0],
    ).toContain("रामू यादव");
  });
});

describe("the country a lead names", () => {
  it("the first country named, by its longest name, maybe with a possessive; none when no country is named", () => {
    expect(countryNamedIn("The Kenyan government plans a security drive in northwest Kenya.")?.country).toBe("KE");
    expect(countryNamedIn("Fighter jets from south China's Guangdong flew over Pakistan.")?.country).toBe("CN");
    expect(countryNamedIn("Leaders of the United Arab Emirates met on Monday.")?.country).toBe("AE");
    expect(countryNamedIn("सऊदी अरब की राजधानी में बैठक हुई।")?.country).toBe("SA");
    expect(countryNamedIn("Two men were arrested in Mumbai on Monday.")).toBeUndefined();
    expect(countryNamedIn("")).toBeUndefined();
  });
});
