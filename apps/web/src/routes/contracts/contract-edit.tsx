import { useNavigate, useParams } from "@solidjs/router";
import type { ContractInput } from "@steward/domain";
import { Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { draftOf, emptyDraft } from "./contract-draft.ts";
import { ContractForm } from "./contract-form.tsx";

/** Said after the form leaves, on the page it goes to (see ContractPage). */
export interface SavedNotice {
  notice: string;
}

/** `/t/:slug/contracts/new` */
export function NewContract() {
  const { council, can, role, userId } = useCouncil();
  const mutate = councilMutations();
  const navigate = useNavigate();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const base = () => `/t/${council().slug}/contracts`;
  const submit = async (input: () => ContractInput) => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) => procedures.contracts.create({ ...input(), idempotencyKey: key.current() }),
        ["contracts"],
      ),
    );
    if (!result.ok) return;
    key.renew();
    const state: SavedNotice = { notice: "The contract has been added to the register." };
    navigate(`${base()}/${result.value.id}`, { state });
  };
  return (
    <>
      <PageHeading title="Add a contract" caption="Contract register" />
      <Show
        when={can("contracts:write")}
        fallback={<p>Your role cannot add contracts. Ask a contract manager or an admin.</p>}
      >
        <p>
          Fill in what you know now: only the reference, the title and the category are needed. The tier is
          assessed from the values and flags when you save.
        </p>
        <ContractForm
          initial={emptyDraft(council().currency, role() === "contract_manager" ? userId() : null)}
          submission={submission}
          errorPrefix=""
          submitLabel="Add contract"
          pendingLabel="Adding…"
          cancelHref={base()}
          onSubmit={(input) => void submit(input)}
        />
      </Show>
    </>
  );
}

/** `/t/:slug/contracts/:contractId/edit` */
export function EditContract() {
  const { council, can } = useCouncil();
  const mutate = councilMutations();
  const params = useParams();
  const navigate = useNavigate();
  const submission = createSubmission();
  const base = () => `/t/${council().slug}/contracts/${params.contractId}`;
  const loaded = councilQuery((procedures) =>
    procedures.contracts.get({ contractId: params.contractId ?? "" }),
  );
  const reload = async () => {
    submission.clear();
    await loaded.refetch();
  };
  return (
    <>
      <PageHeading
        title={`Edit ${answer(loaded)?.contract.reference ?? "contract"}`}
        caption="Contract register"
      />
      <Show
        when={can("contracts:write")}
        fallback={<p>Your role cannot edit contracts. Ask a contract manager or an admin.</p>}
      >
        <Query query={loaded} loading="Loading the contract…">
          {(found) => (
            <>
              <Show when={submission.problem()?.code === "CONFLICT"}>
                <div class="notice notice--error">
                  <p>
                    Reloading shows what they changed; the changes you made here will be lost, so note
                    anything you want to keep.
                  </p>
                  <button type="button" class="button button--secondary" onClick={() => void reload()}>
                    Reload the contract
                  </button>
                </div>
              </Show>
              {/* Keyed on the version: after a reload the form starts again from what is stored. */}
              <Show when={found().contract.version} keyed>
                {(version) => (
                  <ContractForm
                    initial={draftOf(found().contract, found().supplier)}
                    submission={submission}
                    errorPrefix="values."
                    submitLabel="Save changes"
                    pendingLabel="Saving…"
                    cancelHref={base()}
                    onSubmit={(input) =>
                      void submission
                        .submit(() =>
                          mutate(
                            (procedures) =>
                              procedures.contracts.update({
                                contractId: found().contract.id,
                                version,
                                values: input(),
                              }),
                            ["contracts"],
                          ),
                        )
                        .then((result) => {
                          if (!result.ok) return;
                          const state: SavedNotice = {
                            notice: result.value.retierRequested
                              ? "Your changes have been saved. The change of value or nature asks for the tier to be reviewed."
                              : "Your changes have been saved.",
                          };
                          navigate(base(), { state });
                        })
                    }
                  />
                )}
              </Show>
            </>
          )}
        </Query>
      </Show>
    </>
  );
}
