CREATE TABLE "advisory_notes" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"contract_id" uuid,
	"author_user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisory_notes_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "advisory_notes_kind_check" CHECK ("advisory_notes"."kind" in ('note', 'recommendation'))
);
--> statement-breakpoint
CREATE TABLE "advisory_replies" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"note_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"from_council" text NOT NULL,
	"body" text NOT NULL,
	"decision" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advisory_replies_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "advisory_replies_from_council_check" CHECK ("advisory_replies"."from_council" in ('council', 'advisor')),
	CONSTRAINT "advisory_replies_decision_check" CHECK ("advisory_replies"."decision" in ('accepted', 'partly_accepted', 'declined'))
);
--> statement-breakpoint
CREATE TABLE "engagements" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"advisor_user_id" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"granted_by" uuid,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	CONSTRAINT "engagements_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "engagements_period_check" CHECK ("engagements"."ends_on" >= "engagements"."starts_on"),
	CONSTRAINT "engagements_scopes_check" CHECK (cardinality("engagements"."scopes") > 0 and "engagements"."scopes" <@ array['read_portfolio', 'add_notes', 'run_reviews']::text[])
);
--> statement-breakpoint
CREATE TABLE "performance_reviews" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"engagement_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"summary" text,
	"overall_rating" text,
	"findings" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"shared_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "performance_reviews_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "performance_reviews_overall_rating_check" CHECK ("performance_reviews"."overall_rating" in ('good', 'approaching_target', 'requires_improvement', 'inadequate')),
	CONSTRAINT "performance_reviews_status_check" CHECK ("performance_reviews"."status" in ('draft', 'shared')),
	CONSTRAINT "performance_reviews_period_check" CHECK ("performance_reviews"."period_end" >= "performance_reviews"."period_start")
);
--> statement-breakpoint
ALTER TABLE "invitations" DROP CONSTRAINT "invitations_role_check";--> statement-breakpoint
ALTER TABLE "memberships" DROP CONSTRAINT "memberships_role_check";--> statement-breakpoint
-- Issue 9 §7: an advisor works in a council through an engagement (a period and a scope), no longer through a
-- membership. Each active advisor membership becomes an engagement of every scope from the day it was made for a
-- year (granted_by null: nobody granted it as an engagement); the memberships and any invitations as advisor go
-- (the audit log keeps their history). The owner lifts FORCE for the moment, since it sees no rows under it.
ALTER TABLE "memberships" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" NO FORCE ROW LEVEL SECURITY;--> statement-breakpoint
INSERT INTO "engagements" ("tenant_id", "id", "advisor_user_id", "scopes", "starts_on", "ends_on")
  SELECT m.tenant_id,
    -- A UUID v7 (DESIGN §3.11): the millisecond clock in the first 48 bits, the version bits set to 7.
    encode(set_bit(set_bit(overlay(uuid_send(gen_random_uuid())
      placing substring(int8send(floor(extract(epoch FROM clock_timestamp()) * 1000)::bigint) FROM 3)
      FROM 1 FOR 6), 52, 1), 53, 1), 'hex')::uuid,
    m.user_id, ARRAY['read_portfolio', 'add_notes', 'run_reviews'], m.created_at::date,
    greatest(m.created_at::date, current_date) + 365
  FROM "memberships" m WHERE m.role = 'advisor' AND m.deactivated_at IS NULL;--> statement-breakpoint
DELETE FROM "memberships" WHERE "role" = 'advisor';--> statement-breakpoint
DELETE FROM "invitations" WHERE "role" = 'advisor';--> statement-breakpoint
ALTER TABLE "memberships" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "invitations" FORCE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "advisory_notes" ADD CONSTRAINT "advisory_notes_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_notes" ADD CONSTRAINT "advisory_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_notes" ADD CONSTRAINT "advisory_notes_tenant_id_engagement_id_engagements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","engagement_id") REFERENCES "public"."engagements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_notes" ADD CONSTRAINT "advisory_notes_tenant_id_contract_id_contracts_tenant_id_id_fk" FOREIGN KEY ("tenant_id","contract_id") REFERENCES "public"."contracts"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_replies" ADD CONSTRAINT "advisory_replies_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_replies" ADD CONSTRAINT "advisory_replies_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_replies" ADD CONSTRAINT "advisory_replies_tenant_id_note_id_advisory_notes_tenant_id_id_fk" FOREIGN KEY ("tenant_id","note_id") REFERENCES "public"."advisory_notes"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_advisor_user_id_users_id_fk" FOREIGN KEY ("advisor_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_granted_by_users_id_fk" FOREIGN KEY ("granted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "engagements" ADD CONSTRAINT "engagements_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_reviews" ADD CONSTRAINT "performance_reviews_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_reviews" ADD CONSTRAINT "performance_reviews_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "performance_reviews" ADD CONSTRAINT "performance_reviews_tenant_id_engagement_id_engagements_tenant_id_id_fk" FOREIGN KEY ("tenant_id","engagement_id") REFERENCES "public"."engagements"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisory_notes_contract_idx" ON "advisory_notes" USING btree ("tenant_id","contract_id");--> statement-breakpoint
CREATE INDEX "advisory_replies_note_idx" ON "advisory_replies" USING btree ("tenant_id","note_id");--> statement-breakpoint
CREATE INDEX "engagements_advisor_user_id_idx" ON "engagements" USING btree ("advisor_user_id");--> statement-breakpoint
ALTER TABLE "invitations" ADD CONSTRAINT "invitations_role_check" CHECK ("invitations"."role" in ('admin', 'board', 'sro', 'contract_manager', 'finance', 'viewer'));--> statement-breakpoint
ALTER TABLE "memberships" ADD CONSTRAINT "memberships_role_check" CHECK ("memberships"."role" in ('admin', 'board', 'sro', 'contract_manager', 'finance', 'viewer'));