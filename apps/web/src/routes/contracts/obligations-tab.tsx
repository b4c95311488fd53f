import type { ObligationStatus } from "@steward/domain";
import { For, Show } from "solid-js";
import { TableWrap } from "../../components/table-wrap.tsx";
import { useCouncil } from "../../council.tsx";
import { ComplianceScore } from "./compliance-score.tsx";
import type { ContractDetail } from "./contract-detail.ts";
import { obligationStatusLabels } from "./labels.ts";
import { NoticesPanel } from "./notices-panel.tsx";

export function ObligationStatusTag(props: { status: ObligationStatus }) {
  return <span class={`tag tag--obligation-${props.status}`}>{obligationStatusLabels[props.status]}</span>;
}

/**
 * What the contract owes (004 §5), derived from its tier and facts, with the compliance score; in England, the
 * notices published for it below (PA23 s.71, s.80).
 */
export function ObligationsTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { format } = useCouncil();
  const obligations = () => props.detail.obligations;
  const count = (status: string) => obligations().filter((item) => item.status === status).length;
  return (
    <>
      <h2>Obligations</h2>
      <Show
        when={obligations().length > 0}
        fallback={
          <p class="empty">
            {props.detail.contract.archivedAt
              ? "An archived contract has no obligations."
              : "No obligations have been derived for this contract."}
          </p>
        }
      >
        <p class="lead">
          Compliance score:{" "}
          <ComplianceScore score={props.detail.complianceScore} tracked={props.detail.compliance} />
        </p>
        <p>
          {count("met")} met, {count("due_soon")} due soon, {count("overdue")} overdue
          {count("not_tracked") > 0 ? `, ${count("not_tracked")} not yet tracked here` : ""}
          {count("not_applicable") > 0 ? `, ${count("not_applicable")} not applicable` : ""}. Derived from the
          contract's tier and what has been recorded, as of today. The score is over the duties tracked here;
          those not yet tracked are owed all the same.
        </p>
        <TableWrap label="Obligations table">
          <table class="table">
            <caption class="visually-hidden">Obligations of this contract and their status</caption>
            <thead>
              <tr>
                <th scope="col">Obligation</th>
                <th scope="col">Status</th>
                <th scope="col">Due</th>
                <th scope="col">What to do</th>
              </tr>
            </thead>
            <tbody>
              <For each={obligations()}>
                {(obligation) => (
                  <tr>
                    <th scope="row">
                      {obligation.title}
                      <span class="cell-meta">{obligation.source}</span>
                    </th>
                    <td>
                      <ObligationStatusTag status={obligation.status} />
                    </td>
                    <td class="cell-nowrap">
                      {obligation.dueDate ? format().date(obligation.dueDate) : "—"}
                    </td>
                    <td>{obligation.detail}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
      <Show when={props.detail.jurisdiction === "GB-ENG" && !props.detail.contract.archivedAt}>
        <NoticesPanel detail={props.detail} announce={props.announce} />
      </Show>
    </>
  );
}
