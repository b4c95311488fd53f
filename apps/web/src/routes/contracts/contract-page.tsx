import { Tabs } from "@kobalte/core/tabs";
import { A, useLocation, useParams, useSearchParams } from "@solidjs/router";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { ChangesTab } from "./changes-tab.tsx";
import { CloseOutTab } from "./close-out-tab.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { HistoryTab } from "./history-tab.tsx";
import { ImprovementPlansTab } from "./improvement-plans-tab.tsx";
import { InvoicesTab } from "./invoices-tab.tsx";
import { KpisTab } from "./kpis-tab.tsx";
import { MeetingsTab } from "./meetings-tab.tsx";
import { ObligationsTab } from "./obligations-tab.tsx";
import { OverviewTab } from "./overview-tab.tsx";
import { PlanTab } from "./plan-tab.tsx";
import { RagTab } from "./rag-tab.tsx";
import { RisksTab } from "./risks-tab.tsx";

const tabs = [
  { value: "overview", label: "Overview" },
  { value: "obligations", label: "Obligations" },
  { value: "changes", label: "Changes" },
  { value: "invoices", label: "Invoices" },
  { value: "kpis", label: "KPIs" },
  { value: "rag", label: "Monthly RAG" },
  { value: "meetings", label: "Meetings and actions" },
  { value: "improvement-plans", label: "Improvement plans" },
  { value: "risks", label: "Risks" },
  { value: "plan", label: "Plan" },
  { value: "close-out", label: "Close-out" },
  { value: "history", label: "History" },
] as const;
type TabValue = (typeof tabs)[number]["value"];

function noticeOf(state: unknown): string | null {
  if (typeof state !== "object" || state === null) return null;
  const notice: unknown = Reflect.get(state, "notice");
  return typeof notice === "string" ? notice : null;
}

/** `/t/:slug/contracts/:contractId`: one contract, in tabs; the open tab is in the URL (`?tab=changes`). */
export function ContractPage() {
  const { council, can } = useCouncil();
  const mutate = councilMutations();
  const params = useParams();
  const location = useLocation();
  const [search, setSearch] = useSearchParams();
  const [announcement, setAnnouncement] = createSignal(noticeOf(location.state) ?? "");
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const detail = councilQuery((procedures) =>
    procedures.contracts.get({ contractId: params.contractId ?? "" }),
  );
  const loaded = () => answer(detail);
  const tab = (): TabValue => tabs.find((each) => each.value === search.tab)?.value ?? "overview";
  const base = () => `/t/${council().slug}/contracts`;

  const confirmArchive = (found: ContractDetail) => {
    const archived = found.contract.archivedAt !== null;
    setConfirmation({
      title: archived ? `Restore ${found.contract.reference}?` : `Archive ${found.contract.reference}?`,
      description: archived ? (
        <p>The contract goes back into the register and its obligations count again.</p>
      ) : (
        <p>
          The contract leaves the register and the compliance figures; nothing is deleted. You can restore it
          from the register's archived contracts.
        </p>
      ),
      confirmLabel: archived ? "Restore contract" : "Archive contract",
      destructive: !archived,
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.contracts.setArchived({
              contractId: found.contract.id,
              version: found.contract.version,
              archived: !archived,
            }),
          ["contracts"],
        );
        setAnnouncement(archived ? "The contract has been restored." : "The contract has been archived.");
      },
    });
  };

  return (
    <>
      <PageHeading
        title={loaded() ? `${loaded()?.contract.reference}: ${loaded()?.contract.title}` : "Contract"}
        caption={loaded()?.contract.reference ?? "Contract register"}
      >
        {loaded()?.contract.title ?? "Contract"}
      </PageHeading>
      <div role="status" aria-live="polite">
        <Show when={announcement()}>
          <p class="notice notice--success">{announcement()}</p>
        </Show>
      </div>
      <Query query={detail} loading="Loading the contract…">
        {(found) => (
          <>
            <div class="contract-meta">
              <TierBadge tier={found().contract.tier} />
              <span>{found().supplier?.name ?? "No supplier recorded"}</span>
              <Show when={found().contract.archivedAt}>
                <span class="tag tag--inactive">Archived</span>
              </Show>
            </div>
            <Show when={found().contract.archivedAt}>
              <div class="notice">
                <p>This contract is archived: it is not in the register or the compliance figures.</p>
              </div>
            </Show>
            <Show when={found().contract.retierRequested}>
              <div class="notice notice--warning" role="note">
                <p>
                  <strong>Review the tier.</strong> The contract's value or nature has changed since its tier
                  was set (004 §4).{" "}
                  <Show when={can("contracts:write")} fallback="Ask its contract manager to review it.">
                    Use "Review tier" on the Overview tab.
                  </Show>
                </p>
              </div>
            </Show>
            <div class="page-actions">
              <Show when={can("contracts:write")}>
                <A href={`${base()}/${found().contract.id}/edit`} class="button button--secondary">
                  Edit contract
                </A>
              </Show>
              <Show when={can("contracts:archive")}>
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => confirmArchive(found())}
                >
                  {found().contract.archivedAt ? "Restore contract" : "Archive contract"}
                </button>
              </Show>
              <A href={base()} class="page-actions__link">
                Back to the register
              </A>
            </div>
            <Tabs
              class="tabs"
              value={tab()}
              onChange={(value) =>
                setSearch({ tab: value === "overview" ? undefined : value }, { replace: true })
              }
            >
              <Tabs.List class="tabs__list" aria-label="Contract sections">
                <For each={tabs}>
                  {(each) => (
                    <Tabs.Trigger class="tabs__tab" value={each.value}>
                      {each.label}
                    </Tabs.Trigger>
                  )}
                </For>
              </Tabs.List>
              <Tabs.Content class="tabs__panel" value="overview">
                <OverviewTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="obligations">
                <ObligationsTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="rag">
                <RagTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="meetings">
                <MeetingsTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="improvement-plans">
                <ImprovementPlansTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="risks">
                <RisksTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="changes">
                <ChangesTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="invoices">
                <InvoicesTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="kpis">
                <KpisTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="plan">
                <PlanTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="close-out">
                <CloseOutTab detail={found()} announce={setAnnouncement} />
              </Tabs.Content>
              <Tabs.Content class="tabs__panel" value="history">
                <HistoryTab detail={found()} />
              </Tabs.Content>
            </Tabs>
          </>
        )}
      </Query>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}
