import { createSignal, For, Show } from "solid-js";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { useCouncil } from "../../council.tsx";
import { councilMutations } from "../../council-query.ts";
import type { Answer, Client } from "../../trpc.ts";

type Change = Answer<Client["changes"]["list"]>[number];

const fieldIds = {
  "steps.councilTabledOn": "s116-tabled-on",
  "steps.councilResolutionReference": "s116-resolution",
  "steps.communityNoticeOn": "s116-notice-on",
  "steps.representationsCloseOn": "s116-close-on",
};

/**
 * MFMA s.116(3): before a South African council amends a contract, the reasons are tabled in the council and
 * the local community is given notice and invited to make representations. The steps as recorded, what is
 * still outstanding, and (for a member who records changes) the form to record them.
 */
export function Section116Steps(props: { change: Change; announce: (message: string) => void }) {
  const { can, format } = useCouncil();
  const mutate = councilMutations();
  const submission = createSubmission();
  const [tabledOn, setTabledOn] = createSignal(props.change.councilTabledOn ?? "");
  const [resolution, setResolution] = createSignal(props.change.councilResolutionReference ?? "");
  const [noticeOn, setNoticeOn] = createSignal(props.change.communityNoticeOn ?? "");
  const [closeOn, setCloseOn] = createSignal(props.change.representationsCloseOn ?? "");
  const idPrefix = `s116-${props.change.id}`;
  const ids = Object.fromEntries(
    Object.entries(fieldIds).map(([name, id]) => [name, id.replace("s116", idPrefix)]),
  );
  const date = (value: string | null) => (value ? format().date(value) : "Not yet recorded");

  const save = async () => {
    const result = await submission.submit(() =>
      mutate(
        (procedures) =>
          procedures.changes.recordSection116Steps({
            changeId: props.change.id,
            version: props.change.version,
            steps: {
              councilTabledOn: tabledOn().trim() || null,
              councilResolutionReference: resolution(),
              communityNoticeOn: noticeOn().trim() || null,
              representationsCloseOn: closeOn().trim() || null,
            },
          }),
        ["changes"],
      ),
    );
    if (!result.ok) return;
    props.announce(
      result.value.outstanding.length === 0
        ? "The council and community steps are recorded: the amendment can now be approved."
        : "The steps are recorded. Some are still outstanding before the amendment can be approved.",
    );
  };

  return (
    <section class="panel" aria-label="Council tabling and community notice (MFMA s.116(3))">
      <h4>Council tabling and community notice (MFMA s.116(3))</h4>
      <dl class="summary-list summary-list--compact">
        <div class="summary-list__row">
          <dt>Reasons tabled in the council</dt>
          <dd>
            {date(props.change.councilTabledOn)}
            {props.change.councilResolutionReference
              ? `, resolution ${props.change.councilResolutionReference}`
              : ""}
          </dd>
        </div>
        <div class="summary-list__row">
          <dt>Notice to the local community</dt>
          <dd>
            {date(props.change.communityNoticeOn)}
            {props.change.representationsCloseOn
              ? `, representations invited until ${format().date(props.change.representationsCloseOn)}`
              : ""}
          </dd>
        </div>
      </dl>
      <Show when={props.change.section116Outstanding.length > 0}>
        <p>
          <strong>Before this amendment can be approved:</strong>
        </p>
        <ul class="reasons">
          <For each={props.change.section116Outstanding}>{(step) => <li>{step}</li>}</For>
        </ul>
      </Show>
      <Show when={props.change.status === "requested" && can("changes:request")}>
        <Show when={submission.problem()} keyed>
          {(problem) => <ErrorSummary problem={problem} fieldIds={ids} />}
        </Show>
        <form
          novalidate
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          <div class="field-grid">
            <Field
              id={ids["steps.councilTabledOn"] ?? ""}
              name="councilTabledOn"
              label="Date the reasons were tabled in the council"
              type="date"
              class="input input--date"
              value={tabledOn()}
              onInput={(event) => setTabledOn(event.currentTarget.value)}
              error={submission.fieldError("steps.councilTabledOn")}
            />
            <Field
              id={ids["steps.councilResolutionReference"] ?? ""}
              name="councilResolutionReference"
              label="Council resolution or item reference"
              value={resolution()}
              onInput={(event) => setResolution(event.currentTarget.value)}
              error={submission.fieldError("steps.councilResolutionReference")}
            />
            <Field
              id={ids["steps.communityNoticeOn"] ?? ""}
              name="communityNoticeOn"
              label="Date notice was given to the local community"
              type="date"
              class="input input--date"
              value={noticeOn()}
              onInput={(event) => setNoticeOn(event.currentTarget.value)}
              error={submission.fieldError("steps.communityNoticeOn")}
            />
            <Field
              id={ids["steps.representationsCloseOn"] ?? ""}
              name="representationsCloseOn"
              label="Representations invited until"
              type="date"
              class="input input--date"
              value={closeOn()}
              onInput={(event) => setCloseOn(event.currentTarget.value)}
              error={submission.fieldError("steps.representationsCloseOn")}
            />
          </div>
          <div class="button-row">
            <button type="submit" class="button button--secondary" disabled={submission.pending()}>
              {submission.pending() ? "Saving…" : "Save the council and community steps"}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
