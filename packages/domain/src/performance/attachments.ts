import { z } from "zod";
import { idInput, textInput, textLimits } from "../input.ts";
import { attachmentOwners } from "./vocabulary.ts";

/**
 * Issue 8 §10: the largest file Steward keeps. Minutes, plans, reports and evidence are documents and
 * spreadsheets; 10 MB holds a long scanned report and keeps a request (base64 in JSON, a third larger) bounded.
 */
export const attachmentMaxBytes = 10 * 1024 * 1024;

/** "2.4 MB", "830 KB", "120 bytes": a file size as the attachments list and its messages say it. */
export function fileSizeLabel(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export const attachmentTooLarge = (bytes: number) =>
  `This file is ${fileSizeLabel(bytes)}; a file can be at most ${fileSizeLabel(attachmentMaxBytes)}. Compress it or split it into parts.`;

/** Base64 of `attachmentMaxBytes` bytes: four characters for every three bytes, padded. */
const maxBase64Length = Math.ceil(attachmentMaxBytes / 3) * 4;
const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A file name as the uploader's computer gave it, without any folder, at most 300 characters. */
const fileNameInput = textInput({ max: textLimits.short, min: 1, required: "Choose a file to attach." })
  .transform((name) => name.split(/[\\/]/).pop() ?? "")
  .refine((name) => name !== "" && name !== "." && name !== "..", "Give the file a name.");

/** A MIME type (`type/subtype`, parameters allowed); unknown files are sent as application/octet-stream. */
const contentTypeInput = z
  .string()
  .max(200, "This file's type is not one Steward can record.")
  .regex(/^[\w.+-]+\/[\w.+-]+(\s*;.*)?$/, "This file's type is not one Steward can record.")
  .or(z.literal("").transform(() => "application/octet-stream"));

/**
 * An upload: the record the file belongs to (checked to be the contract's, in the council), its name and type,
 * and its bytes in base64. The size is checked from the base64's length before anything is decoded.
 */
export const attachmentUploadInput = z.object({
  contractId: idInput,
  ownerType: z.enum(attachmentOwners),
  ownerId: idInput,
  fileName: fileNameInput,
  contentType: contentTypeInput,
  contentBase64: z
    .string({ error: "Choose a file to attach." })
    .max(maxBase64Length, {
      error: (issue) => attachmentTooLarge(Math.floor(((issue.input as string).length * 3) / 4)),
    })
    .regex(base64, "The file did not arrive whole: choose it again."),
});
export type AttachmentUploadInput = z.infer<typeof attachmentUploadInput>;

export const attachmentListInput = z.object({
  contractId: idInput,
  ownerType: z.enum(attachmentOwners),
  ownerId: idInput,
});
