import { DropdownMenu } from "@kobalte/core/dropdown-menu";
import { useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { useSession } from "../session.tsx";
import { api } from "../trpc.ts";
import { ChangePasswordDialog } from "./change-password-dialog.tsx";

/** The signed-in person's menu: a Kobalte menu button (arrow keys, Escape, typeahead). */
export function UserMenu(props: { name: string; email: string }) {
  const session = useSession();
  const navigate = useNavigate();
  const [changingPassword, setChangingPassword] = createSignal(false);
  let trigger: HTMLButtonElement | undefined;
  // The dialog opens once the menu has closed: opened at once, the menu's return of focus to its button
  // counts as a focus outside the new dialog and closes it again.
  let openDialogOnClose = false;
  const signOut = async () => {
    try {
      await api.auth.signOut.mutate();
    } finally {
      // Whatever the server said, this page no longer acts for the user.
      await session.refresh();
      navigate("/sign-in", { replace: true });
    }
  };
  return (
    <>
      <DropdownMenu gutter={6} placement="bottom-end">
        <DropdownMenu.Trigger class="menu-button" ref={trigger}>
          <span class="visually-hidden">Account menu for </span>
          {props.name}
          <DropdownMenu.Icon class="menu-button__icon" aria-hidden="true">
            ▾
          </DropdownMenu.Icon>
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal>
          <DropdownMenu.Content
            class="menu"
            onCloseAutoFocus={(event) => {
              if (!openDialogOnClose) return;
              openDialogOnClose = false;
              event.preventDefault();
              setChangingPassword(true);
            }}
          >
            <DropdownMenu.Item
              class="menu__item"
              onSelect={() => {
                openDialogOnClose = true;
              }}
            >
              Change password
            </DropdownMenu.Item>
            <DropdownMenu.Item class="menu__item" onSelect={() => void signOut()}>
              Sign out
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu>
      <ChangePasswordDialog
        open={changingPassword()}
        onOpenChange={setChangingPassword}
        returnFocus={() => trigger?.focus()}
        email={props.email}
      />
    </>
  );
}
