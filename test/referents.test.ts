// Pronouns and short names: speaker.text stays as written, speaker.name is the person the story
// names (the fullest form it uses), nameFrom says where.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { at, root } from "./helpers.js";

const one = (text: string) => parse(text, { path: "t.txt" })[0]!;

describe("speaker names", () => {
  it("a pronoun takes the nearest earlier person; a short name its fullest form", () => {
    const text = [
      "Hanoi, Apr 3 (IANS) Vietnam rejected the claims on Tuesday.",
      "Foreign Ministry spokeswoman Pham Thu Hang told reporters the claims were false.",
      '"These claims are baseless," Hang said.',
      '"We will protect our waters," she said.',
    ].join("\n");
    const s = one(text);
    const [a, b] = s.quotes;
    expect(a!.speaker).toMatchObject({ text: "Hang", name: "Pham Thu Hang" });
    expect(at(text, a!.speaker!.nameFrom!.span)).toBe("Pham Thu Hang");
    expect(a!.speaker!.nameFrom!.line).toBe(2);
    expect(b!.speaker).toMatchObject({ text: "she", name: "Pham Thu Hang" });
  });

  it("a name in an appositive of the speaker, or in the clause the speaker's verb opens, is not the one a pronoun means", () => {
    const text = [
      "KANDAHAR, June 3 (AFP) - Gunmen attacked a police post outside the city on Monday, officials said.",
      '"Four policemen were wounded in the attack," said Rahim Jan Sherzad, the head of the provincial council.',
      "The attackers fled on motorbikes, said Sherzad, a cousin of Governor Tooryalai Wesa.",
      '"We are searching the villages near the highway," he said.',
    ].join("\n");
    expect(one(text).quotes[1]!.speaker).toMatchObject({ text: "he", name: "Rahim Jan Sherzad" });
    const hi =
      "मेरठ, एक जून (भाषा) जिला गन्ना अधिकारी ने शनिवार को बताया कि पांच मिलों ने भुगतान कर दिया है । उन्होंने कहा, ‘‘बाकी रकम जुलाई तक मिलेगी ।’’";
    expect(one(hi).quotes[0]!.speaker).toMatchObject({ text: "उन्होंने", name: "जिला गन्ना अधिकारी" });
  });

  it("a bracket inside the title before a name leaves the name for a later pronoun", () => {
    const text = [
      "Mumbai, Jan 9 (IANS) Police detained 40 protesters near the port on Tuesday.",
      '"The situation is under control," Joint Commissioner of Police (Law and Order) Rahul Mane said.',
      'He added that those detained were "outside elements".',
    ].join("\n");
    const s = one(text);
    expect(s.quotes[0]!.speaker).toMatchObject({ text: "Joint Commissioner of Police (Law and Order) Rahul Mane" });
    expect(s.quotes[1]!.speaker).toMatchObject({ text: "He", name: "Rahul Mane" });
  });

  it("a Hindi speaker after a role, a title or an age takes the fullest name the story gives", () => {
    const cases: [string[], string, string][] = [
      [
        [
          "सूरत, 4 मई (आईएएनएस)। शहर के एक बाजार में आग लग गई। फायर ऑफिसर दिनेश पटेल ने बताया कि आग पर काबू पा लिया गया है।",
          '"हमें सुबह छह बजे सूचना मिली," अधिकारी पटेल ने कहा।',
        ],
        "अधिकारी पटेल",
        "दिनेश पटेल",
      ],
      [
        [
          "मुंबई, 4 मई (आईएएनएस)। अभिनेत्री रेखा सिन्हा जल्द एक नई फिल्म में नजर आएंगी।",
          '32 वर्षीया रेखा ने कहा, "मैं इस किरदार को लेकर उत्साहित हूं।"',
        ],
        "32 वर्षीया रेखा",
        "रेखा सिन्हा",
      ],
    ];
    for (const [lines, text, name] of cases)
      expect(one(lines.join("\n")).quotes[0]!.speaker).toMatchObject({ text, name });
  });

  it("a Hindi pronoun takes a one-word name after a title, the title's short form in brackets or not", () => {
    const story = readFileSync(join(root, "fixtures", "hi", "pronoun-after-titled-single-name.txt"), "utf8");
    expect(one(story).quotes[0]!.speaker).toMatchObject({ text: "उन्होंने", name: "गायकवाड़" });
    const bare = story.replace(" (डीएसपी)", "");
    expect(one(bare).quotes[0]!.speaker).toMatchObject({ text: "उन्होंने", name: "गायकवाड़" });
  });

  it("an agent inside a quotation is the speaker's words, not the one a later pronoun means", () => {
    const hi = [
      "दुबई, 2 अक्टूबर (आईएएनएस)। टीम के कप्तान रोहित शर्मा ने कहा कि जीत से खिलाड़ियों का मनोबल बढ़ा है।",
      "मैच के बाद रोहित ने कहा, “यह अच्छा मैच था। हमारे गेंदबाजों ने हमें जीत दिलाई।”",
      "उन्होंने कहा, “युवा खिलाड़ियों ने जिस तरह से खेला वो मुझे अच्छा लगा।”",
    ].join("\n\n");
    expect(one(hi).quotes[1]!.speaker).toMatchObject({ text: "उन्होंने", name: "रोहित शर्मा" });
  });

  it("a headline in title case is no source of names: its capitalised words run together", () => {
    const text = [
      "Rao Defends Budget Against Critics",
      "HYDERABAD, India (AP) - The state finance minister on Monday defended the budget.",
      '"The numbers add up," Rao said.',
    ].join("\n");
    expect(one(text).quotes[0]!.speaker).toEqual({ text: "Rao", name: null });
    // A headline in sentence case still gives the fullest form.
    const hi = [
      "किम जोंग-उन ने सैन्य अभ्यास देखा",
      "सोल, 3 मई (आईएएनएस)। उत्तर कोरिया में अभ्यास हुआ। किम ने कहा, ‘‘हम तैयार हैं।’’",
    ].join("\n");
    expect(one(hi).quotes[0]!.speaker).toMatchObject({ text: "किम", name: "किम जोंग-उन" });
  });

  it("`it` stands for the nearest earlier body that spoke, else a body named in capitals", () => {
    const spoke = one(
      [
        "Islamabad, May 3 (IANS) In a statement on Wednesday, the foreign office said talks would go on.",
        '"The National Assembly was told of the findings on Tuesday," it said.',
      ].join("\n"),
    );
    expect(spoke.quotes[0]!.speaker).toMatchObject({ text: "it", name: "the foreign office" });
    const named = one(
      [
        "Beijing, Dec. 30 (Xinhua) -- The State Food Administration began tests of kitchenware on Tuesday.",
        '"We are keeping a close eye on this issue," it said.',
      ].join("\n"),
    );
    expect(named.quotes[0]!.speaker).toMatchObject({ text: "it", name: "The State Food Administration" });
    expect(one('Pune, Jun 9 (PTI) "The roads are closed," it said.').quotes[0]!.speaker).toEqual({
      text: "it",
      name: null,
    });
  });

  it("'they' takes the nearest earlier speaker that is several people, else stays unnamed", () => {
    const s = one(
      [
        "SRINAGAR, Jan 4 (UNI) Official sources told UNI that militants fired at a patrol in Qazigund on Monday.",
        '"Additional security forces have been rushed to the area," they said.',
      ].join("\n"),
    );
    expect(s.quotes[0]!.speaker).toMatchObject({ text: "they", name: "Official sources" });
    const alone = one('SRINAGAR, Jan 4 (UNI) "The road is closed," they said.');
    expect(alone.quotes[0]!.speaker).toEqual({ text: "they", name: null });
    const person = one(
      [
        "SRINAGAR, Jan 4 (UNI) Inspector General Vijay Kumar said militants fired at a patrol.",
        '"The road is closed," they said.',
      ].join("\n"),
    );
    expect(person.quotes[0]!.speaker).toEqual({ text: "they", name: null });
  });

  it("a pronoun with nobody named before it keeps name null", () => {
    const s = one('Jaipur, May 2 (IANS) "The roads will be repaired before the monsoon," he said.');
    expect(s.quotes[0]!.speaker).toEqual({ text: "he", name: null });
  });

  it("a body is not a person: the pronoun skips it for the titled name", () => {
    const s = one(
      [
        "Pune, Jun 9 (PTI) District Collector Rajesh Deshmukh on Friday ordered schools shut.",
        "The Health Department said 40 cases were reported.",
        '"Schools will reopen on Monday," he said.',
      ].join("\n"),
    );
    expect(s.quotes[0]!.speaker).toMatchObject({ text: "he", name: "Rajesh Deshmukh" });
  });

  it("Hindi: उन्होंने and a short name resolve to the full name", () => {
    const text = [
      "सोल, 5 जुलाई (आईएएनएस)। उत्तर कोरिया के नेता किम जोंग-उन ने बुधवार को एक कारखाने का दौरा किया।",
      'किम ने कहा, "उत्पादन दोगुना होना चाहिए।"',
      'उन्होंने कहा, "हम पीछे नहीं हटेंगे।"',
    ].join("\n");
    const s = one(text);
    expect(s.quotes[0]!.speaker).toMatchObject({ text: "किम", name: "किम जोंग-उन" });
    expect(s.quotes[1]!.speaker).toMatchObject({ text: "उन्होंने", name: "किम जोंग-उन" });
  });
});
