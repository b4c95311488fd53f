import { readFileSync } from "node:fs";
import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import {
  dateRange,
  int32Range,
  moneyLimitMinor,
  newId,
  type Role,
  roles,
  termDaysLimit,
} from "@steward/domain";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ZodError, type z } from "zod";
import type { ProcedureMeta } from "./init.ts";
import { appRouter } from "./root.ts";
import { callerFor } from "./testing.ts";

/**
 * DESIGN §9: no input a client can send makes a procedure fail with a 500. Walks every procedure of the
 * router, reads the shape of its input from its zod schema, and sends hostile values in every field, one
 * field at a time, as a member of a fresh council with a role the procedure lets in. A procedure added later
 * is fuzzed without touching this file. Any INTERNAL_SERVER_ERROR fails the procedure's test.
 */

type Procedure = { _def: { meta?: ProcedureMeta; inputs: z.ZodType[]; type: string } };
// At run time tRPC keeps every procedure in one flat record keyed by path ("contracts.list").
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

type Path = (string | number)[];
/** The parts of a zod v4 schema's definition the walk reads. */
type Definition = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  options?: z.ZodType[];
  innerType?: z.ZodType;
  in?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  entries?: Record<string, string | number>;
  values?: unknown[];
  defaultValue?: unknown;
};
const definitionOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Definition } })._zod.def;

const wrappers = new Set(["optional", "nullable", "default", "prefault", "readonly", "nonoptional", "catch"]);

/** A field of an input: where it sits and the schema that judges its value. */
interface Field {
  path: Path;
  schema: z.ZodType;
  isList: boolean;
}

/** Every field of an input schema, including list items and the fields of objects inside lists. */
function fieldsOf(schema: z.ZodType, path: Path = []): Field[] {
  const definition = definitionOf(schema);
  if (wrappers.has(definition.type) && definition.innerType) return fieldsOf(definition.innerType, path);
  if (definition.type === "object" && definition.shape) {
    return Object.entries(definition.shape).flatMap(([key, value]) => fieldsOf(value, [...path, key]));
  }
  if (definition.type === "intersection" && definition.left && definition.right) {
    return [...fieldsOf(definition.left, path), ...fieldsOf(definition.right, path)];
  }
  if (definition.type === "array" && definition.element) {
    return [{ path, schema, isList: true }, ...fieldsOf(definition.element, [...path, 0])];
  }
  if (definition.type === "union" && definition.options) {
    const nested = definition.options.flatMap((option) => fieldsOf(option, path));
    return nested.some((field) => field.path.length > path.length)
      ? nested
      : [{ path, schema, isList: false }];
  }
  return path.length === 0 ? [] : [{ path, schema, isList: false }];
}

/** The records a fresh council is given, so ids in a valid input point at something real. */
interface Records {
  fixture: TenantFixture;
  ids: Record<string, string>;
}

/** A value for an id field, by its name; an unknown name gets an id of nothing. */
function idFor(key: string | number | undefined, records: Records): string {
  const { fixture, ids } = records;
  const byName: Record<string, string | undefined> = {
    contractId: ids.contract,
    supplierId: ids.supplier,
    changeId: ids.change,
    invoiceId: ids.invoice,
    invitationId: ids.invitation,
    userId: fixture.users.viewer,
    managerId: fixture.users.contract_manager,
    contractManagerId: fixture.users.contract_manager,
    sroId: fixture.users.sro,
    tenantId: fixture.tenantId,
  };
  return byName[String(key)] ?? newId();
}

const smallRegister = readFileSync(
  new URL("../../../fixtures/registers/uk_la_contracts_contractsfinder_ocds_2025.csv", import.meta.url),
  "utf8",
)
  .split("\n")
  .slice(0, 4)
  .join("\n");

/** Fields whose valid value cannot be guessed from the schema (or must stay out, like a replayed key). */
const validByName: Record<string, unknown> = {
  csv: smallRegister,
  mapping: undefined,
  idempotencyKey: undefined,
};

/** A value the schema accepts, built from its shape: the walk then changes one field at a time. */
function validValue(schema: z.ZodType, records: Records, key?: string | number): unknown {
  if (key !== undefined && key in validByName) return validByName[String(key)];
  const definition = definitionOf(schema);
  // A default is a value the rules accept together (settings' thresholds, for one); a null default says nothing.
  if ((definition.type === "default" || definition.type === "prefault") && definition.defaultValue != null) {
    return definition.defaultValue;
  }
  if (wrappers.has(definition.type) && definition.innerType) {
    return validValue(definition.innerType, records, key);
  }
  switch (definition.type) {
    case "object":
      return Object.fromEntries(
        Object.entries(definition.shape ?? {}).map(([name, value]) => [
          name,
          validValue(value, records, name),
        ]),
      );
    case "intersection":
      return {
        ...(validValue(definition.left as z.ZodType, records) as object),
        ...(validValue(definition.right as z.ZodType, records) as object),
      };
    case "array":
      return [validValue(definition.element as z.ZodType, records, key)];
    case "union":
      return validValue((definition.options ?? [])[0] as z.ZodType, records, key);
    case "enum":
      return Object.values(definition.entries ?? {})[0];
    case "literal":
      return definition.values?.[0];
  }
  const candidates = [
    "Fuzzed value",
    "2026-01-05",
    "fuzz@example.test",
    "GBP",
    "90511000",
    idFor(key, records),
    1,
    100,
    true,
    false,
  ];
  return candidates.find((candidate) => schema.safeParse(candidate).success) ?? candidates[0];
}

const megabyte = "x".repeat(1_000_000);
/** Longer than any text cap (the longest, for notes, is 10,000 characters), and than any list cap. */
const pastEveryTextCap = "x".repeat(100_001);
const pastEveryListCap = 10_001;
/** The register import takes a file of up to 20 MB; past that it must refuse. */
const registerTooLarge = "x".repeat(21_000_000);
/** Text no client should send: broken, huge, or dates out of range (and the edges of the range). */
const hostileText: [string, unknown][] = [
  ["empty text", ""],
  ["blank text", "   "],
  ["NUL", "Waste \u0000 collection"],
  ["a lone high surrogate", "Waste \uD800 collection"],
  ["a lone low surrogate", "\uDC00"],
  ["a megabyte of text", megabyte],
  ["a megabyte e-mail address", `${megabyte}@example.test`],
  ["a megabyte of spaces around text", ` ${" ".repeat(1_000_000)}x `],
  ["year 0000", "0000-01-01"],
  ["year 9999", "9999-12-31"],
  ["30 February", "2026-02-30"],
  ["the first date accepted", dateRange.min],
  ["the last date accepted", dateRange.max],
  ["a nil id", "00000000-0000-0000-0000-000000000000"],
  ['"NaN" as text', "NaN"],
  ["a number as text", "12"],
];
/** Numbers past a column, a double's exact range or a rule's limits (and the edges of what is accepted). */
const hostileNumbers: [string, unknown][] = [
  ["the largest integer column value", int32Range.max],
  ["the largest amount accepted", moneyLimitMinor],
  ["the smallest amount accepted", -moneyLimitMinor],
  ["the longest term change accepted", termDaysLimit],
  ["the shortest term change accepted", -termDaysLimit],
  ["2^31", 2 ** 31],
  ["-2^31 - 1", -(2 ** 31) - 1],
  ["two billion", 2e9],
  ["the largest safe integer", Number.MAX_SAFE_INTEGER],
  ["2^53", 2 ** 53],
  ["-2^53", -(2 ** 53)],
  ["1e308", 1e308],
  ["NaN", Number.NaN],
  ["Infinity", Number.POSITIVE_INFINITY],
  ["a fraction", 0.5],
];
/** Wrong shapes, for any field and for the whole input. */
const hostileShapes: [string, unknown][] = [
  ["absent", undefined],
  ["null", null],
  ["true", true],
  ["an empty object", {}],
  ["an empty list", []],
  ["nested junk", { a: { b: [null, { c: "\u0000" }, [2 ** 53]] } }],
  ["a prototype key", JSON.parse('{"__proto__":{"polluted":true}}')],
  ["a megabyte of text", megabyte],
  ["NaN", Number.NaN],
  ["2^53", 2 ** 53],
];

/** Every value of a field's own kind, and the wrong shapes (which include a sample of the other kinds). */
function hostileValuesFor(valid: unknown): [string, unknown][] {
  const ownKind = typeof valid === "string" ? hostileText : typeof valid === "number" ? hostileNumbers : [];
  const names = new Set(ownKind.map(([name]) => name));
  return [...ownKind, ...hostileShapes.filter(([name]) => !names.has(name))];
}

/** Lists get these too: a huge list of valid items and a huge list of junk. */
function hostileLists(validList: unknown): [string, unknown][] {
  const item = Array.isArray(validList) ? validList[0] : validList;
  return [
    ["100,000 valid items", Array.from({ length: 100_000 }, () => item)],
    ["100,000 junk items", Array.from({ length: 100_000 }, () => "\u0000")],
  ];
}

function withValue(input: unknown, path: Path, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...Path];
  const base = Array.isArray(input) ? [...input] : { ...(input as Record<string | number, unknown>) };
  const record = base as Record<string | number, unknown>;
  const next = withValue(record[head], rest, value);
  if (next === undefined && !Array.isArray(base)) delete record[head];
  else record[head] = next;
  return base;
}

interface Case {
  name: string;
  input: unknown;
}

function casesFor(procedure: Procedure, records: Records): { valid: unknown; cases: Case[] } {
  const schema = procedure._def.inputs[0];
  const valid = schema ? validValue(schema, records) : undefined;
  const cases: Case[] = hostileShapes.map(([name, value]) => ({
    name: `the whole input: ${name}`,
    input: value,
  }));
  for (const field of schema ? fieldsOf(schema) : []) {
    const where = field.path.join(".");
    // Judged without the by-name values, so a key left out of the valid input is still fuzzed as text.
    const fieldValid = validValue(field.schema, records);
    const values = field.isList
      ? [...hostileShapes, ...hostileLists(fieldValid)]
      : hostileValuesFor(fieldValid);
    for (const [name, value] of values)
      cases.push({ name: `${where}: ${name}`, input: withValue(valid, field.path, value) });
  }
  return { valid, cases };
}

type Caller = Awaited<ReturnType<typeof callerFor>>["caller"];

function callByPath(caller: Caller, path: string, input: unknown): Promise<unknown> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (procedure as (input: unknown) => Promise<unknown>)(input);
}

const codeOf = (error: unknown) => (error instanceof TRPCError ? error.code : "NOT_A_TRPC_ERROR");
/** Zod's own wording, which tells a council officer nothing ("Invalid input: expected object, received string"). */
const zodDefault = /^(Invalid|Too (big|small)|Expected|Unrecognized)/;

let test: TestDatabase;
const totals = { procedures: 0, cases: 0, internalErrors: 0 };

/** A fresh council with a supplier, a contract, a requested change, an invoice and an invitation. */
async function freshCouncil(): Promise<Records> {
  const fixture = await createTenantFixture(test);
  const { caller } = await callerFor(test, { userId: fixture.users.admin, tenantId: fixture.tenantId });
  const { caller: manager } = await callerFor(test, {
    userId: fixture.users.contract_manager,
    tenantId: fixture.tenantId,
  });
  const supplier = await caller.suppliers.create({ name: "Fuzz Supplies Ltd" });
  const contract = await caller.contracts.create({
    reference: "FUZZ-001",
    title: "Grounds maintenance",
    category: "services",
    currency: "GBP",
    startDate: "2025-04-01",
    endDate: "2028-03-31",
    totalValueMinor: 12_000_000,
    supplierId: supplier.id,
  });
  const change = await manager.changes.request({
    contractId: contract.id,
    change: { type: "value", reason: "other", description: "More sites", valueDeltaMinor: 500_000 },
  });
  const invoice = await caller.invoices.create({
    contractId: contract.id,
    invoice: { invoiceNumber: "INV-1", amountMinor: 250_000, receivedOn: "2026-01-05" },
  });
  const invitation = await caller.members.invite({ email: "invitee@example.test", role: "viewer" });
  return {
    fixture,
    ids: {
      supplier: supplier.id,
      contract: contract.id,
      change: change.id,
      invoice: invoice.id,
      invitation: invitation.id,
    },
  };
}

/** The caller a procedure is fuzzed as: for a council's procedure, the first role it does not refuse. */
async function callerForProcedure(path: string, procedure: Procedure, records: Records, valid: unknown) {
  const { fixture } = records;
  const access = procedure._def.meta?.access;
  if (access === "public") return (await callerFor(test)).caller;
  if (access === "authed") return (await callerFor(test, { userId: fixture.users.viewer })).caller;
  // Mutations are tried on a throwaway council, so finding the role changes nothing the cases then meet.
  const trial = procedure._def.type === "query" ? records : await freshCouncil();
  for (const role of ["admin", ...roles.filter((other) => other !== "admin")] as Role[]) {
    const { caller } = await callerFor(test, {
      userId: trial.fixture.users[role],
      tenantId: trial.fixture.tenantId,
    });
    const error = await callByPath(caller, path, valid).then(
      () => null,
      (caught: unknown) => caught,
    );
    if (codeOf(error) !== "FORBIDDEN") {
      return (await callerFor(test, { userId: fixture.users[role], tenantId: fixture.tenantId })).caller;
    }
  }
  return (await callerFor(test, { userId: fixture.users.admin, tenantId: fixture.tenantId })).caller;
}

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(async () => {
  console.info(
    `fuzz: ${totals.procedures} procedures, ${totals.cases} cases, ${totals.internalErrors} internal errors`,
  );
  await test.close();
});

describe("fuzz over every procedure", () => {
  it("finds the procedures", () => {
    expect(procedures.length).toBeGreaterThan(30);
  });

  it("caps every text field's length and every list's size (issue 6 §2.6)", async () => {
    const records = await freshCouncil();
    const uncapped: string[] = [];
    for (const [path, procedure] of procedures) {
      const schema = procedure._def.inputs[0];
      for (const field of schema ? fieldsOf(schema) : []) {
        const where = `${path}: ${field.path.join(".")}`;
        // A register file and an attached file (base64) have their own, larger caps.
        const file = ["csv", "contentBase64"].includes(String(field.path.at(-1)));
        const tooLong = file ? registerTooLarge : pastEveryTextCap;
        if (field.schema.safeParse(tooLong).success) uncapped.push(`${where} takes any length of text`);
        if (!field.isList) continue;
        const item = (validValue(field.schema, records) as unknown[])[0];
        const tooMany = Array.from({ length: pastEveryListCap }, () => item);
        if (field.schema.safeParse(tooMany).success) uncapped.push(`${where} takes any number of items`);
      }
    }
    expect(uncapped).toEqual([]);
  }, 60_000);

  it.each(procedures.map(([path, procedure]) => [path, procedure] as const))(
    "%s answers hostile input with a 4xx and a field message, never a 500",
    async (path, procedure) => {
      const records = await freshCouncil();
      const { valid, cases } = casesFor(procedure, records);
      const caller = await callerForProcedure(path, procedure, records, valid);
      const internal: string[] = [];
      const vague: string[] = [];
      for (const { name, input } of cases) {
        const error = await callByPath(caller, path, input).then(
          () => null,
          (caught: unknown) => caught,
        );
        if (error === null) continue;
        if (!(error instanceof TRPCError) || error.code === "INTERNAL_SERVER_ERROR") {
          const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
          internal.push(`${name}: ${String(cause).slice(0, 200)}`);
        } else if (error.cause instanceof ZodError) {
          for (const issue of error.cause.issues) {
            if (zodDefault.test(issue.message))
              vague.push(`${name}: ${issue.path.join(".")} says "${issue.message}"`);
          }
        }
      }
      totals.procedures += 1;
      totals.cases += cases.length;
      totals.internalErrors += internal.length;
      expect(internal, `${path}: internal errors in ${cases.length} cases`).toEqual([]);
      expect(vague, `${path}: field messages that do not say what to fix`).toEqual([]);
    },
    60_000,
  );
});
