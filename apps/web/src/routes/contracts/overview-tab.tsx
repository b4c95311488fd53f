import { A } from "@solidjs/router";
import {
  contractCategories,
  lifecycleStages,
  procurementRoutes,
  serviceRisks,
  type Tier,
  tierLabels,
} from "@steward/domain";
import { createSignal, For, type JSX, Show } from "solid-js";
import { IncludedModule } from "../../components/included-module.tsx";
import { RagBadge } from "../../components/rag-badge.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { ComplianceScore } from "./compliance-score.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { DeviationPanel } from "./deviation.tsx";
import {
  categoryLabels,
  oneOf,
  type ProcurementRoute,
  riskLabels,
  routeLabels,
  stageLabels,
  statusLabels,
} from "./labels.ts";
import { TierReviewDialog } from "./tier-review.tsx";

function Row(props: { label: string; children: JSX.Element }) {
  return (
    <div class="summary-list__row">
      <dt>{props.label}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

/** A new element each time: one JSX element placed twice would move, not copy. */
const notRecorded = () => <span class="muted">Not recorded</span>;

/** The register's fields, the tier with its reasons, values now and as awarded, and spend. */
export function OverviewTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { council, can, format } = useCouncil();
  const contract = () => props.detail.contract;
  const [reviewing, setReviewing] = createSignal(false);
  let reviewButton: HTMLButtonElement | undefined;
  const date = (value: string | null) => (value ? format().date(value) : notRecorded());
  const money = (value: number | null) => (value === null ? notRecorded() : format().money(value));
  const yesNo = (value: boolean) => (value ? "Yes" : "No");
  const route = () => oneOf<ProcurementRoute>(procurementRoutes, contract().procurementRoute);
  const valueChanged = () =>
    contract().originalTotalValueMinor !== null &&
    contract().originalTotalValueMinor !== contract().totalValueMinor;
  const endChanged = () =>
    contract().originalEndDate !== null && contract().originalEndDate !== contract().endDate;
  const spend = () => props.detail.spend;
  const tabHref = (tab: string) => `/t/${council().slug}/contracts/${contract().id}?tab=${tab}`;
  // The month whose RAG is due (the one last ended), when the contract had started by then.
  const rag = councilQuery((procedures) => procedures.rag.list({ contractId: contract().id }));
  const dueRag = () => {
    const found = answer(rag);
    return found?.months.find((each) => each.month === found.dueMonth) ?? null;
  };
  const person = (found: { name: string; active: boolean } | null) =>
    found ? (
      <>
        {found.name}
        <Show when={!found.active}>
          <span class="tag tag--inactive">no longer a member</span>
        </Show>
      </>
    ) : (
      <span class="muted">Not named</span>
    );

  return (
    <>
      <section aria-labelledby="tier-heading" class="panel">
        <h2 id="tier-heading">
          Tier: <TierBadge tier={contract().tier} />
        </h2>
        <Show when={contract().tierOverrideReason}>
          {(reason) => (
            <p>
              Set by override (assessed as {tierLabels[contract().assessedTier]}): {reason()}
            </p>
          )}
        </Show>
        <p class="hint">Why, as assessed on {format().date(contract().tierAssessedAt)}:</p>
        <ul class="reasons">
          <For each={contract().tierReasons}>{(reason) => <li>{reason}</li>}</For>
        </ul>
        <Show when={can("contracts:write") && !contract().archivedAt}>
          <button
            type="button"
            class="button button--secondary"
            ref={reviewButton}
            onClick={() => setReviewing(true)}
          >
            Review tier
          </button>
        </Show>
        <Show when={reviewing()}>
          <TierReviewDialog
            detail={props.detail}
            open
            onClose={() => {
              setReviewing(false);
              reviewButton?.focus();
            }}
            onReviewed={(tier: Tier) => props.announce(`The tier has been reviewed: ${tierLabels[tier]}.`)}
          />
        </Show>
      </section>

      <section aria-labelledby="glance-heading">
        <h2 id="glance-heading">At a glance</h2>
        <Show when={dueRag()}>
          {(due) => (
            <p class="lead">
              RAG for {format().month(due().month)}: <RagBadge status={due().entry?.status ?? null} />{" "}
              <A href={tabHref("rag")}>
                {due().entry ? "See the monthly RAG" : "Set it on the Monthly RAG tab"}
              </A>
            </p>
          )}
        </Show>
        <Show when={props.detail.supplier}>
          {(supplier) => (
            <IncludedModule module="benchmarking">
              <p class="lead">
                <A href={`/t/${council().slug}/benchmarks/suppliers/${supplier().id}`}>
                  How {supplier().name} compares across councils
                </A>
              </p>
            </IncludedModule>
          )}
        </Show>
        <Show when={props.detail.compliance}>
          {(summary) => (
            <p class="lead">
              Compliance score: <ComplianceScore score={summary().score} tracked={summary()} />
              {summary().overdue > 0
                ? `, ${summary().overdue} ${summary().overdue === 1 ? "duty" : "duties"} overdue`
                : ""}{" "}
              <A href={tabHref("obligations")}>See the obligations</A>
            </p>
          )}
        </Show>
      </section>

      <Show when={props.detail.jurisdiction === "ZA"}>
        <DeviationPanel detail={props.detail} announce={props.announce} />
      </Show>

      <section aria-labelledby="spend-heading">
        <h2 id="spend-heading">Spend against value</h2>
        <p>
          Invoices so far come to <strong>{format().money(spend().spentMinor)}</strong>
          <Show when={spend().percent !== null && contract().totalValueMinor !== null}>
            , {spend().percent}% of the total value of {money(contract().totalValueMinor)}
          </Show>
          .
        </p>
        <Show when={spend().warning}>
          {(warning) => (
            <div
              class="notice"
              classList={{ "notice--error": spend().overValue, "notice--warning": !spend().overValue }}
            >
              <p>{warning()}</p>
            </div>
          )}
        </Show>
      </section>

      <section aria-labelledby="register-heading">
        <h2 id="register-heading">Register details</h2>
        <h3>Identification</h3>
        <dl class="summary-list">
          <Row label="Reference">{contract().reference}</Row>
          <Row label="Title">{contract().title}</Row>
          <Row label="Description">
            <Show when={contract().description} fallback={notRecorded()}>
              {(description) => <span class="pre-line">{description()}</span>}
            </Show>
          </Row>
          <Row label="Category">
            {categoryLabels[oneOf(contractCategories, contract().category) ?? "services"]}
          </Row>
          <Row label="CPV code">{contract().cpvCode ?? notRecorded()}</Row>
          <Row label="Service area">{contract().serviceArea ?? notRecorded()}</Row>
        </dl>
        <h3>Supplier and people</h3>
        <dl class="summary-list">
          <Row label="Supplier">
            <Show when={props.detail.supplier} fallback={notRecorded()}>
              {(supplier) => (
                <A href={`/t/${council().slug}/suppliers/${supplier().id}`}>{supplier().name}</A>
              )}
            </Show>
          </Row>
          <Row label="Contract manager">{person(props.detail.contractManager)}</Row>
          <Row label="Senior Responsible Officer">{person(props.detail.sro)}</Row>
        </dl>
        <h3>Dates</h3>
        <dl class="summary-list">
          <Row label="Awarded">{date(contract().awardDate)}</Row>
          <Row label="Signed">{date(contract().signedDate)}</Row>
          <Row label="Starts">{date(contract().startDate)}</Row>
          <Row label="Ends">
            {date(contract().endDate)}
            <Show when={endChanged() ? contract().originalEndDate : null}>
              {(original) => <span class="cell-meta">As awarded: {format().date(original())}</span>}
            </Show>
          </Row>
          <Row label="Latest end with extensions">{date(contract().maxExtensionDate)}</Row>
          <Row label="Notice date">{date(contract().noticeDate)}</Row>
        </dl>
        <h3>Values</h3>
        <dl class="summary-list">
          <Row label="Total value">
            {money(contract().totalValueMinor)}
            <Show when={valueChanged() ? contract().originalTotalValueMinor : null}>
              {(original) => <span class="cell-meta">As awarded: {format().money(original())}</span>}
            </Show>
          </Row>
          <Row label="Annual value">{money(contract().annualValueMinor)}</Row>
          <Row label="Capital value">{money(contract().capitalValueMinor)}</Row>
          <Row label="Currency">{contract().currency}</Row>
        </dl>
        <h3>Procurement, flags and status</h3>
        <dl class="summary-list">
          <Row label="Procurement route">
            <Show when={route()} fallback={notRecorded()}>
              {(known) => routeLabels[known()]}
            </Show>
          </Row>
          <Show when={props.detail.jurisdiction === "GB-ENG"}>
            <Row label="Light-touch regime">{yesNo(contract().lightTouch)}</Row>
            <Row label="Public contract (PA23 s.3)">{yesNo(contract().publicContract)}</Row>
          </Show>
          <Row label="Corporate priority">{yesNo(contract().corporatePriority)}</Row>
          <Row label="Key public service">{yesNo(contract().keyPublicService)}</Row>
          <Row label="Service risk">{riskLabels[oneOf(serviceRisks, contract().serviceRisk) ?? "low"]}</Row>
          <Row label="Status">{statusLabels[contract().status]}</Row>
          <Row label="Lifecycle stage">
            {stageLabels[oneOf(lifecycleStages, contract().lifecycleStage) ?? "delivery"]}
          </Row>
        </dl>
      </section>
    </>
  );
}
