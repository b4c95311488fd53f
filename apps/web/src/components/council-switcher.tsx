import { DropdownMenu } from "@kobalte/core/dropdown-menu";
import { useNavigate } from "@solidjs/router";
import { For } from "solid-js";
import type { Council } from "../trpc.ts";

/** For people in several councils (advisors): a menu of their councils, the current one checked. */
export function CouncilSwitcher(props: { councils: Council[]; current: Council }) {
  const navigate = useNavigate();
  return (
    <DropdownMenu gutter={6} placement="bottom-start">
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
                  closeOnSelect
                  class="menu__item menu__item--radio"
                >
                  <DropdownMenu.ItemIndicator class="menu__indicator">✓</DropdownMenu.ItemIndicator>
                  <DropdownMenu.ItemLabel>{council.name}</DropdownMenu.ItemLabel>
                </DropdownMenu.RadioItem>
              )}
            </For>
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu>
  );
}
