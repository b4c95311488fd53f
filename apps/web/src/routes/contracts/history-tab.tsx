import { tierLabels, tiers } from "@steward/domain";
import { createMemo, createResource, For, Show } from "solid-js";
import { Async } from "../../components/async.tsx";
import { latest } from "../../components/latest.ts";
import { useCouncil } from "../../council.tsx";
import type { CouncilFormat } from "../../format.ts";
import type { Answer, Client } from "../../trpc.ts";
import type { ContractDetail } from "./contract-page.tsx";
import { oneOf } from "./labels.ts";

type HistoryEvent = Answer<Client["contracts"]["history"]>[number];

/** Event records are JSON: each value is checked before it is used. */
const text = (record: unknown, name: string): string | undefined => {
  if (typeof record !== "object" || record === null) return undefined;
  const value: unknown = Reflect.get(record, name);
  return typeof value === "string" ? value : undefined;
};
const number = (record: unknown, name: string): number | undefined => {
  if (typeof record !== "object" || record === null) return undefined;
  const value: unknown = Reflect.get(record, name);
  return typeof value === "number" ? value : undefined;
};
const keys = (record: unknown): string[] =>
  typeof record === "object" && record !== null ? Object.keys(record) : [];

const fieldNames: Record<string, string> = {
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
  corporatePriority: "corporate priority flag",
  keyPublicService: "key public service flag",
  serviceRisk: "service risk",
  status: "status",
  lifecycleStage: "lifecycle stage",
};

function describeValue(name: string, value: unknown, format: CouncilFormat, people: Map<string, string>) {
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
  const { before, after } = event;
  switch (event.action) {
    case "contract.created":
      return text(after, "source") === "demo data"
        ? "Added the contract (demo data)."
        : "Added the contract.";
    case "contract.imported": {
      const file = text(after, "fileName");
      return file ? `Imported the contract from ${file}.` : "Imported the contract from a register file.";
    }
    case "contract.updated": {
      const changed = keys(after).map((name) => {
        const label = fieldNames[name] ?? name;
        return `${label} from ${describeValue(name, Reflect.get(Object(before), name), format, people)} to ${describeValue(name, Reflect.get(Object(after), name), format, people)}`;
      });
      return changed.length > 0 ? `Edited the ${changed.join("; ")}.` : "Saved the contract without changes.";
    }
    case "contract.tier_reviewed": {
      const from = oneOf(tiers, text(before, "tier"));
      const to = oneOf(tiers, text(after, "tier"));
      const reason = text(after, "overrideReason");
      const move =
        from && to
          ? from === to
            ? `kept it ${tierLabels[to]}`
            : `${tierLabels[from]} to ${tierLabels[to]}`
          : "";
      return `Reviewed the tier${move ? `: ${move}` : ""}${reason ? `, overriding the assessment because: ${reason}` : ", from the assessment"}.`;
    }
    case "contract.archived":
      return "Archived the contract.";
    case "contract.restored":
      return "Restored the contract to the register.";
    case "change.requested": {
      const value = number(after, "valueDeltaMinor") ?? 0;
      const days = number(after, "termDeltaDays") ?? 0;
      const parts = [
        value !== 0 ? `value ${signedMoney(value, format)}` : null,
        days !== 0 ? `term ${days > 0 ? "+" : "−"}${Math.abs(days)} days` : null,
      ].filter(Boolean);
      return `Requested a ${text(after, "type") ?? ""} change${parts.length ? ` (${parts.join(", ")})` : ""}.`;
    }
    case "change.approved": {
      const total = number(after, "totalValueMinor");
      const end = text(after, "endDate");
      const now = [
        total !== undefined ? `total value now ${format.money(total)}` : null,
        end ? `end date now ${format.date(end)}` : null,
      ].filter(Boolean);
      return `Approved a change${now.length ? `: ${now.join(", ")}` : ""}.`;
    }
    case "change.rejected":
      return "Rejected a change.";
    case "change.withdrawn":
      return "Withdrew a change.";
    case "invoice.recorded": {
      const amount = number(after, "amountMinor");
      return `Recorded invoice ${text(after, "invoiceNumber") ?? ""}${amount !== undefined ? ` for ${format.money(amount)}` : ""}.`;
    }
    case "invoice.updated": {
      const paid = text(after, "paidOn");
      return paid && !text(before, "paidOn")
        ? `Marked invoice ${text(after, "invoiceNumber") ?? ""} as paid on ${format.date(paid)}.`
        : `Updated invoice ${text(after, "invoiceNumber") ?? ""}.`;
    }
    default:
      return event.action;
  }
}

/** Everything recorded about the contract, newest first, from the audit log. */
export function HistoryTab(props: { detail: ContractDetail }) {
  const { api, council, format } = useCouncil();
  const [events, { refetch }] = createResource(
    () => ({
      tenantId: council().tenantId,
      contractId: props.detail.contract.id,
      version: props.detail.contract.version,
    }),
    ({ contractId }) => api().contracts.history.query({ contractId }),
  );
  const [members] = createResource(
    () => council().tenantId,
    () => api().members.list.query(),
  );
  const people = createMemo(
    () => new Map((latest(members) ?? []).map((member) => [member.userId, member.name])),
  );
  const who = (userId: string | null) =>
    userId === null ? "Steward" : (people().get(userId) ?? "A former member");
  return (
    <>
      <h2>History</h2>
      <Async resource={events} loading="Loading the history…" retry={() => void refetch()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="empty">Nothing has been recorded yet.</p>}>
            <ol class="timeline">
              <For each={list()}>
                {(event) => (
                  <li class="timeline__item">
                    <p class="timeline__when">
                      <time datetime={event.createdAt}>{format().dateTime(event.createdAt)}</time> ·{" "}
                      {who(event.actorUserId)}
                    </p>
                    <p class="timeline__what">{describe(event, format(), people())}</p>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Async>
    </>
  );
}
