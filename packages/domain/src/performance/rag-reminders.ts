import { formatMonth } from "../money.ts";
import { ragDueMonth } from "./rag.ts";

/**
 * The monthly RAG reminder (004 §12.3: each month's RAG is set by the council's due day; issue 8 §4: "a reminder
 * e-mail to their managers on the council's due day"). Sent on the due day, or on the first day after it that the
 * job runs (a server that was down on the day still reminds), never before it and once a month (rag_reminders).
 */

/** The month a reminder sent today asks about (last month), or null before the council's due day. */
export function ragReminderMonth(today: string, ragDueDay: number): string | null {
  const day = Number(today.slice(8, 10));
  return day >= ragDueDay ? ragDueMonth(today) : null;
}

export interface ContractMissingRag {
  contractId: string;
  reference: string;
  title: string;
  manager: { id: string; name: string; email: string } | null;
}

export interface ReminderMail {
  to: string;
  subject: string;
  body: string;
}

/**
 * One e-mail for each contract manager, listing their contracts with no RAG for `month`. A contract with no
 * manager reminds nobody: it shows in the board's list of contracts with no RAG.
 */
export function ragReminderMails(input: {
  month: string;
  council: { name: string; slug: string; locale: string };
  appUrl: string;
  contracts: readonly ContractMissingRag[];
}): ReminderMail[] {
  const byManager = new Map<string, { name: string; email: string; contracts: ContractMissingRag[] }>();
  for (const contract of input.contracts) {
    if (!contract.manager) continue;
    const entry = byManager.get(contract.manager.id) ?? { ...contract.manager, contracts: [] };
    entry.contracts.push(contract);
    byManager.set(contract.manager.id, entry);
  }
  const month = formatMonth(input.month, input.council.locale);
  const councilUrl = `${input.appUrl}/t/${input.council.slug}`;
  return [...byManager.values()].map((manager) => {
    const count = manager.contracts.length;
    const lines = manager.contracts.map(
      (contract) =>
        `- ${contract.reference} ${contract.title}\n  ${councilUrl}/contracts/${contract.contractId}`,
    );
    return {
      to: manager.email,
      subject: `${count === 1 ? "1 contract needs" : `${count} contracts need`} a RAG status for ${month}`,
      body: [
        `Hello ${manager.name},`,
        "",
        `${input.council.name} asks each contract manager to set every contract's RAG status for the month just ended by its due day. ${count === 1 ? "This contract you manage has" : "These contracts you manage have"} no RAG status for ${month} yet:`,
        "",
        ...lines,
        "",
        "Open each contract's RAG tab to set its status (Amber and Red need a commentary).",
      ].join("\n"),
    };
  });
}
