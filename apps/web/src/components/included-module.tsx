import type { Module } from "@steward/domain";
import { type JSX, Show } from "solid-js";
import { councilQuery } from "../council-query.ts";

/**
 * What belongs to a module of the plans (navigation, links to its pages), left out once the licence is known not
 * to include it; the server refuses the module's pages whatever is shown, with the plans that include it.
 */
export function IncludedModule(props: { module: Module; children: JSX.Element }) {
  const status = councilQuery((procedures) => procedures.billing.status());
  return <Show when={!status.isSuccess || status.data.modules.includes(props.module)}>{props.children}</Show>;
}
