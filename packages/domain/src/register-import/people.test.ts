import { describe, expect, test } from "vitest";
import { matchMember } from "./people.ts";

const members = [
  { userId: "u1", name: "Fiona Reid", email: "fiona.reid@council.gov.uk" },
  { userId: "u2", name: "Zoë Ndlovu", email: "zoe.ndlovu@council.gov.uk" },
  { userId: "u3", name: "Sam Patel", email: "sam.patel@council.gov.uk" },
  { userId: "u4", name: "Sam Patel", email: "sam.patel2@council.gov.uk" },
];

describe("matchMember", () => {
  test.each([
    ["fiona.reid@council.gov.uk", { kind: "matched", userId: "u1" }],
    ["Fiona.Reid@Council.gov.uk", { kind: "matched", userId: "u1" }],
    ["Fiona Reid <fiona.reid@council.gov.uk>", { kind: "matched", userId: "u1" }],
    ["Fiona Reid", { kind: "matched", userId: "u1" }],
    ["  fiona   REID ", { kind: "matched", userId: "u1" }],
    ["Zoe Ndlovu", { kind: "matched", userId: "u2" }],
    ["sam.patel2@council.gov.uk", { kind: "matched", userId: "u4" }],
    ["Sam Patel", { kind: "ambiguous", count: 2 }],
    ["F Reid", { kind: "unmatched" }],
    ["nobody@council.gov.uk", { kind: "unmatched" }],
    ["", { kind: "unmatched" }],
  ] as const)("%j → %j", (text, match) => {
    expect(matchMember(text, members)).toEqual(match);
  });
});
