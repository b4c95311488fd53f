import { inTransaction, listMembers, listRecentMail } from "@steward/db";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import type { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { appRouter } from "../root.ts";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
// One fresh council per test: no test depends on rows another made.
beforeEach(async () => {
  council = await createTenantFixture(test);
});

const admin = () => callerFor(test, { userId: council.users.admin, tenantId: council.tenantId });

async function latestMailTo(address: string) {
  const mail = await inTransaction(test.database, { tenantId: null, userId: null }, (tx) =>
    listRecentMail(tx, { limit: 50 }),
  );
  const found = mail.find((message) => message.to === address);
  if (!found) throw new Error(`no mail to ${address}`);
  return found;
}

describe("members", () => {
  it("invites a new person who accepts, signs in and appears with the invited role", async () => {
    const { caller } = await admin();
    await caller.members.invite({ email: "New.Officer@Example.test", role: "contract_manager" });
    expect((await caller.members.invitations()).map((invitation) => invitation.email)).toContain(
      "new.officer@example.test",
    );

    const mail = await latestMailTo("new.officer@example.test");
    const link = new URL(/http\S+/.exec(mail.body)?.[0] ?? "");
    const tenantId = link.searchParams.get("council") ?? "";
    const token = link.searchParams.get("token") ?? "";
    expect(tenantId).toBe(council.tenantId);

    const visitor = await callerFor(test);
    expect(await visitor.caller.auth.describeInvitation({ tenantId, token })).toEqual({
      email: "new.officer@example.test",
      role: "contract_manager",
      hasAccount: false,
      councilName: `Council ${council.slug}`,
      councilSlug: council.slug,
    });
    await visitor.caller.auth.acceptInvitation({
      tenantId,
      token,
      name: "New Officer",
      password: "a long enough password",
    });
    expect(visitor.context.resHeaders.get("set-cookie")).toMatch(/steward_session=/);

    const members = await caller.members.list();
    expect(members.find((member) => member.email === "new.officer@example.test")?.role).toBe(
      "contract_manager",
    );
    await expect(
      visitor.caller.auth.acceptInvitation({
        tenantId,
        token,
        name: "Again",
        password: "a long enough password",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses an invitation link with the token of another council", async () => {
    const other = await createTenantFixture(test);
    const { caller } = await admin();
    await caller.members.invite({ email: "crossing@example.test", role: "viewer" });
    const link = new URL(/http\S+/.exec((await latestMailTo("crossing@example.test")).body)?.[0] ?? "");
    const visitor = await callerFor(test);
    await expect(
      visitor.caller.auth.describeInvitation({
        tenantId: other.tenantId,
        token: link.searchParams.get("token") ?? "",
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("lets only admins invite, with field errors for bad input", async () => {
    const viewer = await callerFor(test, { userId: council.users.viewer, tenantId: council.tenantId });
    await expect(
      viewer.caller.members.invite({ email: "x@example.test", role: "viewer" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const { caller } = await admin();
    const error = await caller.members
      .invite({ email: "not an email", role: "viewer" })
      .catch((caught) => caught);
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("changes a role, ends that member's sessions and records it in the audit log", async () => {
    const sro = await callerFor(test, { userId: council.users.sro, tenantId: council.tenantId });
    expect((await sro.caller.members.list()).length).toBeGreaterThan(0);
    const { caller } = await admin();
    await caller.members.changeRole({ userId: council.users.sro, role: "board" });
    await expect(sro.caller.members.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const events = await caller.audit.list({ limit: 10 });
    expect(events[0]).toMatchObject({
      action: "member.role_changed",
      entityId: council.users.sro,
      entityName: `sro of ${council.slug}`,
      before: { role: "sro" },
      after: { role: "board" },
      actorUserId: council.users.admin,
    });
  });

  it("deactivates a member, who can no longer work in the council", async () => {
    const finance = await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId });
    const { caller } = await admin();
    await caller.members.deactivate({ userId: council.users.finance });
    await expect(finance.caller.members.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    const again = await callerFor(test, { userId: council.users.finance, tenantId: council.tenantId });
    await expect(again.caller.members.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await caller.members.reactivate({ userId: council.users.finance });
    expect((await again.caller.members.list()).length).toBeGreaterThan(0);
  });

  it("keeps the last admin and refuses self-deactivation", async () => {
    const { caller } = await admin();
    await expect(caller.members.deactivate({ userId: council.users.admin })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      caller.members.changeRole({ userId: council.users.admin, role: "viewer" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("keeps the audit chain verifiable", async () => {
    const { caller } = await admin();
    await caller.members.invite({ email: "chained@example.test", role: "viewer" });
    await caller.members.changeRole({ userId: council.users.viewer, role: "finance" });
    expect(await caller.audit.verify()).toEqual({ ok: true, checked: 2, problems: [] });
  });
});

describe("invariants under concurrency", () => {
  /** A fresh council with two admins: the fixture's admin and its board member, promoted. */
  async function councilWithTwoAdmins() {
    const fresh = await createTenantFixture(test);
    const first = await callerFor(test, { userId: fresh.users.admin, tenantId: fresh.tenantId });
    await first.caller.members.changeRole({ userId: fresh.users.board, role: "admin" });
    const second = await callerFor(test, { userId: fresh.users.board, tenantId: fresh.tenantId });
    // Open pool connections first, so neither request waits for a new connection and both really overlap.
    await Promise.all(
      Array.from({ length: 4 }, () =>
        inTransaction(test.database, { tenantId: null, userId: null }, (tx) => tx.execute("select 1")),
      ),
    );
    const activeAdmins = async () =>
      (
        await inTransaction(test.database, { tenantId: fresh.tenantId, userId: null }, (tx) =>
          listMembers(tx, { tenantId: fresh.tenantId }),
        )
      ).filter((member) => member.role === "admin" && !member.deactivatedAt);
    return { fresh, first, second, activeAdmins };
  }
  /**
   * The later request is refused by the last-admin rule (BAD_REQUEST); or, when it reads its session only after
   * the earlier one committed, by the session the earlier change ended (UNAUTHORIZED). Either way it changes
   * nothing; what counts is that the council keeps its admin.
   */
  const refusedAdminChange = /^(BAD_REQUEST|UNAUTHORIZED)$/;
  const outcome = (call: Promise<unknown>) =>
    call.then(
      () => "done",
      (error: unknown) => (error as TRPCError).code,
    );

  it("keeps an admin when two admins demote each other at the same moment", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { fresh, first, second, activeAdmins } = await councilWithTwoAdmins();
      const outcomes = await Promise.all([
        outcome(first.caller.members.changeRole({ userId: fresh.users.board, role: "viewer" })),
        outcome(second.caller.members.changeRole({ userId: fresh.users.admin, role: "viewer" })),
      ]);
      expect(outcomes.filter((each) => each === "done")).toHaveLength(1);
      expect(outcomes.find((each) => each !== "done")).toMatch(refusedAdminChange);
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  it("keeps an admin when two admins deactivate each other at the same moment", async () => {
    for (let round = 0; round < 3; round += 1) {
      const { fresh, first, second, activeAdmins } = await councilWithTwoAdmins();
      const outcomes = await Promise.all([
        outcome(first.caller.members.deactivate({ userId: fresh.users.board })),
        outcome(second.caller.members.deactivate({ userId: fresh.users.admin })),
      ]);
      expect(outcomes.filter((each) => each === "done")).toHaveLength(1);
      expect(outcomes.find((each) => each !== "done")).toMatch(refusedAdminChange);
      expect(await activeAdmins()).toHaveLength(1);
    }
  });

  it("sends one of four invitations to one address sent at once; the others hear it is already invited", async () => {
    const fresh = await createTenantFixture(test);
    const callers = await Promise.all(
      Array.from({ length: 4 }, () =>
        callerFor(test, { userId: fresh.users.admin, tenantId: fresh.tenantId }),
      ),
    );
    const outcomes = await Promise.all(
      callers.map(({ caller }) =>
        caller.members.invite({ email: "new.colleague@example.test", role: "viewer" }).then(
          () => "sent",
          async (error: unknown) => refusal(Promise.reject(error)),
        ),
      ),
    );
    expect(outcomes.filter((each) => each === "sent")).toHaveLength(1);
    for (const refused of outcomes.filter((each) => each !== "sent")) {
      expect(refused).toEqual({
        code: "CONFLICT",
        fieldErrors: { email: "Already invited: revoke it first to send a new one." },
      });
    }
    const [admin] = callers;
    expect((await admin?.caller.members.invitations())?.map((each) => each.email)).toEqual([
      "new.colleague@example.test",
    ]);
  });
});

describe("errors", () => {
  it("hides the cause of an unexpected failure behind the request's reference", async () => {
    const { caller, context } = await callerFor(test, {
      userId: council.users.admin,
      tenantId: council.tenantId,
    });
    await test.owner`alter table invitations rename column email to email_address`;
    try {
      const error = await caller.members.invitations().catch((caught: unknown) => caught);
      const { getErrorShape } = await import("@trpc/server/unstable-core-do-not-import");
      const shape = getErrorShape({
        config: appRouter._def._config,
        error: error as TRPCError,
        type: "query",
        path: "members.invitations",
        input: undefined,
        ctx: context,
      });
      expect(shape.message).toBe(
        `Something went wrong on our side. Try again; if it keeps happening, quote reference ${context.requestId}.`,
      );
      expect(JSON.stringify(shape)).not.toMatch(/email|column/);
    } finally {
      await test.owner`alter table invitations rename column email_address to email`;
    }
  });
});
