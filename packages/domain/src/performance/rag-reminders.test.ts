import { describe, expect, test } from "vitest";
import { type ContractMissingRag, ragReminderMails, ragReminderMonth } from "./rag-reminders.ts";

describe("ragReminderMonth (004 §12.3: last month's RAG, due by the council's due day)", () => {
  test.each<{ today: string; dueDay: number; month: string | null }>([
    { today: "2026-12-09", dueDay: 10, month: null },
    { today: "2026-12-10", dueDay: 10, month: "2026-11-01" },
    { today: "2026-12-11", dueDay: 10, month: "2026-11-01" },
    { today: "2026-12-31", dueDay: 10, month: "2026-11-01" },
    { today: "2027-01-01", dueDay: 1, month: "2026-12-01" },
    { today: "2027-03-27", dueDay: 28, month: null },
    { today: "2027-03-28", dueDay: 28, month: "2027-02-01" },
  ])("$today with due day $dueDay → $month", ({ today, dueDay, month }) => {
    expect(ragReminderMonth(today, dueDay)).toBe(month);
  });
});

describe("ragReminderMails", () => {
  const ann = { id: "u-ann", name: "Ann Officer", email: "ann@example.test" };
  const bob = { id: "u-bob", name: "Bob Officer", email: "bob@example.test" };
  const contract = (reference: string, manager: ContractMissingRag["manager"]): ContractMissingRag => ({
    contractId: `c-${reference}`,
    reference,
    title: `Service ${reference}`,
    manager,
  });
  const mails = ragReminderMails({
    month: "2026-11-01",
    council: { name: "Harborough District Council", slug: "harborough", locale: "en-GB" },
    appUrl: "https://steward.example",
    contracts: [contract("C-1", ann), contract("C-2", bob), contract("C-3", ann), contract("C-4", null)],
  });

  test("one e-mail per manager with their own contracts, linked; none for a contract with no manager", () => {
    expect(mails.map((mail) => mail.to)).toEqual(["ann@example.test", "bob@example.test"]);
    const [toAnn, toBob] = mails;
    expect(toAnn?.subject).toBe("2 contracts need a RAG status for November 2026");
    expect(toAnn?.body).toContain("Hello Ann Officer,");
    expect(toAnn?.body).toContain(
      "- C-1 Service C-1\n  https://steward.example/t/harborough/contracts/c-C-1",
    );
    expect(toAnn?.body).toContain("- C-3 Service C-3");
    expect(toAnn?.body).not.toContain("C-2");
    expect(toBob?.subject).toBe("1 contract needs a RAG status for November 2026");
    expect(toBob?.body).toContain("This contract you manage has no RAG status for November 2026 yet:");
    expect(mails.some((mail) => mail.body.includes("C-4"))).toBe(false);
  });

  test("nothing to send when every contract has its RAG", () => {
    expect(
      ragReminderMails({
        month: "2026-11-01",
        council: { name: "A council", slug: "a", locale: "en-GB" },
        appUrl: "https://steward.example",
        contracts: [],
      }),
    ).toEqual([]);
  });
});
