import { A, useSearchParams } from "@solidjs/router";
import {
  type ContractSortKey,
  contractStatuses,
  endingWindows,
  lifecycleStages,
  tiers,
} from "@steward/domain";
import { createMemo, createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { CheckboxField } from "../../components/checkbox-field.tsx";
import { type Choice, ChoiceSelect } from "../../components/choice-select.tsx";
import { downloadText } from "../../components/download.ts";
import { createSubmission } from "../../components/forms.ts";
import { MemberSelect } from "../../components/member-select.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { Pagination, showingText } from "../../components/pagination.tsx";
import { RagBadge } from "../../components/rag-badge.tsx";
import { SearchBox } from "../../components/search-box.tsx";
import { SupplierPicker } from "../../components/supplier-picker.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TierBadge } from "../../components/tier-badge.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import { answer } from "../../query.ts";
import type { Answer, Client } from "../../trpc.ts";
import { BulkEdit } from "./bulk-edit.tsx";
import { ComplianceScore } from "./compliance-score.tsx";
import { stageChoices, stageLabels, statusChoices, statusLabels, tierChoices } from "./labels.ts";
import {
  filterInput,
  isFiltered,
  type RegisterQuery,
  readRegisterQuery,
  registerParams,
} from "./register-query.ts";

type RegisterPage = Answer<Client["contracts"]["list"]>;
const pageSize = 50;

const anyOf = <V extends string>(label: string, choices: Choice<V>[]): Choice<V | "">[] => [
  { value: "", label },
  ...choices,
];

/** Contracts whose end date or notice date falls within the next 30, 90 or 180 days. */
const endingChoices: Choice<string>[] = [
  { value: "", label: "Any time" },
  ...endingWindows.map((days) => ({ value: String(days), label: `Within ${days} days` })),
];

/** `/t/:slug/contracts`: the register, searched, filtered, sorted and paged on the server. */
export function Register() {
  const { council, can } = useCouncil();
  const [params, setParams] = useSearchParams();
  const query = createMemo(() => readRegisterQuery(params));
  const base = () => `/t/${council().slug}/contracts`;

  const page = councilQuery(
    (procedures) => procedures.contracts.list({ ...filterInput(query()), page: query().page, pageSize }),
    { keepPrevious: true },
  );

  /** Filters go into the history (back undoes them); typing in the search box replaces its entry. */
  const change = (values: Partial<RegisterQuery>, options: { replace?: boolean } = {}) =>
    setParams(registerParams({ page: 1, ...values }), { replace: options.replace ?? false });
  /** Contracts chosen for the bulk edit, kept across pages until the edit is applied or cleared. */
  const [selected, setSelected] = createSignal<string[]>([]);
  const [bulkDone, setBulkDone] = createSignal("");
  const clearFilters = () =>
    change({
      search: "",
      tier: null,
      status: null,
      stage: null,
      managerId: null,
      supplierId: null,
      ending: null,
    });

  const pageHref = (target: number) => {
    const search = new URLSearchParams(window.location.search);
    if (target > 1) search.set("page", String(target));
    else search.delete("page");
    const text = search.toString();
    return `${base()}${text ? `?${text}` : ""}`;
  };

  return (
    <>
      <PageHeading title="Contract register" caption={council().name} />
      <div class="page-actions">
        <Show when={can("contracts:write")}>
          <A href={`${base()}/new`} class="button">
            Add contract
          </A>
        </Show>
        <Show when={can("register:import")}>
          <A href={`${base()}/import`} class="button button--secondary">
            Import register
          </A>
        </Show>
        <ExportButton query={query()} />
      </div>

      <RegisterFilters query={query()} onChange={change} onClear={clearFilters} />
      <p class="results-summary" role="status" aria-live="polite">
        {bulkDone()}
      </p>
      <Show when={can("contracts:write")}>
        <BulkEdit
          selected={selected()}
          onClear={() => setSelected([])}
          onDone={(message) => {
            setSelected([]);
            setBulkDone(message);
          }}
        />
      </Show>

      <Query query={page} loading="Loading the register…">
        {(result) => (
          <>
            <p class="results-summary" role="status" aria-live="polite" aria-atomic="true">
              {showingText(
                result().page,
                result().pageSize,
                result().total,
                { one: "contract", many: "contracts" },
                result().totalCapped,
              )}
              {page.isFetching ? <span class="muted"> (updating…)</span> : null}
            </p>
            <Show
              when={result().rows.length > 0}
              fallback={
                <EmptyRegister
                  result={result()}
                  query={query()}
                  onClear={clearFilters}
                  firstPage={pageHref(1)}
                />
              }
            >
              <RegisterTable
                result={result()}
                query={query()}
                busy={page.isFetching}
                onSort={(sort, direction) => change({ sort, direction })}
                selection={
                  can("contracts:write") && !query().archived
                    ? { selected: selected(), onChange: setSelected }
                    : undefined
                }
              />
              <Pagination
                page={result().page}
                pageSize={result().pageSize}
                total={result().total}
                totalCapped={result().totalCapped}
                href={pageHref}
                label="Pages of the register"
              />
            </Show>
          </>
        )}
      </Query>
    </>
  );
}

function RegisterFilters(props: {
  query: RegisterQuery;
  onChange: (values: Partial<RegisterQuery>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}) {
  const supplier = councilQuery((procedures) => {
    const supplierId = props.query.supplierId;
    return supplierId ? procedures.suppliers.get({ supplierId }) : null;
  });
  const chosenSupplier = () => {
    const found = answer(supplier);
    return props.query.supplierId && found?.id === props.query.supplierId
      ? { id: found.id, name: found.name }
      : null;
  };

  return (
    <search aria-label="Search and filter the register">
      <SearchBox
        id="register-search"
        label="Search the register"
        hint="By reference, title or supplier. The list updates as you type."
        value={props.query.search}
        onSearch={(text) => props.onChange({ search: text }, { replace: true })}
      >
        <div class="filters__row">
          <ChoiceSelect
            id="filter-tier"
            label="Tier"
            compact
            choices={anyOf("Any tier", tierChoices)}
            value={props.query.tier ?? ""}
            onChange={(tier) => props.onChange({ tier: tiers.find((each) => each === tier) ?? null })}
          />
          <ChoiceSelect
            id="filter-status"
            label="Status"
            compact
            choices={anyOf("Any status", statusChoices)}
            value={props.query.status ?? ""}
            onChange={(status) =>
              props.onChange({ status: contractStatuses.find((each) => each === status) ?? null })
            }
          />
          <ChoiceSelect
            id="filter-stage"
            label="Lifecycle stage"
            compact
            choices={anyOf("Any stage", stageChoices)}
            value={props.query.stage ?? ""}
            onChange={(stage) =>
              props.onChange({ stage: lifecycleStages.find((each) => each === stage) ?? null })
            }
          />
          <ChoiceSelect
            id="filter-ending"
            label="Ending or notice due"
            compact
            choices={endingChoices}
            value={props.query.ending ? String(props.query.ending) : ""}
            onChange={(days) =>
              props.onChange({ ending: endingWindows.find((each) => String(each) === days) ?? null })
            }
          />
          <MemberSelect
            id="filter-manager"
            label="Contract manager"
            compact
            noneLabel="Any manager"
            value={props.query.managerId}
            onChange={(managerId) => props.onChange({ managerId })}
          />
          <SupplierPicker
            id="filter-supplier"
            label="Supplier"
            compact
            noneLabel="Any supplier"
            value={chosenSupplier()}
            onChange={(chosen) => {
              if ((chosen?.id ?? null) !== props.query.supplierId) {
                props.onChange({ supplierId: chosen?.id ?? null });
              }
            }}
          />
        </div>
        <div class="filters__row filters__row--end">
          <CheckboxField
            id="filter-archived"
            label="Show archived contracts"
            hint="Archived contracts are listed instead of live ones."
            checked={props.query.archived}
            onChange={(archived) => props.onChange({ archived })}
          />
          <Show when={isFiltered(props.query)}>
            <button type="button" class="button button--secondary button--small" onClick={props.onClear}>
              Clear filters
            </button>
          </Show>
        </div>
      </SearchBox>
    </search>
  );
}

const sortableColumns: { key: ContractSortKey; label: string }[] = [
  { key: "reference", label: "Reference" },
  { key: "title", label: "Title" },
  { key: "supplier", label: "Supplier" },
];

function SortHeader(props: {
  sortKey: ContractSortKey;
  label: string;
  query: RegisterQuery;
  onSort: (sort: ContractSortKey, direction: "asc" | "desc") => void;
  numeric?: boolean;
}) {
  const active = () => props.query.sort === props.sortKey;
  const next = () => (active() && props.query.direction === "asc" ? "desc" : "asc");
  return (
    <th
      scope="col"
      classList={{ "cell-numeric": props.numeric === true }}
      aria-sort={active() ? (props.query.direction === "asc" ? "ascending" : "descending") : undefined}
    >
      <button type="button" class="sort-button" onClick={() => props.onSort(props.sortKey, next())}>
        {props.label}
        <span class="sort-button__icon" aria-hidden="true">
          {active() ? (props.query.direction === "asc" ? "▲" : "▼") : "↕"}
        </span>
      </button>
    </th>
  );
}

const sortNames: Record<ContractSortKey, string> = {
  reference: "reference",
  title: "title",
  supplier: "supplier",
  manager: "contract manager",
  endDate: "end date",
  totalValue: "total value",
  tier: "tier",
  status: "status",
  updatedAt: "last change",
};

function RegisterTable(props: {
  result: RegisterPage;
  query: RegisterQuery;
  busy: boolean;
  onSort: (sort: ContractSortKey, direction: "asc" | "desc") => void;
  /** With it, each row has a checkbox for the bulk edit. */
  selection?: { selected: string[]; onChange: (ids: string[]) => void } | undefined;
}) {
  const { council, format } = useCouncil();
  const isChosen = (id: string) => props.selection?.selected.includes(id) ?? false;
  const pageIds = () => props.result.rows.map((row) => row.id);
  const allChosen = () => pageIds().length > 0 && pageIds().every(isChosen);
  const choose = (id: string, chosen: boolean) => {
    const selection = props.selection;
    if (!selection) return;
    const others = selection.selected.filter((each) => each !== id);
    selection.onChange(chosen ? [...others, id] : others);
  };
  const chooseAll = (chosen: boolean) => {
    const selection = props.selection;
    if (!selection) return;
    const others = selection.selected.filter((each) => !pageIds().includes(each));
    selection.onChange(chosen ? [...others, ...pageIds()] : others);
  };
  const base = () => `/t/${council().slug}/contracts`;
  const pages = () =>
    props.result.totalCapped
      ? `more than ${Math.floor(props.result.total / props.result.pageSize)}`
      : Math.max(1, Math.ceil(props.result.total / props.result.pageSize));
  return (
    <TableWrap label="Register table">
      <table class="table table--register" aria-busy={props.busy ? "true" : undefined}>
        <caption class="visually-hidden">
          {props.query.archived ? "Archived contracts" : "Contracts"}, sorted by {sortNames[props.query.sort]}{" "}
          {props.query.direction === "asc" ? "ascending" : "descending"}, page {props.result.page} of{" "}
          {pages()}. Column headings with buttons sort the list.
        </caption>
        <thead>
          <tr>
            <Show when={props.selection}>
              <th scope="col" class="cell-check">
                <input
                  type="checkbox"
                  aria-label="Choose every contract on this page"
                  checked={allChosen()}
                  onChange={(event) => chooseAll(event.currentTarget.checked)}
                />
              </th>
            </Show>
            <For each={sortableColumns}>
              {(column) => (
                <SortHeader
                  sortKey={column.key}
                  label={column.label}
                  query={props.query}
                  onSort={props.onSort}
                />
              )}
            </For>
            <SortHeader sortKey="manager" label="Manager" query={props.query} onSort={props.onSort} />
            <SortHeader sortKey="endDate" label="End date" query={props.query} onSort={props.onSort} />
            <SortHeader
              sortKey="totalValue"
              label="Total value"
              query={props.query}
              onSort={props.onSort}
              numeric
            />
            <SortHeader sortKey="tier" label="Tier" query={props.query} onSort={props.onSort} />
            <SortHeader sortKey="status" label="Status" query={props.query} onSort={props.onSort} />
            <th scope="col">RAG {format().month(props.result.ragMonth)}</th>
            <th scope="col" class="cell-numeric">
              Compliance
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.result.rows}>
            {(row) => (
              <tr>
                <Show when={props.selection}>
                  <td class="cell-check">
                    <input
                      type="checkbox"
                      aria-label={`Choose ${row.reference}`}
                      checked={isChosen(row.id)}
                      onChange={(event) => choose(row.id, event.currentTarget.checked)}
                    />
                  </td>
                </Show>
                <th scope="row" class="cell-reference">
                  <A href={`${base()}/${row.id}`}>{row.reference}</A>
                </th>
                <td class="cell-title">{row.title}</td>
                <td>{row.supplierName ?? <span class="muted">None recorded</span>}</td>
                <td>{row.contractManagerName ?? <span class="muted">Not named</span>}</td>
                <td class="cell-nowrap">{row.endDate ? format().date(row.endDate) : "—"}</td>
                <td class="cell-numeric cell-nowrap">
                  {row.totalValueMinor === null ? "—" : format().money(row.totalValueMinor)}
                </td>
                <td>
                  <TierBadge tier={row.tier} />
                  <Show when={row.retierRequested}>
                    <span class="tag tag--warning">Review</span>
                  </Show>
                </td>
                <td>
                  {statusLabels[row.status]}
                  <span class="cell-meta">{stageLabels[stageOf(row.lifecycleStage)] ?? ""}</span>
                </td>
                <td>
                  <Show
                    when={row.ragStatus}
                    fallback={
                      <span class="muted">
                        —<span class="visually-hidden">none set</span>
                      </span>
                    }
                  >
                    {(status) => <RagBadge status={status()} />}
                  </Show>
                </td>
                <td class="cell-numeric">
                  <ComplianceScore score={row.complianceScore} tracked={row.dutiesTracked} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </TableWrap>
  );
}

function stageOf(stage: string) {
  return lifecycleStages.find((each) => each === stage) ?? "delivery";
}

function EmptyRegister(props: {
  result: RegisterPage;
  query: RegisterQuery;
  onClear: () => void;
  firstPage: string;
}) {
  const { council, can } = useCouncil();
  const base = () => `/t/${council().slug}/contracts`;
  return (
    <div class="empty">
      <Show
        when={props.result.total === 0}
        fallback={
          <p>
            There are no contracts on this page. <a href={props.firstPage}>Go to the first page</a>.
          </p>
        }
      >
        <Show
          when={!isFiltered(props.query)}
          fallback={
            <>
              <p>No contracts match your search and filters.</p>
              <button type="button" class="button button--secondary" onClick={props.onClear}>
                Clear filters
              </button>
            </>
          }
        >
          <Show
            when={!props.query.archived}
            fallback={<p>No contracts are archived. Archived contracts would be listed here.</p>}
          >
            <p>The register is empty: {council().name} has no contracts in Steward yet.</p>
            <Show when={can("contracts:write") || can("register:import")}>
              <ul class="link-list">
                <Show when={can("contracts:write")}>
                  <li>
                    <A href={`${base()}/new`}>Add a contract</A>
                  </li>
                </Show>
                <Show when={can("register:import")}>
                  <li>
                    <A href={`${base()}/import`}>Import your register from a CSV file</A>
                  </li>
                </Show>
              </ul>
            </Show>
          </Show>
        </Show>
      </Show>
    </div>
  );
}

/** Downloads the whole filtered register (not just this page) as the server writes it. */
function ExportButton(props: { query: RegisterQuery }) {
  const { api } = useCouncil();
  const submission = createSubmission();
  const [done, setDone] = createSignal("");
  const exportCsv = async () => {
    setDone("");
    const result = await submission.submit(() => api().register.exportCsv.query(filterInput(props.query)));
    if (!result.ok) return;
    downloadText(result.value.fileName, result.value.csv);
    const count = result.value.count;
    setDone(`Downloaded ${count} contract${count === 1 ? "" : "s"} as ${result.value.fileName}.`);
  };
  return (
    <>
      <button
        type="button"
        class="button button--secondary"
        disabled={submission.pending()}
        onClick={() => void exportCsv()}
      >
        {submission.pending() ? "Preparing the file…" : "Export CSV"}
      </button>
      <p class="page-actions__status" role="status" aria-live="polite">
        <Show when={submission.problem()} fallback={done()}>
          {(problem) => <span class="field-error">{problem().message}</span>}
        </Show>
      </p>
    </>
  );
}
