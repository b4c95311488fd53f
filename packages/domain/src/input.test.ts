import { describe, expect, it, test } from "vitest";
import { z } from "zod";
import {
  emailInput,
  idInput,
  integerInput,
  isoDate,
  listInput,
  moneyInput,
  optionalEmailInput,
  optionalTextInput,
  pageInput,
  readDecimalText,
  textInput,
  versionInput,
} from "./input.ts";

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe("textInput", () => {
  const title = textInput({ max: 10, min: 1 });
  it.each([
    ["plain text", "Waste", true],
    ["trimmed to the limit", "  0123456789  ", true],
    ["over the limit", "01234567890", false],
    ["blank when required", "   ", false],
    ["NUL", "a\u0000b", false],
    ["a lone high surrogate", "a\uD800b", false],
    ["a lone low surrogate", "a\uDC00b", false],
    ["a real pair (emoji)", "bin 🗑️", true],
    ["a megabyte", "x".repeat(1_000_000), false],
    ["not a string", 12, false],
  ])("%s", (_name, value, ok) => expect(accepts(title, value)).toBe(ok));

  it("refuses a megabyte with one message about its length", () => {
    const issues = title.safeParse(`\u0000${"x".repeat(1_000_000)}`).error?.issues;
    expect(issues?.map((issue) => issue.message)).toEqual(["Keep this under 10 characters."]);
  });

  it("turns blank optional text into null", () => {
    expect(optionalTextInput(5).parse("  ")).toBeNull();
    expect(optionalTextInput(5).parse(undefined)).toBeNull();
    expect(optionalTextInput(5).parse(" ab ")).toBe("ab");
  });
});

describe("emails", () => {
  it.each([
    ["a plain address", " Officer@Council.gov.uk ", true],
    ["254 characters", `${"a".repeat(64)}@${"b".repeat(63)}.${"c".repeat(63)}.${"d".repeat(58)}.uk`, true],
    ["a megabyte", `${"a".repeat(1_000_000)}@example.test`, false],
    ["NUL", "a\u0000b@example.test", false],
    ["not an address", "officer", false],
    ["blank", " ", false],
  ])("%s", (_name, value, ok) => expect(accepts(emailInput(), value)).toBe(ok));

  it("lower-cases a required address and turns a blank optional one into null", () => {
    expect(emailInput().parse(" Officer@Council.gov.uk ")).toBe("officer@council.gov.uk");
    expect(optionalEmailInput().parse(" ")).toBeNull();
    expect(optionalEmailInput().parse(undefined)).toBeNull();
    expect(accepts(optionalEmailInput(), "x".repeat(300))).toBe(false);
  });

  it("says what to fix", () => {
    expect(emailInput().safeParse("x".repeat(300)).error?.issues[0]?.message).toBe(
      "An email address is at most 254 characters.",
    );
  });
});

describe("isoDate", () => {
  it.each([
    ["2026-12-01", true],
    ["1900-01-01", true],
    ["2200-12-31", true],
    ["1899-12-31", false],
    ["2201-01-01", false],
    ["0000-01-01", false],
    ["2025-02-30", false],
    ["01/12/2026", false],
  ])("%s", (value, ok) => expect(accepts(isoDate, value)).toBe(ok));
});

describe("integers and money", () => {
  it.each([
    [integerInput(), 2_147_483_647, true],
    [integerInput(), 2_147_483_648, false],
    [integerInput(), -2_147_483_649, false],
    [integerInput(), 1.5, false],
    [integerInput({ min: 0, max: 10 }), 11, false],
    [versionInput, 0, false],
    [versionInput, 2 ** 31, false],
    [versionInput, 2 ** 31 - 1, false],
    [versionInput, 2 ** 31 - 2, true],
    [moneyInput(), -1, false],
    [moneyInput(), 100_000_000_000_000, true],
    [moneyInput(), 100_000_000_000_001, false],
    [moneyInput({ signed: true }), -100_000_000_000_000, true],
    [moneyInput({ signed: true }), 2 ** 53, false],
    [moneyInput({ positive: true }), 0, false],
    [moneyInput({ positive: true }), 1, true],
    [pageInput, 1_000_000, true],
    [pageInput, 1_000_001, false],
    [moneyInput(), Number.NaN, false],
    [moneyInput(), Number.POSITIVE_INFINITY, false],
  ])("case %#", (schema, value, ok) => expect(accepts(schema, value)).toBe(ok));
});

describe("ids and lists", () => {
  it("accepts a UUID and refuses anything else", () => {
    expect(accepts(idInput, "0193f1c2-7d4e-7b8a-9c3d-2e1f0a9b8c7d")).toBe(true);
    expect(accepts(idInput, "not-an-id")).toBe(false);
  });
  it("caps a list", () => {
    expect(accepts(listInput(idInput, 2), [])).toBe(true);
    expect(accepts(listInput(integerInput(), 2), [1, 2, 3])).toBe(false);
  });
});

describe("field messages for schemas that set none", () => {
  const messageOf = (schema: z.ZodType, value: unknown) => schema.safeParse(value).error?.issues[0]?.message;
  it.each([
    ["a missing answer", z.object({ name: z.string() }), {}, "Fill in this field."],
    ["text for a yes/no", z.boolean(), "yes", "Answer yes or no."],
    ["a number for text", z.string(), 12, "Enter text here."],
    ["an option not offered", z.enum(["goods", "works"]), "cake", "Choose one of: goods, works."],
    ["a list too long", z.array(z.number()).max(2), [1, 2, 3], "Choose at most 2."],
    ["a broken id", z.uuid(), "nope", "This link points at a record that does not exist."],
    [
      "text for an object",
      z.object({}),
      "x",
      "This answer is not in the form expected: reload the page and try again.",
    ],
  ])("%s", (_name, schema, value, message) => expect(messageOf(schema, value)).toBe(message));
});

describe("readDecimalText (a number typed in a form, in the council's locale)", () => {
  test.each([
    ["en-GB", "", null],
    ["en-GB", "  ", null],
    ["en-GB", "95", 95],
    ["en-GB", "2.5", 2.5],
    ["en-GB", "1,720", 1720],
    ["en-GB", "1 720.5", 1720.5],
    ["en-GB", "-3", -3],
    ["en-ZA", "2,5", 2.5],
    ["en-ZA", "1 720,5", 1720.5],
    ["en-ZA", "1.720,5", 1720.5],
    ["en-ZA", "2.5", 2.5],
  ])("%s %j → %s", (locale, text, value) => {
    expect(readDecimalText(text, locale)).toEqual({ ok: true, value });
  });

  test.each(["abc", "1e400", "Infinity", "NaN", "1..2", "0x10", "12abc"])("%j is not a number", (text) => {
    expect(readDecimalText(text, "en-GB")).toEqual({ ok: false });
  });
});
