import type { ActionStatus } from "./vocabulary.ts";

/**
 * 004 §9: "Keep an action log … record and monitor what is expected of the supplier in what timescale,
 * equally there may be actions for the Council to deliver." An open action is overdue the day after it is due.
 */
export function isActionOverdue(action: { status: ActionStatus; dueOn: string }, today: string): boolean {
  return action.status === "open" && action.dueOn < today;
}
