import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { callerFor, refusal } from "../testing.ts";

let test: TestDatabase;
let council: TenantFixture;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());
beforeEach(async () => {
  council = await createTenantFixture(test);
});

const as = async (role: keyof TenantFixture["users"]) =>
  (await callerFor(test, { userId: council.users[role], tenantId: council.tenantId })).caller;

const finding = {
  area: "performance" as const,
  rating: "requires_improvement" as const,
  finding: "Missed collections rose for nine months.",
  recommendation: "Report by round.",
};
const review = {
  title: "Portfolio review",
  periodStart: "2026-04-01",
  periodEnd: "2026-09-30",
  summary: "Mostly sound.",
  findings: [finding],
};

describe("advisory notes (issue 9 §7)", () => {
  it("lets the advisor write a recommendation on a contract that the council sees and answers", async () => {
    const manager = await as("contract_manager");
    const { id: contractId } = await manager.contracts.create({
      reference: "WST-1",
      title: "Waste collection",
      category: "services",
      currency: "GBP",
      startDate: "2025-04-01",
      endDate: "2030-03-31",
      totalValueMinor: 100_000_000,
    });
    const advisor = await as("advisor");
    const { id: noteId } = await advisor.advisory.addNote({
      contractId,
      kind: "recommendation",
      title: "Report by round",
      body: "Ask for each round's figures.",
    });
    await advisor.advisory.addNote({ kind: "note", title: "On the council", body: "Good board papers." });

    const viewer = await as("viewer");
    expect((await viewer.advisory.notes({ contractId })).map((note) => [note.title, note.status])).toEqual([
      ["Report by round", "awaiting_answer"],
    ]);
    expect(await refusal(viewer.advisory.answer({ noteId, body: "No" }))).toMatchObject({
      code: "FORBIDDEN",
    });

    await manager.advisory.answer({ noteId, body: "We will ask from next month.", decision: "accepted" });
    await advisor.advisory.followUp({ noteId, body: "Thank you." });
    const [note] = await advisor.advisory.notes({ contractId });
    expect(note).toMatchObject({ status: "accepted", contractReference: "WST-1" });
    expect(note?.replies.map((reply) => [reply.fromCouncil, reply.body, reply.decision])).toEqual([
      [true, "We will ask from next month.", "accepted"],
      [false, "Thank you.", null],
    ]);
    expect((await viewer.advisory.notes({})).map((each) => each.title)).toEqual([
      "On the council",
      "Report by round",
    ]);

    const events = await (await as("admin")).audit.list({ limit: 20 });
    expect(events.map((event) => event.action)).toEqual(
      expect.arrayContaining(["advisory_note.added", "advisory_note.answered"]),
    );
  });

  it("refuses a decision on a plain note, a note from a member, and a contract of no one's", async () => {
    const advisor = await as("advisor");
    const { id: noteId } = await advisor.advisory.addNote({ kind: "note", title: "A note", body: "Body" });
    expect(
      await refusal((await as("sro")).advisory.answer({ noteId, body: "Yes", decision: "accepted" })),
    ).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { decision: "Only a recommendation asks for a decision." },
    });
    expect(
      await refusal((await as("admin")).advisory.addNote({ kind: "note", title: "Mine", body: "Body" })),
    ).toMatchObject({ code: "FORBIDDEN" });
    expect(
      await refusal(
        advisor.advisory.addNote({
          contractId: "01900000-0000-7000-8000-000000000000",
          kind: "note",
          title: "Ghost",
          body: "Body",
        }),
      ),
    ).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("performance reviews (issue 9 §7)", () => {
  it("is a draft only its author sees, is shared once it says something, and then does not change", async () => {
    const advisor = await as("advisor");
    const board = await as("board");
    const { id: reviewId } = await advisor.advisory.draftReview({ review });
    expect(await board.advisory.reviews()).toEqual([]);
    expect(await refusal(board.advisory.review({ reviewId }))).toMatchObject({ code: "NOT_FOUND" });

    expect(await refusal(advisor.advisory.shareReview({ reviewId, version: 1 }))).toMatchObject({
      code: "BAD_REQUEST",
      fieldErrors: { overallRating: expect.any(String) },
    });
    const updated = await advisor.advisory.updateReview({
      reviewId,
      version: 1,
      review: { ...review, overallRating: "approaching_target" },
    });
    expect(
      await refusal(
        advisor.advisory.updateReview({ reviewId, version: 1, review: { ...review, title: "Stale" } }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
    await advisor.advisory.shareReview({ reviewId, version: updated.version });

    expect(await board.advisory.reviews()).toMatchObject([
      { id: reviewId, status: "shared", findingCount: 1 },
    ]);
    expect(await board.advisory.review({ reviewId })).toMatchObject({
      title: "Portfolio review",
      overallRating: "approaching_target",
      findings: [{ ...finding, contractId: null }],
    });
    expect(
      await refusal(
        advisor.advisory.updateReview({
          reviewId,
          version: updated.version + 1,
          review: { ...review, title: "Later" },
        }),
      ),
    ).toMatchObject({ code: "CONFLICT" });
  });

  it("needs the run_reviews scope, and a member cannot draft one", async () => {
    expect(await refusal((await as("admin")).advisory.draftReview({ review }))).toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
