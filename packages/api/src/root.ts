import { createCallerFactory, router } from "./init.ts";
import { actionsRouter } from "./routers/actions.ts";
import { advisoryRouter } from "./routers/advisory.ts";
import { attachmentsRouter } from "./routers/attachments.ts";
import { auditRouter } from "./routers/audit.ts";
import { authRouter } from "./routers/auth.ts";
import { benchmarksRouter } from "./routers/benchmarks.ts";
import { billingRouter } from "./routers/billing.ts";
import { boardRouter } from "./routers/board.ts";
import { certificatesRouter } from "./routers/certificates.ts";
import { changesRouter } from "./routers/changes.ts";
import { closeOutRouter } from "./routers/close-out.ts";
import { contractsRouter } from "./routers/contracts.ts";
import { councilRouter } from "./routers/council.ts";
import { coursesRouter } from "./routers/courses.ts";
import { engagementsRouter } from "./routers/engagements.ts";
import { improvementPlansRouter } from "./routers/improvement-plans.ts";
import { invoicesRouter } from "./routers/invoices.ts";
import { kpiLibraryRouter } from "./routers/kpi-library.ts";
import { kpisRouter } from "./routers/kpis.ts";
import { lessonsRouter } from "./routers/lessons.ts";
import { mailboxRouter } from "./routers/mailbox.ts";
import { meetingsRouter } from "./routers/meetings.ts";
import { membersRouter } from "./routers/members.ts";
import { noticesRouter } from "./routers/notices.ts";
import { operatorRouter } from "./routers/operator.ts";
import { organisationsRouter } from "./routers/organisations.ts";
import { plansRouter } from "./routers/plans.ts";
import { platformCoursesRouter } from "./routers/platform-courses.ts";
import { portfolioRouter } from "./routers/portfolio.ts";
import { ragRouter } from "./routers/rag.ts";
import { registerRouter } from "./routers/register.ts";
import { risksRouter } from "./routers/risks.ts";
import { suppliersRouter } from "./routers/suppliers.ts";
import { trainingRouter } from "./routers/training.ts";
import { trainingOverviewRouter } from "./routers/training-overview.ts";

export const appRouter = router({
  actions: actionsRouter,
  advisory: advisoryRouter,
  attachments: attachmentsRouter,
  audit: auditRouter,
  auth: authRouter,
  benchmarks: benchmarksRouter,
  billing: billingRouter,
  board: boardRouter,
  certificates: certificatesRouter,
  changes: changesRouter,
  closeOut: closeOutRouter,
  contracts: contractsRouter,
  council: councilRouter,
  courses: coursesRouter,
  engagements: engagementsRouter,
  improvementPlans: improvementPlansRouter,
  invoices: invoicesRouter,
  kpiLibrary: kpiLibraryRouter,
  kpis: kpisRouter,
  lessons: lessonsRouter,
  mailbox: mailboxRouter,
  meetings: meetingsRouter,
  members: membersRouter,
  notices: noticesRouter,
  operator: operatorRouter,
  organisations: organisationsRouter,
  plans: plansRouter,
  platformCourses: platformCoursesRouter,
  portfolio: portfolioRouter,
  rag: ragRouter,
  register: registerRouter,
  risks: risksRouter,
  suppliers: suppliersRouter,
  training: trainingRouter,
  trainingOverview: trainingOverviewRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
