import { createSignal } from "solid-js";
import { describeProblem, type Problem } from "../trpc.ts";

/** A problem found before anything is sent (a choice left empty), shown like the server's. */
export class FormProblem extends Error {
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string>,
  ) {
    super(message);
  }
}

/** One form's submission: pending while the request runs, then the problem (if any) as sentences. */
export function createSubmission() {
  const [pending, setPending] = createSignal(false);
  const [problem, setProblem] = createSignal<Problem | null>(null);

  async function submit<T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false }> {
    if (pending()) return { ok: false };
    setPending(true);
    setProblem(null);
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      setProblem(
        error instanceof FormProblem
          ? { message: error.message, fieldErrors: error.fieldErrors, code: null }
          : describeProblem(error),
      );
      return { ok: false };
    } finally {
      setPending(false);
    }
  }

  return {
    pending,
    problem,
    fieldError: (name: string): string | undefined => problem()?.fieldErrors[name],
    submit,
    clear: () => setProblem(null),
  };
}

export type Submission = ReturnType<typeof createSubmission>;

/** The text a form sent for one field. */
export function formText(form: HTMLFormElement, name: string): string {
  const value = new FormData(form).get(name);
  return typeof value === "string" ? value : "";
}
