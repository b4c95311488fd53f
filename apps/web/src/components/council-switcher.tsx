import { DropdownMenu } from "@kobalte/core/dropdown-menu";
import { useNavigate } from "@solidjs/router";
import { For, Show } from "solid-js";
import type { Council } from "../trpc.ts";
import styles from "./council-switcher.module.css";

/**
 * For people in several councils (advisors): a menu of their councils, the current one checked. A council that
 * engaged an advisor but whose plan lacks advisor access is listed, not chosen, with the plan that includes it,
 * as the portfolio lists it.
 */
export function CouncilSwitcher(props: { councils: Council[]; current: Council }) {
  const navigate = useNavigate();
  // Not modal: a modal menu hides the page with aria-hidden while its links stay focusable (axe's
  // aria-hidden-focus), and its focus guards sit among the menu's items. Escape and a click outside still close it.
  return (
    <DropdownMenu gutter={6} placement="bottom-start" modal={false}>
      <DropdownMenu.Trigger class="menu-button menu-button--quiet">
        Switch council
        <DropdownMenu.Icon class="menu-button__icon" aria-hidden="true">
          ▾
        </DropdownMenu.Icon>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content class="menu">
          <DropdownMenu.RadioGroup
            value={props.current.slug}
            onChange={(slug) => {
              if (slug !== props.current.slug) navigate(`/t/${slug}`);
            }}
          >
            <For each={props.councils}>
              {(council) => (
                <DropdownMenu.RadioItem
                  value={council.slug}
                  disabled={council.unavailable !== null}
                  closeOnSelect
                  class="menu__item menu__item--radio"
                  classList={{ [styles.unavailable ?? ""]: council.unavailable !== null }}
                >
                  <DropdownMenu.ItemIndicator class="menu__indicator">✓</DropdownMenu.ItemIndicator>
                  <DropdownMenu.ItemLabel>{council.name}</DropdownMenu.ItemLabel>
                  <Show when={council.unavailable}>
                    {(reason) => (
                      <DropdownMenu.ItemDescription class={styles.reason}>
                        Not open to you: {reason()}
                      </DropdownMenu.ItemDescription>
                    )}
                  </Show>
                </DropdownMenu.RadioItem>
              )}
            </For>
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
