import { type Tier, tierLabels, tiers } from "@steward/domain";
import { createSignal, Show } from "solid-js";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { FormDialog } from "../../components/form-dialog.tsx";
import { createSubmission, FormProblem } from "../../components/forms.ts";
import { TextareaField } from "../../components/textarea-field.tsx";
import { councilMutations } from "../../council-query.ts";
import type { ContractDetail } from "./contract-detail.ts";
import { tierChoices } from "./labels.ts";

const fieldIds = { "override.tier": "tier-override-trigger", "override.reason": "tier-reason" };

/**
 * 004 §4: re-assess the tier from the register's facts, or override it with a reason that travels with
 * the tier. Either clears the request for a review.
 */
export function TierReviewDialog(props: {
  detail: ContractDetail;
  open: boolean;
  onClose: () => void;
  onReviewed: (tier: Tier) => void;
}) {
  const mutate = councilMutations();
  const submission = createSubmission();
  const contract = () => props.detail.contract;
  const [mode, setMode] = createSignal<"assess" | "override">(
    contract().tierOverrideReason ? "override" : "assess",
  );
  const [tier, setTier] = createSignal<Tier>(contract().tier);
  const [reason, setReason] = createSignal(contract().tierOverrideReason ?? "");
  const save = async () => {
    const result = await submission.submit(async () => {
      if (mode() === "override" && reason().trim() === "") {
        throw new FormProblem("Say why the contract needs a different tier.", {
          "override.reason": "Say why this contract needs a different tier from the assessment.",
        });
      }
      return mutate(
        (procedures) =>
          procedures.contracts.reviewTier({
            contractId: contract().id,
            version: contract().version,
            override: mode() === "override" ? { tier: tier(), reason: reason().trim() } : null,
          }),
        ["contracts"],
      );
    });
    if (!result.ok) return;
    props.onReviewed(result.value.tier);
    props.onClose();
  };
  return (
    <FormDialog
      title="Review the tier"
      open={props.open}
      onClose={props.onClose}
      submission={submission}
      fieldIds={fieldIds}
      onSubmit={() => void save()}
      submitLabel="Save the tier"
    >
      <fieldset class="fieldset fieldset--plain">
        <legend class="fieldset__legend">How should this contract be tiered?</legend>
        <div class="radio">
          <input
            class="radio__input"
            type="radio"
            id="tier-mode-assess"
            name="tier-mode"
            checked={mode() === "assess"}
            onChange={() => setMode("assess")}
          />
          <label class="radio__label" for="tier-mode-assess">
            Use the assessment from the register's values and flags (now {tierLabels[contract().assessedTier]}
            )
          </label>
        </div>
        <div class="radio">
          <input
            class="radio__input"
            type="radio"
            id="tier-mode-override"
            name="tier-mode"
            checked={mode() === "override"}
            onChange={() => setMode("override")}
          />
          <label class="radio__label" for="tier-mode-override">
            Override the assessment, with a reason
          </label>
        </div>
      </fieldset>
      <Show when={mode() === "override"}>
        <div class="conditional">
          <ChoiceSelect
            id="tier-override"
            inDialog
            label="Tier"
            choices={tierChoices}
            value={tier()}
            onChange={(value) => setTier(tiers.find((each) => each === value) ?? "low")}
            error={submission.fieldError("override.tier")}
          />
          <TextareaField
            id="tier-reason"
            name="reason"
            label="Reason for the override"
            hint="Recorded with the tier and shown to everyone who reads the contract."
            value={reason()}
            onInput={(event) => setReason(event.currentTarget.value)}
            error={submission.fieldError("override.reason")}
          />
        </div>
      </Show>
    </FormDialog>
  );
}
