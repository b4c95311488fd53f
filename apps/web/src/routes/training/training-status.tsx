import { type MatrixStatus, matrixStatusLabels } from "@steward/domain";

/** A training cell's status as a tag, coloured as the obligations' are (complete green, due amber, overdue red). */
const tagClass: Record<MatrixStatus, string> = {
  complete: "tag tag--obligation-met",
  due: "tag tag--obligation-due_soon",
  overdue: "tag tag--obligation-overdue",
  expired: "tag tag--obligation-overdue",
  missing: "tag tag--quiet",
};

export function TrainingStatus(props: { status: MatrixStatus }) {
  return <strong class={tagClass[props.status]}>{matrixStatusLabels[props.status]}</strong>;
}

const standingLabels = {
  current: "Current",
  due_soon: "Due for re-accreditation",
  expired: "Expired",
} as const;
const standingClass = {
  current: "tag tag--obligation-met",
  due_soon: "tag tag--obligation-due_soon",
  expired: "tag tag--obligation-overdue",
} as const;

export function CompletionStanding(props: { standing: keyof typeof standingLabels }) {
  return <strong class={standingClass[props.standing]}>{standingLabels[props.standing]}</strong>;
}
