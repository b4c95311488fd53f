import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { StripeSettings } from "../stripe.ts";

/**
 * A local stand-in for Stripe's API, for tests only: the real SDK is pointed at it with its host/port/protocol
 * options (issue 11 "Tests that must exist"). It answers the endpoints Steward uses, keeps what was created,
 * replays a response for a repeated idempotency key (as Stripe does), and records every request.
 */
export interface FakeRequest {
  method: string;
  path: string;
  body: Record<string, unknown>;
  idempotencyKey: string | null;
}

type Json = Record<string, unknown>;

/** Stripe's form encoding (`items[0][price]=…`) back into objects and arrays. */
export function parseForm(text: string): Json {
  const root: Json = {};
  for (const [rawKey, value] of new URLSearchParams(text)) {
    const parts = rawKey.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node: Json | unknown[] = root;
    parts.forEach((part, index) => {
      const last = index === parts.length - 1;
      const key: string | number = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
        return;
      }
      const nextIsIndex = /^\d+$/.test(parts[index + 1] ?? "");
      container[key] ??= nextIsIndex ? [] : {};
      node = container[key] as Json | unknown[];
    });
  }
  return root;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export class FakeStripe {
  readonly requests: FakeRequest[] = [];
  readonly customers = new Map<string, Json>();
  readonly subscriptions = new Map<string, Json>();
  private readonly replies = new Map<string, { status: number; body: Json }>();
  private count = 0;
  private server: Server | null = null;
  port = 0;

  static async start(): Promise<FakeStripe> {
    const fake = new FakeStripe();
    fake.server = createServer((request, response) => {
      void fake.handle(request).then(({ status, body }) => {
        response.writeHead(status, { "content-type": "application/json", "request-id": `req_${fake.count}` });
        response.end(JSON.stringify(body));
      });
    });
    fake.server.listen(0, "127.0.0.1");
    await once(fake.server, "listening");
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  /** Settings for StripeBilling that send every call here. */
  settings(overrides: Partial<StripeSettings> = {}): StripeSettings {
    return {
      secretKey: "sk_test_fake",
      webhookSecret: "whsec_fake_secret",
      prices: {
        essentials_year: "price_essentials_year",
        essentials_month: "price_essentials_month",
        professional_year: "price_professional_year",
        partnership_year: "price_partnership_year",
        partnership_month: "price_partnership_month",
      },
      daysUntilDue: 30,
      server: { host: "127.0.0.1", port: this.port, protocol: "http" },
      ...overrides,
    };
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.close();
    await once(this.server, "close");
  }

  private nextId(prefix: string) {
    this.count += 1;
    return `${prefix}_fake${String(this.count).padStart(6, "0")}`;
  }

  /** A subscription object as Stripe returns it. */
  subscriptionObject(values: {
    id?: string;
    customer: string;
    price: string;
    quantity: number;
    status?: string;
    collection?: string;
    metadata?: Json;
  }): Json {
    const id = values.id ?? this.nextId("sub");
    const periodEnd = Math.floor(Date.now() / 1000) + 365 * 86_400;
    return {
      id,
      object: "subscription",
      created: Math.floor(Date.now() / 1000) + this.count,
      customer: values.customer,
      status: values.status ?? "active",
      collection_method: values.collection ?? "charge_automatically",
      metadata: values.metadata ?? {},
      items: {
        object: "list",
        data: [
          {
            id: `si_${id}`,
            object: "subscription_item",
            price: { id: values.price, object: "price" },
            quantity: values.quantity,
            current_period_end: periodEnd,
          },
        ],
      },
    };
  }

  /**
   * The next invoice of a subscription: the seats times a price per seat of 12,000 (minor units) at the end of
   * its period, with the customer's invoice custom fields; Stripe's `invoice_upcoming_none` error when it is
   * cancelled.
   */
  private previewOf(customerId: string, subscriptionId: string): { status: number; body: Json } {
    const subscription = this.subscriptions.get(subscriptionId);
    const customer = this.customers.get(customerId);
    if (!subscription || subscription.customer !== customerId || !customer) {
      return {
        status: 404,
        body: { error: { type: "invalid_request_error", message: "No such subscription" } },
      };
    }
    if (subscription.status === "canceled") {
      return {
        status: 400,
        body: {
          error: {
            type: "invalid_request_error",
            code: "invoice_upcoming_none",
            message: "No upcoming invoices for customer",
          },
        },
      };
    }
    const item = (subscription.items as { data: Json[] }).data[0] ?? {};
    const quantity = Number(item.quantity ?? 0);
    const periodEnd = Number(item.current_period_end ?? 0);
    const settings = (customer.invoice_settings as { custom_fields?: unknown } | undefined) ?? {};
    const customFields = Array.isArray(settings.custom_fields) ? settings.custom_fields : null;
    return {
      status: 200,
      body: {
        object: "invoice",
        customer: customerId,
        subscription: subscriptionId,
        currency: "gbp",
        amount_due: quantity * 12_000,
        period_end: periodEnd,
        custom_fields: customFields,
        lines: {
          object: "list",
          data: [
            { object: "line_item", quantity, period: { start: periodEnd, end: periodEnd + 365 * 86_400 } },
          ],
        },
      },
    };
  }

  private async handle(request: IncomingMessage): Promise<{ status: number; body: Json }> {
    const text = await bodyOf(request);
    const [path = "", query = ""] = (request.url ?? "").split("?");
    const method = request.method ?? "GET";
    const idempotencyKey = (request.headers["idempotency-key"] as string | undefined) ?? null;
    // A GET carries its parameters in the query string, as Stripe's list endpoints take them.
    const body = parseForm(method === "GET" ? query : text);
    this.requests.push({ method, path, body, idempotencyKey });
    const replayKey = idempotencyKey ? `${method} ${path} ${idempotencyKey}` : null;
    const replayed = replayKey ? this.replies.get(replayKey) : undefined;
    if (replayed) return replayed;
    const reply = this.answer(method, path, body);
    if (replayKey) this.replies.set(replayKey, reply);
    return reply;
  }

  private answer(method: string, path: string, body: Json): { status: number; body: Json } {
    const ok = (value: Json) => ({ status: 200, body: value });
    const missing = () => ({
      status: 404,
      body: { error: { type: "invalid_request_error", message: `No such resource: ${path}` } },
    });
    const [, , resource, id] = path.split("/");
    if (method === "POST" && path === "/v1/customers") {
      const customer = { id: this.nextId("cus"), object: "customer", invoice_settings: {}, ...body };
      this.customers.set(customer.id, customer);
      return ok(customer);
    }
    if (method === "POST" && resource === "customers" && id) {
      const customer = this.customers.get(id);
      if (!customer) return missing();
      Object.assign(customer, body);
      return ok(customer);
    }
    if (method === "POST" && path === "/v1/checkout/sessions") {
      const sessionId = this.nextId("cs");
      return ok({
        id: sessionId,
        object: "checkout.session",
        url: `https://checkout.stripe.test/c/pay/${sessionId}`,
        ...body,
      });
    }
    if (method === "POST" && path === "/v1/billing_portal/sessions") {
      return ok({
        id: this.nextId("bps"),
        object: "billing_portal.session",
        url: "https://billing.stripe.test/p/session",
      });
    }
    if (method === "POST" && path === "/v1/subscriptions") {
      const items = (body.items as { price: string; quantity: string }[] | undefined) ?? [];
      const subscription = this.subscriptionObject({
        customer: String(body.customer),
        price: items[0]?.price ?? "",
        quantity: Number(items[0]?.quantity ?? 1),
        collection: String(body.collection_method ?? "charge_automatically"),
        metadata: (body.metadata as Json | undefined) ?? {},
      });
      this.subscriptions.set(String(subscription.id), subscription);
      return ok(subscription);
    }
    if (method === "POST" && path === "/v1/invoices/create_preview") {
      return this.previewOf(String(body.customer), String(body.subscription));
    }
    if (method === "GET" && path === "/v1/subscriptions") {
      const data = [...this.subscriptions.values()].filter(
        (subscription) =>
          subscription.customer === body.customer &&
          (body.status === "all" ||
            !["canceled", "incomplete_expired"].includes(String(subscription.status))),
      );
      return ok({ object: "list", url: "/v1/subscriptions", has_more: false, data });
    }
    if (resource === "subscriptions" && id) {
      const subscription = this.subscriptions.get(id);
      if (!subscription) return missing();
      if (method === "POST") {
        const items = body.items as { quantity?: string }[] | undefined;
        const item = (subscription.items as { data: Json[] }).data[0];
        if (item && items?.[0]?.quantity) item.quantity = Number(items[0].quantity);
        if (body.metadata)
          subscription.metadata = { ...(subscription.metadata as Json), ...(body.metadata as Json) };
      }
      return ok(subscription);
    }
    return missing();
  }
}
