CREATE TABLE "plan_price_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"old_monthly_cents" integer NOT NULL,
	"old_yearly_cents" integer NOT NULL,
	"new_monthly_cents" integer NOT NULL,
	"new_yearly_cents" integer NOT NULL,
	"effective_at" timestamp with time zone NOT NULL,
	"announced_at" timestamp with time zone NOT NULL,
	"announced_by" uuid,
	"recipients" integer DEFAULT 0 NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "plan_price_changes" ADD CONSTRAINT "plan_price_changes_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_price_changes" ADD CONSTRAINT "plan_price_changes_announced_by_users_id_fk" FOREIGN KEY ("announced_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_price_changes" ADD CONSTRAINT "plan_price_changes_withdrawn_by_users_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "plan_price_changes_due_idx" ON "plan_price_changes" USING btree ("applied_at","effective_at");--> statement-breakpoint
CREATE UNIQUE INDEX "plan_price_changes_pending_unique" ON "plan_price_changes" USING btree ("plan_id") WHERE "plan_price_changes"."withdrawn_at" is null and "plan_price_changes"."applied_at" is null;