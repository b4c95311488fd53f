import { describe, expect, test } from "vitest";
import { tenantSettings } from "../tenant-settings.ts";
import {
  type ComplianceFacts,
  type ContractFacts,
  complianceOverview,
  contractsCompliance,
} from "./compliance.ts";

const today = "2025-06-15";
const settings = tenantSettings({});
const manager = "0196f7a0-0000-7000-8000-000000000001";

const contract = (id: string, facts: Partial<ContractFacts> = {}): ContractFacts => ({
  id,
  reference: `REF-${id}`,
  title: `Contract ${id}`,
  tier: "high",
  contractManagerId: manager,
  sroId: manager,
  startDate: "2024-01-01",
  endDate: "2028-12-31",
  status: "active",
  lifecycleStage: "delivery",
  publicContract: true,
  totalValueMinor: null,
  lightTouch: false,
  kpiExemptionReason: null,
  deviationGround: null,
  deviationReportedOn: null,
  ...facts,
});

function overviewOf(facts: ComplianceFacts, jurisdiction: "GB-ENG" | "ZA" = "GB-ENG") {
  const compliance = contractsCompliance(facts, { jurisdiction, settings }, today);
  return { compliance, overview: complianceOverview(facts.contracts, compliance) };
}

describe("contractsCompliance", () => {
  test("a High-tier contract with nothing recorded is scored over what is tracked, not 100% of nothing", () => {
    // 004 §5: the £12.95m contract with no meeting, plan, RAG or KPI recorded.
    const { compliance } = overviewOf({ contracts: [contract("a")], changes: [], invoices: [] });
    expect(compliance.get("a")?.summary).toEqual({ score: 100, tracked: 3, owed: 12, overdue: 0 });
  });

  test.each([
    { name: "an invoice unpaid a day past its deadline", paidOn: null, receivedOn: "2025-05-16", score: 75 },
    { name: "an invoice unpaid on its deadline", paidOn: null, receivedOn: "2025-05-17", score: 100 },
    { name: "an invoice paid a day late", paidOn: "2025-05-31", receivedOn: "2025-05-01", score: 75 },
    { name: "an invoice paid on its last day", paidOn: "2025-05-30", receivedOn: "2025-05-01", score: 100 },
  ])("$name counts against the score ($score)", ({ receivedOn, paidOn, score }) => {
    const { compliance } = overviewOf({
      contracts: [contract("a")],
      changes: [],
      invoices: [{ contractId: "a", receivedOn, paidOn }],
    });
    expect(compliance.get("a")?.summary).toMatchObject({ score, tracked: 4 });
  });

  test("KPI facts feed PA23 s.52 and the KPI tracker; a contract without KPIs counts as none set", () => {
    const big = { totalValueMinor: 1_295_000_000 };
    const { compliance } = overviewOf({
      contracts: [contract("a", big), contract("b", big)],
      changes: [],
      invoices: [],
      kpis: [{ contractId: "a", count: 3, measuredPeriods: ["2025-05-01"] }],
    });
    const status = (id: string, key: string) =>
      compliance.get(id)?.obligations.find((o) => o.key === key)?.status;
    expect([status("a", "kpis_set"), status("a", "kpi_tracker")]).toEqual(["met", "met"]);
    expect([status("b", "kpis_set"), status("b", "kpi_tracker")]).toEqual(["overdue", "overdue"]);
  });

  test("a disputed invoice does not count against the score", () => {
    const { compliance } = overviewOf({
      contracts: [contract("a")],
      changes: [],
      invoices: [{ contractId: "a", receivedOn: "2025-01-01", paidOn: null, disputedOn: "2025-01-05" }],
    });
    expect(compliance.get("a")?.summary.score).toBe(100);
  });

  test("changes are matched to their contract and judged against the scheme of delegation", () => {
    const { compliance } = overviewOf({
      contracts: [contract("a"), contract("b")],
      changes: [
        { contractId: "a", status: "approved", valueDeltaMinor: 2_500_001, decidedByRole: "sro" },
        { contractId: "b", status: "approved", valueDeltaMinor: 2_500_000, decidedByRole: "sro" },
        { contractId: "b", status: "approved", valueDeltaMinor: 1, decidedByRole: "not-a-role" },
      ],
      invoices: [],
    });
    const status = (id: string) =>
      compliance.get(id)?.obligations.find((o) => o.key === "variations_recorded")?.status;
    expect(status("a")).toBe("overdue");
    expect(status("b")).toBe("overdue");
  });

  test("a ZA deviation awaiting report is due; once reported it is met", () => {
    const { compliance } = overviewOf(
      {
        contracts: [
          contract("a", { deviationGround: "emergency" }),
          contract("b", { deviationGround: "emergency", deviationReportedOn: "2025-05-28" }),
        ],
        changes: [],
        invoices: [],
      },
      "ZA",
    );
    const status = (id: string) =>
      compliance.get(id)?.obligations.find((o) => o.key === "za_deviation_reported")?.status;
    expect([status("a"), status("b")]).toEqual(["due_soon", "met"]);
  });
});

describe("complianceOverview", () => {
  test("no contracts", () => {
    expect(overviewOf({ contracts: [], changes: [], invoices: [] }).overview).toEqual({
      contractCount: 0,
      byTier: { high: 0, medium: 0, low: 0 },
      averageScore: null,
      tracked: 0,
      owed: 0,
      nothingOverdue: 0,
      overdueByDuty: [],
      needingAttention: [],
    });
  });

  test("counts tiers, averages scores, ranks overdue duties and the contracts needing attention", () => {
    const { overview } = overviewOf({
      contracts: [
        contract("a"),
        contract("b", { tier: "medium", sroId: null }),
        contract("c", { tier: "low", sroId: null, contractManagerId: null }),
      ],
      changes: [],
      invoices: [{ contractId: "c", receivedOn: "2025-01-01", paidOn: null }],
    });
    expect(overview).toMatchObject({
      contractCount: 3,
      byTier: { high: 1, medium: 1, low: 1 },
      nothingOverdue: 1,
      overdueByDuty: [
        { key: "sro_named", title: "Senior Responsible Officer named", count: 2 },
        { key: "contract_manager_named", title: "Contract manager named", count: 1 },
        { key: "invoices_paid_on_time", title: "Invoices paid on time", count: 1 },
      ],
    });
    // a: 3 of 3 tracked met (100); b: 2 of 3 (66); c: 1 of 4 (25).
    expect(overview.needingAttention.map((c) => [c.id, c.score, c.overdue])).toEqual([
      ["c", 25, 3],
      ["b", 66, 1],
    ]);
    expect(overview.averageScore).toBe(64);
    expect(overview.tracked).toBe(10);
  });

  test("the attention list holds at most 25 contracts", () => {
    const contracts = Array.from({ length: 30 }, (_, i) => contract(String(i), { sroId: null }));
    expect(overviewOf({ contracts, changes: [], invoices: [] }).overview.needingAttention).toHaveLength(25);
  });
});
