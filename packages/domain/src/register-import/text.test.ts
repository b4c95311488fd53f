import { describe, expect, test } from "vitest";
import { cleanText, cleanTextReport, repairMojibake } from "./text.ts";

describe("repairMojibake: UTF-8 read as Windows-1252", () => {
  test.each([
    ["Council’s", "Councilâ€™s"],
    ["2024–2027", "2024â€“2027"],
    ["£178,542", "Â£178,542"],
    ["Café", "CafÃ©"],
    ["“quoted”", "â€œquotedâ€\u009d"], // 0x9D is undefined in Windows-1252 and survives as U+009D
    ["naïve résumé", "naÃ¯ve rÃ©sumÃ©"],
    ["5 × 10 €", "5 Ã— 10 â‚¬"],
    ["narrow\u202Fspace", "narrowâ€¯space"],
    ["Ōtautahi", "ÅŒtautahi"],
    ["emoji 👍", "emoji ðŸ‘\u008d"],
  ])("%s", (meant, garbled) => {
    expect(repairMojibake(garbled).text).toBe(meant);
  });

  test("double encoding is undone and reported once", () => {
    expect(repairMojibake("Councilâ€™s")).toEqual({
      text: "Council’s",
      repairs: [{ garbled: "â€™", repaired: "’" }],
    });
    expect(repairMojibake("CouncilÃ¢â‚¬â„¢s")).toEqual({
      text: "Council’s",
      repairs: [{ garbled: "Ã¢â‚¬â„¢", repaired: "’" }],
    });
  });

  test("genuine accents and symbols are left alone", () => {
    for (const text of [
      "Café",
      "naïve",
      "£5,000",
      "Ærø",
      "10 °C",
      "Señor",
      "© 2025",
      "»next«",
      "Â la carte",
    ]) {
      expect(repairMojibake(text)).toEqual({ text, repairs: [] });
    }
  });

  test("a stray Â before a space (a non-breaking space flattened to a space) is dropped", () => {
    expect(repairMojibake("Total:Â 5")).toEqual({
      text: "Total: 5",
      repairs: [{ garbled: "Â", repaired: " " }],
    });
  });
});

describe("cleanText", () => {
  test("HTML paragraphs, breaks, lists and entities become plain text", () => {
    expect(cleanText("<p>Grounds&nbsp;maintenance</p><p>Parks &amp; open spaces<br/>Lot&nbsp;2</p>")).toBe(
      "Grounds maintenance\n\nParks & open spaces\nLot 2",
    );
    expect(cleanText("<ul><li>Mowing</li><li>Hedges</li></ul>")).toBe("- Mowing\n- Hedges");
    expect(cleanText("It&#39;s &#8216;fine&#8217; &#x2013; &pound;5 &hellip;")).toBe("It's ‘fine’ – £5 …");
    expect(cleanText("&#146;")).toBe("’"); // numeric references 128–159 mean Windows-1252
    expect(cleanText("Tom &amp;amp; Jerry&amp;nbsp;Ltd")).toBe("Tom & Jerry Ltd");
    expect(cleanText('<span style="font-weight:bold">Bold</span> <o:p></o:p>text')).toBe("Bold text");
  });

  test("angle brackets and ampersands that are not markup stay", () => {
    expect(cleanText("Contracts <5 years & > £5k with L&Q; <Supplier TBC>")).toBe(
      "Contracts <5 years & > £5k with L&Q; <Supplier TBC>",
    );
  });

  test("lost line breaks: the letters rn where a CR LF was stripped of its backslashes", () => {
    expect(cleanText("running of the event.rnrnAdditional information: rnThe Council is using")).toBe(
      "running of the event.\n\nAdditional information:\nThe Council is using",
    );
    expect(cleanText("Background:rn      Sandwell Council hasrn      rn      At Roway Lane")).toBe(
      "Background:\nSandwell Council has\n\nAt Roway Lane",
    );
    expect(cleanText("Lot 1 Liability Insurancern      Lot 2 Property")).toBe(
      "Lot 1 Liability Insurance\nLot 2 Property",
    );
    expect(cleanText("Department for EducationrnrnAdditional")).toBe(
      "Department for Education\n\nAdditional",
    );
    expect(cleanText("the colour device. rn")).toBe("the colour device.");
    expect(cleanText("see supplierhelp.due-north.com/rnOnce registered")).toBe(
      "see supplierhelp.due-north.com/\nOnce registered",
    );
  });

  test("words containing rn are not broken", () => {
    const text =
      "Return to HM Government: learn more at www.rnib.org.uk, a modern concern in Eastern regions";
    expect(cleanTextReport(text)).toMatchObject({ text, restoredLineBreaks: false });
    expect(cleanText("a modern rnThe next")).toBe("a modern\nThe next");
  });

  test("other flattened line breaks: written-out \\r\\n and Excel's _x000D_", () => {
    expect(cleanText("one\\r\\ntwo_x000D_\nthree")).toBe("one\ntwo\nthree");
  });

  test("whitespace: Unicode spaces, zero-width characters, runs, blank lines, trimming", () => {
    expect(cleanText("  Parks\u00A0and\u2009grounds\u200B  \r\n\r\n\r\n\r\n  Lot  2\t ")).toBe(
      "Parks and grounds\n\nLot 2",
    );
  });

  test("single-line fields turn line breaks into spaces", () => {
    expect(cleanText("Parks\nand grounds<br>maintenance", { multiline: false })).toBe(
      "Parks and grounds maintenance",
    );
  });

  test("the apostrophe a spreadsheet or toCsv puts before = + - @ is removed", () => {
    expect(cleanText("'=Not a formula")).toBe("=Not a formula");
    expect(cleanText("'Tis the season")).toBe("'Tis the season");
  });

  test("the report says what was repaired", () => {
    expect(cleanTextReport("Â£5k<br>next.rnrnMore")).toEqual({
      text: "£5k\nnext.\n\nMore",
      encodingRepairs: [{ garbled: "Â£", repaired: "£" }],
      removedMarkup: true,
      restoredLineBreaks: true,
    });
    expect(cleanTextReport("  plain  text ")).toEqual({
      text: "plain text",
      encodingRepairs: [],
      removedMarkup: false,
      restoredLineBreaks: false,
    });
  });
});
