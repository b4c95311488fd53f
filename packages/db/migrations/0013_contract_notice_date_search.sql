ALTER TABLE "contracts" ADD COLUMN "notice_date" date;--> statement-breakpoint
CREATE INDEX "contracts_tenant_notice_date_idx" ON "contracts" USING btree ("tenant_id","notice_date");--> statement-breakpoint
CREATE INDEX "contracts_reference_trgm_idx" ON "contracts" USING gin ("reference" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "contracts_title_trgm_idx" ON "contracts" USING gin ("title" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "suppliers_name_trgm_idx" ON "suppliers" USING gin ("name" gin_trgm_ops);