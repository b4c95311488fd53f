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
