import type { Resource } from "solid-js";

/**
 * The resource's last value, or undefined while it has none or after it failed. Reading `.latest` of a
 * failed resource throws: for a helper (a picker's options, a name for an id) that would break the page
 * where an empty list will do.
 */
export function latest<T>(resource: Resource<T>): T | undefined {
  return resource.state === "errored" ? undefined : resource.latest;
}
