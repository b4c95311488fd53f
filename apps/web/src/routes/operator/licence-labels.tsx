import type { Standing } from "@steward/domain";

/** The licence's standing in words (packages/domain/src/licences.ts). */
export const standingLabels: Record<Standing["kind"], string> = {
  good: "Active",
  grace: "Past due, in grace",
  read_only: "Read-only",
};

/** A licence's standing as a tag, coloured by how urgent it is: past due in amber, read-only or suspended in red. */
export function LicenceStanding(props: { standing: Standing["kind"] | "suspended" }) {
  return (
    <span class={`tag tag--licence-${props.standing}`}>
      {props.standing === "suspended" ? "Suspended" : standingLabels[props.standing]}
    </span>
  );
}

/** Every billing page says when billing is offline (issue 11 §5). */
export function OfflineNotice() {
  return (
    <p class="notice" role="note">
      <strong>Billing is offline.</strong> Stripe is not configured here, so the platform operator assigns
      plans, seats and end dates by hand; the same entitlements apply.
    </p>
  );
}
