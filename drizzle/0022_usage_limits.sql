CREATE TABLE "account_limit_overrides" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"max_users" integer,
	"max_tickets_per_month" integer,
	"max_storage_gb" integer,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enterprise_agreements" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"agreed_terms" text NOT NULL,
	"marked_at" timestamp with time zone NOT NULL,
	"marked_by" uuid
);
--> statement-breakpoint
CREATE TABLE "enterprise_thresholds" (
	"id" text PRIMARY KEY DEFAULT 'default' NOT NULL,
	"min_end_users" integer NOT NULL,
	"min_tickets_per_agent" integer NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
CREATE TABLE "usage_api_tokens" (
	"account_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"token_prefix" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_by_role" text NOT NULL,
	"last_used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "usage_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"month" text NOT NULL,
	"end_users" integer NOT NULL,
	"tickets_this_month" integer NOT NULL,
	"agents" integer,
	"storage_mb" integer
);
--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "max_users" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "max_tickets_per_month" integer;--> statement-breakpoint
ALTER TABLE "plans" ADD COLUMN "max_storage_gb" integer;--> statement-breakpoint
ALTER TABLE "account_limit_overrides" ADD CONSTRAINT "account_limit_overrides_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_limit_overrides" ADD CONSTRAINT "account_limit_overrides_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_agreements" ADD CONSTRAINT "enterprise_agreements_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_agreements" ADD CONSTRAINT "enterprise_agreements_marked_by_users_id_fk" FOREIGN KEY ("marked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enterprise_thresholds" ADD CONSTRAINT "enterprise_thresholds_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_api_tokens" ADD CONSTRAINT "usage_api_tokens_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_api_tokens" ADD CONSTRAINT "usage_api_tokens_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "usage_reports" ADD CONSTRAINT "usage_reports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "usage_api_tokens_hash_unique" ON "usage_api_tokens" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "usage_api_tokens_prefix_idx" ON "usage_api_tokens" USING btree ("token_prefix");--> statement-breakpoint
CREATE INDEX "usage_reports_account_idx" ON "usage_reports" USING btree ("account_id","reported_at");