import { describe, expect, it } from "vitest";
import {
  identifierShapeMessage,
  organisationMatchKey,
  organisationMatchKeys,
  type RegistryEntry,
  registryIdentifier,
  suggestOrganisations,
} from "./organisations.ts";

describe("organisationMatchKey (issue 9 §1: legal suffixes, punctuation, case, & and 'and')", () => {
  it.each([
    ["Acme Services Ltd", "acme services"],
    ["ACME SERVICES LIMITED", "acme services"],
    ["The Acme Services Co. Ltd", "acme services"],
    ["Smith & Jones plc", "smith and jones"],
    ["Smith and Jones Public Limited Company", "smith and jones"],
    ["Green-Spaces (UK) LLP", "green spaces"],
    ["Ubuntu Waste (Pty) Ltd", "ubuntu waste"],
    ["Ikhaya Repairs (RF) (Pty) Ltd", "ikhaya repairs"],
    ["The Company Ltd", "company"],
    ["Biffa Group", "biffa"],
    ["  ", ""],
  ])("%s → %s", (name, key) => {
    expect(organisationMatchKey(name)).toBe(key);
  });

  it("keys an entry by its legal name and each alias, once", () => {
    expect(organisationMatchKeys("Acme Services Limited", ["ACME SERVICES LTD", "Acme Grounds"])).toEqual([
      "acme services",
      "acme grounds",
    ]);
    expect(organisationMatchKeys(null, [])).toEqual([]);
  });
});

describe("registryIdentifier (Companies House numbers validated for shape)", () => {
  it.each([
    ["GB-COH", "01234567", "01234567"],
    ["GB-COH", "1234567", "01234567"],
    ["GB-COH", " sc123456 ", "SC123456"],
    ["GB-COH", "OC 301 234", "OC301234"],
    ["GB-COH", "NI012345", "NI012345"],
    ["GB-COH", "R0000123", "R0000123"],
    ["GB-COH", "123456789", null],
    ["GB-COH", "XX123456", null],
    ["GB-COH", "SC12345", null],
    ["GB-COH", "ACME LTD", null],
    ["GB-CHC", "1123456", "1123456"],
    ["GB-CHC", "212345", "212345"],
    ["GB-CHC", "12345", null],
    ["GB-SC", "SC012345", "SC012345"],
    ["GB-SC", "012345", null],
    ["ZA-CIPC", "2001/012345/07", "2001/012345/07"],
    ["ZA-CIPC", "2001/12345/07", null],
    ["ZA-NPO", "123-456 NPO", "123-456 NPO"],
    ["ZA-NPO", "123-456npo", "123-456 NPO"],
    ["ZA-NPO", "123456", null],
  ] as const)("%s %s → %s", (scheme, typed, stored) => {
    expect(registryIdentifier(scheme, typed)).toBe(stored);
  });

  it("says what the scheme's numbers look like", () => {
    expect(identifierShapeMessage("GB-COH")).toBe(
      "A Companies House number looks like 01234567 or SC123456.",
    );
  });
});

describe("suggestOrganisations (registration number first, then normalised name)", () => {
  const entries: RegistryEntry[] = [
    {
      id: "o1",
      scheme: "GB-COH",
      identifier: "01234567",
      name: "ACME SERVICES LIMITED",
      matchKeys: ["acme services"],
    },
    {
      id: "o2",
      scheme: "GB-COH",
      identifier: "07654321",
      name: "Acme Grounds Ltd",
      matchKeys: ["acme grounds", "acme services"],
    },
    { id: "o3", scheme: "GB-CHC", identifier: "1123456", name: null, matchKeys: [] },
  ];

  it("puts the entry with the supplier's number first and does not list it again by name", () => {
    expect(
      suggestOrganisations({ name: "Acme Services Ltd", registrationNumber: "1234567" }, entries).map((s) => [
        s.organisationId,
        s.matchedBy,
      ]),
    ).toEqual([
      ["o1", "registration_number"],
      ["o2", "name"],
    ]);
  });

  it("finds an entry with no name yet by number only, and shows no name for it", () => {
    const [found] = suggestOrganisations({ name: "Our Charity", registrationNumber: "1123456" }, entries);
    expect(found).toEqual({
      organisationId: "o3",
      scheme: "GB-CHC",
      identifier: "1123456",
      name: null,
      matchedBy: "registration_number",
    });
  });

  it("suggests nothing for a name that matches no legal name or alias", () => {
    expect(suggestOrganisations({ name: "Zenith Cleaning", registrationNumber: null }, entries)).toEqual([]);
  });
});
