import { A, useSearchParams } from "@solidjs/router";
import { createMemo, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import styles from "./lessons.module.css";

const shown = 100;

/**
 * `/t/:slug/lessons`: the lessons learned on every contract of the council (004 §6 "Consider lessons learnt …
 * and contribute to options for re-procurement"), searched by their words; the search is in the URL.
 */
export function LessonsLearned() {
  const { council, format } = useCouncil();
  const [params, setParams] = useSearchParams();
  const search = createMemo(() => (typeof params.q === "string" ? params.q : ""));
  const lessons = councilQuery(
    (procedures) => procedures.lessons.list({ search: search() || undefined, limit: shown }),
    { keepPrevious: true },
  );
  return (
    <>
      <PageHeading title="Lessons learned" caption={council().name} />
      <p>
        What the council learnt on its contracts, recorded at close-out or along the way. Read them before
        re-procuring a service.
      </p>
      <search aria-label="Find a lesson">
        <SearchBox
          id="lesson-search"
          label="Search lessons"
          hint="Words from a lesson's title or text."
          value={search()}
          onSearch={(text) => setParams({ q: text || undefined }, { replace: true })}
        />
      </search>
      <Query query={lessons} loading="Loading lessons…">
        {(found) => (
          <>
            <p class="results-summary" role="status" aria-live="polite">
              {found().length === 0
                ? search()
                  ? "No lesson matches this search."
                  : "No lessons have been recorded yet. Record them on a contract's Close-out tab."
                : `${found().length === shown ? `The latest ${shown}` : found().length} ${found().length === 1 ? "lesson" : "lessons"}${search() ? " matching the search" : ""}.`}
            </p>
            <ul class={styles.list}>
              <For each={found()}>
                {(lesson) => (
                  <li class={styles.lesson}>
                    <h2 class={styles.title}>{lesson.title}</h2>
                    <p class="pre-line">{lesson.body}</p>
                    <p class="cell-meta">
                      <A href={`/t/${council().slug}/contracts/${lesson.contractId}?tab=close-out`}>
                        {lesson.contractReference}: {lesson.contractTitle}
                      </A>
                      <Show when={lesson.supplierName}>{(name) => <> ({name()})</>}</Show>,{" "}
                      {lesson.authorName}, {format().date(String(lesson.createdAt).slice(0, 10))}
                    </p>
                  </li>
                )}
              </For>
            </ul>
          </>
        )}
      </Query>
    </>
  );
}
