import { For, Show } from "solid-js";

/**
 * "Showing 51–100 of 812 contracts", or the count when everything fits on one page. A total counted only so
 * far (`capped`: there are more than `total`) reads "of more than 1000 contracts".
 */
export function showingText(
  page: number,
  pageSize: number,
  total: number,
  noun: { one: string; many: string },
  capped = false,
): string {
  if (capped) {
    return `Showing ${(page - 1) * pageSize + 1}–${page * pageSize} of more than ${total} ${noun.many}`;
  }
  if (total === 0) return `No ${noun.many}`;
  if (total === 1) return `Showing 1 ${noun.one}`;
  const first = (page - 1) * pageSize + 1;
  const last = Math.min(page * pageSize, total);
  return total <= pageSize
    ? `Showing all ${total} ${noun.many}`
    : `Showing ${first}–${last} of ${total} ${noun.many}`;
}

/**
 * The pages around the current one, with the first and last: 1 … 4 5 [6] 7 8 … 17. When there are more pages
 * than `count` (the total was counted only so far), no page is shown as the last: 1 … 4 5 [6] 7 8 …
 */
function pageList(current: number, count: number, more: boolean): (number | null)[] {
  const pages = new Set([1, current - 2, current - 1, current, current + 1, current + 2]);
  if (!more) pages.add(count);
  const sorted = [...pages].filter((page) => page >= 1 && page <= count).sort((a, b) => a - b);
  const withGaps: (number | null)[] = [];
  sorted.forEach((page, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && page - previous > 1) withGaps.push(null);
    withGaps.push(page);
  });
  if (more) withGaps.push(null);
  return withGaps;
}

/**
 * Links to the pages of a long list (GOV.UK pagination): real links, so they open in new tabs and go back.
 * Plain anchors (the router still handles their clicks): its <A> marks every link to the same path as the
 * current page, whatever the query string.
 */
export function Pagination(props: {
  page: number;
  pageSize: number;
  total: number;
  /** There are more than `total` rows: the pages after the ones counted are reached with Next. */
  totalCapped?: boolean;
  href: (page: number) => string;
  label: string;
}) {
  const more = () => props.totalCapped === true;
  // Counted so far, every page up to the total is full.
  const count = () =>
    Math.max(1, more() ? Math.floor(props.total / props.pageSize) : Math.ceil(props.total / props.pageSize));
  return (
    <Show when={count() > 1 || more()}>
      <nav class="pagination" aria-label={props.label}>
        <ul class="pagination__list">
          <Show when={props.page > 1}>
            <li>
              <a href={props.href(props.page - 1)} class="pagination__link" rel="prev">
                ‹ Previous<span class="visually-hidden"> page</span>
              </a>
            </li>
          </Show>
          <For each={pageList(props.page, count(), more())}>
            {(page) =>
              page === null ? (
                <li class="pagination__gap" aria-hidden="true">
                  …
                </li>
              ) : (
                <li>
                  <a
                    href={props.href(page)}
                    class="pagination__link"
                    classList={{ "pagination__link--current": page === props.page }}
                    aria-current={page === props.page ? "page" : undefined}
                    aria-label={`Page ${page}`}
                  >
                    {page}
                  </a>
                </li>
              )
            }
          </For>
          <Show when={props.page < count() || more()}>
            <li>
              <a href={props.href(props.page + 1)} class="pagination__link" rel="next">
                Next<span class="visually-hidden"> page</span> ›
              </a>
            </li>
          </Show>
        </ul>
      </nav>
    </Show>
  );
}
