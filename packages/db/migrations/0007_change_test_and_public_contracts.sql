ALTER TABLE "contract_changes" ADD COLUMN "related_change_ids" uuid[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "related_changes_reason" text;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "new_supplier_id" uuid;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "council_tabled_on" date;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "council_resolution_reference" text;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "community_notice_on" date;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD COLUMN "representations_close_on" date;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "public_contract" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "contract_changes" ADD CONSTRAINT "contract_changes_tenant_id_new_supplier_id_suppliers_tenant_id_id_fk" FOREIGN KEY ("tenant_id","new_supplier_id") REFERENCES "public"."suppliers"("tenant_id","id") ON DELETE no action ON UPDATE no action;