import { Route, Router, type RouteSectionProps, useLocation } from "@solidjs/router";
import { QueryClientProvider } from "@tanstack/solid-query";
import { type Component, createEffect, lazy, on } from "solid-js";
import { queryClient } from "./query.ts";
import { SessionProvider } from "./session.tsx";

/** Page chunks being fetched: the focus move below waits for them. */
const pagesLoading = new Set<Promise<unknown>>();

/**
 * Each page is its own chunk, loaded when first visited, so the first load carries only the shell
 * (Solid, the router, the session) and not every page with its dialogs and menus.
 */
function page<Name extends string, Module extends Record<Name, Component<RouteSectionProps>>>(
  load: () => Promise<Module>,
  name: Name,
) {
  return lazy(async () => {
    const loading = load();
    pagesLoading.add(loading);
    try {
      return { default: (await loading)[name] };
    } finally {
      pagesLoading.delete(loading);
    }
  });
}

const AdvisorPortfolio = page(() => import("./routes/advisor/portfolio.tsx"), "AdvisorPortfolio");
const Advice = page(() => import("./routes/council/advice.tsx"), "Advice");
const Advisors = page(() => import("./routes/council/advisors.tsx"), "Advisors");
const PerformanceReview = page(() => import("./routes/council/review.tsx"), "PerformanceReview");
const AcceptInvitation = page(() => import("./routes/accept-invitation.tsx"), "AcceptInvitation");
const Benchmarks = page(() => import("./routes/benchmarks/benchmarks.tsx"), "Benchmarks");
const SupplierBenchmark = page(
  () => import("./routes/benchmarks/supplier-benchmark.tsx"),
  "SupplierBenchmark",
);
const Compliance = page(() => import("./routes/contracts/compliance.tsx"), "Compliance");
const NewContract = page(() => import("./routes/contracts/contract-edit.tsx"), "NewContract");
const EditContract = page(() => import("./routes/contracts/contract-edit.tsx"), "EditContract");
const ContractPage = page(() => import("./routes/contracts/contract-page.tsx"), "ContractPage");
const ImportRegister = page(() => import("./routes/contracts/import/import-page.tsx"), "ImportRegister");
const Register = page(() => import("./routes/contracts/register.tsx"), "Register");
const AssuranceBoard = page(() => import("./routes/council/board.tsx"), "AssuranceBoard");
const Billing = page(() => import("./routes/council/billing.tsx"), "Billing");
const AuditLog = page(() => import("./routes/council/audit.tsx"), "AuditLog");
const LessonsLearned = page(() => import("./routes/council/lessons.tsx"), "LessonsLearned");
const Members = page(() => import("./routes/council/members.tsx"), "Members");
const Overview = page(() => import("./routes/council/overview.tsx"), "Overview");
const CouncilSettings = page(() => import("./routes/council/settings.tsx"), "CouncilSettings");
const CouncilShell = page(() => import("./routes/council/shell.tsx"), "CouncilShell");
const DevMailbox = page(() => import("./routes/dev-mailbox.tsx"), "DevMailbox");
const ForgotPassword = page(() => import("./routes/forgot-password.tsx"), "ForgotPassword");
const Home = page(() => import("./routes/home.tsx"), "Home");
const CouncilNotFound = page(() => import("./routes/not-found.tsx"), "CouncilNotFound");
const NotFound = page(() => import("./routes/not-found.tsx"), "NotFound");
const OperatorAuditLog = page(() => import("./routes/operator/audit-log.tsx"), "OperatorAuditLog");
const OperatorCouncils = page(() => import("./routes/operator/councils.tsx"), "OperatorCouncils");
const OperatorKpiLibrary = page(() => import("./routes/operator/kpi-library.tsx"), "OperatorKpiLibrary");
const NewCouncil = page(() => import("./routes/operator/new-council.tsx"), "NewCouncil");
const OperatorShell = page(() => import("./routes/operator/shell.tsx"), "OperatorShell");
const ResetPassword = page(() => import("./routes/reset-password.tsx"), "ResetPassword");
const SignIn = page(() => import("./routes/sign-in.tsx"), "SignIn");
const NewSupplier = page(() => import("./routes/suppliers/supplier-edit.tsx"), "NewSupplier");
const EditSupplier = page(() => import("./routes/suppliers/supplier-edit.tsx"), "EditSupplier");
const SupplierPage = page(() => import("./routes/suppliers/supplier-page.tsx"), "SupplierPage");
const Suppliers = page(() => import("./routes/suppliers/suppliers.tsx"), "Suppliers");
const CouncilCourse = page(() => import("./routes/training/authoring.tsx"), "CouncilCourse");
const CouncilCourses = page(() => import("./routes/training/authoring.tsx"), "CouncilCourses");
const OperatorCourse = page(() => import("./routes/operator/courses.tsx"), "OperatorCourse");
const OperatorCourses = page(() => import("./routes/operator/courses.tsx"), "OperatorCourses");
const CertificatePage = page(() => import("./routes/training/certificate.tsx"), "CertificatePage");
const CoursePage = page(() => import("./routes/training/course.tsx"), "CoursePage");
const LessonPage = page(() => import("./routes/training/lesson.tsx"), "LessonPage");
const QuizPage = page(() => import("./routes/training/quiz.tsx"), "QuizPage");
const TrainingHome = page(() => import("./routes/training/training-home.tsx"), "TrainingHome");
const TrainingMatrix = page(() => import("./routes/training/matrix.tsx"), "TrainingMatrix");
const VerifyCertificate = page(() => import("./routes/training/verify.tsx"), "VerifyCertificate");

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * After an in-app navigation, focus goes to the new page's h1, as it would after a full page load, so a
 * screen reader announces the page and keyboard users start from its top (WCAG 2.4.3). A page seen for the
 * first time renders once its chunk (and, inside a council, the shell's) has arrived.
 */
async function focusPageHeading() {
  await nextFrame();
  while (pagesLoading.size > 0) {
    await Promise.allSettled([...pagesLoading]);
    await nextFrame();
  }
  const heading = document.querySelector<HTMLElement>("main h1");
  if (heading && !heading.contains(document.activeElement)) heading.focus();
}

function skipToMain(event: MouseEvent) {
  event.preventDefault();
  const main = document.getElementById("main");
  main?.focus();
  main?.scrollIntoView();
}

function Root(props: RouteSectionProps) {
  const location = useLocation();
  createEffect(
    on(
      () => location.pathname,
      () => void focusPageHeading(),
      { defer: true },
    ),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <a href="#main" class="skip-link" on:click={skipToMain}>
          Skip to main content
        </a>
        {props.children}
      </SessionProvider>
    </QueryClientProvider>
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
      <Route path="/verify/:code?" component={VerifyCertificate} />
      <Route path="/" component={Home} />
      <Route path="/advisor" component={AdvisorPortfolio} />
      <Route path="/operator" component={OperatorShell}>
        <Route path="/" component={OperatorCouncils} />
        <Route path="/kpi-library" component={OperatorKpiLibrary} />
        <Route path="/courses" component={OperatorCourses} />
        <Route path="/courses/:courseId" component={OperatorCourse} />
        <Route path="/councils/new" component={NewCouncil} />
        <Route path="/audit" component={OperatorAuditLog} />
      </Route>
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
        <Route path="/benchmarks" component={Benchmarks} />
        <Route path="/benchmarks/suppliers/:supplierId" component={SupplierBenchmark} />
        <Route path="/compliance" component={Compliance} />
        <Route path="/training" component={TrainingHome} />
        <Route path="/training/matrix" component={TrainingMatrix} />
        <Route path="/training/authoring" component={CouncilCourses} />
        <Route path="/training/authoring/:courseId" component={CouncilCourse} />
        <Route path="/training/courses/:courseId" component={CoursePage} />
        <Route path="/training/enrolments/:enrolmentId/lessons/:lessonId" component={LessonPage} />
        <Route path="/training/attempts/:attemptId" component={QuizPage} />
        <Route path="/training/certificates/:completionId" component={CertificatePage} />
        <Route path="/board" component={AssuranceBoard} />
        <Route path="/lessons" component={LessonsLearned} />
        <Route path="/members" component={Members} />
        <Route path="/advisors" component={Advisors} />
        <Route path="/advice" component={Advice} />
        <Route path="/reviews/:reviewId" component={PerformanceReview} />
        <Route path="/audit" component={AuditLog} />
        <Route path="/settings" component={CouncilSettings} />
        <Route path="/billing" component={Billing} />
        <Route path="*" component={CouncilNotFound} />
      </Route>
      <Route path="*" component={NotFound} />
    </Router>
  );
}
