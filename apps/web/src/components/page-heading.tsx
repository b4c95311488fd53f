import { createEffect, type JSX } from "solid-js";

/**
 * The page's one h1. It can take focus (tabindex -1) so that after an in-app navigation focus lands on it,
 * as it would on a new page load (see focusPageHeading in app.tsx); it also names the browser tab.
 */
export function PageHeading(props: { title: string; caption?: string | undefined; children?: JSX.Element }) {
  createEffect(() => {
    document.title = `${props.title} – Steward`;
  });
  return (
    <h1 class="page-heading" tabindex="-1">
      {props.caption ? <span class="page-heading__caption">{props.caption}</span> : null}
      {props.children ?? props.title}
    </h1>
  );
}
