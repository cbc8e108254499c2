// Quote marks as they arrive from old systems and exports, and a quote whose opening mark was lost.
import { describe, expect, it } from "vitest";
import { parse } from "../src/index.js";

const one = (text: string) => parse(text, { path: "t.txt" })[0]!;

describe("quote marks", () => {
  it("a closing mark with a cue after it and no opening one is a quote from the paragraph's start, opened false", () => {
    const s = one(
      "Pune, Jan 3 (PTI) The court adjourned the case.\nThe notice was never served on my client, so the order must go,' the counsel told the court.\n",
    );
    expect(s.quotes).toHaveLength(1);
    expect(s.quotes[0]).toMatchObject({
      text: "The notice was never served on my client, so the order must go,",
      kind: "direct",
      closed: true,
      opened: false,
    });
    expect(s.quotes[0]!.speaker?.text).toBe("the counsel");
    expect(s.attributions).toEqual([]);
  });

  it("a stray closing mark inside a quote still open is no lost opening: quotes never overlap", () => {
    const s = one(
      "Pune, Jan 3 (PTI) 'The notice was never served,\" he told PTI. The order must go,' the counsel said.\n",
    );
    expect(s.quotes.map((q) => [q.text, q.opened])).toEqual([
      ['The notice was never served," he told PTI. The order must go,', undefined],
    ]);
  });

  it("a quote with both marks has no opened field", () => {
    const s = one('Pune, Jan 3 (PTI) "The order must go," the counsel told the court.\n');
    expect(s.quotes[0]!.opened).toBeUndefined();
  });

  it("an apostrophe after a full stop with no cue after it stays text", () => {
    const s = one("Pune, Jan 3 (PTI) The shop was called Rams.' Nobody knew why.\n");
    expect(s.quotes).toEqual([]);
  });

  it("doubled marks are one mark only where every straight mark of the paragraph is doubled", () => {
    const doubled = one('Pune, Jan 3 (PTI) ""We are ready,"" the mayor said.\n');
    expect(doubled.quotes.map((q) => q.text)).toEqual(["We are ready,"]);
    const mixed = one('Pune, Jan 3 (PTI) "We are ready," the mayor said of the "" box.\n');
    expect(mixed.quotes[0]!.text).toBe("We are ready,");
  });

  it("a quote left open whose paragraph ends in a comma and a name alone keeps running to its end", () => {
    // A name with no verb after a comma is a cue only after a quote's closing mark.
    const s = one(
      'Lucknow, Sep 14 (IANS) Checks begin on Monday.\n"We have given traders enough time. Bags are on sale at every office, Ramesh Gupta.\n',
    );
    expect(s.quotes.map((q) => [q.closed, q.speaker])).toEqual([[false, null]]);
  });
});

describe("Hindi pronouns", () => {
  it("उनका with no earlier speaker takes the nearest named agent (X ने)", () => {
    const s = one(
      "भोपाल, 2 मई (आईएएनएस)। केंद्रीय मंत्री शिवराज सिंह चौहान ने शुक्रवार को नई योजना शुरू की। उनका कहना है कि इससे किसानों की आय बढ़ेगी।\n",
    );
    const a = s.attributions.find((x) => x.source.text === "उनका");
    expect(a?.source.name).toBe("शिवराज सिंह चौहान");
  });
});
