import { describe, expect, test } from "vitest";
import { contractNoticeInput, contractNoticeRefusal, latestNotice } from "./notices.ts";

const today = "2026-12-01";
const english = { jurisdiction: "GB-ENG" as const, publicContract: true };

describe("contractNoticeRefusal (PA23 s.71, s.80: notices of English public contracts, once published)", () => {
  test.each([
    { contract: english, publishedOn: "2026-12-01", refusal: null },
    { contract: english, publishedOn: "2026-11-02", refusal: null },
    { contract: english, publishedOn: "2026-12-02", refusal: "publishedOn" },
    { contract: { ...english, publicContract: false }, publishedOn: "2026-11-02", refusal: "kind" },
    { contract: { ...english, jurisdiction: "ZA" as const }, publishedOn: "2026-11-02", refusal: "kind" },
  ] as const)("$contract on $publishedOn → $refusal", ({ contract, publishedOn, refusal }) => {
    expect(contractNoticeRefusal({ publishedOn }, contract, today)?.field ?? null).toBe(refusal);
  });

  test("says what to fix", () => {
    expect(contractNoticeRefusal({ publishedOn: "2027-01-01" }, english, today)?.message).toBe(
      "Record a notice once it is published: give today's date or an earlier one.",
    );
  });
});

describe("latestNotice", () => {
  const notices = [
    { kind: "contract_performance" as const, publishedOn: "2025-03-01" },
    { kind: "contract_termination" as const, publishedOn: "2026-01-10" },
    { kind: "contract_performance" as const, publishedOn: "2025-11-30" },
  ];
  test.each([
    { kind: "contract_performance" as const, latest: "2025-11-30" },
    { kind: "contract_termination" as const, latest: "2026-01-10" },
  ])("$kind → $latest", ({ kind, latest }) => {
    expect(latestNotice(notices, kind)).toBe(latest);
  });
  test("none recorded", () => expect(latestNotice([], "contract_termination")).toBeNull());
});

describe("contractNoticeInput", () => {
  const valid = {
    contractId: "0196f7a0-0000-7000-8000-000000000001",
    kind: "contract_termination",
    publishedOn: today,
  };
  test("takes a kind, a day and an optional reference", () => {
    expect(contractNoticeInput.parse({ ...valid, reference: "  " })).toMatchObject({ reference: null });
    expect(contractNoticeInput.safeParse({ ...valid, kind: "contract_change" }).success).toBe(false);
    expect(contractNoticeInput.safeParse({ ...valid, publishedOn: "2026-02-30" }).success).toBe(false);
    expect(contractNoticeInput.safeParse({ ...valid, reference: "x".repeat(301) }).success).toBe(false);
  });
});
