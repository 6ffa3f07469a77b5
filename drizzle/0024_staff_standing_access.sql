CREATE TABLE "account_contact_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"channel" text NOT NULL,
	"ground" text NOT NULL,
	"contacted_at" timestamp with time zone NOT NULL,
	"notes" text,
	"staff_user_id" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"warning_sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "staff_access_grants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"staff_user_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone,
	"last_path" text,
	"last_view_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "staff_suspension_ground" text;--> statement-breakpoint
ALTER TABLE "account_contact_attempts" ADD CONSTRAINT "account_contact_attempts_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_contact_attempts" ADD CONSTRAINT "account_contact_attempts_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_access_grants" ADD CONSTRAINT "staff_access_grants_staff_user_id_users_id_fk" FOREIGN KEY ("staff_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_access_grants" ADD CONSTRAINT "staff_access_grants_session_id_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staff_access_grants" ADD CONSTRAINT "staff_access_grants_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_contact_attempts_account_idx" ON "account_contact_attempts" USING btree ("account_id","recorded_at");--> statement-breakpoint
CREATE INDEX "staff_access_grants_session_idx" ON "staff_access_grants" USING btree ("session_id");--> statement-breakpoint
CREATE UNIQUE INDEX "staff_access_grants_open_unique" ON "staff_access_grants" USING btree ("session_id") WHERE "staff_access_grants"."ended_at" is null;