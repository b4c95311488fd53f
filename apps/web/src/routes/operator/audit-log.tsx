import { useSearchParams } from "@solidjs/router";
import { platformAuditEntityLabels } from "@steward/domain";
import { createMemo, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { Pagination, showingText } from "../../components/pagination.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { platformFormat, sentenceCase } from "../../format.ts";
import { operatorQuery } from "../../operator-query.ts";
import type { Answer, Client } from "../../trpc.ts";

const pageSize = 50;

type PlatformEvent = Answer<Client["operator"]["auditLog"]>["events"][number];

/** What the event is about, by name where its record has one: "KPI template Missed collections rate". */
function what(event: PlatformEvent): string {
  const label = platformAuditEntityLabels[event.entityType];
  switch (event.action) {
    case "kpi_library.category_created":
    case "kpi_library.category_updated":
    case "kpi_library.template_created":
    case "kpi_library.template_updated":
    case "organisation.recorded":
    case "organisation.renamed":
      return `${label} ${event.after.name}`;
    case "benchmarks.k_changed":
      return `${label}: k is ${event.after.k}`;
    case "platform_course.created":
      return `${label} ${event.after.title}`;
    case "kpi_library.template_archived":
      return event.after.archived ? `${label} (archived)` : `${label} (restored)`;
    default:
      return `${label}, version ${event.after.versionNumber}`;
  }
}

/**
 * `/operator/audit`: the platform's audit log (issue 11 §6), newest first: what the operator changed that
 * belongs to no council. A change to one council (its licence, its setting up) is in that council's log.
 */
export function OperatorAuditLog() {
  const [params] = useSearchParams();
  const page = createMemo(() => {
    const asked = Number.parseInt(typeof params.page === "string" ? params.page : "1", 10);
    return Number.isFinite(asked) && asked > 0 ? asked : 1;
  });
  const log = operatorQuery((procedures) => procedures.operator.auditLog({ page: page(), pageSize }));
  const pageHref = (next: number) => (next > 1 ? `/operator/audit?page=${next}` : "/operator/audit");
  return (
    <>
      <PageHeading title="Platform audit log" caption="Operator console" />
      <p>
        Every change to the platform's own records (the KPI library, the benchmark pool, the platform's
        courses and the organisation registry), with who made it and when. Records cannot be edited. A change
        to one council, such as its licence, is in that council's own audit log.
      </p>
      <Query query={log} loading="Loading the platform audit log…">
        {(result) => (
          <Show
            when={result().total > 0}
            fallback={<p class="empty">Nothing has been changed on the platform yet.</p>}
          >
            <p class="results-summary" role="status" aria-live="polite">
              {showingText(result().page, result().pageSize, result().total, {
                one: "event",
                many: "events",
              })}
            </p>
            <TableWrap label="Platform audit events">
              <table class="table">
                <caption class="visually-hidden">Platform audit events, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Who</th>
                    <th scope="col">Action</th>
                    <th scope="col">What</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={result().events}>
                    {(event) => (
                      <tr>
                        <td class="cell-nowrap">
                          <time datetime={String(event.createdAt)}>
                            {platformFormat.dateTime(String(event.createdAt))}
                          </time>
                        </td>
                        <td>{event.actorName ?? "A former operator"}</td>
                        <td>{sentenceCase(event.words)}</td>
                        <td>{what(event)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
            <Pagination
              page={result().page}
              pageSize={result().pageSize}
              total={result().total}
              href={pageHref}
              label="Pages of the platform audit log"
            />
          </Show>
        )}
      </Query>
    </>
  );
}
