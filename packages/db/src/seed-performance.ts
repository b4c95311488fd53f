import {
  addDays,
  addMonths,
  firstOfMonth,
  type KpiDirection,
  type KpiFrequency,
  type KpiUnit,
  measuredValue,
  newId,
  type RagStatus,
  type RiskCategory,
  rateValue,
} from "@steward/domain";
import type { Tx } from "./database.ts";
import { insertBatches } from "./queries/bulk.ts";
import {
  actions,
  improvementPlans,
  kpiMeasurementParts,
  kpiMeasurements,
  kpis,
  lessons,
  managementPlanReviews,
  managementPlans,
  meetings,
  monitoringReports,
  ragEntries,
  risks,
} from "./schema/index.ts";

/**
 * The demo's performance story (issue 8, "demo data a newcomer can look at"), told over the 24 months before
 * the seed runs. Its shape follows seed 002's Vendor E: the waste contractor's totals drift, and the
 * disaggregation shows that one region — the East rounds — is failing while the others hold. In the first
 * council the East slips from nine months ago: the missed-collections KPI goes Approaching, then Requires
 * improvement, then Inadequate; the manager's RAG goes Amber, then Red; an improvement plan is opened from the
 * first Red month, with one supplier action overdue. The other councils' contracts stay near target, so the
 * board shows a contrast. Values are deterministic (a seeded generator), so a fresh start always tells it.
 */

type DemoKpi = {
  name: string;
  definition: string;
  unit: KpiUnit;
  unitLabel?: string;
  direction: KpiDirection;
  baseline: number;
  target: number;
  tolerance: number;
  inadequateAt: number | null;
  frequency?: KpiFrequency;
  dataSource?: "supplier" | "council" | "residents";
  published?: boolean;
  socialValue?: boolean;
  numeratorLabel?: string;
  denominatorLabel?: string;
  /** Parts (label → share of the denominator) when the KPI is reported by area. */
  breakdown?: { label: string; parts: Record<string, number> };
  /** The typical value, and how far months wander from it. */
  typical: number;
  spread: number;
  /** A rate's denominator a month (collections due, calls offered, …). */
  volume?: number;
  /** How much worse the value is over the last five months where the contract slips (complaints follow misses). */
  slipBump?: number;
  /** The KPI library template it measures (issue 9 §2), by its short name. */
  template?: string;
};

const regions = { North: 0.27, South: 0.25, East: 0.22, West: 0.26 };

// Service measures from fixtures/kpi-library.md (the KPI library's public sources).
const demoKpis: Record<string, DemoKpi[]> = {
  "WST-2023-01": [
    {
      name: "Missed collections per 100,000",
      template: "missed-collections-rate",
      definition:
        "Scheduled collections not made on the day, without just reason (no access, wrong waste and bins not presented excluded), per 100,000 collections due.",
      numeratorLabel: "Missed collections",
      denominatorLabel: "Collections due",
      unit: "per_100000",
      direction: "lower_is_better",
      baseline: 45,
      target: 40,
      tolerance: 10,
      inadequateAt: 80,
      published: true,
      breakdown: { label: "Round area", parts: regions },
      typical: 34,
      spread: 6,
      volume: 210_000,
    },
    {
      name: "Missed collections put right within one working day",
      definition:
        "Reported missed collections collected by the end of the next working day, as a share of those reported.",
      numeratorLabel: "Put right in time",
      denominatorLabel: "Missed collections reported",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 92,
      target: 95,
      tolerance: 3,
      inadequateAt: 85,
      published: true,
      typical: 96.5,
      spread: 1.5,
      volume: 80,
    },
    {
      name: "Household waste reused, recycled or composted",
      template: "household-waste-reused-recycled-composted-ex-ni-192",
      definition:
        "Tonnes of household waste sent for reuse, recycling or composting ÷ all household waste (ex-NI 192).",
      numeratorLabel: "Tonnes reused, recycled or composted",
      denominatorLabel: "Tonnes of household waste",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 41,
      target: 45,
      tolerance: 3,
      inadequateAt: 38,
      published: true,
      dataSource: "council",
      typical: 44.2,
      spread: 1.4,
      volume: 1_900,
    },
    {
      name: "Complaints about collections",
      definition: "Stage 1 complaints about the collection service received in the month.",
      unit: "count",
      direction: "lower_is_better",
      baseline: 45,
      target: 40,
      tolerance: 8,
      inadequateAt: 70,
      dataSource: "residents",
      typical: 33,
      spread: 7,
      slipBump: 12,
    },
    {
      name: "Local apprentices employed on the contract",
      definition: "Apprentices living in the borough employed on the contract at the end of the quarter.",
      unit: "count",
      direction: "higher_is_better",
      baseline: 2,
      target: 4,
      tolerance: 1,
      inadequateAt: 1,
      frequency: "quarterly",
      socialValue: true,
      typical: 4,
      spread: 0.6,
    },
  ],
  "GRD-2024-03": [
    {
      name: "Grass cutting completed to schedule",
      definition: "Scheduled cuts completed within the week planned ÷ cuts scheduled.",
      numeratorLabel: "Cuts completed in the week",
      denominatorLabel: "Cuts scheduled",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 90,
      target: 95,
      tolerance: 3,
      inadequateAt: 85,
      typical: 95.5,
      spread: 2,
      volume: 640,
    },
    {
      name: "Land audit score",
      template: "lams-quality-score",
      definition: "Average grade of the council's monthly land audit of parks and verges (0 to 100).",
      unit: "score",
      direction: "higher_is_better",
      baseline: 70,
      target: 75,
      tolerance: 5,
      inadequateAt: 60,
      dataSource: "council",
      typical: 77,
      spread: 3,
    },
  ],
  "MLS-2025-02": [
    {
      name: "Meals delivered within the agreed window",
      definition: "Meals delivered within 30 minutes either side of the agreed time ÷ meals delivered.",
      numeratorLabel: "Meals on time",
      denominatorLabel: "Meals delivered",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 93,
      target: 97,
      tolerance: 2,
      inadequateAt: 90,
      typical: 97.2,
      spread: 1,
      volume: 5_400,
    },
    {
      name: "Residents satisfied with their meals",
      definition:
        "Residents answering satisfied or very satisfied in the monthly telephone survey ÷ residents surveyed.",
      numeratorLabel: "Satisfied",
      denominatorLabel: "Surveyed",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 85,
      target: 90,
      tolerance: 4,
      inadequateAt: 80,
      dataSource: "residents",
      typical: 91,
      spread: 2.5,
      volume: 60,
    },
  ],
  "ICT-2022-07": [
    {
      name: "Calls answered within 60 seconds",
      template: "service-level-80-20",
      definition: "Service desk calls answered within 60 seconds ÷ calls offered.",
      numeratorLabel: "Answered in 60 s",
      denominatorLabel: "Calls offered",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 75,
      target: 80,
      tolerance: 5,
      inadequateAt: 65,
      typical: 81,
      spread: 3,
      volume: 2_100,
    },
    {
      name: "Priority 1 incidents resolved within 4 hours",
      definition: "Priority 1 incidents resolved within four hours of logging ÷ priority 1 incidents.",
      numeratorLabel: "Resolved in 4 hours",
      denominatorLabel: "Priority 1 incidents",
      unit: "percent",
      direction: "higher_is_better",
      baseline: 85,
      target: 90,
      tolerance: 5,
      inadequateAt: 75,
      typical: 92,
      spread: 4,
      volume: 12,
    },
  ],
};

/** A small deterministic generator (mulberry32), so the demo tells the same story on every fresh start. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** A moment of the story, but never in the future: last month's return and RAG may have come in today. */
const notAfterNow = (isoTime: string) => new Date(Math.min(Date.parse(isoTime), Date.now()));

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

type SeededContract = { id: string; reference: string; startDate: string | null; endDate: string | null };

export type PerformanceSeedCouncil = {
  tenantId: string;
  locale: string;
  currency: string;
  /** Whether this council's waste contract slips in the East (the first council's story). */
  slipping: boolean;
  seed: number;
};

/** Writes the demo's KPIs and 24 months of measurements, RAG, meetings, actions, risks, plans and lessons. */
export async function seedPerformance(
  tx: Tx,
  council: PerformanceSeedCouncil,
  contracts: readonly SeededContract[],
  people: { manager: string; sro: string | null },
  today: string,
  templateIds: ReadonlyMap<string, string> = new Map(),
) {
  const { tenantId } = council;
  const random = generator(council.seed);
  const thisMonth = firstOfMonth(today);
  const monthAgo = (months: number) => addMonths(thisMonth, -months);
  const dayOf = (month: string, day: number) => `${month.slice(0, 8)}${String(day).padStart(2, "0")}`;
  const formatting = { locale: council.locale, currency: council.currency };
  const ratingsByContract = new Map<string, Map<string, string[]>>();
  const measurementRows: (typeof kpiMeasurements.$inferInsert)[] = [];
  const partRows: (typeof kpiMeasurementParts.$inferInsert)[] = [];

  for (const contract of contracts) {
    const definitions = demoKpis[contract.reference];
    if (!definitions) continue;
    const slipping = council.slipping && contract.reference === "WST-2023-01";
    const monthRatings = new Map<string, string[]>();
    ratingsByContract.set(contract.id, monthRatings);
    for (const [position, definition] of definitions.entries()) {
      const frequency = definition.frequency ?? "monthly";
      const [kpi] = await tx
        .insert(kpis)
        .values({
          tenantId,
          contractId: contract.id,
          name: definition.name,
          definition: definition.definition,
          numeratorLabel: definition.numeratorLabel ?? null,
          denominatorLabel: definition.denominatorLabel ?? null,
          unit: definition.unit,
          unitLabel: definition.unitLabel ?? null,
          direction: definition.direction,
          baseline: definition.baseline,
          target: definition.target,
          tolerance: definition.tolerance,
          inadequateAt: definition.inadequateAt,
          frequency,
          dataSource: definition.dataSource ?? "supplier",
          published: definition.published ?? false,
          socialValue: definition.socialValue ?? false,
          breakdownLabel: definition.breakdown?.label ?? null,
          templateId: definition.template ? (templateIds.get(definition.template) ?? null) : null,
          position,
        })
        .returning({ id: kpis.id });
      if (!kpi) throw new Error("The demo KPI was not written.");
      const step = frequency === "quarterly" ? 3 : 1;
      for (let ago = 24; ago >= 1; ago -= 1) {
        const month = monthAgo(ago);
        if (contract.startDate && month < firstOfMonth(contract.startDate)) continue;
        if (contract.endDate && month > contract.endDate) continue;
        if ((24 - ago) % step !== 0) continue;
        // The East slips from nine months ago, a little more each month (002's Vendor E).
        const eastDrift = slipping && ago <= 9 ? (10 - ago) * 28 : 0;
        const wander = (random() * 2 - 1) * definition.spread;
        const parts: { label: string; numerator: number; denominator: number }[] = [];
        let value: number | null = null;
        let numerator: number | null = null;
        let denominator: number | null = null;
        if (definition.volume !== undefined) {
          denominator = Math.round(definition.volume * (0.95 + random() * 0.1));
          const multiplier = definition.unit === "per_100000" ? 100_000 : 100;
          if (definition.breakdown) {
            for (const [label, share] of Object.entries(definition.breakdown.parts)) {
              const partDenominator = Math.round(denominator * share);
              const rate = Math.max(0, definition.typical + wander + (label === "East" ? eastDrift : 0));
              parts.push({
                label,
                numerator: Math.round((rate * partDenominator) / multiplier),
                denominator: partDenominator,
              });
            }
            denominator = parts.reduce((sum, part) => sum + part.denominator, 0);
            numerator = parts.reduce((sum, part) => sum + part.numerator, 0);
          } else {
            const rate = Math.min(100, Math.max(0, definition.typical + wander));
            numerator = Math.round((rate * denominator) / multiplier);
          }
        } else {
          value = round(
            Math.max(
              0,
              definition.typical + wander + (slipping && ago <= 5 ? (definition.slipBump ?? 0) : 0),
            ),
            0,
          );
        }
        const measured = measuredValue(definition.unit, { value, numerator, denominator });
        const rated = rateValue(
          { ...definition, unitLabel: definition.unitLabel ?? null },
          measured,
          formatting,
        );
        const measurementId = newId();
        measurementRows.push({
          id: measurementId,
          tenantId,
          contractId: contract.id,
          kpiId: kpi.id,
          periodStart: month,
          value: measured,
          numerator,
          denominator,
          rating: rated.rating,
          ratingReason: rated.reason,
          evidenceNote: definition.dataSource === "council" ? null : "Supplier's monthly return",
          enteredBy: people.manager,
          enteredAt: notAfterNow(`${dayOf(addMonths(month, 1), 6)}T10:00:00Z`),
        });
        for (const part of parts) {
          partRows.push({
            tenantId,
            measurementId,
            label: part.label,
            numerator: part.numerator,
            denominator: part.denominator,
            value: measuredValue(definition.unit, { value: null, ...part }),
          });
        }
        monthRatings.set(month, [...(monthRatings.get(month) ?? []), rated.rating]);
      }
    }
  }

  for (const batch of insertBatches(kpiMeasurements, measurementRows)) {
    await tx.insert(kpiMeasurements).values(batch);
  }
  for (const batch of insertBatches(kpiMeasurementParts, partRows)) {
    await tx.insert(kpiMeasurementParts).values(batch);
  }

  const byReference = (reference: string) => contracts.find((contract) => contract.reference === reference);
  const waste = byReference("WST-2023-01");
  const grounds = byReference("GRD-2024-03");
  const meals = byReference("MLS-2025-02");

  // The monthly tracker: the manager's RAG for each month the contract ran, from the KPI ratings they saw.
  const ragRows: (typeof ragEntries.$inferInsert)[] = [];
  for (const contract of contracts) {
    const monthRatings = ratingsByContract.get(contract.id);
    if (!monthRatings) continue;
    for (const [month, ratings] of monthRatings) {
      // Last month's RAG is still to set for the meals contract: the home page asks for it.
      if (contract === meals && month === monthAgo(1)) continue;
      const status: RagStatus = ratings.includes("inadequate")
        ? "red"
        : ratings.includes("requires_improvement")
          ? "amber"
          : "green";
      ragRows.push({
        tenantId,
        contractId: contract.id,
        month,
        status,
        commentary: ragCommentary(status, contract === waste && council.slipping),
        setBy: people.manager,
        setAt: notAfterNow(`${dayOf(addMonths(month, 1), 8)}T09:00:00Z`),
      });
    }
  }
  if (ragRows.length > 0) await tx.insert(ragEntries).values(ragRows);

  if (waste)
    await seedWasteGovernance(tx, {
      tenantId,
      contract: waste,
      people,
      monthAgo,
      dayOf,
      slipping: council.slipping,
      firstRed: ragRows.find((row) => row.contractId === waste.id && row.status === "red")?.month ?? null,
    });
  if (grounds) {
    // Held 13 months ago and not since: a High tier contract's quarterly review is overdue.
    await insertMeeting(tx, {
      tenantId,
      contractId: grounds.id,
      type: "review",
      on: dayOf(monthAgo(13), 14),
      held: true,
      createdBy: people.manager,
      notes: "Spring programme agreed; the contractor will report cuts by ward.",
    });
    await tx.insert(risks).values({
      tenantId,
      contractId: grounds.id,
      title: "Wet weather delays the cutting programme",
      category: "delivery" satisfies RiskCategory,
      likelihood: 3,
      impact: 2,
      ownerParty: "supplier",
      ownerName: "Greenways Grounds Ltd",
      mitigation: "Second crew on call from April to September.",
      reviewOn: dayOf(monthAgo(-2), 1),
      createdBy: people.manager,
    });
  }
  if (meals) {
    await insertMeeting(tx, {
      tenantId,
      contractId: meals.id,
      type: "review",
      on: dayOf(monthAgo(4), 9),
      held: true,
      createdBy: people.manager,
      notes: "Menus for the winter agreed with residents' panel.",
    });
  }
  const ict = byReference("ICT-2022-07");
  if (ict?.endDate && ict.endDate < today) {
    await tx.insert(lessons).values([
      {
        tenantId,
        contractId: ict.id,
        title: "Ask for the asset register in the exit plan, not at exit",
        body: "The device asset register came three weeks after the end date; the next service desk contract names it as an exit deliverable due a month before the end.",
        createdBy: people.manager,
      },
      {
        tenantId,
        contractId: ict.id,
        title: "Measure calls answered, not calls logged",
        body: "The first year's KPI counted tickets logged; residents' experience followed calls answered within 60 seconds, which we measured from year two.",
        createdBy: people.manager,
      },
    ]);
  }
}

function ragCommentary(status: RagStatus, slippingWaste: boolean): string | null {
  if (status === "green") return null;
  if (slippingWaste) {
    return status === "red"
      ? "Missed collections in the East rounds are over the Inadequate line: two drivers short since the summer. Improvement plan open; SRO briefed."
      : "Missed collections rising, all of it in the East rounds. Raised at the monthly performance meeting.";
  }
  return status === "red"
    ? "A KPI is below its Inadequate line this month; the supplier has been asked for a recovery plan."
    : "A KPI missed its target beyond the tolerance; the supplier has explained and expects recovery next month.";
}

async function insertMeeting(
  tx: Tx,
  meeting: {
    tenantId: string;
    contractId: string;
    type: "kickoff" | "review" | "performance";
    on: string;
    held: boolean;
    createdBy: string;
    notes?: string;
    insight?: string;
  },
) {
  const [row] = await tx
    .insert(meetings)
    .values({
      tenantId: meeting.tenantId,
      contractId: meeting.contractId,
      type: meeting.type,
      scheduledOn: meeting.on,
      heldOn: meeting.held ? meeting.on : null,
      attendees: [
        { name: "Contract manager", party: "council", userId: meeting.createdBy },
        { name: "Account manager", party: "supplier", userId: null },
      ],
      agenda: "KPI report for the period; actions from last time; risks; anything else.",
      notes: meeting.held ? (meeting.notes ?? null) : null,
      insight: meeting.held ? (meeting.insight ?? null) : null,
      createdBy: meeting.createdBy,
    })
    .returning({ id: meetings.id });
  if (!row) throw new Error("The demo meeting was not written.");
  return row.id;
}

/** The waste contract's governance: meetings and actions, risks, the plan and its reviews, reports, and — in
 * the slipping council — the improvement plan opened from the first Red month. */
async function seedWasteGovernance(
  tx: Tx,
  {
    tenantId,
    contract,
    people,
    monthAgo,
    dayOf,
    slipping,
    firstRed,
  }: {
    tenantId: string;
    contract: SeededContract;
    people: { manager: string; sro: string | null };
    monthAgo: (months: number) => string;
    dayOf: (month: string, day: number) => string;
    slipping: boolean;
    firstRed: string | null;
  },
) {
  const manager = people.manager;
  if (contract.startDate) {
    await insertMeeting(tx, {
      tenantId,
      contractId: contract.id,
      type: "kickoff",
      on: contract.startDate,
      held: true,
      createdBy: manager,
      notes: "Mobilisation plan, contacts, reporting calendar and the KPI definitions agreed.",
    });
  }
  let lastReview: string | null = null;
  for (let ago = 22; ago >= 1; ago -= 3) {
    const on = dayOf(monthAgo(ago), 12);
    lastReview = await insertMeeting(tx, {
      tenantId,
      contractId: contract.id,
      type: "review",
      on,
      held: true,
      createdBy: manager,
      notes: "Quarterly contract review: KPI report, complaints, fleet and staffing.",
      insight:
        slipping && ago <= 7
          ? "The borough total hides it: the North, South and West rounds are on target, the East is three times their rate."
          : "All rounds within target; complaints follow the missed collections, as expected.",
    });
  }
  // The next quarterly review, planned.
  await insertMeeting(tx, {
    tenantId,
    contractId: contract.id,
    type: "review",
    on: dayOf(monthAgo(-1), 10),
    held: false,
    createdBy: manager,
  });
  if (lastReview) {
    await tx.insert(actions).values([
      {
        tenantId,
        contractId: contract.id,
        meetingId: lastReview,
        description: "Send the round-by-round missed collections for the last six months",
        ownerParty: "supplier",
        ownerName: "CleanStreets account manager",
        dueOn: dayOf(monthAgo(1), 5),
        status: "done",
        completedOn: dayOf(monthAgo(1), 4),
        createdBy: manager,
      },
      {
        tenantId,
        contractId: contract.id,
        meetingId: lastReview,
        description: "Check the East rounds' crew logs against the missed-collection reports",
        ownerParty: "council",
        ownerUserId: manager,
        dueOn: dayOf(monthAgo(-1), 3),
        createdBy: manager,
      },
    ]);
  }
  await tx.insert(risks).values([
    {
      tenantId,
      contractId: contract.id,
      title: "Driver shortage on the East rounds",
      description: "Two HGV drivers left in the summer; agency cover does not know the rounds.",
      category: "delivery",
      likelihood: slipping ? 4 : 2,
      impact: 4,
      ownerParty: "supplier",
      ownerName: "CleanStreets Services plc",
      mitigation: "Recruitment campaign; a round supervisor rides with agency drivers.",
      // Its review date has passed: the register flags it.
      reviewOn: dayOf(monthAgo(1), 15),
      escalateToCorporate: slipping,
      createdBy: manager,
    },
    {
      tenantId,
      contractId: contract.id,
      title: "Fleet beyond its replacement age",
      category: "financial",
      likelihood: 3,
      impact: 3,
      ownerParty: "council",
      ownerUserId: manager,
      mitigation: "Fleet replacement in the 2027/28 capital programme.",
      reviewOn: dayOf(monthAgo(-3), 1),
      createdBy: manager,
    },
  ]);
  await tx.insert(managementPlans).values({
    tenantId,
    contractId: contract.id,
    monitoring:
      "Monthly supplier return of the five KPIs by round area; council spot checks of ten rounds a month; quarterly review meeting.",
    governance:
      "Contract manager runs the contract; the SRO chairs the quarterly review; the Contract Assurance Board sees it twice a year.",
    milestones: [
      { title: "Food waste collections start", dueOn: "2026-04-01", doneOn: "2026-04-01" },
      { title: "Fleet replacement business case", dueOn: dayOf(monthAgo(-4), 1), doneOn: null },
    ],
    paymentSchedule: "Monthly in arrears on the certified round count.",
    escalation:
      "Contract manager → SRO → Contract Assurance Board; default notice only after an improvement plan.",
    exitPlan: "Round data, crew schedules and the depot inventory handed over six months before the end.",
    agreedOn: contract.startDate ?? dayOf(monthAgo(24), 1),
    nextReviewOn: dayOf(monthAgo(-2), 1),
  });
  await tx.insert(managementPlanReviews).values({
    tenantId,
    contractId: contract.id,
    reviewedOn: dayOf(monthAgo(4), 20),
    reviewedBy: manager,
    note: "Food waste milestone done; fleet milestone added.",
  });
  for (const ago of [7, 4, 1]) {
    const periodStart = monthAgo(ago + 3);
    await tx.insert(monitoringReports).values({
      tenantId,
      contractId: contract.id,
      periodStart,
      periodEnd: addDays(monthAgo(ago), -1),
      receivedOn: dayOf(monthAgo(ago), 10),
      summary: "Quarterly monitoring report: KPIs, complaints, health and safety, staffing.",
      ...(ago === 1
        ? {}
        : {
            assessment: slipping && ago === 4 ? ("concerns" as const) : ("satisfactory" as const),
            assessmentNote:
              slipping && ago === 4 ? "East rounds' staffing not addressed in the report." : null,
            assessedBy: manager,
            assessedOn: dayOf(monthAgo(ago), 20),
          }),
    });
  }
  if (slipping && firstRed) {
    const planId = newId();
    await tx.insert(improvementPlans).values({
      id: planId,
      tenantId,
      contractId: contract.id,
      trigger: "red_month",
      triggerMonth: firstRed,
      title: "East rounds recovery",
      reason: "Missed collections in the East rounds passed the Inadequate line; the borough total followed.",
      openedBy: manager,
      openedOn: dayOf(addMonths(firstRed, 1), 9),
    });
    await tx.insert(actions).values([
      {
        tenantId,
        contractId: contract.id,
        improvementPlanId: planId,
        description: "Recruit two permanent drivers for the East rounds",
        ownerParty: "supplier",
        ownerName: "CleanStreets operations manager",
        // Overdue: the board and the manager's home show it.
        dueOn: dayOf(monthAgo(1), 20),
        progressNote: "One offer accepted; start date not yet agreed.",
        createdBy: manager,
      },
      {
        tenantId,
        contractId: contract.id,
        improvementPlanId: planId,
        description: "Weekly missed-collection figures for the East rounds until two months on target",
        ownerParty: "supplier",
        ownerName: "CleanStreets account manager",
        dueOn: dayOf(monthAgo(-2), 28),
        createdBy: manager,
      },
    ]);
  }
}
