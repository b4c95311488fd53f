import {
  createTenantFixture,
  createTestDatabase,
  type TenantFixture,
  type TestDatabase,
} from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerFor } from "../testing.ts";

let test: TestDatabase;

beforeAll(async () => {
  test = await createTestDatabase();
});
afterAll(() => test.close());

const managerOf = (council: TenantFixture) =>
  callerFor(test, { userId: council.users.contract_manager, tenantId: council.tenantId }).then(
    ({ caller }) => caller,
  );

describe("the shared organisation registry", () => {
  // Issue 6 §2.5: council A, linking a supplier to the company B had linked, saw B's name for it and its timestamp.
  it("shows a council only its own name for an organisation another council linked first", async () => {
    const [councilA, councilB] = await Promise.all([createTenantFixture(test), createTenantFixture(test)]);
    const [a, b] = await Promise.all([managerOf(councilA), managerOf(councilB)]);
    const number = `0${Date.now().toString().slice(-7)}`;
    const fromB = await b.suppliers.create({
      name: "B's private nickname for Acme",
      registrationNumber: number,
      organisationScheme: "GB-COH",
    });
    const fromA = await a.suppliers.create({
      name: "Acme Ltd",
      registrationNumber: number,
      organisationScheme: "GB-COH",
    });

    const seenByA = await a.suppliers.get({ supplierId: fromA.id });
    const seenByB = await b.suppliers.get({ supplierId: fromB.id });
    expect(seenByA.organisation?.id).toBe(seenByB.organisation?.id);
    expect(seenByA.organisation).toEqual({
      id: seenByA.organisation?.id,
      scheme: "GB-COH",
      identifier: number,
      name: "Acme Ltd",
    });
    expect(seenByB.organisation?.name).toBe("B's private nickname for Acme");
    expect(JSON.stringify(seenByA)).not.toContain("nickname");

    const [entry] = await test.owner<{ name: string | null }[]>`
      select name from organisations where id = ${seenByA.organisation?.id ?? ""}`;
    expect(entry?.name).toBeNull();
  });
});
