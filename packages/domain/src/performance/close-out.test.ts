import { describe, expect, test } from "vitest";
import { attachmentMaxBytes, attachmentUploadInput, fileSizeLabel } from "./attachments.ts";
import { closeOutCompletionProblems, defaultExitChecklist, evaluateKpis } from "./close-out.ts";

describe("defaultExitChecklist (004 §6 Contract close)", () => {
  test("England adds the Contract Termination Notice (PA23 s.80); South Africa does not", () => {
    const england = defaultExitChecklist("GB-ENG").map((entry) => entry.item);
    const southAfrica = defaultExitChecklist("ZA").map((entry) => entry.item);
    expect(england).toContain("Contract Termination Notice published");
    expect(southAfrica).not.toContain("Contract Termination Notice published");
    expect(england.length).toBe(southAfrica.length + 1);
    expect(defaultExitChecklist("ZA").every((entry) => !entry.done && entry.note === null)).toBe(true);
  });
});

describe("closeOutCompletionProblems", () => {
  const done = { item: "Exit arrangements", done: true, note: null };
  test.each([
    {
      name: "every item done and the evaluation written",
      checklist: [done],
      evaluation: "Met",
      problems: [],
    },
    { name: "no checklist", checklist: [], evaluation: "Met", problems: ["checklist"] },
    {
      name: "an item not done",
      checklist: [done, { item: "Assets", done: false, note: "None held" }],
      evaluation: "Met",
      problems: ["checklist.1.done"],
    },
    { name: "no evaluation", checklist: [done], evaluation: null, problems: ["finalEvaluation"] },
  ])("$name", ({ checklist, evaluation, problems }) => {
    expect(Object.keys(closeOutCompletionProblems({ checklist, finalEvaluation: evaluation }))).toEqual(
      problems,
    );
  });
});

describe("evaluateKpis (001 §8: performance evaluation at closure)", () => {
  test("counts periods and ratings per KPI, the share Good, and which KPIs ended Good", () => {
    const summary = evaluateKpis([
      {
        kpiId: "a",
        name: "Missed bins per 100,000",
        ratings: { good: 18, approaching_target: 4, inadequate: 2 },
        latestRating: "good",
        latestPeriod: "2026-10-01",
      },
      {
        kpiId: "b",
        name: "Repairs on time",
        ratings: { requires_improvement: 3, good: 1 },
        latestRating: "requires_improvement",
        latestPeriod: "2026-10-01",
      },
      { kpiId: "c", name: "Resident satisfaction", ratings: {}, latestRating: null, latestPeriod: null },
    ]);
    expect(summary.kpis.map((kpi) => [kpi.name, kpi.periods, kpi.percentGood])).toEqual([
      ["Missed bins per 100,000", 24, 75],
      ["Repairs on time", 4, 25],
      ["Resident satisfaction", 0, null],
    ]);
    expect(summary).toMatchObject({ measured: 2, neverMeasured: 1, endedGood: 1, percentGood: 68 });
  });
  test("no KPIs: nothing measured, no share", () => {
    expect(evaluateKpis([])).toEqual({
      kpis: [],
      measured: 0,
      neverMeasured: 0,
      endedGood: 0,
      percentGood: null,
    });
  });
});

describe("attachments (issue 8 §10)", () => {
  const upload = {
    contractId: "0196f7a0-0000-7000-8000-000000000001",
    ownerType: "meeting",
    ownerId: "0196f7a0-0000-7000-8000-000000000002",
    fileName: "C:\\Users\\jo\\Minutes March.docx",
    contentType: "",
    contentBase64: "aGVsbG8=",
  };
  test("keeps the file's own name without its folder, and an unknown type as octet-stream", () => {
    expect(attachmentUploadInput.parse(upload)).toMatchObject({
      fileName: "Minutes March.docx",
      contentType: "application/octet-stream",
    });
  });
  test("a file past the cap is refused by its size, in words, before it is decoded", () => {
    const tooLarge = "A".repeat(Math.ceil(attachmentMaxBytes / 3) * 4 + 4);
    const result = attachmentUploadInput.safeParse({ ...upload, contentBase64: tooLarge });
    expect(result.error?.issues[0]?.message).toBe(
      "This file is 10.0 MB; a file can be at most 10.0 MB. Compress it or split it into parts.",
    );
    const atCap = "A".repeat(Math.ceil(attachmentMaxBytes / 3) * 4);
    expect(attachmentUploadInput.safeParse({ ...upload, contentBase64: atCap }).success).toBe(true);
  });
  test.each([
    { fileName: "../../etc/passwd", ok: true, stored: "passwd" },
    { fileName: "folder/", ok: false, stored: null },
    { fileName: "..", ok: false, stored: null },
  ])("file name $fileName", ({ fileName, ok, stored }) => {
    const result = attachmentUploadInput.safeParse({ ...upload, fileName });
    expect(result.success).toBe(ok);
    if (ok) expect(result.data?.fileName).toBe(stored);
  });
  test.each([
    { contentType: "application/pdf", ok: true },
    { contentType: "text/plain; charset=utf-8", ok: true },
    { contentType: "not a type", ok: false },
    { contentBase64: "not base64!", ok: false },
    { ownerType: "contract", ok: false },
  ])("refuses what it cannot store: %o", ({ ok, ...change }) => {
    expect(attachmentUploadInput.safeParse({ ...upload, ...change }).success).toBe(ok);
  });
  test.each([
    [0, "0 bytes"],
    [1, "1 byte"],
    [1023, "1023 bytes"],
    [2048, "2 KB"],
    [5 * 1024 * 1024 + 1024 * 300, "5.3 MB"],
  ])("fileSizeLabel(%i) = %s", (bytes, label) => {
    expect(fileSizeLabel(bytes)).toBe(label);
  });
});
