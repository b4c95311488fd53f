import {
  type OwnerParty,
  ownerParties,
  ownerPartyLabels,
  type RiskCategory,
  riskBandLabels,
  riskCategories,
  riskCategoryLabels,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { AttachmentsWhenOpened } from "../../components/attachments.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { MemberSelect } from "../../components/member-select.tsx";
import { RadioGroup } from "../../components/radio-group.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";
import type { ContractDetail } from "./contract-detail.ts";

type Risk = Answer<Client["risks"]["list"]>[number];

const riskChanges = ["risks", "contracts", "board"] as const;
const categoryChoices = riskCategories.map((category) => ({
  value: category,
  label: riskCategoryLabels[category],
}));
const scoreChoices = (["1", "2", "3", "4", "5"] as const).map((value) => ({ value, label: value }));
const partyChoices = ownerParties.map((party) => ({ value: party, label: ownerPartyLabels[party] }));
const fieldIds = {
  "risk.title": "risk-title",
  "risk.category": "risk-category-trigger",
  "risk.likelihood": "risk-likelihood-trigger",
  "risk.impact": "risk-impact-trigger",
  "risk.ownerUserId": "risk-owner-member-trigger",
  "risk.ownerName": "risk-owner-name",
  "risk.reviewOn": "risk-review-on",
};

/**
 * 004 §11.2: the joint risk register with the supplier: likelihood × impact (1–5 each), the score and its
 * band, the owner (council or supplier), mitigation, the review date (overdue reviews marked) and whether it
 * goes on the council's corporate risk register.
 */
export function RisksTab(props: { detail: ContractDetail; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const contractId = () => props.detail.contract.id;
  const risks = councilQuery((procedures) => procedures.risks.list({ contractId: contractId() }));
  const [editing, setEditing] = createSignal<{ risk: Risk | null } | null>(null);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const writable = () => can("performance:write") && props.detail.contract.archivedAt === null;

  const setStatus = (risk: Risk) => {
    const closing = risk.status === "open";
    setConfirmation({
      title: closing ? `Close the risk "${risk.title}"?` : `Reopen the risk "${risk.title}"?`,
      description: closing ? (
        <p>A closed risk needs no more reviews. It stays in the register's history.</p>
      ) : (
        <p>It needs reviews again from its review date.</p>
      ),
      confirmLabel: closing ? "Close the risk" : "Reopen the risk",
      destructive: closing,
      run: async () => {
        await mutate(
          (procedures) =>
            procedures.risks.setStatus({
              riskId: risk.id,
              version: risk.version,
              status: closing ? "closed" : "open",
            }),
          riskChanges,
        );
        props.announce(closing ? "The risk is closed." : "The risk is open again.");
      },
    });
  };

  return (
    <>
      <h2>Joint risk register</h2>
      <p class="hint">
        004 §5, §11.2: High tier contracts keep a joint risk register with the supplier and review it; a risk
        past its review date makes the register overdue. Score = likelihood × impact: 1–4 Low, 5–9 Medium,
        10–16 High, 20–25 Very high.
      </p>
      <Show when={writable()}>
        <button type="button" class="button" onClick={() => setEditing({ risk: null })}>
          Record a risk
        </button>
      </Show>
      <Query query={risks} loading="Loading the risk register…">
        {(found) => (
          <Show
            when={found().length > 0}
            fallback={<p class="empty">No risks are recorded for this contract.</p>}
          >
            <TableWrap label="Risks">
              <table class="table">
                <caption class="visually-hidden">Joint risk register</caption>
                <thead>
                  <tr>
                    <th scope="col">Risk</th>
                    <th scope="col">Category</th>
                    <th scope="col">Likelihood × impact</th>
                    <th scope="col">Owner</th>
                    <th scope="col">Review</th>
                    <th scope="col">Status</th>
                    <Show when={writable()}>
                      <th scope="col">
                        <span class="visually-hidden">Change</span>
                      </th>
                    </Show>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(risk) => (
                      <tr>
                        <td>
                          {risk.title}
                          <Show when={risk.mitigation}>
                            <br />
                            <span class="hint">Mitigation: {risk.mitigation}</span>
                          </Show>
                          <Show when={risk.escalateToCorporate}>
                            <br />
                            <span class="tag">For the corporate risk register</span>
                          </Show>
                          <AttachmentsWhenOpened
                            ownerType="risk"
                            ownerId={risk.id}
                            contractId={contractId()}
                            title="Files"
                            recordName={risk.title}
                          />
                        </td>
                        <td>{riskCategoryLabels[risk.category]}</td>
                        <td>
                          {risk.likelihood} × {risk.impact} = {risk.score} ({riskBandLabels[risk.band]})
                        </td>
                        <td>
                          {risk.ownerUserName ?? risk.ownerName ?? "Unnamed"} (
                          {ownerPartyLabels[risk.ownerParty]})
                        </td>
                        <td>
                          {format().date(risk.reviewOn)}
                          <Show when={risk.reviewOverdue}>
                            {" "}
                            <span class="tag tag--warning">Review overdue</span>
                          </Show>
                        </td>
                        <td>
                          {risk.status === "open"
                            ? "Open"
                            : `Closed ${risk.closedOn ? format().date(risk.closedOn) : ""}`}
                        </td>
                        <Show when={writable()}>
                          <td>
                            <Show when={risk.status === "open"}>
                              <button type="button" class="link-button" onClick={() => setEditing({ risk })}>
                                Review<span class="visually-hidden">: {risk.title}</span>
                              </button>{" "}
                            </Show>
                            <button type="button" class="link-button" onClick={() => setStatus(risk)}>
                              {risk.status === "open" ? "Close" : "Reopen"}
                              <span class="visually-hidden">: {risk.title}</span>
                            </button>
                          </td>
                        </Show>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
      <Show when={editing()} keyed>
        {(edit) => (
          <RiskDialog
            contractId={contractId()}
            risk={edit.risk}
            onClose={() => setEditing(null)}
            onSaved={props.announce}
          />
        )}
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </>
  );
}

function RiskDialog(props: {
  contractId: string;
  risk: Risk | null;
  onClose: () => void;
  onSaved: (message: string) => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const start = props.risk;
  const [title, setTitle] = createSignal(start?.title ?? "");
  const [category, setCategory] = createSignal<RiskCategory>(start?.category ?? "delivery");
  const [likelihood, setLikelihood] = createSignal(String(start?.likelihood ?? 3));
  const [impact, setImpact] = createSignal(String(start?.impact ?? 3));
  const [party, setParty] = createSignal<OwnerParty>(start?.ownerParty ?? "council");
  const [ownerUserId, setOwnerUserId] = createSignal<string | null>(start?.ownerUserId ?? null);
  const [ownerName, setOwnerName] = createSignal(start?.ownerName ?? "");
  const [mitigation, setMitigation] = createSignal(start?.mitigation ?? "");
  const [reviewOn, setReviewOn] = createSignal(start?.reviewOn ?? "");
  const [corporate, setCorporate] = createSignal(start?.escalateToCorporate ?? false);
  const save = async () => {
    const risk = {
      title: title(),
      description: start?.description ?? null,
      category: category(),
      likelihood: Number(likelihood()),
      impact: Number(impact()),
      ownerParty: party(),
      ownerUserId: party() === "council" ? ownerUserId() : null,
      ownerName: party() === "supplier" ? ownerName() : null,
      mitigation: mitigation(),
      reviewOn: reviewOn(),
      escalateToCorporate: corporate(),
    };
    const result = await submission.submit(async () => {
      if (start) {
        await mutate(
          (procedures) => procedures.risks.update({ riskId: start.id, version: start.version, risk }),
          riskChanges,
        );
      } else {
        await mutate(
          (procedures) =>
            procedures.risks.record({ contractId: props.contractId, risk, idempotencyKey: key.current() }),
          riskChanges,
        );
        key.renew();
      }
    });
    if (!result.ok) return;
    props.onSaved(start ? "The risk is reviewed." : "The risk is recorded.");
    props.onClose();
  };
  return (
    <FormDialog
      title={start ? "Review the risk" : "Record a risk"}
      open
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel={start ? "Save the review" : "Record the risk"}
    >
      <Field
        id="risk-title"
        name="title"
        label="Risk"
        value={title()}
        onInput={(event) => setTitle(event.currentTarget.value)}
        error={submission.fieldError("risk.title")}
      />
      <ChoiceSelect
        id="risk-category"
        label="Category"
        choices={categoryChoices}
        value={category()}
        onChange={setCategory}
        error={submission.fieldError("risk.category")}
        inDialog
      />
      <ChoiceSelect
        id="risk-likelihood"
        label="Likelihood (1 rare – 5 almost certain)"
        choices={scoreChoices}
        value={likelihood()}
        onChange={setLikelihood}
        error={submission.fieldError("risk.likelihood")}
        inDialog
      />
      <ChoiceSelect
        id="risk-impact"
        label="Impact (1 negligible – 5 severe)"
        choices={scoreChoices}
        value={impact()}
        onChange={setImpact}
        error={submission.fieldError("risk.impact")}
        inDialog
      />
      <RadioGroup
        name="risk-party"
        legend="Who owns it"
        choices={partyChoices}
        value={party()}
        onChange={setParty}
      />
      <Show
        when={party() === "council"}
        fallback={
          <Field
            id="risk-owner-name"
            name="ownerName"
            label="Name of the person at the supplier"
            value={ownerName()}
            onInput={(event) => setOwnerName(event.currentTarget.value)}
            error={submission.fieldError("risk.ownerName")}
          />
        }
      >
        <MemberSelect
          id="risk-owner-member"
          label="Council member"
          noneLabel="Choose a member"
          value={ownerUserId()}
          onChange={setOwnerUserId}
          error={submission.fieldError("risk.ownerUserId")}
          inDialog
        />
      </Show>
      <TextareaField
        id="risk-mitigation"
        name="mitigation"
        label="Mitigation"
        rows={3}
        value={mitigation()}
        onInput={(event) => setMitigation(event.currentTarget.value)}
      />
      <Field
        id="risk-review-on"
        name="reviewOn"
        label="Next review on"
        type="date"
        class="input input--date"
        value={reviewOn()}
        onInput={(event) => setReviewOn(event.currentTarget.value)}
        error={submission.fieldError("risk.reviewOn")}
      />
      <CheckboxField
        id="risk-corporate"
        label="Escalate to the council's corporate risk register"
        checked={corporate()}
        onChange={setCorporate}
      />
    </FormDialog>
  );
}
