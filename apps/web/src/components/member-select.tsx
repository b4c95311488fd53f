import { createMemo } from "solid-js";
import { councilQuery } from "../council-query.ts";
import { answer } from "../query.ts";
import { type Choice, ChoiceSelect } from "./choice-select.tsx";

/**
 * One of the council's members (contract manager, SRO, a filter), by name. Deactivated members are listed
 * only when already chosen, so an old record still shows who it named.
 */
export function MemberSelect(props: {
  id: string;
  label: string;
  hint?: string;
  value: string | null;
  onChange: (userId: string | null) => void;
  noneLabel: string;
  error?: string | undefined;
  compact?: boolean;
  /** Inside a modal dialog (see ChoiceSelect). */
  inDialog?: boolean;
}) {
  // Every picker and list on a page shares this one cached query: the members are fetched once.
  const members = councilQuery((procedures) => procedures.members.list());
  const choices = createMemo<Choice<string>[]>(() => [
    { value: "", label: props.noneLabel },
    ...(answer(members) ?? [])
      .filter((member) => member.deactivatedAt === null || member.userId === props.value)
      .map((member) => ({
        value: member.userId,
        label: member.deactivatedAt === null ? member.name : `${member.name} (deactivated)`,
      })),
  ]);
  return (
    <ChoiceSelect
      id={props.id}
      label={props.label}
      hint={props.hint}
      choices={choices()}
      value={props.value ?? ""}
      onChange={(value) => props.onChange(value === "" ? null : value)}
      error={props.error}
      compact={props.compact}
      inDialog={props.inDialog}
    />
  );
}
