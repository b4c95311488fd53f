import { A } from "@solidjs/router";
import { PageHeading } from "../components/page-heading.tsx";
import { PublicLayout } from "../components/public-layout.tsx";

export function NotFound() {
  return (
    <PublicLayout>
      <PageHeading title="Page not found" />
      <p>If you typed the web address, check it is correct. If you followed a link, it may be out of date.</p>
      <p>
        <A href="/">Go to Steward's start page</A>
      </p>
    </PublicLayout>
  );
}

/** A page inside a council that does not exist: keeps the council's header and navigation. */
export function CouncilNotFound() {
  return (
    <>
      <PageHeading title="Page not found" />
      <p>There is no such page in this council. Use the navigation above to find what you need.</p>
    </>
  );
}
