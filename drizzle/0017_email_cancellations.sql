CREATE TABLE "email_cancellations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"requester_email" text,
	"received_at" timestamp with time zone NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone NOT NULL,
	"carried_out_at" timestamp with time zone,
	"carried_out_by" uuid
);
--> statement-breakpoint
ALTER TABLE "email_cancellations" ADD CONSTRAINT "email_cancellations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_cancellations" ADD CONSTRAINT "email_cancellations_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_cancellations" ADD CONSTRAINT "email_cancellations_carried_out_by_users_id_fk" FOREIGN KEY ("carried_out_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_cancellations_due_idx" ON "email_cancellations" USING btree ("carried_out_at","due_at");--> statement-breakpoint
CREATE UNIQUE INDEX "email_cancellations_open_unique" ON "email_cancellations" USING btree ("account_id") WHERE "email_cancellations"."carried_out_at" is null;