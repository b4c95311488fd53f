import { A, useNavigate, useParams } from "@solidjs/router";
import type { SupplierInput } from "@steward/domain";
import { createResource, Show } from "solid-js";
import { Async } from "../../components/async.tsx";
import { createSubmission } from "../../components/forms.ts";
import { createIdempotencyKey } from "../../components/idempotency.ts";
import { latest } from "../../components/latest.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { emptySupplierDraft, SupplierForm, supplierDraftOf } from "./supplier-form.tsx";

/** `/t/:slug/suppliers/new` */
export function NewSupplier() {
  const { api, council, can } = useCouncil();
  const navigate = useNavigate();
  const submission = createSubmission();
  const key = createIdempotencyKey();
  const base = () => `/t/${council().slug}/suppliers`;
  const create = async (values: SupplierInput) => {
    const result = await submission.submit(() =>
      api().suppliers.create.mutate({ ...values, idempotencyKey: key.current() }),
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
  const { api, council, can } = useCouncil();
  const params = useParams();
  const navigate = useNavigate();
  const submission = createSubmission();
  const page = () => `/t/${council().slug}/suppliers/${params.supplierId}`;
  const [supplier, { refetch }] = createResource(
    () => ({ tenantId: council().tenantId, supplierId: params.supplierId ?? "" }),
    ({ supplierId }) => api().suppliers.get.query({ supplierId }),
  );
  const reload = async () => {
    submission.clear();
    await refetch();
  };
  return (
    <>
      <PageHeading title={`Edit ${latest(supplier)?.name ?? "supplier"}`} caption="Suppliers" />
      <Show when={can("suppliers:write")} fallback={<p>Your role cannot edit suppliers.</p>}>
        <Async resource={supplier} loading="Loading the supplier…" retry={() => void refetch()}>
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
                          api().suppliers.update.mutate({ supplierId: found().id, version, values }),
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
        </Async>
      </Show>
    </>
  );
}
