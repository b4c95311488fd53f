import { describe, expect, test } from "vitest";
import { isSameCouncil } from "./buyer.ts";

describe("isSameCouncil", () => {
  test.each([
    ["London Borough of Merton", "Merton Council", true],
    ["LB Merton", "London Borough of Merton", true],
    ["Warwickshire County Council (WCC)", "Warwickshire County Council", true],
    ["City of Doncaster Council", "Doncaster Council", true],
    ["Suffolk County Council Passenger Transport", "Suffolk County Council", true],
    ["City of Bradford Metropolitan District Council", "Bradford Council", true],
    ["Leicester City Council", "Leicestershire County Council", false],
    ["North Yorkshire Council", "City of York Council", false],
    ["Welland Procurement Unit", "Rutland County Council", false],
    ["London Borough of Merton", "Oadby and Wigston Borough Council", false],
    ["City of Cape Town Metropolitan Municipality", "City of Cape Town", true],
  ])("%j is %j: %s", (buyer, council, same) => {
    expect(isSameCouncil(buyer, council)).toBe(same);
  });
});
