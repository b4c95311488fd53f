import { For, Show } from "solid-js";
import { Query } from "../components/async.tsx";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";
import { platformFormat } from "../format.ts";
import { publicQuery } from "../query.ts";

const linkPattern = /(https?:\/\/[^\s]+)/g;

/** The message body as text, its web addresses as links. */
function MailBody(props: { body: string }) {
  const parts = () => props.body.split(linkPattern);
  return (
    <div class="mail__body">
      <For each={parts()}>{(part, index) => (index() % 2 === 1 ? <a href={part}>{part}</a> : part)}</For>
    </div>
  );
}

/**
 * Development only: mail the server would have sent, newest first. The server refuses when SMTP is set, and
 * serves it only to this machine or the platform operator (unless DEV_MAILBOX=open).
 */
export function DevMailbox() {
  const mail = publicQuery((procedures) => procedures.mailbox.list());
  return (
    <PublicLayout wide>
      <PageHeading title="Development mailbox" />
      <p>
        Mail is not sent in this installation. Invitations and password resets appear here instead, newest
        first. Their links are live, so only this machine and the signed-in platform operator can read them.
      </p>
      <p>
        <button type="button" class="button button--secondary" onClick={() => void mail.refetch()}>
          Check for new mail
        </button>
      </p>
      <Query query={mail} loading="Loading the mailbox…">
        {(messages) => (
          <Show when={messages().length > 0} fallback={<p class="empty">The mailbox is empty.</p>}>
            <ol class="mail-list">
              <For each={messages()}>
                {(message) => (
                  <li class="mail">
                    <article aria-labelledby={`mail-${message.id}`}>
                      <h2 class="mail__subject" id={`mail-${message.id}`}>
                        {message.subject}
                      </h2>
                      <p class="mail__meta">
                        To <strong class="mail__to">{message.to}</strong>,{" "}
                        <time datetime={message.createdAt}>{platformFormat.dateTime(message.createdAt)}</time>
                      </p>
                      <MailBody body={message.body} />
                    </article>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        )}
      </Query>
    </PublicLayout>
  );
}
