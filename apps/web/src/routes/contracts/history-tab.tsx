import { auditActionInWords, type ContractInput, tierLabels } from "@steward/domain";
import { createMemo, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { type CouncilFormat, sentenceCase } from "../../format.ts";
import { answer } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import type { ContractDetail } from "./contract-detail.ts";

type HistoryEvent = Answer<Client["contracts"]["history"]>[number];

const fieldNames: Record<keyof ContractInput, string> = {
  reference: "reference",
  title: "title",
  description: "description",
  category: "category",
  cpvCode: "CPV code",
  serviceArea: "service area",
  supplierId: "supplier",
  contractManagerId: "contract manager",
  sroId: "Senior Responsible Officer",
  awardDate: "award date",
  signedDate: "signed date",
  startDate: "start date",
  endDate: "end date",
  maxExtensionDate: "latest extension date",
  noticeDate: "notice date",
  annualValueMinor: "annual value",
  totalValueMinor: "total value",
  capitalValueMinor: "capital value",
  currency: "currency",
  procurementRoute: "procurement route",
  lightTouch: "light-touch flag",
  publicContract: "public-contract flag",
  corporatePriority: "corporate priority flag",
  keyPublicService: "key public service flag",
  serviceRisk: "service risk",
  status: "status",
  lifecycleStage: "lifecycle stage",
};

function describeValue(
  name: keyof ContractInput,
  value: unknown,
  format: CouncilFormat,
  people: Map<string, string>,
) {
  if (value === null || value === undefined || value === "") return "blank";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number" && name.endsWith("Minor")) return format.money(value);
  if (typeof value === "string" && name.endsWith("Date")) return format.date(value);
  if (typeof value === "string" && (name === "contractManagerId" || name === "sroId")) {
    return people.get(value) ?? "another member";
  }
  if (name === "supplierId") return "another supplier";
  if (name === "description") return "new text";
  return String(value);
}

function signedMoney(minor: number, format: CouncilFormat) {
  return `${minor >= 0 ? "+" : "−"}${format.money(Math.abs(minor))}`;
}

/** One audit event as a sentence an officer can read. */
function describe(event: HistoryEvent, format: CouncilFormat, people: Map<string, string>): string {
  switch (event.action) {
    case "contract.created":
      return "source" in event.after ? "Added the contract (demo data)." : "Added the contract.";
    case "contract.imported": {
      const file = event.after.fileName;
      return file ? `Imported the contract from ${file}.` : "Imported the contract from a register file.";
    }
    case "contract.updated":
    case "contract.import_updated":
    case "contract.bulk_edited": {
      const { before, after } = event;
      const changed = (Object.keys(after) as (keyof ContractInput)[]).map(
        (name) =>
          `${fieldNames[name]} from ${describeValue(name, before[name], format, people)} to ${describeValue(name, after[name], format, people)}`,
      );
      const how = {
        "contract.updated": "Edited",
        "contract.import_updated": "Updated from a register file: changed",
        "contract.bulk_edited": "Edited with other contracts: set",
      }[event.action];
      return changed.length > 0 ? `${how} the ${changed.join("; ")}.` : "Saved the contract without changes.";
    }
    case "contract.tier_reviewed": {
      const from = event.before.tier;
      const to = event.after.tier;
      const reason = event.after.overrideReason;
      const move = from === to ? `kept it ${tierLabels[to]}` : `${tierLabels[from]} to ${tierLabels[to]}`;
      return `Reviewed the tier: ${move}${reason ? `, overriding the assessment because: ${reason}` : ", from the assessment"}.`;
    }
    case "contract.archived":
      return "Archived the contract.";
    case "contract.restored":
      return "Restored the contract to the register.";
    case "change.requested": {
      const { type, valueDeltaMinor, termDeltaDays } = event.after;
      const parts = [
        valueDeltaMinor !== 0 ? `value ${signedMoney(valueDeltaMinor, format)}` : null,
        termDeltaDays !== 0 ? `term ${termDeltaDays > 0 ? "+" : "−"}${Math.abs(termDeltaDays)} days` : null,
      ].filter(Boolean);
      return `Requested a ${type} change${parts.length ? ` (${parts.join(", ")})` : ""}.`;
    }
    case "change.approved": {
      const { totalValueMinor, endDate, supplierId } = event.after;
      const now = [
        totalValueMinor !== null ? `total value now ${format.money(totalValueMinor)}` : null,
        endDate ? `end date now ${format.date(endDate)}` : null,
        supplierId && supplierId !== event.before.supplierId ? "a new supplier" : null,
      ].filter(Boolean);
      return `Approved a change${now.length ? `: ${now.join(", ")}` : ""}.`;
    }
    case "change.section_116_recorded": {
      const steps = event.after;
      const parts = [
        steps.councilTabledOn
          ? `reasons tabled in the council on ${format.date(steps.councilTabledOn)} (${steps.councilResolutionReference ?? "no reference"})`
          : null,
        steps.communityNoticeOn && steps.representationsCloseOn
          ? `notice to the local community on ${format.date(steps.communityNoticeOn)}, representations until ${format.date(steps.representationsCloseOn)}`
          : null,
      ].filter(Boolean);
      return `Recorded the MFMA s.116(3) steps of a change${parts.length ? `: ${parts.join("; ")}` : ""}.`;
    }
    case "change.rejected":
      return "Rejected a change.";
    case "change.withdrawn":
      return "Withdrew a change.";
    case "invoice.recorded":
      return `Recorded invoice ${event.after.invoiceNumber} for ${format.money(event.after.amountMinor)}.`;
    case "invoice.updated": {
      const paid = event.after.paidOn;
      return paid && !event.before.paidOn
        ? `Marked invoice ${event.after.invoiceNumber} as paid on ${format.date(paid)}.`
        : `Updated invoice ${event.after.invoiceNumber}.`;
    }
    case "invoice.disputed":
      return `Marked invoice ${event.after.invoiceNumber} disputed from ${format.date(event.after.disputedOn)}: ${event.after.reason}`;
    case "invoice.dispute_cleared":
      return `Cleared the dispute on invoice ${event.before.invoiceNumber}.`;
    case "contract.deviation_recorded":
      return event.after.reportedOn
        ? `Recorded the deviation as reported to council on ${format.date(event.after.reportedOn)} (${event.after.reportReference}).`
        : "Recorded a deviation from the procurement processes, not yet reported to council.";
    case "contract.deviation_removed":
      return "Removed the recorded deviation.";
    default:
      return `${sentenceCase(auditActionInWords(event.action))}.`;
  }
}

/** Everything recorded about the contract, newest first, from the audit log. */
export function HistoryTab(props: { detail: ContractDetail }) {
  const { format } = useCouncil();
  // Every mutation invalidates the history (query.ts: the audit trail).
  const events = councilQuery((procedures) =>
    procedures.contracts.history({ contractId: props.detail.contract.id }),
  );
  // The same cached query as the page's member pickers: one request.
  const members = councilQuery((procedures) => procedures.members.list());
  const people = createMemo(
    () => new Map((answer(members) ?? []).map((member) => [member.userId, member.name])),
  );
  const who = (event: HistoryEvent) =>
    event.actorName ?? (event.actorUserId === null ? "Steward" : "A former member");
  return (
    <>
      <h2>History</h2>
      <Query query={events} loading="Loading the history…">
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">Nothing has been recorded yet.</p>}>
            <ol class="timeline">
              <For each={list()}>
                {(event) => (
                  <li class="timeline__item">
                    <p class="timeline__when">
                      <time datetime={event.createdAt}>{format().dateTime(event.createdAt)}</time> ·{" "}
                      {who(event)}
                    </p>
                    <p class="timeline__what">{describe(event, format(), people())}</p>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Query>
    </>
  );
}
