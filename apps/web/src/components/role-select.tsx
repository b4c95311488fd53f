import { type MemberRole, memberRoles, roleLabels } from "@steward/domain";
import { ChoiceSelect } from "./choice-select.tsx";

/** A membership's roles: an advisor is engaged (Advisors page), not made a member. */
const roleChoices = memberRoles.map((role) => ({ value: role, label: roleLabels[role] }));

/** The council roles a member can hold, in a ChoiceSelect: a listbox with typeahead and arrow keys, labelled and error-linked. */
export function RoleSelect(props: {
  id: string;
  label: string;
  /** Hide the label visually (in a table row, where the column heading says it); screen readers keep it. */
  hideLabel?: boolean;
  value: MemberRole | null;
  onChange: (role: MemberRole) => void;
  error?: string | undefined;
  placeholder?: string;
  disabled?: boolean;
}) {
  return (
    <ChoiceSelect
      id={props.id}
      label={props.label}
      hideLabel={props.hideLabel ?? false}
      choices={roleChoices}
      value={props.value}
      onChange={props.onChange}
      error={props.error}
      placeholder={props.placeholder ?? "Choose a role"}
      disabled={props.disabled ?? false}
    />
  );
}
