import type { ImportableField } from "@steward/domain";
import type { Client } from "../../../trpc.ts";

export type Preview = Awaited<ReturnType<Client["register"]["previewImport"]["mutate"]>>;
export type ImportResult = Awaited<ReturnType<Client["register"]["commitImport"]["mutate"]>>;
export type Mapping = (ImportableField | null)[];

/** The file as read in the browser: its text goes to the server; its records give the sample values. */
export interface ChosenFile {
  name: string;
  size: number;
  text: string;
  encoding: "utf-8" | "windows-1252";
  records: string[][];
}
