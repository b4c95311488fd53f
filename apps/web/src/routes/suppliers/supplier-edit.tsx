import { A, useNavigate, useParams } from "@solidjs/router";
import type { SupplierInput } from "@steward/domain";
import { Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilMutations, councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import { emptySupplierDraft, SupplierForm, supplierDraftOf } from "./supplier-form.tsx";

/** `/t/:slug/suppliers/new` */
export function NewSupplier() {
  const { council, can } = useCouncil();
  const mutate = councilMutations();
  const navigate = useNavigate();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const base = () => `/t/${council().slug}/suppliers`;
  const create = async (values: SupplierInput) => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) => procedures.suppliers.create({ ...values, idempotencyKey: key.current() }),
        ["suppliers"],
      ),
    );
    if (!result.ok) return;
    key.renew();
    navigate(`${base()}/${result.value.id}`, { state: { notice: `${values.name} has been added.` } });
  };
  return (
    <>
      <PageHeading title="Add a supplier" caption="Suppliers" />
      <Show when={can("suppliers:write")} fallback={<p>Your role cannot add suppliers.</p>}>
        <SupplierForm
          initial={emptySupplierDraft}
          submission={submission}
          idPrefix="supplier"
          errorPrefix=""
          submitLabel="Add supplier"
          pendingLabel="Adding…"
          onSubmit={(values) => void create(values)}
          secondary={
            <A href={base()} class="button button--secondary">
              Cancel
            </A>
          }
        />
      </Show>
    </>
  );
}

/** `/t/:slug/suppliers/:supplierId/edit` */
export function EditSupplier() {
  const { council, can } = useCouncil();
  const mutate = councilMutations();
  const params = useParams();
  const navigate = useNavigate();
  const submission = createSubmission();
  const page = () => `/t/${council().slug}/suppliers/${params.supplierId}`;
  const supplier = councilQuery((procedures) =>
    procedures.suppliers.get({ supplierId: params.supplierId ?? "" }),
  );
  const reload = async () => {
    submission.clear();
    await supplier.refetch();
  };
  return (
    <>
      <PageHeading title={`Edit ${answer(supplier)?.name ?? "supplier"}`} caption="Suppliers" />
      <Show when={can("suppliers:write")} fallback={<p>Your role cannot edit suppliers.</p>}>
        <Query query={supplier} loading="Loading the supplier…">
          {(found) => (
            <>
              <Show when={submission.problem()?.code === "CONFLICT"}>
                <div class="notice notice--error">
                  <p>Reloading shows their changes; what you typed here will be lost.</p>
                  <button type="button" class="button button--secondary" onClick={() => void reload()}>
                    Reload the supplier
                  </button>
                </div>
              </Show>
              <Show when={found().version} keyed>
                {(version) => (
                  <SupplierForm
                    initial={supplierDraftOf(found())}
                    submission={submission}
                    idPrefix="supplier"
                    errorPrefix="values."
                    submitLabel="Save changes"
                    pendingLabel="Saving…"
                    onSubmit={(values) =>
                      void submission
                        .submit(() =>
                          // Contracts show their supplier's name.
                          mutate(
                            (procedures) =>
                              procedures.suppliers.update({ supplierId: found().id, version, values }),
                            ["suppliers", "contracts"],
                          ),
                        )
                        .then((result) => {
                          if (result.ok)
                            navigate(page(), { state: { notice: "Your changes have been saved." } });
                        })
                    }
                    secondary={
                      <A href={page()} class="button button--secondary">
                        Cancel
                      </A>
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
