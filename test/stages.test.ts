// Each recogniser tested on its own, on the examples its file's doc comment shows (`> | ...`):
// every example there has a row here (so the comment cannot show what the code does not do),
// and each row says which rule reads it. Rule tables: every row is read by some example.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DATELINE_RULES, findDateline } from "../src/parse/dateline.js";
import {
  agencyPlaceCredit,
  bylineBeforeStamp,
  isDateTimeStamp,
  gluedLeadAt,
  headerKind,
  isHeadline,
  isTitleOverPage,
  isPageLeftover,
  isTitleLine,
  listNumberAt,
} from "../src/parse/headline.js";
import { scanLines } from "../src/parse/lines.js";
import { findSignoff, SIGNOFF_RULES } from "../src/parse/signoff.js";
import { maskMarkup } from "../src/text/markup.js";
import { QUOTE_KIND_RULES } from "../src/quotes/index.js";
import { pairMarks } from "../src/quotes/marks.js";
import { paragraphsOf } from "../src/parse/paragraphs.js";
import { findSlugs, splitTrailer } from "../src/parse/leftovers.js";
import type { Finding } from "../src/diagnostics.js";
import { parseDetailed } from "../src/index.js";
import { run } from "../src/cli/run.js";
import { root } from "./helpers.js";

/** The `> | ...` examples of a source file's doc comments, each without its description. */
function docExamples(file: string): string[] {
  const out: string[] = [];
  for (const line of readFileSync(join(root, file), "utf8").split("\n")) {
    if (!/^\s*\*\s+> \|/u.test(line)) continue;
    // Several examples may stand side by side: `> | a      > | b`.
    for (const piece of line.split(/> \| /u).slice(1)) {
      const example = piece
        .trim()
        .split(/\s{2,}|\s+<-/u)[0]!
        .trim();
      if (example) out.push(example);
    }
  }
  return out;
}

interface Row {
  /** The example as the doc comment shows it. */
  example: string;
  /** The input tested, when the example needs more around it (the lines below, say). */
  input?: string;
  /** The rule that reads it, or null: the example shows what is not this part. */
  rule: string | null;
  /** The text of the part found. */
  text?: string;
}

function covers(file: string, rows: Row[]) {
  it(`${file}: every doc example has a test row`, () => {
    expect(docExamples(file).filter((e) => !rows.some((r) => r.example === e))).toEqual([]);
  });
}

describe("dateline forms (parse/dateline.ts)", () => {
  const rows: Row[] = [
    { example: "सोल, 14 सितंबर (आईएएनएस)। रूसी राष्ट्रपति ...", rule: "paren-tag", text: "सोल, 14 सितंबर (आईएएनएस)।" },
    { example: "वॉशिंगटन (आईएएनएस): भारतीय मूल के ...", rule: "paren-tag", text: "वॉशिंगटन (आईएएनएस):" },
    { example: "भोपाल, आइएएनएस । मध्य प्रदेश में ...", rule: "comma-tag", text: "भोपाल, आइएएनएस ।" },
    { example: "एएनआई, ढाका (बांग्लादेश)। शहर में ...", rule: "tag-comma", text: "एएनआई, ढाका (बांग्लादेश)।" },
    { example: "AFP, Nigeria : Gunmen killed ...", rule: "tag-comma", text: "AFP, Nigeria :" },
    {
      example: "Nairobi, Kenya | Xinhua |",
      input: "Nairobi, Kenya | Xinhua |  Police said on Saturday they were questioning a suspect.",
      rule: "place-bar-tag",
      text: "Nairobi, Kenya | Xinhua |",
    },
    { example: "(no agency between the bars)", input: "Nairobi, Kenya | Sports |  Police said so.", rule: null },
    {
      example: "(the place filling the line)",
      input: "AFP, Kabul\nThree people working on the elections were killed in a bomb attack, the United Nations said.",
      rule: "tag-comma",
      text: "AFP, Kabul",
    },
    {
      example: "(a desk's credit for the tag)",
      input: "डिजिटल डेस्क, मुंबई। अभिनेता ने ...",
      rule: "tag-comma",
      text: "डिजिटल डेस्क, मुंबई।",
    },
    { example: "(no known place after the tag)", input: "AFP, officials said: the ...", rule: null },
    { example: "आईएएनएस", input: "आईएएनएस\nहैदराबाद। शहर में ...", rule: "bare-tag-line", text: "आईएएनएस\nहैदराबाद।" },
    {
      example: "(the place and the day below the tag)",
      input:
        "PTI\nNew Delhi, May 29\nA fire broke out at a garment shop in the central market on Monday, officials said.",
      rule: "bare-tag-line",
      text: "PTI\nNew Delhi, May 29",
    },
    { example: "हैदराबाद।", rule: null },
    {
      example: "PORTLAND, Ore., Feb 26 - Oregon ...",
      input: "    PORTLAND, Ore., Feb 26 - Oregon ...",
      rule: "date-dash",
      text: "PORTLAND, Ore., Feb 26 -",
    },
    { example: "By Lalit K Jha Washington, Jul 27 (PTI) ...", rule: "paren-tag", text: "Washington, Jul 27 (PTI)" },
    { example: "Mar 4 (Reuters) - ...", rule: "paren-tag", text: "Mar 4 (Reuters) -" },
    { example: "CHICAGO (REUTERS) - ...", rule: "paren-tag", text: "CHICAGO (REUTERS) -" },
    {
      example: "Houston TX (UPI) Jan 20, 2005 The space agency ...",
      rule: "paren-tag",
      text: "Houston TX (UPI) Jan 20, 2005",
    },
    { example: "LIMA, Peru (AP) _ ...", rule: "paren-tag", text: "LIMA, Peru (AP) _" },
    { example: "PUNE/MUMBAI: (Mar 3) ...", rule: "colon-date", text: "PUNE/MUMBAI: (Mar 3)" },
    { example: "PERTH, May 9 AAP - ...", rule: "date-tag", text: "PERTH, May 9 AAP -" },
    {
      example: "AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ -- ...",
      rule: "date-tag",
      text: "AUSTIN, Texas, Feb. 1, 2017 /PRNewswire-AsiaNet/ --",
    },
    {
      example: "SEOUL -- ...",
      input: "SEOUL -- South Korean delegates left Tuesday.",
      rule: "place-dashes",
      text: "SEOUL --",
    },
    {
      example: "SEOUL-- ... (the dashes glued to the place)",
      input: "SEOUL-- North Korea fired a short-range missile on Saturday.",
      rule: "place-dashes",
      text: "SEOUL--",
    },
    {
      example: "KOLKATA: The Eastern Railway said on ...",
      input: "KOLKATA: The Eastern Railway said on Tuesday that it extended full cooperation to the fire brigade.",
      rule: "place-colon",
      text: "KOLKATA:",
    },
    {
      example: "[SEOUL] The South Korean won sped ...",
      input: "[SEOUL] The South Korean won sped to a seven-week closing high on Thursday as exporters sold dollars.",
      rule: "bracket-place-lead",
      text: "[SEOUL]",
    },
    {
      example: "मुंबई, स्थानीय शेयर बाजारों में गिरावट का सिलसिला बृहस्पतिवार को भी जारी रहा।",
      rule: "place-comma",
      text: "मुंबई,",
    },
    {
      example: "(a place in capitals, a comma, the lead)",
      input: "SEOUL, South Korea's point man on North Korea said Tuesday the vision should factor in recent changes.",
      rule: "place-comma",
      text: "SEOUL,",
    },
    {
      example: "(places listed at a sentence's start)",
      input: "दिल्ली, मुंबई और कोलकाता में बृहस्पतिवार को भारी बारिश हुई।",
      rule: null,
    },
    {
      example: "(a place in mixed case before an appositive)",
      input: "Mumbai, India's financial capital, recorded its heaviest rain of the season on Thursday.",
      rule: null,
    },
    {
      example: "(a bracketed word no gazetteer knows)",
      input: "[UPDATE] The South Korean won sped to a seven-week closing high on Thursday as exporters sold dollars.",
      rule: null,
    },
    {
      example: "Gujarat गांधीनगर: ... (a portal's Latin keyword before the place)",
      input: "Gujarat गांधीनगर: गुजरात के गांधीनगर में पुराने सचिवालय भवन में मंगलवार को आग लग गई।",
      rule: "place-colon",
      text: "गांधीनगर:",
    },
    {
      example: "(a headline with no sentence end)",
      input: "Kolkata: Railways rebut the chief minister on the fire",
      rule: null,
    },
    {
      example: "नई दिल्ली 27 फरवरी।भारत ने ...",
      input: "नई दिल्ली 27 फरवरी।भारत ने राजधानी की हिंसा पर एक विदेशी संस्था की टिप्पणियों को भ्रामक बताया है।",
      rule: "place-date-mark",
      text: "नई दिल्ली 27 फरवरी।",
    },
    {
      example: "(place, comma, date, colon)",
      input: "जयपुर, 3 अप्रैल: राज्य सरकार ने बुधवार को कहा कि सभी सरकारी स्कूल सुबह की पाली में चलेंगे।",
      rule: "place-date-mark",
      text: "जयपुर, 3 अप्रैल:",
    },
    { example: "(a headline: no sentence in the lead)", input: "मुंबई 5 मार्च: शेयर बाजार गिरा", rule: null },
    {
      example: "New Delhi, January 15, 2013",
      input:
        "New Delhi, January 15, 2013\n\nThe top military officers of India and Pakistan will speak on their hotline this week, an army spokesman said.",
      rule: "place-date-line",
      text: "New Delhi, January 15, 2013",
    },
    {
      example: "(a credit line with no date: a byline, no dateline)",
      input:
        "Press Trust of India Kolkata\nThe state will open 200 new flood shelters before the monsoon, an official said.",
      rule: null,
    },
    {
      example: "(not a known place after the name)",
      input:
        "Press Trust of India Reports\nThe state will open 200 new flood shelters before the monsoon, an official said.",
      rule: null,
    },
    {
      example: "Kathmandu, March 29",
      input:
        "Kathmandu, March 29\nNepal has issued the first climbing permit for Mt. Everest this spring, the tourism department said.",
      rule: "place-date-line",
      text: "Kathmandu, March 29",
    },
    {
      example: "(a date with no year, under a headline)",
      input:
        "Hotline talks this week\n\nNew Delhi, January 15\n\nThe top military officers of India and Pakistan will speak on their hotline this week, an army spokesman said.",
      rule: "place-date-line",
      text: "New Delhi, January 15",
    },
    {
      example: "(ANI's copy without its tag: the country in brackets)",
      input:
        "Gandhidham [India], Apr 22 : The port authority will add six cargo berths over three years, officials said.",
      rule: "place-date-mark",
      text: "Gandhidham [India], Apr 22 :",
    },
    {
      example: "(ANI's tagged dateline)",
      input: "Shillong (Meghalaya) [India], Jan 8 (ANI): The minister said so on Saturday.",
      rule: "paren-tag",
      text: "Shillong (Meghalaya) [India], Jan 8 (ANI):",
    },
    {
      example: "(a lead too long for a headline, its sentence end glued to the next sentence)",
      input: `Mumbai: Calling its offer a case of unfair trade practice, the consumer commission has fined the operator Rs.2 million.${"The company lured its subscribers with the hope of prizes for long calls on any day of the month ".repeat(4)}`,
      rule: "place-colon",
      text: "Mumbai:",
    },
    { example: "(PANA: the country after a hyphen)", input: "Niamey- Niger (PANA) -- Talks ended.", rule: "paren-tag" },
    {
      example: "(not a known place)",
      input: "कुल 12 मार्च। इस दिन शहर के सभी स्कूल और दफ्तर बंद रहेंगे, प्रशासन ने बताया।",
      rule: null,
    },
    {
      example: "(not a place)",
      input: "Note: The figures below were revised on Monday after a recount by officials.",
      rule: null,
    },
    {
      example: "NEW YORK — The Walt Disney Co. ...",
      input: "NEW YORK — The Walt Disney Co. on Tuesday overhauled its film release plans.",
      rule: "place-dashes",
      text: "NEW YORK —",
    },
    {
      example: "LONE ROCK — A wildfire ...",
      input: "LONE ROCK — A wildfire forced the evacuation of two hundred homes in the valley on Sunday.",
      rule: "place-dashes",
      text: "LONE ROCK —",
    },
    {
      example: "... by morning. — Reuters picTHE HAGUE, July 30 — ...",
      input:
        "Firefighters controlled the blaze by morning. — Reuters picTHE HAGUE, July 30 — A fire forced the closure of the refinery on Monday.",
      rule: "date-dash",
      text: "THE HAGUE, July 30 —",
    },
    {
      example: "(a desk's label before the dash)",
      input: "INTERNATIONAL NEWS - A wildfire forced the evacuation of two hundred homes on Sunday.",
      rule: null,
    },
    {
      example: "By IANS, Hyderabad: Expert assistance ...",
      input: "By IANS, Hyderabad: Expert assistance from Egypt is on its way to conserve a mummy at a museum here.",
      rule: "agency-byline",
      text: "Hyderabad:",
    },
    {
      example: "(a byline naming no agency)",
      input: "By Anita Rao, Hyderabad: Expert assistance from Egypt is on its way to conserve a mummy here.",
      rule: null,
    },
    { example: "(a single dash after no known place)", input: "UPDATE - Police say the road is closed.", rule: null },
    { example: "(not a place: too short)", input: "US -- The talks ended.", rule: null },
    { example: "(not a place: lower case)", input: "Seoul -- the talks ended.", rule: null },
    {
      example: "अंकारा। तुर्की में ...",
      input: "अंकारा। तुर्की में भूकंप से मरने वालों की संख्या बढ़कर 31 हजार हो गई है।",
      rule: "place-danda",
      text: "अंकारा।",
    },
    {
      example: "(a bar typed for the danda)",
      input: "श्रीनगर | उत्तरी कश्मीर में बुधवार को हुई बर्फबारी से कई सड़कें बंद रहीं।",
      rule: "place-danda",
      text: "श्रीनगर |",
    },
    {
      example: "मुंबई/कोलकाता।",
      input: "मुंबई/कोलकाता। कंपनी ने मंगलवार को कहा कि उसका शुद्ध लाभ साल-दर-साल 62 फीसदी बढ़ा।",
      rule: "place-danda",
      text: "मुंबई/कोलकाता।",
    },
    {
      example: "(a sentence, not a place, before the danda)",
      input: "बारिश हुई। तुर्की में भूकंप से मरने वालों की संख्या बढ़ी है।",
      rule: null,
    },
    {
      example: "PTI New Delhi August 02, 2022 16:12 IST",
      input: "PTI New Delhi August 02, 2022 16:12 IST\nThe Centre will set up 50 new cold storage units this year.",
      rule: "agency-place-line",
      text: "New Delhi August 02, 2022",
    },
    {
      example: "नई दिल्ली: / शहर की ...",
      input: "नई दिल्ली:\nशहर की ऐतिहासिक जामा मस्जिद के निकट बम की झूठी खबर ने मंगलवार को पुलिस को परेशान किया.",
      rule: "place-colon-line",
      text: "नई दिल्ली:",
    },
    { example: "(a headline with a colon above a lead)", input: "Delhi:\nRain hits the city.", rule: null },
    {
      example: "CAIRO / Egyptian security forces ...",
      input: "CAIRO\nEgyptian security forces killed 12 militants in a shootout in the western desert on Friday.",
      rule: "caps-place-line",
      text: "CAIRO",
    },
    {
      example: "Seoul - Yonhap / Samsung Electronics ...",
      input:
        "Seoul - Yonhap\nSamsung Electronics Co.'s share in the global memory chip market reached a record high in the second quarter, data showed Sunday.",
      rule: "place-dash-tag",
      text: "Seoul - Yonhap",
    },
    {
      example: "(a place, a dash and a word that is no agency's tag: a headline)",
      input:
        "Seoul - Overview\nSamsung Electronics Co.'s share in the global memory chip market reached a record high in the second quarter, data showed Sunday.",
      rule: null,
    },
    {
      example: "Beijing / Beijing issued a yellow alert ...",
      input:
        "Beijing\n\nBeijing issued a yellow alert for heavy air pollution on Tuesday as a new round of smog hit the city.",
      rule: "city-line",
      text: "Beijing",
    },
    {
      example: "(a country alone in title case above a lead: a section's name)",
      input: "India\nThe government on Friday announced a new scheme for farmers in all states.",
      rule: null,
    },
    {
      example: "(a country alone in capitals above a lead: a section's name)",
      input: "INDIA\nThe government on Friday announced a new scheme for farmers in all states.",
      rule: null,
    },
    {
      example: "NAIROBI, Sept 24 Kenya's ...",
      input: "NAIROBI, Sept 24 Kenya's Citizen TV reported on Tuesday that troops had killed six more attackers.",
      rule: "caps-place-date-lead",
      text: "NAIROBI, Sept 24",
    },
    {
      example: "Geneva – World Health Organisation chief ...",
      input:
        "Geneva – World Health Organisation chief Margaret Chan has been vaccinated against the flu, a spokeswoman said.",
      rule: "city-dash-lead",
      text: "Geneva –",
    },
    {
      example: "(a country and a dash before a sentence: a section's name)",
      input: "India – The government on Sunday announced a new scheme for farmers in all the states of the country.",
      rule: null,
    },
    {
      example: "Lucknow, Nov 10 Three members ...",
      input:
        "Lucknow, Nov 10 Three members of a gang running a drug racket were arrested in a joint operation on Tuesday.",
      rule: "place-date-lead-latin",
      text: "Lucknow, Nov 10",
    },
    {
      example: "(a sentence that opens with a place and a comma, no date)",
      input: "London, the British capital, will host the summit next year, officials said on Friday.",
      rule: null,
    },
    {
      example: "CHENNAI The Sri Lankan Navy on Sunday ...",
      input: "CHENNAI The Sri Lankan Navy on Sunday arrested 12 fishermen from the state near Katchatheevu.",
      rule: "caps-place-lead",
      text: "CHENNAI",
    },
    {
      example: "(a country in capitals before a sentence: a section's name)",
      input: "INDIA The government on Sunday announced a new scheme for farmers in all states.",
      rule: null,
    },
    {
      example: "PARIS Aug 19 European shares rose ...",
      input: "PARIS Aug 19 European shares rose in early\ntrading on Tuesday, adding to the previous session's rally.",
      rule: "caps-place-date-lead",
      text: "PARIS Aug 19",
    },
    {
      example: "(a place in capitals and a date over a headline's words, no lead)",
      input: "PARIS Aug 19 Shares Rise\n\nEuropean shares rose in early trading on Tuesday, led by shipping groups.",
      rule: null,
    },
    {
      example: "नीमच (मप्र), तीन अक्टूबर मध्य प्रदेश के ...",
      input: "नीमच (मप्र), तीन अक्टूबर मध्य प्रदेश के नीमच जिले में बिजली गिरने से दो लोगों की मौत हो गई।",
      rule: "place-date-lead",
      text: "नीमच (मप्र), तीन अक्टूबर",
    },
    {
      example: "नयी दिल्ली, पांच जून दिल्ली में ...",
      input: "नयी दिल्ली, पांच जून दिल्ली में अरविंद केजरीवाल सरकार की योजना पर केंद्र ने रोक लगा दी है।",
      rule: "place-date-lead",
      text: "नयी दिल्ली, पांच जून",
    },
    {
      example: "(a tag no table knows, a space, the lead)",
      input: "बीजिंग, 11 अक्टूबर (लाइव 7) चीनी विदेश मंत्रालय ने मंगलवार को ताइवान पर अपना रुख फिर दोहराया।",
      rule: "place-date-lead",
      text: "बीजिंग, 11 अक्टूबर (लाइव 7)",
    },
    {
      example: "Chandigarh, June 19 (TNS) The ...",
      input:
        "Chandigarh, June 19 (TNS) The state government on Monday ordered an inquiry into the collapse of a bridge.",
      rule: "unknown-tag",
      text: "Chandigarh, June 19 (TNS)",
    },
    {
      example: "नयी दिल्ली: 11 जून (ए) राष्ट्रीय ...",
      input: "नयी दिल्ली: 11 जून (ए) राष्ट्रीय राजधानी भीषण गर्मी की चपेट में है और तापमान 45 डिग्री तक पहुंच गया है।",
      rule: "unknown-tag",
      text: "नयी दिल्ली: 11 जून (ए)",
    },
    {
      example: "(a photo's note in brackets after the date)",
      input:
        "Chandigarh, June 19 (AFP photo) The state government on Monday ordered an inquiry into the collapse of a bridge.",
      rule: null,
    },
    {
      example: "(the date belongs to the sentence)",
      input: "नयी दिल्ली, पांच जून को दिल्ली में अरविंद केजरीवाल सरकार की योजना पर केंद्र ने रोक लगा दी।",
      rule: null,
    },
    {
      example: "(place and state in brackets, date, colon)",
      input: "चमोली (उत्तराखंड), 28 फरवरी: माणा के पास हिमस्खलन के बाद बचाव अभियान तेज कर दिया गया है।",
      rule: "place-date-mark",
      text: "चमोली (उत्तराखंड), 28 फरवरी:",
    },
    {
      example: "(a roundup item glued to its headline)",
      input: "असम में बाढ़ से हालात बिगड़ेनयी दिल्ली : असम में बाढ़ का पानी घटा है।",
      rule: "glued-place-colon",
      text: "नयी दिल्ली :",
    },
  ];
  covers("src/parse/dateline.ts", rows);
  for (const row of rows) {
    it(`${row.example} -> ${row.rule ?? "no dateline"}`, () => {
      const text = row.input ?? row.example;
      const m = findDateline(maskMarkup(text).view, scanLines(text));
      expect(m?.rule ?? null).toBe(row.rule);
      if (m && row.text) expect(text.slice(m.start, m.end)).toBe(row.text);
    });
  }
  it("every form is read by an example", () => {
    expect(DATELINE_RULES.map((r) => r.name).filter((n) => !rows.some((r) => r.rule === n))).toEqual([]);
  });
});

describe("sign-off forms (parse/signoff.ts)", () => {
  const body = "पहली पंक्ति है।\n";
  const rows: Row[] = [
    { example: "--आईएएनएस", input: `${body}--आईएएनएस`, rule: "sign-line", text: "--आईएएनएस" },
    { example: "—IANS skp/anm", input: `${body}—IANS skp/anm`, rule: "sign-line", text: "—IANS skp/anm" },
    { example: "-- IANS skp/anm", input: `${body}-- IANS skp/anm`, rule: "sign-line", text: "-- IANS skp/anm" },
    { example: "... लेंगे। जीसीबी/एएनएम", input: "वे कल लौट लेंगे। जीसीबी/एएनएम", rule: "glued-codes", text: "जीसीबी/एएनएम" },
    { example: "एसकेपी", input: `${body}--आईएएनएस\nएसकेपी`, rule: "codes-below-sign-line", text: "--आईएएनएस\nएसकेपी" },
    { example: "Reuter", input: "The talks end today.\n Reuter", rule: "end-mark", text: "Reuter" },
    { example: "... in the world. -0-", input: "It is the best in the world. -0-", rule: "kcna-zero", text: "-0-" },
    {
      example: "(Reporting by A; Editing by B)",
      input: "Talks end.\n(Reporting by A; Editing by B)",
      rule: "end-mark",
    },
    { example: "... Enditem", input: "Talks ended on Monday. Enditem", rule: "glued-end-mark", text: "Enditem" },
    { example: "abc@yna.co.kr (END)", input: "Talks end.\nabc@yna.co.kr (END)", rule: "end-mark" },
    { example: "( With inputs from ANI )", input: "Talks end.\n( With inputs from ANI )", rule: "end-mark" },
    {
      example: "... (With inputs from ANI)",
      input: "Talks ended on Monday. (With inputs from ANI)",
      rule: "glued-end-mark",
      text: "(With inputs from ANI)",
    },
    { example: "PTI", input: "Talks end.\nPTI", rule: "tag-names-line", text: "PTI" },
    {
      example: "भाषा रमेश सुनीता",
      input: `${body}भाषा रमेश सुनीता\nसुनीता`,
      rule: "tag-names-line",
      text: "भाषा रमेश सुनीता\nसुनीता",
    },
    { example: "(a sentence after the tag)", input: `${body}भाषा विवाद पर बहस हुई।`, rule: null },
    {
      example: "हिन्दुस्थान समाचार / संजीव शर्मा",
      input: `${body}हिन्दुस्थान समाचार / संजीव शर्मा`,
      rule: "tag-names-line",
      text: "हिन्दुस्थान समाचार / संजीव शर्मा",
    },
    { example: "(no name after the slash)", input: `${body}हिन्दुस्थान समाचार /`, rule: null },
    {
      example: "(the tag and News Service)",
      input: "Talks end.\nREUTERS NEWS SERVICE",
      rule: "tag-names-line",
      text: "REUTERS NEWS SERVICE",
    },
    { example: "(no agency before News)", input: "Talks end.\nLocal News", rule: null },
    {
      example: "... after the fire. (UNI)",
      input: "The operation ended after the fire. (UNI)",
      rule: "glued-end-mark",
      text: "(UNI)",
    },
    { example: "(inputs from no agency)", input: "Talks end.\n(With inputs from our correspondent)", rule: null },
    { example: "AAP JT/sb", input: "Talks end.\nAAP JT/sb", rule: "initials-line", text: "AAP JT/sb" },
    { example: "dpa abc def", input: "Talks end.\ndpa abc def", rule: "initials-line", text: "dpa abc def" },
    { example: "... था। –आईएएनएस", input: "प्रतिबंध लगाया गया था। –आईएएनएस", rule: "glued-sign-line", text: "–आईएएनएस" },
    { example: "(a dash inside the sentence)", input: "The talks ended. A deal -- IANS learnt -- is near", rule: null },
    {
      example: "... he said. PTI CHS NB NB",
      input: "A case was registered, he said. PTI CHS NB NB",
      rule: "glued-initials",
      text: "PTI CHS NB NB",
    },
    { example: "(a sentence naming PTI)", input: "The report was carried. PTI has said so", rule: null },
    { example: "... are awaited. PTI", input: "More details are awaited. PTI", rule: "glued-initials", text: "PTI" },
    { example: "(no agency in capitals)", input: "The plan was cleared by NATO", rule: null },
    {
      example: "भाषा / योगेश संतोष / संतोष",
      input: `${body}भाषा\nयोगेश संतोष\nसंतोष`,
      rule: "tag-names-line",
      text: "भाषा\nयोगेश संतोष\nसंतोष",
    },
  ];
  covers("src/parse/signoff.ts", rows);
  for (const row of rows) {
    it(`${row.example} -> ${row.rule}`, () => {
      const text = row.input ?? row.example;
      const m = findSignoff(text, scanLines(text), 0);
      expect(m?.rule ?? null).toBe(row.rule);
      if (m && row.text) expect(text.slice(m.start, m.end)).toBe(row.text);
    });
  }
  it("every form but the one after a closing mark is read by an example", () => {
    const more = [{ rule: "end-mark-then-note" }]; // read in a fixture: see below
    const named = [...rows, ...more];
    expect(SIGNOFF_RULES.map((r) => r.name).filter((n) => !named.some((r) => r.rule === n))).toEqual([]);
  });
});

const TITLE_OVER_PAGE =
  "Tear gas fired as marchers reach the square\n\nImage result for city protest\n" +
  "Police fired tear gas at hundreds of protesters marching on the square on Thursday, witnesses said.";

describe("headline and header lines (parse/headline.ts)", () => {
  const rows: Row[] = [
    { example: "आंध्र में तूफान से १८ लोगों की मौत", rule: "headline" },
    { example: "आईएएनएस", rule: "headline" },
    { example: "हैदराबाद।", rule: null },
    { example: "AP-Peru-Protests,0412", rule: "slug" },
    { example: "AP-NR-09-20-89 0002EDT", rule: "slug" },
    { example: "u a AM-Hugo 4thLd-Writethru a0800 09-20 1046", rule: "slug" },
    { example: "LaserPhotos PAR3, PAR4, WX10", rule: "slug" },
    { example: "Hurricane Devastates Caribbean; Threatens U.S.", rule: "headline" },
    { example: "Hurricane hit the coast on Monday.", rule: null },
    { example: "Released hostage says ransom was paid", rule: "headline" },
    { example: "A French journalist freed on Thursday said ... .", rule: null },
    { example: "(ATTN: adds details in para 5)", rule: "note" },
    { example: "(Adds analyst comment, closing prices)", rule: "note" },
    { example: "Adds vaccine details", rule: "note" },
    { example: "Adds Up to a Record Harvest", rule: "headline" },
    { example: "* Queues at petrol stations", rule: "bullet" },
    { example: "(an agency's credit as a list item)", input: "• Kyodo", rule: "byline-credit" },
    { example: "By Anita Rao", rule: "byline" },
    { example: "Reuters News", rule: "byline" },
    { example: "Source: Associated Press", rule: "byline-credit" },
    { example: "(an agency's name)", input: "The Associated Press", rule: "byline" },
    { example: "By ANI | Updated: April 22, 2021 18:40 IST", rule: "byline" },
    { example: "ANI | Updated: Jan 8, 2022 09:15 IST", rule: "byline" },
    { example: "IANS, 30 Sep, 2016 01:18 PM", rule: "byline" },
    { example: "AFP 07 Feb 2021", rule: "byline" },
    { example: "Source: Xinhua 2016-08-16 21:00:24", rule: "byline" },
    { example: "(Xinhua)   2014-05-12 09:31:07", rule: "byline" },
    { example: "By AFP - Jan 22,2024 - Last updated at Jan 22,2024", rule: "byline" },
    {
      example: "(another name in the brackets: a stamp)",
      input: "(China Daily) Updated: 2013-03-20",
      rule: "timestamp",
    },
    {
      example: "(a Source label, a stamp and the page's editor between bars)",
      input: "Source: Xinhua| 2020-09-24 22:44:50|Editor: huaxia",
      rule: "byline",
    },
    { example: "Source : business.khaskhabar.com | Apr 29, 2015 |", rule: "byline" },
    {
      example: "By Jagran NewsEdited By: Siddharth ChaurasiyaUpdated: Sun, 29 Oct 2023 06:10 AM (IST)",
      rule: "byline",
    },
    { example: "(a bar with no time stamp after it)", input: "By ANI | New Delhi bureau", rule: "byline" },
    {
      example: "(a bar after a headline)",
      input: "Rain floods city | Updated: Jan 8, 2022 09:15 IST",
      rule: "headline",
    },
    { example: "Associated Press", rule: "byline-credit" },
    { example: "-----------------", rule: "rule" },
    { example: "(Photo: Xinhua)", rule: "caption" },
    {
      example: "(caption with the agency's credit)",
      input: "Leaders meet in Beijing, Dec. 17. (Xinhua/Li Ming)",
      rule: "caption",
    },
    {
      example: "(a caption of over 300 characters, told by its credit)",
      input: `${"Leaders meet in Beijing, Dec. 17, to discuss trade and the railway linking the two countries. ".repeat(4)}(Xinhua/Li Ming)`,
      rule: "caption",
    },
    {
      example: "(a stock image's caption)",
      input: "For representational purposes (Express Illustrations)",
      rule: "caption",
    },
    { example: "(a headline naming the agency)", input: "Talks end without a deal (AP)", rule: "headline" },
    { example: "Wed Mar 26, 6:55 PM ET", rule: "timestamp" },
    { example: "(a stamp after a place)", input: "WASHINGTON | Tue Jul 9, 2013 5:12pm EDT", rule: "timestamp" },
    {
      example: "(a stamp after its label)",
      input: "Story first published: Tuesday, July 9, 2013, 17:30 [EDT]",
      rule: "timestamp",
    },
    { example: "(a stamp with slashes)", input: "March 4, 2014 / 2:10 PM / 3 years ago", rule: "timestamp" },
    { example: "(a date in figures with slashes)", input: "5/2/2007", rule: "timestamp" },
    { example: "(a dash after the label)", input: "Updated On - March 11, 2024 / 01:05 PM IST", rule: "timestamp" },
    { example: "(the label in the singular)", input: "Update: 2017-08-01 17:28 GMT", rule: "timestamp" },
    { example: "(a stamp as a list item)", input: "• Updated On - March 11, 2024 / 01:05 PM IST", rule: "timestamp" },
    { example: "(the year first)", input: "2020/8/10 15:38:41", rule: "timestamp" },
    { example: "(a date in another language)", input: "martes, 22 de octubre de 2013", rule: "timestamp" },
    { example: "(an agency's staff credit)", input: "Reuters Staff", rule: "byline" },
    { example: "(no space after the byline's colon)", input: "By:Xinhua", rule: "byline" },
    { example: "(a date, then the byline)", input: "November 15,2016   By:Xinhua", rule: "byline" },
    { example: "Press Trust of India Hyderabad", rule: "byline" },
    { example: "(the agency's name, a bar, the place)", input: "Press Trust of India  |  Kolkata", rule: "byline" },
    {
      example: "(the tag, the place and the page's stamps between bars)",
      input: "PTI | New Delhi | Updated: 25-06-2021 13:01 IST | Created: 25-06-2021 12:52 IST",
      rule: "byline",
    },
    { example: "(no known place after the name)", input: "Press Trust of India Reports", rule: "headline" },
    { example: "by: Associated Press", rule: "byline" },
    { example: "(Xinhua)", rule: "byline-credit" },
    { example: "(a word in brackets, no agency)", input: "(Updated)", rule: "headline" },
    { example: "(अमनप्रीत सिंह)", rule: "byline" },
    { example: "(a desk's note in brackets)", input: "(फोटो के साथ)", rule: "note" },
    { example: "(one word in brackets)", input: "(विशेष)", rule: "headline" },
    { example: "(a page's time stamp)", input: "Updated: 13 hr ago", rule: "timestamp" },
    {
      example: "... IANS India Private Limited14 June",
      input: "Copyright IANS India Private Limited14 June",
      rule: "credit",
    },
    {
      example: "हवाई में नाव पर लावा गिरा, 23 घायलहवाई में यात्री नाव पर ...",
      input: "हवाई में नाव पर लावा गिरा, 23 घायलहवाई में यात्री नाव पर लावा गिरा।",
      rule: "glued-to-lead",
      text: "हवाई में नाव पर लावा गिरा, 23 घायल",
    },
    // The three lines of one page: a title, an image's alt text, the lead.
    ...[
      "Tear gas fired as marchers reach the square",
      "Image result for city protest",
      "Police fired tear gas at hundreds of protesters marching on the square on Thursday, ...",
    ].map((example) => ({ example, input: TITLE_OVER_PAGE, rule: "title-over-page" })),
  ];
  covers("src/parse/headline.ts", rows);
  for (const row of rows) {
    it(`${row.example} -> ${row.rule ?? "neither"}`, () => {
      const text = row.input ?? row.example;
      if (row.rule === "title-over-page") {
        const [title, ...after] = text.split("\n").filter((l) => l.trim() !== "");
        expect(isTitleOverPage(title!, after)).toBe(true);
        return;
      }
      if (row.rule === "glued-to-lead") {
        expect(text.slice(0, gluedLeadAt(text) ?? 0)).toBe(row.text);
        return;
      }
      const got = headerKind(text) ?? (isHeadline(text) ? "headline" : null);
      expect(got).toBe(row.rule);
    });
  }
  it("a portal's credit line: the agency, a known place, then nothing or the page's stamps", () => {
    expect(agencyPlaceCredit("IANS | New Delhi | Updated: 25-06-2021 13:01 IST")).toBe(true);
    expect(agencyPlaceCredit("Press Trust of India Hyderabad")).toBe(true);
    // A tag in capitals before the place with only a space, maybe the page's labelled stamp after.
    expect(agencyPlaceCredit("IANS New Delhi")).toBe(true);
    expect(agencyPlaceCredit("ANI Bhilwara (Rajasthan)")).toBe(true);
    expect(agencyPlaceCredit("PTI Dhubri (Assam) Published 14.08.23, 05:42 PM")).toBe(true);
    // A field after the place that is no stamp, words after the place, a tag not in capitals, a
    // label with no stamp after it, no place: no credit line.
    expect(agencyPlaceCredit("IANS | New Delhi | Business desk")).toBe(false);
    expect(agencyPlaceCredit("IANS New Delhi bureau chief")).toBe(false);
    expect(agencyPlaceCredit("Ians New Delhi")).toBe(false);
    expect(agencyPlaceCredit("PTI Dhubri Published today")).toBe(false);
    expect(agencyPlaceCredit("Press Trust of India | Reports")).toBe(false);
    expect(agencyPlaceCredit("Press Trust of India")).toBe(false);
  });
  it("a title over a page's furniture needs the body's first sentence within five lines under it", () => {
    const lead = "Police fired tear gas at hundreds of protesters marching on the square on Thursday, witnesses said.";
    const title = "Tear gas fired as marchers reach the square";
    expect(isTitleOverPage(title, ["Image result for city protest", lead])).toBe(true);
    // The body's sentence right under it (a lead that lost its full stop), too far down, or no
    // sentence at all: no title.
    expect(isTitleOverPage(title, [lead])).toBe(false);
    expect(isTitleOverPage(title, [...Array(5).fill("Image result for city protest"), lead])).toBe(false);
    expect(isTitleOverPage(title, ["Image result for city protest", "Share this story"])).toBe(false);
    // A sentence, a single word or a page's stamp is no title.
    const alt = "Image result for city protest";
    expect(isTitleOverPage("Tear gas was fired at the marchers.", [alt, lead])).toBe(false);
    expect(isTitleOverPage("Khartoum", [alt, lead])).toBe(false);
    expect(isTitleOverPage("Updated: March 11, 2024 01:05 PM IST", [alt, lead])).toBe(false);
  });
  it("a page's leftover lines: labels, stamp labels without dates, an image's file name", () => {
    for (const l of [
      "News",
      "Posted: / Updated:",
      "Last updated:",
      "Power lines_20931",
      "18",
      "0",
      "Bookmark",
      "Comments() Print Mail Large Medium  Small 0",
      "ID :",
      "Shortlink :",
      "Related Articles:",
      "https://example.org/node/204518",
    ])
      expect(isPageLeftover(l), l).toBe(true);
    for (const l of [
      "News from the front",
      "Posted to Kabul in 2019",
      "Power lines fell",
      "Section_2",
      "Print media share falls",
      "1234",
      "18 killed",
      "Kolkata:",
      "Editor's note:",
    ])
      expect(isPageLeftover(l), l).toBe(false);
  });
  it("a stamp with a date and a clock time, and nothing else", () => {
    expect(isDateTimeStamp("Dec 1, 2022, 09:38 IST")).toBe(true);
    expect(isDateTimeStamp("Dec 1, 2022")).toBe(false);
    expect(isDateTimeStamp("The talks ended on Dec 1, 2022 at 09:38 IST")).toBe(false);
  });
  it("a byline and a time stamp split by a bar: the byline's own length", () => {
    expect(bylineBeforeStamp("By ANI | Updated: April 22, 2021 18:40 IST")).toBe("By ANI".length);
    expect(bylineBeforeStamp("ANI | Updated: Jan 8, 2022 09:15 IST")).toBe("ANI".length);
    // The stamp's label glued to the tag, the tag printed twice, the office's place before a label.
    expect(bylineBeforeStamp("PTIUpdated: Wednesday, October 20, 2021, 07:12 PM IST")).toBe("PTI".length);
    expect(bylineBeforeStamp("PTI PTI Updated on: March 14, 2016 18:05 IST")).toBe("PTI PTI".length);
    expect(bylineBeforeStamp("PTI Dhubri (Assam) Published 14.08.23, 05:42 PM")).toBe("PTI Dhubri (Assam)".length);
    expect(bylineBeforeStamp("Floods hit Assam Published 14.08.23, 05:42 PM")).toBe(0);
    expect(bylineBeforeStamp("By ANI")).toBe(0);
    expect(bylineBeforeStamp("Rain floods city | Updated: Jan 8, 2022 09:15 IST")).toBe(0);
    expect(bylineBeforeStamp("By ANI | Sports desk")).toBe(0);
    // An agency's tag before the stamp with a comma or a space, the stamp opening with a figure.
    expect(bylineBeforeStamp("IANS, 30 Sep, 2016 01:18 PM")).toBe("IANS".length);
    expect(bylineBeforeStamp("AFP 07 Feb 2021")).toBe("AFP".length);
    expect(bylineBeforeStamp("Monday, 30 Sep, 2016 01:18 PM")).toBe(0);
    expect(bylineBeforeStamp("Source: Xinhua 2016-08-16 21:00:24")).toBe("Source: Xinhua".length);
    expect(bylineBeforeStamp("Source: Morning Herald 2016-08-16")).toBe(0);
    expect(bylineBeforeStamp("Source : business.khaskhabar.com | Apr 29, 2015 |")).toBe(
      "Source : business.khaskhabar.com".length,
    );
    expect(bylineBeforeStamp("By Anita RaoUpdated: Sun, 29 Oct 2023 06:10 AM (IST)")).toBe("By Anita Rao".length);
    expect(bylineBeforeStamp("Prices Updated: Sun, 29 Oct 2023")).toBe(0);
    // The agency's tag in brackets before a stamp; stamps after dashes between spaces.
    expect(bylineBeforeStamp("(Xinhua) Updated: 2014-12-14 16:21")).toBe("(Xinhua)".length);
    expect(bylineBeforeStamp("(Xinhua) Beijing")).toBe(0);
    expect(bylineBeforeStamp("By AFP - Jan 22,2024 - Last updated at Jan 22,2024")).toBe("By AFP".length);
    expect(bylineBeforeStamp("By AFP - Jan 22,2024 - Rescue teams at work")).toBe(0);
    expect(bylineBeforeStamp("Floods - Jan 22,2024")).toBe(0);
  });
  it("a title line stands above a longer line that ends a sentence", () => {
    expect(isTitleLine("Released hostage says ransom was paid", "A French journalist freed on Thursday said so.")).toBe(
      true,
    );
    expect(isTitleLine("Released hostage says ransom was paid", "He said")).toBe(false);
    expect(isTitleLine("Released", "A French journalist freed on Thursday said so.")).toBe(false);
    expect(isTitleLine("AP-NR-09-20-89 0002EDT", "A French journalist freed on Thursday said so.")).toBe(false);
  });
  it("a line whose first word comes back unglued, or after a sentence end, has no glued headline", () => {
    expect(gluedLeadAt("हवाई में बारिश हुई और हवाई अड्डा बंद रहा")).toBeNull();
    expect(gluedLeadAt("Rain hit the city. Rain fell again on Monday")).toBeNull();
    expect(gluedLeadAt("Ferry capsizes on river. Six missingFerry services stopped")).toBeNull();
  });
  it("a list item's number before a headline is told from a figure", () => {
    expect(listNumberAt("1.कैलिफोर्निया में पहली मौत")).toEqual({ mark: 2, text: 2 });
    expect(listNumberAt("12. Dhaka floods leave thousands homeless")).toEqual({ mark: 3, text: 4 });
    expect(listNumberAt("२) मेरठ में शीतलहर")).toEqual({ mark: 2, text: 3 });
    expect(listNumberAt("2.5 million displaced by floods")).toBeNull();
    expect(listNumberAt("100. Years of the republic")).toBeNull();
    expect(listNumberAt("3 killed in blast")).toBeNull();
  });
});

describe("rules through the whole parse (trace)", () => {
  // Fixtures asserting which rule read a part: the same rule names `wire parse --trace` shows.
  const cases: [string, Record<string, string | null>][] = [
    [
      "fixtures/hi/dateline-danda-signoff-next-line.txt",
      { dateline: "paren-tag", signoff: "codes-below-sign-line", headline: null },
    ],
    ["fixtures/hi-agencies/ians-agency-line-place-next-line.txt", { dateline: "bare-tag-line" }],
    [
      "fixtures/en-agencies/reuters-bare-tag-bullets-byline.txt",
      { byline: "byline-line", signoff: "end-mark-then-note" },
    ],
    ["fixtures/en-agencies/pti-byline-before-place.txt", { byline: "dateline-prefix", dateline: "paren-tag" }],
    ["fixtures/en-agencies/kcna-dashes-nbsp.txt", { signoff: "kcna-zero" }],
  ];
  for (const [file, want] of cases) {
    it(file, () => {
      const text = readFileSync(join(root, file), "utf8");
      const r = parseDetailed(text, { trace: true });
      expect(r.rules?.[0]).toMatchObject(want);
    });
  }

  it("wire parse --trace shows each part's rule", async () => {
    let out = "";
    const code = await run(["parse", "--trace", "--no-progress", "fixtures/hi/dateline-danda-signoff-next-line.txt"], {
      stdin: (async function* () {})(),
      stdout: { write: (s: string) => (out += s) },
      stderr: { write: () => true },
      env: {},
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^story 1 of 1 {2}fixtures\/hi\/dateline-danda-signoff-next-line\.txt$/mu);
    expect(out).toMatch(/^ {2}dateline +paren-tag +1 0-32 +नई दिल्ली, 29 अक्टूबर \(आईएएनएस\)।$/mu);
    expect(out).toMatch(/^ {2}signoff +codes-below-sign-line +7 /mu);
    expect(out).toMatch(/^ {2}quote +direct \(cue-before\) +3 /mu);
  });
});

describe("quote kinds (quotes/index.ts)", () => {
  const rows: (Row & { kind: string })[] = [
    {
      example: 'केसीएनए ने बताया, "रिसेप्शन के अंत में, ..."',
      input: 'केसीएनए ने बताया, "रिसेप्शन के अंत में, किम ने भाषण दिया।"',
      kind: "direct",
      rule: "cue-before",
    },
    {
      example: '"पुतिन ने निमंत्रण को स्वीकार ..."',
      input: 'उन्होंने कहा, "यह अच्छा है।"\n"पुतिन ने निमंत्रण को स्वीकार किया है और वे आएंगे।"',
      kind: "continuation",
      rule: "continuation",
    },
    {
      example: '... किम ने कहा कि ... एक "महत्वपूर्ण" अवसर है।',
      input: 'किम ने कहा कि यह एक "महत्वपूर्ण" अवसर है।',
      kind: "partial",
      rule: "partial",
    },
    { example: '"...," he told IANS.', input: '"We will go there," he told IANS.', kind: "direct", rule: "cue-after" },
    {
      example: "अनिल ने कहा, एआईसीटीई ... दे रही है।",
      input: "अनिल ने कहा, एआईसीटीई इस पर काम कर रही है।",
      kind: "unmarked",
      rule: "unmarked",
    },
  ];
  const more: (Row & { kind: string })[] = [
    {
      example: "(reopened by the next paragraph)",
      input: 'केसीएनए ने बताया, "रिसेप्शन के अंत में, किम ने भाषण दिया।\n"पुतिन ने निमंत्रण को स्वीकार किया।"',
      kind: "continuation",
      rule: "reopened",
    },
    {
      example: "(alone, no cue)",
      input: '"We will certainly go there next week."',
      kind: "direct",
      rule: "standalone",
    },
    {
      example: "(right after an attributed quote)",
      input: 'उन्होंने कहा, "यह अच्छा है।" "हम आगे बढ़ेंगे।"',
      kind: "continuation",
      rule: "run-on",
    },
    {
      example: "(closed by a comma, a verb no table knows)",
      input: '"We played for each other and for the people back home," a smiling Menon beamed.',
      kind: "direct",
      rule: "comma-closed",
    },
  ];
  covers("src/quotes/index.ts", rows);
  for (const row of [...rows, ...more]) {
    it(`${row.example} -> ${row.kind} (${row.rule})`, () => {
      const r = parseDetailed(row.input ?? row.example, { trace: true });
      const quotes = r.stories[0]!.quotes;
      const last = quotes.length - 1;
      expect([quotes[last]?.kind, r.rules?.[0]?.quotes[last]]).toEqual([row.kind, row.rule]);
    });
  }
  it("every quote-kind rule is read by an example", () => {
    const named = [...rows, ...more];
    expect(QUOTE_KIND_RULES.map((r) => r.name).filter((n) => !named.some((r) => r.rule === n))).toEqual([]);
  });
});

describe("quotation marks (quotes/marks.ts)", () => {
  // What each example pairs: the quotes' insides, and the stray marks' count.
  const rows: { example: string; input?: string; quotes: string[]; stray: number }[] = [
    { example: 'केसीएनए ने बताया, "रिसेप्शन के अंत में, ... किया।"', quotes: ["रिसेप्शन के अंत में, ... किया।"], stray: 0 },
    { example: "ने कहा, ‘‘लंगर साहिब में ...’’", quotes: ["लंगर साहिब में ..."], stray: 0 },
    { example: "``We were lost,'' she said.", quotes: ["We were lost,"], stray: 0 },
    { example: '""We have doubled the patrols,"" he said.', quotes: ["We have doubled the patrols,"], stray: 0 },
    { example: "उन्होंने कहा, ”हमने ... है।”", quotes: ["हमने ... है।"], stray: 0 },
    {
      example: "(a double mark opened inside a single quote)",
      input: `the '0"winter tourism drive' starts today`,
      quotes: ['0"winter tourism drive'],
      stray: 1,
    },
    { example: `"the answer was 'no'," she said.`, quotes: ["the answer was 'no',", "no"], stray: 0 },
    { example: "Seoul's defence ministry", quotes: [], stray: 0 },
    { example: '... साझा मोर्चे पर" सहयोग ...', quotes: [], stray: 1 },
  ];
  covers(
    "src/quotes/marks.ts",
    rows.map((r) => ({ example: r.example, rule: null })),
  );
  for (const row of rows) {
    it(row.example, () => {
      const text = row.input ?? row.example;
      const m = pairMarks(text, { start: 0, end: text.length });
      expect(m.quotes.map((q) => text.slice(q.inner.start, q.inner.end))).toEqual(row.quotes);
      expect(m.stray.length).toBe(row.stray);
    });
  }
});

describe("paragraph breaks and leftovers (parse/paragraphs.ts, parse/leftovers.ts)", () => {
  const paragraphs = (text: string) => {
    const findings: Finding[] = [];
    const paras = paragraphsOf(text, [{ start: 0, end: text.length, blankBefore: false }], findings);
    splitTrailer(text, paras, findings);
    findSlugs(text, paras, findings);
    return { texts: paras.map((p) => `${p.break}: ${text.slice(p.start, p.end)}`), codes: findings.map((f) => f.code) };
  };
  const rows: { example: string; input: string; texts: string[]; codes: string[] }[] = [
    {
      example: "... ये जानकारी दी।उत्तर कोरिया की ...",
      input: "अधिकारियों ने ये जानकारी दी।उत्तर कोरिया की सेना तैयार है।",
      texts: ["start: अधिकारियों ने ये जानकारी दी।", "inferred: उत्तर कोरिया की सेना तैयार है।"],
      codes: ["glued-paragraph"],
    },
    {
      example: "... police said Saturday.They reached ...",
      input: "The police said Saturday.They reached the site at noon.",
      texts: ["start: The police said Saturday.", "inferred: They reached the site at noon."],
      codes: ["glued-paragraph"],
    },
    {
      example: '... for the season."Inspectors have ...',
      input: 'Arrangements were made for the season."Inspectors have been posted," he said.',
      texts: ["start: Arrangements were made for the season.", 'inferred: "Inspectors have been posted," he said.'],
      codes: ["glued-paragraph"],
    },
    {
      example: '... for the season."Inspectors have ... (a closing mark)',
      input: 'Officials said the "arrangements were made for the season."Inspectors have been posted.',
      // The mark closes the quote opened before it: no paragraph opens there.
      texts: ['start: Officials said the "arrangements were made for the season."Inspectors have been posted.'],
      codes: [],
    },
    {
      example: "... पुष्टि हुई है ।(यह आर्टिकल एजेंसी फीड से ऑटो-अपलोड हुआ है । ...)",
      input: "मौत की पुष्टि हुई है ।(यह आर्टिकल एजेंसी फीड से ऑटो-अपलोड हुआ है ।)",
      texts: ["start: मौत की पुष्टि हुई है ।", "inferred: (यह आर्टिकल एजेंसी फीड से ऑटो-अपलोड हुआ है ।)"],
      codes: ["publisher-trailer"],
    },
    {
      example: "... 29 हो गई है ।दि28 वायरस लॉकडाउन लीड सरकार सरकार की ...",
      input: "संख्या 29 हो गई है ।दि28 वायरस लॉकडाउन लीड सरकार सरकार की योजना तैयार है।",
      // A slug glued after the danda is no paragraph break here: the story splitter cuts a roundup there.
      texts: ["start: संख्या 29 हो गई है ।दि28 वायरस लॉकडाउन लीड सरकार सरकार की योजना तैयार है।"],
      codes: ["desk-slug"],
    },
  ];
  covers(
    "src/parse/paragraphs.ts",
    rows
      .filter(
        (r) => !r.example.includes("पुष्टि") && !r.example.includes("दि28") && !r.example.includes("(a closing mark)"),
      )
      .map((r) => ({ example: r.example, rule: null })),
  );
  covers(
    "src/parse/leftovers.ts",
    rows
      .filter((r) => r.example.includes("पुष्टि") || r.example.includes("दि28"))
      .map((r) => ({ example: r.example, rule: null })),
  );
  for (const row of rows) {
    it(row.example, () => {
      expect(paragraphs(row.input)).toEqual({ texts: row.texts, codes: row.codes });
    });
  }
});

describe("docs/architecture.md", () => {
  const doc = readFileSync(join(root, "docs", "architecture.md"), "utf8");
  const listed = (table: string): string[] => {
    const row = doc.split("\n").find((l) => l.startsWith(`| \`${table}\``)) ?? "";
    const names = row.split("|")[3] ?? "";
    return [...names.matchAll(/`([a-z-]+)`/gu)].map((m) => m[1]!);
  };
  it("names every dateline and sign-off form, in the order they are tried", () => {
    expect(listed("DATELINE_RULES")).toEqual(DATELINE_RULES.map((r) => r.name));
    expect(listed("SIGNOFF_RULES")).toEqual(SIGNOFF_RULES.map((r) => r.name));
  });
});
