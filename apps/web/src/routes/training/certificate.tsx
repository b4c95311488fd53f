import { A, useParams } from "@solidjs/router";
import { Query } from "../../components/async.tsx";
import { PageHeading } from "../../components/page-heading.tsx";
import { useCouncil } from "../../council.tsx";
import { councilQuery } from "../../council-query.ts";
import styles from "./training.module.css";

/**
 * `/t/:slug/training/certificates/:completionId`: the holder's certificate (issue 10 §4), printable on one A4
 * page (the print stylesheet hides everything else), with the code and the page that verifies it.
 */
export function CertificatePage() {
  const params = useParams<{ completionId: string }>();
  const { council, format } = useCouncil();
  const certificate = councilQuery((procedures) =>
    procedures.certificates.get({ completionId: params.completionId }),
  );
  const verifyUrl = (code: string) => `${window.location.origin}/verify/${code}`;
  return (
    <Query query={certificate} loading="Loading the certificate…">
      {(found) => (
        <>
          <div class={styles.noPrint}>
            <PageHeading title="Certificate" caption={found().courseTitle} />
            <p class="button-row">
              <button type="button" class="button" onClick={() => window.print()}>
                Print the certificate
              </button>
              <A class="button button--secondary" href={`/t/${council().slug}/training`}>
                Back to your training
              </A>
            </p>
          </div>
          <section class={styles.certificate} aria-label="The certificate">
            <p>{found().councilName} certifies that</p>
            <p class={styles.holder}>{found().holderName}</p>
            <p>has completed</p>
            <h2>{found().courseTitle}</h2>
            <p>
              Completed on {format().date(found().completedOn)}
              {found().expiresOn ? `; expires on ${format().date(found().expiresOn ?? "")}` : ""} (course
              version {found().versionNumber}).
            </p>
            <p>
              Verification code <span class={styles.code}>{found().verificationCode}</span>
            </p>
            <p class="cell-meta">Check it at {verifyUrl(found().verificationCode)}</p>
          </section>
        </>
      )}
    </Query>
  );
}
