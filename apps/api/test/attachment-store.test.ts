import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { callerFor } from "@steward/api/testing";
import { inTransaction, schema } from "@steward/db";
import { createTenantFixture, createTestDatabase, type TestDatabase } from "@steward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseEnv } from "../src/env.ts";
import { s3AttachmentStore } from "../src/s3-attachment-store.ts";

/**
 * ATTACHMENT_STORE=s3 (issue 8 §10): the same attachments procedures keep the bytes in an S3-compatible store
 * instead of attachment_blobs. A small S3 stand-in on loopback keeps objects in memory and records each
 * request, so the test sees the signed requests, the council prefix of every key, and the bytes themselves.
 */
type Seen = { method: string; path: string; authorization: string };
let s3: Server;
let endpoint: string;
const objects = new Map<string, Buffer>();
const seen: Seen[] = [];
let test: TestDatabase;

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

beforeAll(async () => {
  s3 = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://s3.test").pathname);
    seen.push({ method: request.method ?? "", path, authorization: request.headers.authorization ?? "" });
    if (request.method === "PUT") {
      objects.set(path, await body(request));
      response.writeHead(200).end();
    } else if (request.method === "GET") {
      const found = objects.get(path);
      if (found) response.writeHead(200, { "content-type": "application/octet-stream" }).end(found);
      else response.writeHead(404).end("<Error><Code>NoSuchKey</Code></Error>");
    } else if (request.method === "DELETE") {
      objects.delete(path);
      response.writeHead(204).end();
    } else {
      response.writeHead(405).end();
    }
  });
  s3.listen(0, "127.0.0.1");
  await once(s3, "listening");
  endpoint = `http://127.0.0.1:${(s3.address() as AddressInfo).port}`;
  test = await createTestDatabase();
});

afterAll(async () => {
  await test?.close();
  s3?.close();
});

describe("the S3-compatible attachment store", () => {
  it("is chosen by ATTACHMENT_STORE=s3, which needs the endpoint, bucket and keys", () => {
    expect(parseEnv({}).ATTACHMENT_S3).toBeNull();
    expect(() => parseEnv({ ATTACHMENT_STORE: "s3", S3_ENDPOINT: endpoint })).toThrow(
      /S3_BUCKET: set it when ATTACHMENT_STORE=s3/,
    );
    expect(() => parseEnv({ ATTACHMENT_STORE: "disk" })).toThrow(/ATTACHMENT_STORE/);
    expect(
      parseEnv({
        ATTACHMENT_STORE: "s3",
        S3_ENDPOINT: endpoint,
        S3_BUCKET: "steward",
        S3_ACCESS_KEY_ID: "AKIDEXAMPLE",
        S3_SECRET_ACCESS_KEY: "secret",
      }).ATTACHMENT_S3,
    ).toEqual({
      endpoint,
      bucket: "steward",
      region: "us-east-1",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
    });
  });

  it("keeps the bytes under the council's prefix, signed, and none in PostgreSQL; removes them after the commit", async () => {
    const store = s3AttachmentStore({
      endpoint,
      bucket: "steward",
      region: "eu-west-2",
      accessKeyId: "AKIDEXAMPLE",
      secretAccessKey: "secret",
    });
    const council = await createTenantFixture(test);
    const { caller } = await callerFor(test, {
      userId: council.users.contract_manager,
      tenantId: council.tenantId,
      attachments: store,
    });
    const { id: contractId } = await caller.contracts.create({
      reference: "S3-1",
      title: "Street cleansing",
      category: "services",
      currency: "GBP",
      annualValueMinor: 6_000_000,
    });
    await caller.plans.save({
      contractId,
      version: null,
      plan: {
        monitoring: "Monthly returns",
        governance: "Quarterly review",
        milestones: [],
        agreedOn: "2025-04-01",
      },
    });
    const text = "The signed plan, kept in the object store";
    const { id } = await caller.attachments.upload({
      contractId,
      ownerType: "management_plan",
      ownerId: contractId,
      fileName: "plan.txt",
      contentType: "text/plain",
      contentBase64: Buffer.from(text).toString("base64"),
    });
    const [put] = seen.filter((request) => request.method === "PUT");
    expect(put?.path).toMatch(new RegExp(`^/steward/tenants/${council.tenantId}/[0-9a-f-]{36}$`));
    expect(put?.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE\/\d{8}\/eu-west-2\/s3\/aws4_request/,
    );
    expect(objects.get(put?.path ?? "")?.toString()).toBe(text);
    const blobs = await inTransaction(test.database, { tenantId: council.tenantId, userId: null }, (tx) =>
      tx.select().from(schema.attachmentBlobs),
    );
    expect(blobs).toEqual([]);

    const downloaded = await caller.attachments.download({ attachmentId: id });
    expect(Buffer.from(downloaded.contentBase64, "base64").toString()).toBe(text);

    await caller.attachments.remove({ attachmentId: id });
    // The deletion is sent after the commit, without holding up the answer.
    await expect.poll(() => objects.size).toBe(0);
    expect(seen.map((request) => request.method)).toEqual(["PUT", "GET", "DELETE"]);
  });
});
