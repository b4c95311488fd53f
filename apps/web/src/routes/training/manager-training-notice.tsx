import { Show } from "solid-js";
import { councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";

/**
 * Beside a contract's manager picker (issue 10 §6): says when the chosen member has no current completion of
 * the courses the council requires of contract managers, before the contract is saved. Whether saving is
 * refused (the council's setting, and for High-tier contracts) is the server's to decide.
 */
export function ManagerTrainingNotice(props: { userId: string | null }) {
  const check = councilQuery((procedures) =>
    props.userId ? procedures.training.managerCheck({ userId: props.userId, tier: null }) : null,
  );
  const warning = () => {
    const found = answer(check);
    return found && found.outcome !== "ok" ? found : null;
  };
  return (
    <Show when={warning()}>
      {(found) => (
        <p class="notice" role="status">
          {found().reason}{" "}
          {found().outcome === "block"
            ? "This council refuses contracts to managers without it."
            : "They can still be named; the contract will show the training as overdue until they complete it."}
        </p>
      )}
    </Show>
  );
}

/**
 * The contracts a bulk edit or an import gave a manager without current required training (issue 10 §6), in a
 * sentence: each reason once, with the contracts it concerns. Empty when there are none.
 */
export function managerWarningsText(warnings: readonly { reference: string; reason: string }[]): string {
  if (warnings.length === 0) return "";
  const byReason = new Map<string, string[]>();
  for (const warning of warnings) {
    byReason.set(warning.reason, [...(byReason.get(warning.reason) ?? []), warning.reference]);
  }
  const reasons = [...byReason].map(
    ([reason, references]) => `${reason.replace(/\.$/, "")}: ${references.join(", ")}.`,
  );
  return `${reasons.join(" ")} Their training duty shows overdue until the manager completes it.`;
}

/** The same, as a notice on the import's preview and result. */
export function ManagerTrainingWarnings(props: {
  warnings: readonly { reference: string; reason: string }[];
}) {
  return (
    <Show when={props.warnings.length > 0}>
      <section class="notice" aria-labelledby="manager-training-heading">
        <h3 id="manager-training-heading">Managers without current training</h3>
        <p>{managerWarningsText(props.warnings)}</p>
      </section>
    </Show>
  );
}
