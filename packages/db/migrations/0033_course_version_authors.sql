ALTER TABLE "course_versions" ADD COLUMN "updated_by" uuid;--> statement-breakpoint
ALTER TABLE "course_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "course_versions" ADD CONSTRAINT "course_versions_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_versions" ADD CONSTRAINT "course_versions_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;