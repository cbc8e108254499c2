// The markup pre-pass (text/markup.ts): one place finds HTML tags and gives the recognisers a
// view of the text where each tag reads as spaces, at the same offsets.
import { describe, expect, it } from "vitest";
import { maskMarkup } from "../src/text/markup.js";
import { parse } from "../src/index.js";

describe("markup pre-pass", () => {
  it("reads each tag as spaces, keeping every offset and line end", () => {
    const text = '<p>Kim <font\nsize="2">visits</font> Seoul<br/>\n<SRD> 5 &amp; 6';
    const m = maskMarkup(text);
    expect(m.view.length).toBe(text.length);
    expect(m.view).toBe("   Kim      \n         visits        Seoul     \n<SRD> 5 &amp; 6");
    expect(m.tags.map((t) => t.name)).toEqual(["p", "font", "font", "br"]);
    expect(m.breaks.map((b) => [text.slice(b.start, b.end), b.kind])).toEqual([
      ["<p>", "block"],
      ["<br/>", "line"],
    ]);
  });

  it("gives the text itself when it holds no tag", () => {
    const text = "NEW DELHI, Sept 14 (IANS) <SRD> 5 < 6";
    expect(maskMarkup(text)).toEqual({ view: text, tags: [], breaks: [] });
  });

  it("keeps quote marks inside a tag out of the quotes", () => {
    const text =
      "NEW DELHI, Sept 14 (IANS) A post by <a href=\"javascript:alert(5)\" title='x'>a reader</a> was removed.\n" +
      '<p>The <font face="Arial">minister</font> said it was old.</p>\n--IANS';
    const [story] = parse(text);
    expect(story!.quotes).toEqual([]);
    expect(story!.paragraphs.map((p) => p.text)).toEqual([
      "A post by a reader was removed.",
      "The minister said it was old.",
    ]);
    expect(story!.dateline?.text).toBe("NEW DELHI, Sept 14 (IANS)");
    expect(story!.signoff?.text).toBe("--IANS");
  });

  it("reads a dateline and a sign-off wrapped in markup", () => {
    const text = '<font size="2"><b>Mumbai, June 8 (IANS)</b> The rains came early.<br>\n--IANS<br/>\nabc/xyz</font>';
    const [story] = parse(text);
    expect(story!.dateline?.text).toBe("Mumbai, June 8 (IANS)");
    expect(story!.signoff?.text).toBe("--IANS\nabc/xyz");
    expect(story!.paragraphs.map((p) => p.text)).toEqual(["The rains came early."]);
  });
});
