import {
  listActiveMembers,
  listLatestCompletions,
  listOpenEnrolmentFacts,
  listRequirements,
} from "@steward/db";
import {
  attemptLimitReached,
  type MatrixStatus,
  matrixStatus,
  matrixStatuses,
  type Role,
  roleSchema,
  searchInput,
} from "@steward/domain";
import { z } from "zod";
import { today } from "./contract-facts.ts";
import type { TenantContext } from "./init.ts";

export const matrixFilterInput = z.object({
  role: roleSchema.optional(),
  status: z.enum(matrixStatuses).optional(),
  search: searchInput,
});

export interface MatrixCell {
  status: MatrixStatus;
  completedOn: string | null;
  expiresOn: string | null;
  dueOn: string | null;
  /** The open enrolment's quiz attempts are used up: a council admin may reset them (`training.resetAttempts`). */
  attemptsUsedUp: boolean;
}

/**
 * The council's training matrix (issue 10 §7): every active member whose role has a requirement, against every
 * required course; a cell for each course their role requires. Counts by status are of the whole council, the
 * rows are filtered (a role, a status in any cell, a name or address).
 */
export async function trainingMatrix(
  ctx: Pick<TenantContext, "tx" | "tenantId" | "council">,
  filter: z.infer<typeof matrixFilterInput>,
) {
  const scope = { tenantId: ctx.tenantId };
  const [requirements, members, latest, open, council] = await Promise.all([
    listRequirements(ctx.tx, scope),
    listActiveMembers(ctx.tx, scope),
    listLatestCompletions(ctx.tx, scope),
    listOpenEnrolmentFacts(ctx.tx, scope),
    ctx.council(),
  ]);
  const on = today();
  const courses = [
    ...new Map(
      requirements.map((row) => [row.courseId, { courseId: row.courseId, title: row.courseTitle }]),
    ).values(),
  ];
  const requiredOf = (role: Role) =>
    requirements.filter((row) => row.role === role).map((row) => row.courseId);
  const counts = Object.fromEntries(matrixStatuses.map((status) => [status, 0])) as Record<
    MatrixStatus,
    number
  >;
  const rows = members
    .filter((member) => requiredOf(member.role).length > 0)
    .map((member) => {
      const cells: Record<string, MatrixCell> = {};
      for (const courseId of requiredOf(member.role)) {
        const completion = latest.find((row) => row.userId === member.userId && row.courseId === courseId);
        const enrolment = open.find((row) => row.userId === member.userId && row.courseId === courseId);
        const status = matrixStatus(
          {
            ...(completion && { latestCompletion: completion }),
            ...(enrolment && { openEnrolment: enrolment }),
          },
          on,
          council.settings.dueSoonDays,
        );
        counts[status] += 1;
        cells[courseId] = {
          status,
          completedOn: completion?.completedOn ?? null,
          expiresOn: completion?.expiresOn ?? null,
          dueOn: enrolment?.dueOn ?? null,
          attemptsUsedUp:
            enrolment !== undefined &&
            attemptLimitReached(enrolment.attemptLimit, enrolment.attemptsSinceReset),
        };
      }
      return { userId: member.userId, name: member.name, email: member.email, role: member.role, cells };
    });
  const search = filter.search?.toLowerCase();
  return {
    courses,
    counts,
    rows: rows.filter(
      (row) =>
        (!filter.role || row.role === filter.role) &&
        (!filter.status || Object.values(row.cells).some((cell) => cell.status === filter.status)) &&
        (!search || row.name.toLowerCase().includes(search) || row.email.toLowerCase().includes(search)),
    ),
  };
}
