import { A } from "@solidjs/router";
import {
  engagementScopeLabels,
  engagementStatusLabels,
  matrixStatuses,
  matrixStatusLabels,
} from "@steward/domain";
import { For, Show } from "solid-js";
import { advisorQuery } from "../../advisor-query.ts";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { PublicLayout } from "../../components/public-layout.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { UserMenu } from "../../components/user-menu.tsx";
import { councilFormat, platformFormat } from "../../format.ts";
import { RequireSession } from "../../require-session.tsx";
import type { Answer, Client } from "../../trpc.ts";
import styles from "./portfolio.module.css";

type Portfolio = Answer<Client["portfolio"]["overview"]>;
type Rag = Portfolio["councils"][number]["rag"];

const percent = (value: number | null) => (value === null ? "Not measured" : `${value}%`);
const ragWords = (rag: Rag) =>
  [
    rag.red ? `${rag.red} Red` : null,
    rag.amber ? `${rag.amber} Amber` : null,
    rag.green ? `${rag.green} Green` : null,
    rag.unset ? `${rag.unset} not set` : null,
  ]
    .filter(Boolean)
    .join(", ") || "No contracts owe one";

/**
 * `/advisor`: the advisor's home (issue 9 §7). Every council that engaged them side by side, the suppliers those
 * councils share, named, and their engagements with where each stands.
 */
export function AdvisorPortfolio() {
  return (
    <RequireSession>
      {(me) => (
        <PublicLayout wide account={<UserMenu name={me().user.name} email={me().user.email} />}>
          <PageHeading title="Your portfolio" caption="Advisor" />
          <PortfolioTables />
          <TrainingCounts />
          <Engagements />
        </PublicLayout>
      )}
    </RequireSession>
  );
}

function PortfolioTables() {
  const portfolio = advisorQuery((procedures) => procedures.portfolio.overview());
  return (
    <Query query={portfolio} loading="Loading your councils…">
      {(found) => {
        const nameOf = (tenantId: string) =>
          found().councils.find((council) => council.tenantId === tenantId)?.name ?? "";
        return (
          <>
            <section aria-labelledby="councils-heading">
              <h2 id="councils-heading">Councils</h2>
              <p>
                Each council's figures as its own pages show them: the RAG for{" "}
                {platformFormat.month(found().month)}, KPI attainment since{" "}
                {platformFormat.month(found().attainmentFrom)}. Every time you open this page, each council's
                audit log records that you read its data.
              </p>
              <Show
                when={found().councils.length > 0}
                fallback={
                  <p>
                    No council has an active engagement with you that lets you read its portfolio. A council's
                    admin engages you on its Advisors page.
                  </p>
                }
              >
                <TableWrap label="Engaged councils">
                  <table class="table">
                    <caption class="visually-hidden">Engaged councils side by side</caption>
                    <thead>
                      <tr>
                        <th scope="col">Council</th>
                        <th scope="col">Live contracts</th>
                        <th scope="col">RAG last month</th>
                        <th scope="col">Compliance score</th>
                        <th scope="col">KPI attainment</th>
                        <th scope="col">Obligations overdue</th>
                        <th scope="col">Ending within 90 days</th>
                        <th scope="col">Engaged until</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={found().councils}>
                        {(council) => (
                          <tr>
                            <th scope="row">
                              <A href={`/t/${council.slug}`}>{council.name}</A>
                            </th>
                            <td>{council.contracts}</td>
                            <td>{ragWords(council.rag)}</td>
                            <td>{percent(council.complianceScore)}</td>
                            <td>{percent(council.kpiAttainment)}</td>
                            <td>{council.overdueObligations}</td>
                            <td>{council.endingSoon.find((window) => window.days === 90)?.count ?? 0}</td>
                            <td>{councilFormat(council).date(council.engagement.endsOn)}</td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
              <Show when={found().unavailable.length > 0}>
                <h3>Engaged, but not open to you</h3>
                <ul>
                  <For each={found().unavailable}>
                    {(council) => (
                      <li>
                        <strong>{council.name}</strong>: {council.reason}
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>
            <section aria-labelledby="suppliers-heading">
              <h2 id="suppliers-heading">Suppliers across your councils</h2>
              <p>
                Supplier organisations that your councils' suppliers are linked to in the registry, with each
                council's figures. Only councils that engaged you are named.
              </p>
              <Show
                when={found().suppliers.length > 0}
                fallback={<p>None of your councils' suppliers is linked to the organisation registry yet.</p>}
              >
                <TableWrap label="Suppliers across councils">
                  <table class="table">
                    <caption class="visually-hidden">Supplier organisations across your councils</caption>
                    <thead>
                      <tr>
                        <th scope="col">Supplier</th>
                        <th scope="col">KPI attainment, all councils</th>
                        <th scope="col">By council</th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={found().suppliers}>
                        {(supplier) => (
                          <tr>
                            <th scope="row">{supplier.organisationName}</th>
                            <td>{percent(supplier.attainment)}</td>
                            <td>
                              <ul class={styles.byCouncil}>
                                <For each={supplier.councils}>
                                  {(council) => (
                                    <li>
                                      {nameOf(council.tenantId)}: {council.contracts}{" "}
                                      {council.contracts === 1 ? "contract" : "contracts"},{" "}
                                      {ragWords(council.rag)}, KPI attainment {percent(council.attainment)}
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </TableWrap>
              </Show>
            </section>
          </>
        );
      }}
    </Query>
  );
}

/**
 * Issue 10 §7: each engaged council's training, as counts of the courses it requires of its people by where they
 * stand (the council's training matrix, without a name). Read council by council and audited, as the portfolio.
 */
function TrainingCounts() {
  const training = advisorQuery((procedures) => procedures.trainingOverview.advisor());
  return (
    <section aria-labelledby="training-heading">
      <h2 id="training-heading">Training in your councils</h2>
      <p>
        For each council, the training it requires of its people (contract managers, SROs and other roles),
        counted by where each required course stands. No one is named.
      </p>
      <Query query={training} loading="Loading your councils' training…">
        {(found) => {
          const open = () => found().filter((council) => council.counts !== null);
          return (
            <Show
              when={open().length > 0}
              fallback={
                <p>
                  No council that engaged you to read its portfolio is open to you, so there is no training to
                  show.
                </p>
              }
            >
              <TableWrap label="Training in your councils">
                <table class="table">
                  <caption class="visually-hidden">Required training by council and status</caption>
                  <thead>
                    <tr>
                      <th scope="col">Council</th>
                      <th scope="col">People with required training</th>
                      <For each={matrixStatuses}>
                        {(status) => <th scope="col">{matrixStatusLabels[status]}</th>}
                      </For>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={open()}>
                      {(council) => (
                        <tr>
                          <th scope="row">{council.name}</th>
                          <Show
                            when={council.people}
                            fallback={
                              <td colSpan={matrixStatuses.length + 1}>
                                This council requires no training course yet.
                              </td>
                            }
                          >
                            <td>{council.people}</td>
                            <For each={matrixStatuses}>
                              {(status) => <td>{council.counts?.[status] ?? 0}</td>}
                            </For>
                          </Show>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </TableWrap>
            </Show>
          );
        }}
      </Query>
    </section>
  );
}

function Engagements() {
  const engagements = advisorQuery((procedures) => procedures.engagements.mine());
  return (
    <section aria-labelledby="engagements-heading">
      <h2 id="engagements-heading">Your engagements</h2>
      <Query query={engagements} loading="Loading your engagements…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No council has engaged you yet.</p>}>
            <TableWrap label="Your engagements">
              <table class="table">
                <caption class="visually-hidden">Your engagements with councils</caption>
                <thead>
                  <tr>
                    <th scope="col">Council</th>
                    <th scope="col">You may</th>
                    <th scope="col">From</th>
                    <th scope="col">Until</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(engagement) => (
                      <tr>
                        <th scope="row">{engagement.councilName}</th>
                        <td>{engagement.scopes.map((scope) => engagementScopeLabels[scope]).join(", ")}</td>
                        <td>{councilFormat(engagement).date(engagement.startsOn)}</td>
                        <td>{councilFormat(engagement).date(engagement.endsOn)}</td>
                        <td>{engagementStatusLabels[engagement.status]}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
    </section>
  );
}
