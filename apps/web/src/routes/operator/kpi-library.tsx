import {
  type KpiDirection,
  type KpiUnit,
  kpiDirectionLabels,
  kpiDirections,
  kpiUnitLabels,
  kpiUnits,
} from "@steward/domain";
import { createSignal, For, Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { ChoiceSelect } from "../../components/choice-select.tsx";
import { ErrorSummary } from "../../components/error-summary.tsx";
import { Field } from "../../components/field.tsx";
import { createSubmission } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { TableWrap } from "../../components/table-wrap.tsx";
import { TextareaField } from "../../components/textarea-field.tsx";
import { platformFormat } from "../../format.ts";
import { operatorMutate, operatorQuery } from "../../operator-query.ts";
import { type Answer, type Client, describeProblem } from "../../trpc.ts";

type Library = Answer<Client["kpiLibrary"]["library"]>;
type Template = Library["templates"][number];

interface TemplateDraft {
  slug: string;
  categoryId: string | null;
  name: string;
  definition: string;
  unit: KpiUnit | null;
  unitLabel: string;
  direction: KpiDirection | null;
  numeratorDefinition: string;
  denominatorDefinition: string;
  guidance: string;
  source: string;
}

const emptyDraft: TemplateDraft = {
  slug: "",
  categoryId: null,
  name: "",
  definition: "",
  unit: null,
  unitLabel: "",
  direction: null,
  numeratorDefinition: "",
  denominatorDefinition: "",
  guidance: "",
  source: "",
};

const templateFieldIds: Record<string, string> = {
  slug: "template-slug",
  categoryId: "template-category-trigger",
  name: "template-name",
  definition: "template-definition",
  unit: "template-unit-trigger",
  unitLabel: "template-unit-label",
  direction: "template-direction-trigger",
};

/**
 * `/operator/kpi-library` (issue 9 §2, §4): the platform's KPI library — service categories and KPI templates,
 * added, edited and archived by the operator — and the benchmarking pool's k.
 */
export function OperatorKpiLibrary() {
  const library = operatorQuery((procedures) => procedures.kpiLibrary.library());
  const settings = operatorQuery((procedures) => procedures.benchmarks.settings());
  const [editing, setEditing] = createSignal<Template | null>(null);
  const [announcement, setAnnouncement] = createSignal("");
  return (
    <>
      <PageHeading title="KPI library and benchmarking" caption="Platform operator" />
      <p class="visually-hidden" role="status" aria-live="polite">
        {announcement()}
      </p>
      <Query query={settings} loading="Loading the benchmarking settings…">
        {(found) => <PoolSettings k={found().k} version={found().version} snapshots={found().snapshots} />}
      </Query>
      <Query query={library} loading="Loading the KPI library…">
        {(found) => (
          <>
            <section aria-labelledby="templates-heading">
              <h2 id="templates-heading">KPI templates</h2>
              <For each={found().categories}>
                {(category) => {
                  const templates = () =>
                    found().templates.filter((template) => template.categoryId === category.id);
                  return (
                    <>
                      <h3>{category.name}</h3>
                      <Show
                        when={templates().length > 0}
                        fallback={<p class="empty">No KPI in this category yet.</p>}
                      >
                        <TableWrap label={`${category.name} KPI templates`}>
                          <table class="table">
                            <caption class="visually-hidden">{category.name}: KPI templates</caption>
                            <thead>
                              <tr>
                                <th scope="col">KPI</th>
                                <th scope="col">Unit</th>
                                <th scope="col">Direction</th>
                                <th scope="col">Actions</th>
                              </tr>
                            </thead>
                            <tbody>
                              <For each={templates()}>
                                {(template) => (
                                  <tr>
                                    <th scope="row">
                                      {template.name}
                                      <Show when={template.archivedAt}>
                                        {" "}
                                        <span class="tag tag--inactive">Archived</span>
                                      </Show>
                                    </th>
                                    <td>
                                      {template.unit === "other"
                                        ? template.unitLabel
                                        : kpiUnitLabels[template.unit as KpiUnit]}
                                    </td>
                                    <td>{kpiDirectionLabels[template.direction as KpiDirection]}</td>
                                    <td class="cell-nowrap">
                                      <button
                                        type="button"
                                        class="button button--secondary"
                                        onClick={() => setEditing(template)}
                                      >
                                        Edit<span class="visually-hidden"> {template.name}</span>
                                      </button>{" "}
                                      <button
                                        type="button"
                                        class="button button--secondary"
                                        onClick={async () => {
                                          const archiving = template.archivedAt === null;
                                          try {
                                            await operatorMutate(
                                              (procedures) =>
                                                procedures.kpiLibrary.archiveTemplate({
                                                  templateId: template.id,
                                                  version: template.version,
                                                  archived: archiving,
                                                }),
                                              ["kpiLibrary"],
                                            );
                                            setAnnouncement(
                                              `${template.name} ${archiving ? "archived" : "restored"}.`,
                                            );
                                          } catch (error) {
                                            setAnnouncement(describeProblem(error).message);
                                          }
                                        }}
                                      >
                                        {template.archivedAt === null ? "Archive" : "Restore"}
                                        <span class="visually-hidden"> {template.name}</span>
                                      </button>
                                    </td>
                                  </tr>
                                )}
                              </For>
                            </tbody>
                          </table>
                        </TableWrap>
                      </Show>
                    </>
                  );
                }}
              </For>
            </section>
            <Show
              when={editing()}
              keyed
              fallback={<TemplateForm library={found()} template={null} onDone={setAnnouncement} />}
            >
              {(template) => (
                <TemplateForm
                  library={found()}
                  template={template}
                  onDone={(message) => {
                    setEditing(null);
                    setAnnouncement(message);
                  }}
                />
              )}
            </Show>
            <CategoryForm onDone={setAnnouncement} />
          </>
        )}
      </Query>
    </>
  );
}

function PoolSettings(props: {
  k: number;
  version: number;
  snapshots: {
    period: string;
    poolSize: number;
    k: number;
    publishedCells: number;
    suppressedCells: number;
  }[];
}) {
  const submission = createSubmission();
  const [k, setK] = createSignal(String(props.k));
  const [saved, setSaved] = createSignal("");
  return (
    <section aria-labelledby="pool-heading">
      <h2 id="pool-heading">The benchmarking pool</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => <ErrorSummary problem={problem} fieldIds={{ k: "pool-k" }} />}
      </Show>
      <p role="status" aria-live="polite">
        {saved()}
      </p>
      <form
        novalidate
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await submission.submit(() =>
            operatorMutate(
              (procedures) => procedures.benchmarks.setK({ k: Number(k()), version: props.version }),
              ["benchmarks"],
            ),
          );
          if (result.ok)
            setSaved(`From the next published month, a figure needs ${result.value.k} councils.`);
        }}
      >
        <Field
          id="pool-k"
          name="k"
          label="Fewest councils a published figure needs (k)"
          hint="At least 3; 5 unless there is a reason. A month already published keeps the k it had."
          inputmode="numeric"
          value={k()}
          onInput={(event) => setK(event.currentTarget.value)}
          error={submission.fieldError("k")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          Save k
        </button>
      </form>
      <Show
        when={props.snapshots.length > 0}
        fallback={<p class="empty">No month has been published yet.</p>}
      >
        <TableWrap label="Published months">
          <table class="table">
            <caption>Published months (each computed once)</caption>
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col" class="cell-numeric">
                  Councils in the pool
                </th>
                <th scope="col" class="cell-numeric">
                  k
                </th>
                <th scope="col" class="cell-numeric">
                  Published
                </th>
                <th scope="col" class="cell-numeric">
                  Suppressed
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={props.snapshots}>
                {(snapshot) => (
                  <tr>
                    <th scope="row">{platformFormat.month(snapshot.period)}</th>
                    <td class="cell-numeric">{snapshot.poolSize}</td>
                    <td class="cell-numeric">{snapshot.k}</td>
                    <td class="cell-numeric">{snapshot.publishedCells}</td>
                    <td class="cell-numeric">{snapshot.suppressedCells}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </TableWrap>
      </Show>
    </section>
  );
}

function TemplateForm(props: {
  library: Library;
  template: Template | null;
  onDone: (message: string) => void;
}) {
  const submission = createSubmission();
  const start = props.template;
  const [draft, setDraft] = createSignal<TemplateDraft>(
    start
      ? {
          slug: start.slug,
          categoryId: start.categoryId,
          name: start.name,
          definition: start.definition,
          unit: start.unit as KpiUnit,
          unitLabel: start.unitLabel ?? "",
          direction: start.direction as KpiDirection,
          numeratorDefinition: start.numeratorDefinition ?? "",
          denominatorDefinition: start.denominatorDefinition ?? "",
          guidance: start.guidance,
          source: start.source,
        }
      : emptyDraft,
  );
  const set = (patch: Partial<TemplateDraft>) => setDraft({ ...draft(), ...patch });
  const error = (name: string) => submission.fieldError(start ? `values.${name}` : name);
  const text = (name: keyof TemplateDraft) => (event: { currentTarget: { value: string } }) =>
    set({ [name]: event.currentTarget.value } as Partial<TemplateDraft>);
  return (
    <section aria-labelledby="template-form-heading">
      <h2 id="template-form-heading">{start ? `Edit ${start.name}` : "Add a KPI template"}</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => (
          <ErrorSummary
            problem={problem}
            fieldIds={
              start
                ? Object.fromEntries(
                    Object.entries(templateFieldIds).map(([key, id]) => [`values.${key}`, id]),
                  )
                : templateFieldIds
            }
          />
        )}
      </Show>
      <form
        novalidate
        onSubmit={async (event) => {
          event.preventDefault();
          const values = {
            ...draft(),
            categoryId: draft().categoryId ?? "",
            unit: draft().unit ?? ("" as KpiUnit),
            direction: draft().direction ?? ("" as KpiDirection),
          };
          const result = await submission.submit<unknown>(() =>
            start
              ? operatorMutate(
                  (procedures) =>
                    procedures.kpiLibrary.updateTemplate({
                      templateId: start.id,
                      version: start.version,
                      values,
                    }),
                  ["kpiLibrary"],
                )
              : operatorMutate((procedures) => procedures.kpiLibrary.createTemplate(values), ["kpiLibrary"]),
          );
          if (!result.ok) return;
          if (!start) setDraft(emptyDraft);
          props.onDone(start ? `${values.name} saved.` : `${values.name} added to the library.`);
        }}
      >
        <ChoiceSelect
          id="template-category"
          label="Service category"
          choices={props.library.categories.map((category) => ({ value: category.id, label: category.name }))}
          value={draft().categoryId}
          onChange={(categoryId) => set({ categoryId })}
          error={error("categoryId")}
        />
        <Field
          id="template-name"
          name="name"
          label="KPI"
          value={draft().name}
          onInput={text("name")}
          error={error("name")}
        />
        <Field
          id="template-slug"
          name="slug"
          label="Short name"
          hint="Letters, digits and hyphens; it names the KPI in links and in the seed."
          value={draft().slug}
          onInput={text("slug")}
          error={error("slug")}
        />
        <TextareaField
          id="template-definition"
          name="definition"
          label="Definition"
          value={draft().definition}
          onInput={text("definition")}
          error={error("definition")}
        />
        <ChoiceSelect
          id="template-unit"
          label="Unit"
          choices={kpiUnits.map((unit) => ({ value: unit, label: kpiUnitLabels[unit] }))}
          value={draft().unit}
          onChange={(unit) => set({ unit })}
          error={error("unit")}
        />
        <Show when={draft().unit === "other"}>
          <Field
            id="template-unit-label"
            name="unitLabel"
            label="The unit in words"
            value={draft().unitLabel}
            onInput={text("unitLabel")}
            error={error("unitLabel")}
          />
        </Show>
        <ChoiceSelect
          id="template-direction"
          label="Direction"
          choices={kpiDirections.map((direction) => ({
            value: direction,
            label: kpiDirectionLabels[direction],
          }))}
          value={draft().direction}
          onChange={(direction) => set({ direction })}
          error={error("direction")}
        />
        <Field
          id="template-numerator"
          name="numeratorDefinition"
          label="Numerator (for a rate, optional)"
          value={draft().numeratorDefinition}
          onInput={text("numeratorDefinition")}
        />
        <Field
          id="template-denominator"
          name="denominatorDefinition"
          label="Denominator (for a rate, optional)"
          value={draft().denominatorDefinition}
          onInput={text("denominatorDefinition")}
        />
        <TextareaField
          id="template-guidance"
          name="guidance"
          label="Guidance (optional)"
          value={draft().guidance}
          onInput={text("guidance")}
        />
        <TextareaField
          id="template-source"
          name="source"
          label="Source (optional)"
          value={draft().source}
          onInput={text("source")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          {start ? "Save the template" : "Add the template"}
        </button>
      </form>
    </section>
  );
}

function CategoryForm(props: { onDone: (message: string) => void }) {
  const submission = createSubmission();
  const [name, setName] = createSignal("");
  const [slug, setSlug] = createSignal("");
  return (
    <section aria-labelledby="category-form-heading">
      <h2 id="category-form-heading">Add a service category</h2>
      <Show when={submission.problem()} keyed>
        {(problem) => (
          <ErrorSummary problem={problem} fieldIds={{ name: "category-name", slug: "category-slug" }} />
        )}
      </Show>
      <form
        novalidate
        onSubmit={async (event) => {
          event.preventDefault();
          const result = await submission.submit(() =>
            operatorMutate(
              (procedures) => procedures.kpiLibrary.createCategory({ name: name(), slug: slug() || name() }),
              ["kpiLibrary"],
            ),
          );
          if (!result.ok) return;
          props.onDone(`${name()} added.`);
          setName("");
          setSlug("");
        }}
      >
        <Field
          id="category-name"
          name="name"
          label="Service category"
          value={name()}
          onInput={(event) => setName(event.currentTarget.value)}
          error={submission.fieldError("name")}
        />
        <Field
          id="category-slug"
          name="slug"
          label="Short name (optional)"
          hint="Made from the name when left blank."
          value={slug()}
          onInput={(event) => setSlug(event.currentTarget.value)}
          error={submission.fieldError("slug")}
        />
        <button type="submit" class="button" disabled={submission.pending()}>
          Add the category
        </button>
      </form>
    </section>
  );
}
