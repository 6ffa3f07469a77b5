CREATE TABLE "login_activity" (
	"session_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"hour" timestamp with time zone NOT NULL,
	"network" text NOT NULL,
	"device" text NOT NULL,
	CONSTRAINT "login_activity_session_id_hour_pk" PRIMARY KEY("session_id","hour")
);
--> statement-breakpoint
CREATE TABLE "login_sharing_flags" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"flagged_at" timestamp with time zone NOT NULL,
	"first_seen_at" timestamp with time zone NOT NULL,
	"last_seen_at" timestamp with time zone NOT NULL,
	"days" integer NOT NULL,
	"evidence" jsonb NOT NULL,
	"decided_at" timestamp with time zone,
	"decided_by" uuid
);
--> statement-breakpoint
CREATE TABLE "login_surcharges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"flag_id" uuid NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"created_by" uuid
);
--> statement-breakpoint
ALTER TABLE "terms_versions" ADD COLUMN "body_nl" text;--> statement-breakpoint
ALTER TABLE "terms_versions" ADD COLUMN "published_by" uuid;--> statement-breakpoint
ALTER TABLE "login_activity" ADD CONSTRAINT "login_activity_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_activity" ADD CONSTRAINT "login_activity_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sharing_flags" ADD CONSTRAINT "login_sharing_flags_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sharing_flags" ADD CONSTRAINT "login_sharing_flags_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_sharing_flags" ADD CONSTRAINT "login_sharing_flags_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_surcharges" ADD CONSTRAINT "login_surcharges_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_surcharges" ADD CONSTRAINT "login_surcharges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_surcharges" ADD CONSTRAINT "login_surcharges_flag_id_login_sharing_flags_id_fk" FOREIGN KEY ("flag_id") REFERENCES "public"."login_sharing_flags"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "login_surcharges" ADD CONSTRAINT "login_surcharges_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "login_activity_user_hour_idx" ON "login_activity" USING btree ("user_id","hour");--> statement-breakpoint
CREATE INDEX "login_activity_hour_idx" ON "login_activity" USING btree ("hour");--> statement-breakpoint
CREATE UNIQUE INDEX "login_sharing_flags_user_unique" ON "login_sharing_flags" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "login_sharing_flags_status_idx" ON "login_sharing_flags" USING btree ("status");--> statement-breakpoint
CREATE INDEX "login_surcharges_account_idx" ON "login_surcharges" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "login_surcharges_active_unique" ON "login_surcharges" USING btree ("user_id") WHERE "login_surcharges"."ended_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "terms_acceptances_user_version_unique" ON "terms_acceptances" USING btree ("user_id","terms_version_id");