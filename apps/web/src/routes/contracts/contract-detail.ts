import type { Answer, Client } from "../../trpc.ts";

/** What the contract page reads once and hands to each of its tabs. */
export type ContractDetail = Answer<Client["contracts"]["get"]>;
