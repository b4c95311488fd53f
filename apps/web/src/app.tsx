import { Route, Router, type RouteSectionProps, useLocation } from "@solidjs/router";
import { createEffect, on } from "solid-js";
import { AcceptInvitation } from "./routes/accept-invitation.tsx";
import { Compliance } from "./routes/contracts/compliance.tsx";
import { EditContract, NewContract } from "./routes/contracts/contract-edit.tsx";
import { ContractPage } from "./routes/contracts/contract-page.tsx";
import { ImportRegister } from "./routes/contracts/import/import-page.tsx";
import { Register } from "./routes/contracts/register.tsx";
import { AuditLog } from "./routes/council/audit.tsx";
import { Members } from "./routes/council/members.tsx";
import { Overview } from "./routes/council/overview.tsx";
import { CouncilSettings } from "./routes/council/settings.tsx";
import { CouncilShell } from "./routes/council/shell.tsx";
import { DevMailbox } from "./routes/dev-mailbox.tsx";
import { ForgotPassword } from "./routes/forgot-password.tsx";
import { Home } from "./routes/home.tsx";
import { CouncilNotFound, NotFound } from "./routes/not-found.tsx";
import { ResetPassword } from "./routes/reset-password.tsx";
import { SignIn } from "./routes/sign-in.tsx";
import { EditSupplier, NewSupplier } from "./routes/suppliers/supplier-edit.tsx";
import { SupplierPage } from "./routes/suppliers/supplier-page.tsx";
import { Suppliers } from "./routes/suppliers/suppliers.tsx";
import { SessionProvider } from "./session.tsx";

/**
 * After an in-app navigation, focus goes to the new page's h1, as it would after a full page load, so a
 * screen reader announces the page and keyboard users start from its top (WCAG 2.4.3).
 */
function focusPageHeading() {
  requestAnimationFrame(() => {
    const heading = document.querySelector<HTMLElement>("main h1");
    if (heading && !heading.contains(document.activeElement)) heading.focus();
  });
}

function skipToMain(event: MouseEvent) {
  event.preventDefault();
  const main = document.getElementById("main");
  main?.focus();
  main?.scrollIntoView();
}

function Root(props: RouteSectionProps) {
  const location = useLocation();
  createEffect(on(() => location.pathname, focusPageHeading, { defer: true }));
  return (
    <SessionProvider>
      <a href="#main" class="skip-link" on:click={skipToMain}>
        Skip to main content
      </a>
      {props.children}
    </SessionProvider>
  );
}

export function App() {
  return (
    <Router root={Root}>
      <Route path="/sign-in" component={SignIn} />
      <Route path="/forgot-password" component={ForgotPassword} />
      <Route path="/reset-password" component={ResetPassword} />
      <Route path="/accept-invitation" component={AcceptInvitation} />
      <Route path="/dev/mailbox" component={DevMailbox} />
      <Route path="/" component={Home} />
      <Route path="/t/:slug" component={CouncilShell}>
        <Route path="/" component={Overview} />
        <Route path="/contracts" component={Register} />
        <Route path="/contracts/new" component={NewContract} />
        <Route path="/contracts/import" component={ImportRegister} />
        <Route path="/contracts/:contractId" component={ContractPage} />
        <Route path="/contracts/:contractId/edit" component={EditContract} />
        <Route path="/suppliers" component={Suppliers} />
        <Route path="/suppliers/new" component={NewSupplier} />
        <Route path="/suppliers/:supplierId" component={SupplierPage} />
        <Route path="/suppliers/:supplierId/edit" component={EditSupplier} />
        <Route path="/compliance" component={Compliance} />
        <Route path="/members" component={Members} />
        <Route path="/audit" component={AuditLog} />
        <Route path="/settings" component={CouncilSettings} />
        <Route path="*" component={CouncilNotFound} />
      </Route>
      <Route path="*" component={NotFound} />
    </Router>
  );
}
