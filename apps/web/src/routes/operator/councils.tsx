import { For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { platformFormat } from "../../format.ts";
import { operatorQuery } from "../../operator-query.ts";

/** `/operator`: every council of the platform. */
export function OperatorCouncils() {
  const councils = operatorQuery((procedures) => procedures.operator.councils());
  return (
    <>
      <PageHeading title="Councils" caption="Platform operator" />
      <p>Every council on the platform. You see their licences, not their contracts.</p>
      <Query query={councils} loading="Loading councils…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p>No council has been set up yet.</p>}>
            <TableWrap label="Councils">
              <table class="table">
                <caption class="visually-hidden">Councils on the platform</caption>
                <thead>
                  <tr>
                    <th scope="col">Council</th>
                    <th scope="col">Address</th>
                    <th scope="col">Jurisdiction</th>
                    <th scope="col">Since</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={found()}>
                    {(council) => (
                      <tr>
                        <th scope="row">{council.name}</th>
                        <td>/t/{council.slug}</td>
                        <td>{council.jurisdiction}</td>
                        <td>{platformFormat.date(String(council.createdAt))}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </TableWrap>
          </Show>
        )}
      </Query>
    </>
  );
}
