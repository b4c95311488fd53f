import { A } from "@solidjs/router";
import type { JSX } from "solid-js";

/** Pages before sign-in: the service name and one narrow column. */
export function PublicLayout(props: { children: JSX.Element; wide?: boolean; account?: JSX.Element }) {
  return (
    <>
      <header class="masthead">
        <div class="masthead__inner">
          <A href="/" class="brand">
            Steward
          </A>
          <span class="brand-strap">Contract management for councils</span>
          {props.account ? <div class="masthead__actions">{props.account}</div> : null}
        </div>
      </header>
      <main id="main" tabindex="-1" class="main" classList={{ "main--narrow": !props.wide }}>
        {props.children}
      </main>
    </>
  );
}
