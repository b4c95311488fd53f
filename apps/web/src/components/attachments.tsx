import { type AttachmentOwner, attachmentMaxBytes, attachmentTooLarge, fileSizeLabel } from "@steward/domain";
import { createSignal, createUniqueId, For, Show } from "solid-js";
import { useCouncil } from "../council.tsx";
import { councilMutations, councilQuery } from "../council-query.ts";
import type { Scope } from "../query.ts";
import { describeProblem } from "../trpc.ts";
import { Query } from "./async.tsx";
import styles from "./attachments.module.css";
import { type Confirmation, ConfirmDialog } from "./confirm-dialog.tsx";
import { downloadBase64 } from "./download.ts";
import { describedBy, FieldMessages } from "./field-messages.tsx";
import { createIdempotencyKey } from "./idempotency.ts";

const attachmentChanges: Scope[] = ["attachments"];

/** The file's bytes as base64, read in slices (String.fromCharCode takes a bounded number of arguments). */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return btoa(binary);
}

/**
 * The files attached to one record of a contract (issue 8 §10): evidence for a measurement, a meeting's
 * minutes, the plan, a monitoring report, the close-out. Lists them for everyone who reads the contract;
 * members who may write performance records attach and remove files. Place it beside the record:
 * `<Attachments ownerType="meeting" ownerId={meeting.id} contractId={contract.id} />`.
 */
export function Attachments(props: {
  ownerType: AttachmentOwner;
  ownerId: string;
  contractId: string;
  /** The heading's words; "Attached files" when absent. */
  title?: string;
}) {
  const { can, format, api } = useCouncil();
  const mutate = councilMutations();
  const id = createUniqueId();
  const inputId = `attach-${id}`;
  const key = createIdempotencyKey();
  const [error, setError] = createSignal<string | undefined>();
  const [status, setStatus] = createSignal("");
  const [busy, setBusy] = createSignal(false);
  const [confirmation, setConfirmation] = createSignal<Confirmation | null>(null);
  let input: HTMLInputElement | undefined;
  const files = councilQuery((procedures) =>
    procedures.attachments.list({
      contractId: props.contractId,
      ownerType: props.ownerType,
      ownerId: props.ownerId,
    }),
  );

  const upload = async () => {
    const file = input?.files?.[0];
    setError(undefined);
    if (!file) {
      setError("Choose a file to attach.");
      return;
    }
    if (file.size > attachmentMaxBytes) {
      setError(attachmentTooLarge(file.size));
      return;
    }
    setBusy(true);
    setStatus(`Attaching ${file.name}…`);
    try {
      const contentBase64 = await base64Of(file);
      await mutate(
        (procedures) =>
          procedures.attachments.upload({
            contractId: props.contractId,
            ownerType: props.ownerType,
            ownerId: props.ownerId,
            fileName: file.name,
            contentType: file.type,
            contentBase64,
            idempotencyKey: key.current(),
          }),
        attachmentChanges,
      );
      key.renew();
      if (input) input.value = "";
      setStatus(`${file.name} is attached.`);
    } catch (problem) {
      const described = describeProblem(problem);
      setError(Object.values(described.fieldErrors)[0] ?? described.message);
      setStatus("");
    } finally {
      setBusy(false);
    }
  };

  const download = async (attachmentId: string, fileName: string) => {
    setError(undefined);
    try {
      const file = await api().attachments.download.query({ attachmentId });
      downloadBase64(file.fileName, file.contentBase64, file.contentType);
    } catch (problem) {
      setError(`${fileName} could not be downloaded. ${describeProblem(problem).message}`);
    }
  };

  const remove = (attachmentId: string, fileName: string) =>
    setConfirmation({
      title: `Remove ${fileName}?`,
      description: (
        <p>The file is deleted from this record. The history keeps a note that it was attached.</p>
      ),
      confirmLabel: "Remove file",
      destructive: true,
      run: async () => {
        await mutate((procedures) => procedures.attachments.remove({ attachmentId }), attachmentChanges);
        setStatus(`${fileName} has been removed.`);
      },
    });

  return (
    <section class={styles.section} aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} class={styles.title}>
        {props.title ?? "Attached files"}
      </h3>
      <p class="visually-hidden" role="status" aria-live="polite">
        {status()}
      </p>
      <Query query={files} loading="Loading the attached files…">
        {(found) => (
          <Show when={found().length > 0} fallback={<p class="empty">No files are attached.</p>}>
            <ul class={styles.list}>
              <For each={found()}>
                {(file) => (
                  <li class={styles.item}>
                    <button
                      type="button"
                      class={styles.name}
                      onClick={() => void download(file.id, file.fileName)}
                    >
                      {file.fileName}
                      <span class="visually-hidden"> (download)</span>
                    </button>
                    <span class="cell-meta">
                      {fileSizeLabel(file.sizeBytes)}, added by {file.uploaderName} on{" "}
                      {format().date(String(file.createdAt).slice(0, 10))}
                    </span>
                    <Show when={can("performance:write")}>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => remove(file.id, file.fileName)}
                      >
                        Remove<span class="visually-hidden"> {file.fileName}</span>
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Query>
      <Show when={can("performance:write")}>
        <div class="field" classList={{ "field--error": Boolean(error()) }}>
          <label class="label" for={inputId}>
            Attach a file
          </label>
          <FieldMessages id={inputId} hint={`Up to ${fileSizeLabel(attachmentMaxBytes)}.`} error={error()} />
          <div class="button-row">
            <input
              ref={input}
              class="file-input"
              type="file"
              id={inputId}
              name="file"
              disabled={busy()}
              aria-describedby={describedBy(inputId, "hint", error())}
              aria-invalid={error() ? "true" : undefined}
              onChange={() => setError(undefined)}
            />
            <button
              type="button"
              class="button button--secondary"
              disabled={busy()}
              onClick={() => void upload()}
            >
              {busy() ? "Attaching…" : "Attach file"}
            </button>
          </div>
        </div>
      </Show>
      <Show when={!can("performance:write") && error()}>
        <p class="field-error" role="alert">
          {error()}
        </p>
      </Show>
      <ConfirmDialog confirmation={confirmation()} onClose={() => setConfirmation(null)} />
    </section>
  );
}

/**
 * The files of a record that sits in a table row (a measurement, a risk): a disclosure that loads them only when
 * opened, so a table of many records asks for none until a reader wants them.
 */
export function AttachmentsWhenOpened(props: {
  ownerType: AttachmentOwner;
  ownerId: string;
  contractId: string;
  title: string;
  /** Names the record for a screen reader ("of Missed collections, November 2026"). */
  recordName: string;
}) {
  const [open, setOpen] = createSignal(false);
  return (
    <details onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        {props.title}
        <span class="visually-hidden"> of {props.recordName}</span>
      </summary>
      <Show when={open()}>
        <Attachments
          ownerType={props.ownerType}
          ownerId={props.ownerId}
          contractId={props.contractId}
          title={props.title}
        />
      </Show>
    </details>
  );
}
