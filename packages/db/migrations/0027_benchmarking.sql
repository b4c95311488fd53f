CREATE TABLE "benchmark_cells" (
	"id" uuid PRIMARY KEY NOT NULL,
	"snapshot_id" uuid NOT NULL,
	"template_id" uuid,
	"measure" text,
	"organisation_id" uuid,
	"category_id" uuid,
	"suppression_reason" text,
	"council_count" integer,
	"measurement_count" integer,
	"median" double precision,
	"lower_quartile" double precision,
	"upper_quartile" double precision,
	"low_band" double precision,
	"high_band" double precision,
	CONSTRAINT "benchmark_cells_one_measure_check" CHECK (("benchmark_cells"."template_id" is null) <> ("benchmark_cells"."measure" is null)),
	CONSTRAINT "benchmark_cells_published_check" CHECK (("benchmark_cells"."suppression_reason" is null) = ("benchmark_cells"."council_count" is not null and "benchmark_cells"."median" is not null)),
	CONSTRAINT "benchmark_cells_measure_check" CHECK ("benchmark_cells"."measure" in ('kpi_attainment', 'months_red', 'days_to_pay', 'variation_rate')),
	CONSTRAINT "benchmark_cells_suppression_reason_check" CHECK ("benchmark_cells"."suppression_reason" in ('too_few_councils', 'differencing'))
);
--> statement-breakpoint
CREATE TABLE "benchmark_participation" (
	"tenant_id" uuid NOT NULL,
	"opted_in" boolean NOT NULL,
	"decided_by" uuid NOT NULL,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "benchmark_participation_tenant_id_pk" PRIMARY KEY("tenant_id")
);
--> statement-breakpoint
CREATE TABLE "benchmark_settings" (
	"id" boolean PRIMARY KEY DEFAULT true NOT NULL,
	"k" integer DEFAULT 5 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "benchmark_settings_single_row_check" CHECK ("benchmark_settings"."id"),
	CONSTRAINT "benchmark_settings_k_check" CHECK ("benchmark_settings"."k" >= 3)
);
--> statement-breakpoint
CREATE TABLE "benchmark_snapshots" (
	"id" uuid PRIMARY KEY NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"k" integer NOT NULL,
	"pool_size" integer NOT NULL,
	"published_cells" integer NOT NULL,
	"suppressed_cells" integer NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_snapshots_period_check" CHECK ("benchmark_snapshots"."period_end" > "benchmark_snapshots"."period_start")
);
--> statement-breakpoint
CREATE TABLE "benchmark_warnings" (
	"snapshot_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "benchmark_warnings_snapshot_id_organisation_id_pk" PRIMARY KEY("snapshot_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "service_categories" (
	"id" uuid PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "slug" text NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "category_id" uuid NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "numerator_definition" text;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "denominator_definition" text;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "guidance" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "source" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "archived_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "name_source" text;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "match_keys" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "organisations" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "organisation_linked_by" uuid;--> statement-breakpoint
ALTER TABLE "suppliers" ADD COLUMN "organisation_linked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "benchmark_cells" ADD CONSTRAINT "benchmark_cells_snapshot_id_benchmark_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."benchmark_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_cells" ADD CONSTRAINT "benchmark_cells_template_id_kpi_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."kpi_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_cells" ADD CONSTRAINT "benchmark_cells_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_cells" ADD CONSTRAINT "benchmark_cells_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_participation" ADD CONSTRAINT "benchmark_participation_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_participation" ADD CONSTRAINT "benchmark_participation_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_settings" ADD CONSTRAINT "benchmark_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_warnings" ADD CONSTRAINT "benchmark_warnings_snapshot_id_benchmark_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."benchmark_snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "benchmark_warnings" ADD CONSTRAINT "benchmark_warnings_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_cells_key" ON "benchmark_cells" USING btree ("snapshot_id",coalesce("template_id"::text, "measure"),coalesce("organisation_id", '00000000-0000-0000-0000-000000000000'::uuid),coalesce("category_id", '00000000-0000-0000-0000-000000000000'::uuid));--> statement-breakpoint
CREATE INDEX "benchmark_cells_template_idx" ON "benchmark_cells" USING btree ("template_id","snapshot_id");--> statement-breakpoint
CREATE INDEX "benchmark_cells_organisation_idx" ON "benchmark_cells" USING btree ("organisation_id","snapshot_id");--> statement-breakpoint
CREATE UNIQUE INDEX "benchmark_snapshots_period_key" ON "benchmark_snapshots" USING btree ("period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "service_categories_slug_key" ON "service_categories" USING btree ("slug");--> statement-breakpoint
ALTER TABLE "kpi_templates" ADD CONSTRAINT "kpi_templates_category_id_service_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."service_categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "suppliers" ADD CONSTRAINT "suppliers_organisation_linked_by_users_id_fk" FOREIGN KEY ("organisation_linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "kpi_templates_slug_key" ON "kpi_templates" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "kpi_templates_category_idx" ON "kpi_templates" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "organisations_match_keys_idx" ON "organisations" USING gin ("match_keys");--> statement-breakpoint
CREATE INDEX "suppliers_organisation_idx" ON "suppliers" USING btree ("tenant_id","organisation_id");--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_named_by_source_check" CHECK (("organisations"."name" is null) = ("organisations"."name_source" is null));--> statement-breakpoint
ALTER TABLE "organisations" ADD CONSTRAINT "organisations_name_source_check" CHECK ("organisations"."name_source" in ('registry', 'operator'));