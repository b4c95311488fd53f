import { useNavigate, useParams } from "@solidjs/router";
import { Show } from "solid-js";
import { Query } from "../../components/async.tsx";
import { Field } from "../../components/field.tsx";
import { formText } from "../../components/forms.ts";
import { PageHeading } from "../../components/page-heading.tsx";
import { PublicLayout } from "../../components/public-layout.tsx";
import { platformFormat } from "../../format.ts";
import { publicQuery } from "../../query.ts";

/**
 * `/verify` and `/verify/:code`: anyone can check a training certificate (issue 10 §4). The answer is the
 * holder's name, the course and the dates, and nothing else.
 */
export function VerifyCertificate() {
  const params = useParams<{ code?: string }>();
  const navigate = useNavigate();
  const code = () => params.code ?? "";
  const verified = publicQuery((procedures) =>
    code() ? procedures.certificates.verify({ code: code() }) : null,
  );
  const check = (event: SubmitEvent) => {
    event.preventDefault();
    const typed = formText(event.currentTarget as HTMLFormElement, "code").trim();
    if (typed) navigate(`/verify/${encodeURIComponent(typed)}`);
  };
  return (
    <PublicLayout>
      <PageHeading title="Check a training certificate" />
      <Show when={code()}>
        <Query query={verified} loading="Checking the certificate…">
          {(found) => (
            <div class="notice notice--success" role="status">
              <p>
                {(found().expiresOn ?? "9999-12-31") <= new Date().toISOString().slice(0, 10)
                  ? "This certificate is genuine, and it has expired."
                  : "This certificate is genuine."}
              </p>
              <dl class="summary-list">
                <div class="summary-list__row">
                  <dt>Holder</dt>
                  <dd>{found().holderName}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Course</dt>
                  <dd>{found().courseTitle}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Issued</dt>
                  <dd>{platformFormat.date(found().completedOn)}</dd>
                </div>
                <div class="summary-list__row">
                  <dt>Expires</dt>
                  <dd>
                    {found().expiresOn ? platformFormat.date(found().expiresOn ?? "") : "Does not expire"}
                  </dd>
                </div>
              </dl>
            </div>
          )}
        </Query>
      </Show>
      <form onSubmit={check} novalidate>
        <Field
          id="verify-code"
          name="code"
          label="Verification code"
          hint="16 letters and digits, as printed on the certificate (for example 7KQ2-M9XD-4HTR-0B3C)."
          value={code()}
          autocomplete="off"
          spellcheck={false}
        />
        <button type="submit" class="button">
          Check
        </button>
      </form>
    </PublicLayout>
  );
}
