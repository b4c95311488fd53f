import { onCleanup } from "solid-js";

/** Runs `action` once typing pauses for `ms`; `now` runs it at once. Cancelled with the owning component. */
export function createDebounced<T>(action: (value: T) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  onCleanup(() => clearTimeout(timer));
  return {
    schedule(value: T) {
      clearTimeout(timer);
      timer = setTimeout(() => action(value), ms);
    },
    now(value: T) {
      clearTimeout(timer);
      action(value);
    },
  };
}
