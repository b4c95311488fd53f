import { describe, expect, test } from "vitest";
import { DomainError } from "../errors.ts";
import { parseCsv, toCsv } from "./csv.ts";

describe("parseCsv (RFC 4180)", () => {
  test("plain fields, LF and CRLF record ends", () => {
    expect(parseCsv("a,b,c\n1,2,3\n")).toEqual([
      ["a", "b", "c"],
      ["1", "2", "3"],
    ]);
    expect(parseCsv("a,b\r\n1,2\r\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("a lone CR ends a record (old Mac exports)", () => {
    expect(parseCsv("a,b\r1,2")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });

  test("the last record needs no line break, and a final line break adds no record", () => {
    expect(parseCsv("a,b\n1,2")).toEqual(parseCsv("a,b\n1,2\n"));
  });

  test("quoted fields keep commas, doubled quotes and line breaks", () => {
    const text = 'ref,title,description\r\nC-1,"Parks, grounds","He said ""yes""\r\nthen left\nagain"\r\n';
    expect(parseCsv(text)).toEqual([
      ["ref", "title", "description"],
      ["C-1", "Parks, grounds", 'He said "yes"\r\nthen left\nagain'],
    ]);
  });

  test("empty fields, an empty quoted field and an empty line", () => {
    expect(parseCsv('a,,c\n\n"",x,""')).toEqual([["a", "", "c"], [""], ["", "x", ""]]);
  });

  test("a UTF-8 byte-order mark is dropped, also when it was mis-decoded as Windows-1252", () => {
    expect(parseCsv("\uFEFFReference,Title\nA,B")[0]).toEqual(["Reference", "Title"]);
    expect(parseCsv("ï»¿Reference,Title\nA,B")[0]).toEqual(["Reference", "Title"]);
  });

  test("lenient like Excel: a quote inside an unquoted field is a character; text after a closing quote is kept", () => {
    expect(parseCsv('5" pipe,"abc"def')).toEqual([['5" pipe', "abcdef"]]);
  });

  test("an unclosed quote is an error naming the line it opened on", () => {
    const text = 'a,b\n1,2\n3,"never closed\n4,5\n';
    expect(() => parseCsv(text)).toThrow(DomainError);
    expect(() => parseCsv(text)).toThrow(/^Line 3: a quoted value is never closed/);
  });

  test("line numbers in errors count line breaks inside earlier quoted fields", () => {
    expect(() => parseCsv('a,"x\ny"\nb,"open')).toThrow(/^Line 3:/);
  });

  test("another delimiter", () => {
    expect(parseCsv('a;"b;c"\n1;2', { delimiter: ";" })).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
  });
});

describe("toCsv", () => {
  test("quotes only where needed, doubles quotes, CRLF line ends, null as empty", () => {
    expect(toCsv([["ref", "Parks, grounds", 'say "hi"', "two\nlines", null, 1234.5, " padded"]])).toBe(
      'ref,"Parks, grounds","say ""hi""","two\nlines",,1234.5," padded"\r\n',
    );
  });

  test.each([
    ["=SUM(A1:A9)", "'=SUM(A1:A9)"],
    ["+44 20 7946 0000", "'+44 20 7946 0000"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1,1)", `"'@SUM(1,1)"`],
    ["\t=1", "'\t=1"],
  ])("guards against formula injection: %j is written as text", (cell, written) => {
    expect(toCsv([[cell]])).toBe(`${written}\r\n`);
  });

  test("numbers, and text that is just a signed number, are not prefixed", () => {
    expect(toCsv([[-42.5, "-42.50", "+7", "0"]])).toBe("-42.5,-42.50,+7,0\r\n");
  });

  test("optional byte-order mark for Excel", () => {
    expect(toCsv([["£"]], { byteOrderMark: true })).toBe("\uFEFF£\r\n");
  });

  test("round trip through parseCsv", () => {
    const rows = [
      ["Reference", "Title", "Description"],
      ["C-1", "Parks, grounds & trees", 'Line one\nLine "two"'],
      ["C-2", "", "  spaced  "],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});
