import { createSignal, Show } from "solid-js";
import { type Confirmation, ConfirmDialog } from "../../components/confirm-dialog.tsx";
import { Field } from "../../components/field.tsx";
import { MemberSelect } from "../../components/member-select.tsx";
import { councilMutations } from "../../council-query.ts";
import { managerWarningsText } from "../training/manager-training-notice.tsx";
import styles from "./bulk-edit.module.css";

const chosenText = (count: number) => `${count} contract${count === 1 ? "" : "s"}`;

/**
 * The register's bulk edit: sets the contract manager, SRO or service area on the chosen contracts, for what an
 * imported file did not have. A field left as it is stays as each contract has it. Asks before it writes; the
 * server changes every contract or none, and records each change in its history.
 */
export function BulkEdit(props: {
  selected: string[];
  onClear: () => void;
  onDone: (message: string) => void;
}) {
  const mutate = councilMutations();
  const [managerId, setManagerId] = createSignal<string | null>(null);
  const [sroId, setSroId] = createSignal<string | null>(null);
  const [serviceArea, setServiceArea] = createSignal("");
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  const [problem, setProblem] = createSignal("");

  const changes = () => ({
    ...(managerId() ? { contractManagerId: managerId() } : {}),
    ...(sroId() ? { sroId: sroId() } : {}),
    ...(serviceArea().trim() ? { serviceArea: serviceArea().trim() } : {}),
  });

  const ask = (event: SubmitEvent) => {
    event.preventDefault();
    const set = changes();
    if (Object.keys(set).length === 0) {
      setProblem("Choose a contract manager, an SRO or a service area to set.");
      return;
    }
    setProblem("");
    const count = props.selected.length;
    const contractIds = [...props.selected];
    setConfirmation({
      title: `Change ${chosenText(count)}?`,
      description: (
        <p>
          Each chosen contract gets the{" "}
          {[
            set.contractManagerId ? "contract manager" : null,
            set.sroId ? "SRO" : null,
            set.serviceArea ? `service area “${set.serviceArea}”` : null,
          ]
            .filter(Boolean)
            .join(", ")}{" "}
          you chose. Its history records the change.
        </p>
      ),
      confirmLabel: `Change ${chosenText(count)}`,
      run: async () => {
        const result = await mutate(
          (procedures) => procedures.register.bulkEdit({ contractIds, set }),
          ["contracts"],
        );
        setManagerId(null);
        setSroId(null);
        setServiceArea("");
        props.onDone(
          [
            `Changed ${chosenText(result.updated)}${result.unchanged > 0 ? `; ${chosenText(result.unchanged)} already had these` : ""}.`,
            managerWarningsText(result.managerWarnings),
          ]
            .filter(Boolean)
            .join(" "),
        );
      },
    });
  };

  return (
    <Show when={props.selected.length > 0}>
      <form class={styles.panel} aria-labelledby="bulk-edit-heading" onSubmit={ask}>
        <h2 id="bulk-edit-heading" class={styles.title}>
          Edit {chosenText(props.selected.length)} together
        </h2>
        <div class="filters__row">
          <MemberSelect
            id="bulk-manager"
            label="Set contract manager"
            noneLabel="Leave as it is"
            value={managerId()}
            onChange={setManagerId}
            compact
          />
          <MemberSelect
            id="bulk-sro"
            label="Set SRO"
            noneLabel="Leave as it is"
            value={sroId()}
            onChange={setSroId}
            compact
          />
          <Field
            id="bulk-service-area"
            name="serviceArea"
            label="Set service area"
            hint="Blank leaves it as it is."
            maxLength={200}
            value={serviceArea()}
            onInput={(event) => setServiceArea(event.currentTarget.value)}
          />
        </div>
        <Show when={problem()}>
          <p class="field-error" role="alert">
            {problem()}
          </p>
        </Show>
        <div class="button-row">
          <button type="submit" class="button">
            Apply to {chosenText(props.selected.length)}
          </button>
          <button type="button" class="button button--secondary" onClick={props.onClear}>
            Clear the choice
          </button>
        </div>
        <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
      </form>
    </Show>
  );
}
