import { describe, expect, test } from "vitest";
import {
  cleanText,
  cleanTextReport,
  parseDate,
  parseMoney,
  readDate,
  readMoney,
  repairMojibake,
} from "./clean.ts";

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

describe("parseDate: day first, always", () => {
  test.each([
    ["2025-04-01", "2025-04-01"],
    ["2025/4/1", "2025-04-01"],
    ["2025-01-23T00:00:00Z", "2025-01-23"],
    ["2025-04-03T00:00:00+01:00", "2025-04-03"], // the date as written, not shifted to UTC (2 April)
    ["2025-04-23T23:59:59+01:00", "2025-04-23"],
    ["2025-04-23 10:30:00.123Z", "2025-04-23"],
    ["01/04/2025", "2025-04-01"],
    ["1/4/25", "2025-04-01"],
    ["31/03/99", "1999-03-31"],
    ["31/3/69", "2069-03-31"],
    ["01-04-2025", "2025-04-01"],
    ["01.04.2025", "2025-04-01"],
    ["01/04/2025 00:00", "2025-04-01"],
    ["01/04/2025 09:15:00", "2025-04-01"],
    ["1 April 2025", "2025-04-01"],
    ["1st April 2025", "2025-04-01"],
    ["Tuesday 1 April 2025", "2025-04-01"],
    ["01-Apr-2025", "2025-04-01"],
    ["1-Apr-25", "2025-04-01"],
    ["23 Sept 2025", "2025-09-23"],
    ["April 1, 2025", "2025-04-01"],
    ["45748", "2025-04-01"], // Excel serial
    ["45748.5", "2025-04-01"],
    ["20250401", "2025-04-01"],
    ["29/02/2024", "2024-02-29"],
    ["'01/04/2025", "2025-04-01"],
  ])("%s → %s", (text, iso) => {
    expect(parseDate(text)).toBe(iso);
  });

  test.each([
    "",
    "  ",
    "31/02/2025",
    "29/02/2025",
    "04/13/2025",
    "2025",
    "next spring",
    "13",
    "1 Foo 2025",
    "TBC",
  ])("%j is not a date", (text) => {
    expect(parseDate(text)).toBeNull();
  });

  test("readDate says why", () => {
    expect(readDate("")).toEqual({ kind: "blank" });
    expect(readDate("TBC")).toEqual({ kind: "placeholder", text: "TBC" });
    expect(readDate("31/02/2025")).toEqual({ kind: "invalid", reason: "not-a-real-date" });
    // Month-first is reported, never used.
    expect(readDate("04/13/2025")).toEqual({
      kind: "invalid",
      reason: "not-a-real-date",
      monthFirst: "2025-04-13",
    });
    expect(readDate("2025")).toEqual({ kind: "invalid", reason: "year-only" });
    expect(readDate("next spring")).toEqual({ kind: "invalid", reason: "unrecognised" });
    expect(readDate("45748")).toEqual({ kind: "date", iso: "2025-04-01", format: "spreadsheet-serial" });
    expect(readDate("2025-04-23T23:59:59+01:00")).toEqual({
      kind: "date",
      iso: "2025-04-23",
      format: "iso-with-time",
    });
  });

  test("a date valid both ways is read day first", () => {
    expect(parseDate("04/05/2025")).toBe("2025-05-04");
  });
});

describe("parseMoney", () => {
  test.each([
    ["£1,234.56", 123_456],
    ["1234", 123_400],
    ["1,234", 123_400],
    ["1234.5", 123_450],
    ["5259392.96", 525_939_296],
    [" GBP 1 234 567.89 ", 123_456_789],
    ["£1.2m", 120_000_000],
    ["£250k", 25_000_000],
    ["2.5 million", 250_000_000],
    ["£1bn", 100_000_000_000],
    ["R 1 000,50", 100_050], // South African decimal comma
    ["1.234,56", 123_456],
    ["€1.234.567,89", 123_456_789],
    ["0", 0],
    ["£0.00", 0],
    ["'1234", 123_400],
    [".5", 50],
  ])("%s → %i minor units", (text, minor) => {
    expect(parseMoney(text)).toBe(minor);
  });

  test.each(["", "TBC", "N/A", "abc", "1,23,456", "1,2345", "-50", "(1,234.00)", "£1.2.3", "12 34"])(
    "%j is not an amount",
    (text) => {
      expect(parseMoney(text)).toBeNull();
    },
  );

  test("readMoney says why and flags rounded figures", () => {
    expect(readMoney("")).toEqual({ kind: "blank" });
    expect(readMoney("TBC")).toEqual({ kind: "placeholder", text: "TBC" });
    expect(readMoney("-50")).toEqual({ kind: "invalid", reason: "negative" });
    expect(readMoney("(1,234.00)")).toEqual({ kind: "invalid", reason: "negative" });
    expect(readMoney("lots")).toEqual({ kind: "invalid", reason: "unrecognised" });
    expect(readMoney("99999999999999999")).toEqual({ kind: "invalid", reason: "too-large" });
    expect(readMoney("£1.2m")).toEqual({
      kind: "amount",
      minor: 120_000_000,
      abbreviated: true,
      rounded: false,
    });
    expect(readMoney("1234.565")).toEqual({
      kind: "amount",
      minor: 123_457,
      abbreviated: false,
      rounded: true,
    });
    expect(readMoney("1234.564")).toEqual({
      kind: "amount",
      minor: 123_456,
      abbreviated: false,
      rounded: true,
    });
  });

  test("exact for amounts a float would get wrong", () => {
    expect(parseMoney("0.29")).toBe(29); // 0.29 * 100 = 28.999999999999996
    expect(parseMoney("1.005")).toBe(101);
  });
});
