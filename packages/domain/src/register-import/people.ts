/** Contract managers and SROs named in a register, matched to the council's members. */

export interface Member {
  userId: string;
  name: string;
  email: string;
}

export type MemberMatch =
  | { kind: "matched"; userId: string }
  /** No member has that e-mail or name. */
  | { kind: "unmatched" }
  /** Several members share the name: an e-mail is needed to tell them apart. */
  | { kind: "ambiguous"; count: number };

const emailIn = /[^\s<>()"',;]+@[^\s<>()"',;]+\.[^\s<>()"',;]+/;

function nameKey(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/**
 * Finds the member a cell names: by e-mail first (anywhere in the cell, so "Jo Bloggs <jo@council.gov.uk>"
 * works), then by the whole name, ignoring case, accents and punctuation. A name two members share is
 * ambiguous rather than guessed.
 */
export function matchMember(text: string, members: readonly Member[]): MemberMatch {
  const email = emailIn.exec(text)?.[0]?.toLowerCase();
  if (email) {
    const byEmail = members.find((member) => member.email.toLowerCase() === email);
    if (byEmail) return { kind: "matched", userId: byEmail.userId };
  }
  const key = nameKey(text.replace(emailIn, ""));
  if (key === "") return { kind: "unmatched" };
  const byName = members.filter((member) => nameKey(member.name) === key);
  if (byName.length === 1 && byName[0]) return { kind: "matched", userId: byName[0].userId };
  if (byName.length > 1) return { kind: "ambiguous", count: byName.length };
  return { kind: "unmatched" };
}
