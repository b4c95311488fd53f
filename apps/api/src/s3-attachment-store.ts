import type { AttachmentStore } from "@steward/db";
import { AwsClient } from "aws4fetch";

export type S3Settings = {
  /** The service's address, e.g. https://s3.eu-west-2.amazonaws.com or a MinIO server's. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
};

/**
 * Attachments' bytes in an S3-compatible store (ATTACHMENT_STORE=s3), signed with AWS Signature V4 by
 * aws4fetch (small, no dependencies, fetch-based). Objects are addressed path-style
 * (`<endpoint>/<bucket>/<key>`), which AWS, MinIO, Ceph, R2 and Garage all accept, and every key starts with
 * the council's id (`tenants/<tenant id>/<storage key>`), so one council's request can only ever name its own
 * objects. The store is not transactional: see AttachmentStore.
 */
export function s3AttachmentStore(settings: S3Settings): AttachmentStore {
  const client = new AwsClient({
    accessKeyId: settings.accessKeyId,
    secretAccessKey: settings.secretAccessKey,
    region: settings.region,
    service: "s3",
    retries: 2,
  });
  const base = settings.endpoint.replace(/\/+$/, "");
  const urlOf = ({ tenantId, storageKey }: { tenantId: string; storageKey: string }) =>
    `${base}/${encodeURIComponent(settings.bucket)}/tenants/${encodeURIComponent(tenantId)}/${encodeURIComponent(storageKey)}`;
  // The status only: an S3 error body can quote the key and the bucket, which stay out of messages and logs.
  const failed = (what: string, response: Response) =>
    new Error(`the attachment store refused to ${what} an object (HTTP ${response.status})`);
  return {
    kind: "s3",
    transactional: false,
    async put(_tx, key, bytes) {
      const response = await client.fetch(urlOf(key), {
        method: "PUT",
        body: bytes,
        headers: { "content-type": "application/octet-stream" },
      });
      if (!response.ok) throw failed("store", response);
    },
    async get(_tx, key) {
      const response = await client.fetch(urlOf(key), { method: "GET" });
      if (response.status === 404) return null;
      if (!response.ok) throw failed("read", response);
      return new Uint8Array(await response.arrayBuffer());
    },
    async remove(_tx, key) {
      const response = await client.fetch(urlOf(key), { method: "DELETE" });
      // S3 answers 204 for a key that is already gone.
      if (!response.ok && response.status !== 404) throw failed("delete", response);
    },
  };
}
