import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { convertKrutiDev, looksKrutiDev } from "../src/legacy/krutidev.js";
import table from "../src/data/krutidev.json" with { type: "json" };
import { root } from "./helpers.js";

/** Kruti Dev 010 input -> the Unicode Hindi it stands for. */
const WORDS: [string, string][] = [
  ["gsyks oYMZ", "हेलो वर्ल्ड"],
  ["Hkkjr", "भारत"],
  ["ubZ fnYyh", "नई दिल्ली"],
  ["fd;k", "किया"],
  ["xk¡o", "गाँव"],
  ["dk;ZØe", "कार्यक्रम"],
  ["fLFkfr", "स्थिति"],
  ["iz/kkuea=h", "प्रधानमंत्री"],
  ["Jhuxj", "श्रीनगर"],
  ["{ks=", "क्षेत्र"],
  ["Kku", "ज्ञान"],
  ["f=iqjk", "त्रिपुरा"],
  ["mÙkj izns'k", "उत्तर प्रदेश"],
  ["lkseokj", "सोमवार"],
  ['jk"Vªifr', "राष्ट्रपति"],
  ["dgk fd", "कहा कि"],
  ["dsanz ljdkj", "केंद्र सरकार"],
  ["vkSj", "और"],
  ["fganh", "हिंदी"],
  ["fgUnh", "हिन्दी"],
  ["dhfrZ", "कीर्ति"],
  ["/keZ", "धर्म"],
  ["iwoZ", "पूर्व"],
  ["fo'o", "विश्व"],
  ["cSBd", "बैठक"],
  ["vk;ksx", "आयोग"],
  ["lqfo/kk", "सुविधा"],
  ["vf/kdkjh", "अधिकारी"],
  ["MkWDVj", "डॉक्टर"],
  ["i<+kbZ", "पढ़ाई"],
  ["yM+dh", "लड़की"],
  ["tgk¡", "जहाँ"],
  ["esa", "में"],
  ["mUgksaus", "उन्होंने"],
  ["f}rh;", "द्वितीय"],
  ["egRoiw.kZ", "महत्वपूर्ण"],
  ["vFkZO;oLFkk", "अर्थव्यवस्था"],
  ["/kU;okn", "धन्यवाद"],
  ['n`f"V', "दृष्टि"],
  ['Ñf"k', "कृषि"],
  ["fczfV'k", "ब्रिटिश"],
  ["dk;kZy;", "कार्यालय"],
  ['ofj"B', "वरिष्ठ"],
  ["leh{kk", "समीक्षा"],
  ["ekpZ", "मार्च"],
  ["#i;s", "रुपये"],
  ["djksM+", "करोड़"],
  ["mÙkjk[kaM", "उत्तराखंड"],
  ["jkT;ksa", "राज्यों"],
  ["Nk=k", "छात्रा"],
  ["nq%[k", "दुःख"],
  ["vkWDlQksMZ", "ऑक्सफोर्ड"],
  ["¼vkbZ,,u,l½A", "(आईएएनएस)।"],
  ["&&vkbZ,,u,l", "--आईएएनएस"],
  [",ldsih@,,u,e", "एसकेपी/एएनएम"],
];

describe("convertKrutiDev: words and phrases", () => {
  for (const [kruti, hindi] of WORDS) {
    it(`${kruti} -> ${hindi}`, () => {
      expect(convertKrutiDev(kruti).text).toBe(hindi);
    });
  }

  it("writes NFC text", () => {
    for (const [kruti] of WORDS) {
      const t = convertKrutiDev(kruti).text;
      expect(t).toBe(t.normalize("NFC"));
    }
  });

  it("reads the same order of ि + ं either way (`fganh`, `fagnh`, `Çgnh`)", () => {
    expect(convertKrutiDev("fagnh").text).toBe("हिंदी");
    expect(convertKrutiDev("\u00c7gnh").text).toBe("हिंदी");
    expect(convertKrutiDev("eas").text).toBe("में");
  });

  it("puts a reph over a long cluster with its vowel signs before the whole cluster", () => {
    expect(convertKrutiDev("oYMZ").text).toBe("वर्ल्ड");
    expect(convertKrutiDev("dk±").text).toBe("र्कां");
  });

  it("passes spaces, line breaks, ASCII digits, dashes and Unicode Devanagari through", () => {
    expect(convertKrutiDev("14 flracj\n2024").text).toBe("14 सितंबर\n2024");
    expect(convertKrutiDev("Hkkjr \u2014 ikd").text).toBe("भारत \u2014 पाक");
    expect(convertKrutiDev("भारत Hkkjr").text).toBe("भारत भारत");
  });

  it("maps the font's Devanagari digits, also when read as Latin-1 C1 controls", () => {
    expect(convertKrutiDev("\u0192\u201e\u00e5").text).toBe("१२०");
    expect(convertKrutiDev("\u0083\u0084").text).toBe("१२");
  });

  it("handles stray reordering keys without losing input", () => {
    expect(convertKrutiDev("f").text).toBe("ि");
    expect(convertKrutiDev("Z dk").text).toBe("र् का");
    expect(convertKrutiDev("").text).toBe("");
  });
});

describe("convertKrutiDev: source map", () => {
  const check = (input: string) => {
    const { text, source } = convertKrutiDev(input);
    expect(source.length).toBe(text.length);
    for (const s of source) {
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(input.length);
    }
    return { text, source: Array.from(source) };
  };

  it("maps every output unit into the input", () => {
    for (const [kruti] of WORDS) check(kruti);
    check(readFileSync(join(root, "fixtures/legacy/krutidev-story.txt"), "utf8"));
  });

  it("is monotone for words without f or Z", () => {
    for (const [kruti] of WORDS) {
      if (/[fZ]/.test(kruti) || /a[ksSqwh]|¡k/.test(kruti)) continue;
      const { source } = check(kruti);
      for (let k = 1; k < source.length; k++) expect(source[k]!).toBeGreaterThanOrEqual(source[k - 1]!);
    }
  });

  it("maps a moved ि to its `f` and a moved र् to its `Z`", () => {
    expect(check("fd").source).toEqual([1, 0]); // क from d, ि from f
    const fl = check("fLFkfr"); // स् थ ि त ि
    expect(fl.text).toBe("स्थिति");
    expect(fl.source).toEqual([1, 1, 2, 0, 5, 4]);
    const kk = check("dk;ZØe"); // क ा र ् य क ् र म
    expect(kk.text).toBe("कार्यक्रम");
    expect(kk.source).toEqual([0, 1, 3, 3, 2, 4, 4, 4, 5]);
  });

  it("lets a caller slice a word's input by its output span", () => {
    const input = "ubZ fnYyh] 14 flracj";
    const { text, source } = convertKrutiDev(input);
    const start = text.indexOf("दिल्ली");
    const end = start + "दिल्ली".length;
    const offs = Array.from(source.slice(start, end));
    expect(input.slice(Math.min(...offs), Math.max(...offs) + 1)).toBe("fnYyh");
  });

  it("is linear on long and hostile input", () => {
    const story = readFileSync(join(root, "fixtures/legacy/krutidev-story.txt"), "utf8").repeat(300);
    for (const s of [
      story,
      "D".repeat(100_000) + "dZ",
      "d" + "Z".repeat(100_000),
      "f".repeat(100_000) + "d",
      "d" + "s".repeat(50_000) + "z".repeat(50_000),
    ]) {
      const t = performance.now();
      const r = convertKrutiDev(s);
      looksKrutiDev(s);
      expect(r.source.length).toBe(r.text.length);
      expect(performance.now() - t).toBeLessThan(2000);
    }
  });
});

describe("krutidev.json", () => {
  it("lists every longer key before the shorter keys it starts with", () => {
    const keys = table.map.map((p) => p[0]!);
    expect(new Set(keys).size).toBe(keys.length);
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        if (keys[j]!.length > keys[i]!.length)
          expect(keys[j]!.startsWith(keys[i]!), `${keys[j]} after ${keys[i]}`).toBe(false);
      }
    }
  });

  it("covers every ASCII letter and the layout's key signs", () => {
    const keys = new Set(table.map.map((p) => p[0]!));
    for (const c of "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") expect(keys.has(c), c).toBe(true);
    for (const k of [
      "[k",
      "?k",
      "vk",
      "bZ",
      "Å",
      ",",
      ",s",
      "vks",
      "vkS",
      "_",
      "J",
      "=",
      "{k",
      "K",
      "Ù",
      "~",
      "A",
      "¡",
      "%",
      "+",
      "ks",
      "kS",
    ]) {
      expect(keys.has(k), k).toBe(true);
    }
  });
});

describe("fixtures/legacy", () => {
  it("converts the Kruti Dev story to its expected Unicode text", () => {
    const story = readFileSync(join(root, "fixtures/legacy/krutidev-story.txt"), "utf8");
    const expected = readFileSync(join(root, "fixtures/legacy/krutidev-story.expected.txt"), "utf8");
    expect(convertKrutiDev(story).text).toBe(expected);
    expect(looksKrutiDev(story)).toBe(true);
  });
});

const KRUTI_PARAGRAPHS: [string, string][] = [
  [
    "ubZ fnYyh] 14 flracj ¼vkbZ,,u,l½A dsanz ljdkj us lkseokj dks dgk fd ns'k ds lHkh ftyksa esa vxys lky ekpZ rd u, Mkd?kj [kksys tk,axsA lapkj ea=ky; ds ,d ofj\"B vf/kdkjh us crk;k fd igys pj.k esa mÙkj izns'k] fcgkj vkSj f=iqjk ds xzkeh.k {ks=ksa dks 'kkfey fd;k x;k gSA",
    "नई दिल्ली, 14 सितंबर (आईएएनएस)। केंद्र सरकार ने सोमवार को कहा कि देश के सभी जिलों में अगले साल मार्च तक नए डाकघर खोले जाएंगे। संचार मंत्रालय के एक वरिष्ठ अधिकारी ने बताया कि पहले चरण में उत्तर प्रदेश, बिहार और त्रिपुरा के ग्रामीण क्षेत्रों को शामिल किया गया है।",
  ],
  [
    "jk\"Vªifr us eaxyokj dks jk\"Vªifr Hkou esa ,d lekjksg esa dgk fd f'k{kk gh ns'k ds fodkl dh uhao gSA mUgksaus ;qokvksa ls xk¡oksa esa tkdj dke djus dh vihy dhA",
    "राष्ट्रपति ने मंगलवार को राष्ट्रपति भवन में एक समारोह में कहा कि शिक्षा ही देश के विकास की नींव है। उन्होंने युवाओं से गाँवों में जाकर काम करने की अपील की।",
  ],
  [
    "ekSle foHkkx us vxys nks fnuksa esa mÙkj Hkkjr ds dbZ jkT;ksa esa Hkkjh ckfj'k dh psrkouh tkjh dh gSA foHkkx ds vuqlkj] fgekpy izns'k vkSj mÙkjk[kaM esa Hkw&L[kyu dk [krjk cuk gqvk gSA",
    "मौसम विभाग ने अगले दो दिनों में उत्तर भारत के कई राज्यों में भारी बारिश की चेतावनी जारी की है। विभाग के अनुसार, हिमाचल प्रदेश और उत्तराखंड में भू-स्खलन का खतरा बना हुआ है।",
  ],
];

const ENGLISH_PARAGRAPHS = [
  "New Delhi, Sep 14 (IANS) The Centre on Monday said new post offices will be opened in all districts of the country by March next year. A senior official of the Communications Ministry said rural areas of Uttar Pradesh, Bihar and Tripura have been included in the first phase.",
  "Mumbai, Oct 3 (Reuters) - Indian shares ended higher on Tuesday, led by gains in banking and IT stocks, as investors cheered strong quarterly results. The NSE Nifty 50 rose 0.8% to close at 19,638.30, while the S&P BSE Sensex gained 1.1%. Analysts said foreign inflows and a steady rupee supported the market.",
  "The Prime Minister inaugurated the Rs 1,200 crore expressway in Lucknow and said it would cut travel time to Delhi by nearly three hours. Mr Singh, who was accompanied by the Chief Minister, told reporters that work on two more corridors would begin next month. The BJP and the Congress traded charges over the project's cost.",
  "SEOUL, Nov 2 (Yonhap) -- North Korea fired a short-range ballistic missile into the East Sea on Thursday, South Korea's military said, days after Pyongyang warned of \"stronger measures\" against joint drills. The Joint Chiefs of Staff said the missile flew about 600 km before landing outside Japan's exclusive economic zone.",
  "Apple's new iPhone went on sale in India on Friday, with long queues outside its stores in Mumbai and Delhi. Company officials said demand was higher than last year, and that the phones would be made locally at a plant near Chennai. WhatsApp and YouTube were among the most downloaded apps during the festive week.",
];

describe("looksKrutiDev", () => {
  it("is true for Kruti Dev paragraphs", () => {
    for (const [p] of KRUTI_PARAGRAPHS) expect(looksKrutiDev(p), p).toBe(true);
  });

  it("converts the Kruti Dev paragraphs", () => {
    for (const [p, hindi] of KRUTI_PARAGRAPHS) expect(convertKrutiDev(p).text).toBe(hindi);
  });

  it("is true for two Kruti Dev sentences", () => {
    expect(looksKrutiDev("ljdkj us ;kstuk dks eatwjh ns nhA blls xk¡oksa dks Qk;nk gksxkA")).toBe(true);
  });

  it("is false for English news prose", () => {
    for (const p of ENGLISH_PARAGRAPHS) expect(looksKrutiDev(p), p).toBe(false);
    expect(looksKrutiDev(ENGLISH_PARAGRAPHS.join("\n\n"))).toBe(false);
  });

  it("is false for Devanagari text", () => {
    for (const [, hindi] of KRUTI_PARAGRAPHS) expect(looksKrutiDev(hindi)).toBe(false);
  });

  it("gives the same verdict when it stops early as after reading every word", () => {
    const words = [
      ...KRUTI_PARAGRAPHS.flatMap(([p]) => p.split(/\s+/u)),
      ...ENGLISH_PARAGRAPHS.flatMap((p) => p.split(/\s+/u)),
      "सरकार",
      "12,500",
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { maxLength: 60 }), (ws) => {
        const text = ws.join(" ");
        expect(looksKrutiDev(text)).toBe(looksKrutiDev(text, false));
      }),
      { numRuns: 2000 },
    );
  });

  it("is false for too little text", () => {
    expect(looksKrutiDev("")).toBe(false);
    expect(looksKrutiDev("dk gS")).toBe(false);
  });
});
