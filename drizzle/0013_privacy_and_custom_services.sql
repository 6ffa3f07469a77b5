CREATE TABLE "announcements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject_en" text NOT NULL,
	"body_en" text NOT NULL,
	"subject_nl" text NOT NULL,
	"body_nl" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"recipients" integer
);
--> statement-breakpoint
CREATE TABLE "consent_records" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid,
	"email" text,
	"purpose" text NOT NULL,
	"granted" boolean NOT NULL,
	"wording_version" text NOT NULL,
	"source" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text
);
--> statement-breakpoint
CREATE TABLE "custom_service_agreements" (
	"request_id" uuid PRIMARY KEY NOT NULL,
	"requirements" text NOT NULL,
	"specification" text NOT NULL,
	"price_cents" integer NOT NULL,
	"expected_delivery" text NOT NULL,
	"ip_clause" text NOT NULL,
	"agreement_text" text NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approval_source" text NOT NULL,
	"approver_name" text,
	"approved_by_user_id" uuid,
	"approval_email_text" text,
	"approval_received_at" timestamp with time zone,
	"recorded_by" uuid
);
--> statement-breakpoint
CREATE TABLE "custom_service_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"from_status" text,
	"to_status" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "custom_service_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"account_id" uuid NOT NULL,
	"requested_by" uuid,
	"source" text NOT NULL,
	"need" text NOT NULL,
	"wanted_by" text,
	"budget_cents" integer,
	"email_text" text,
	"received_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"refusal_reason" text,
	"requirements" text,
	"specification" text,
	"price_cents" integer,
	"expected_delivery" text,
	"proposed_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"invoice_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "custom_service_requests_reference_unique" UNIQUE("reference")
);
--> statement-breakpoint
CREATE TABLE "gdpr_request_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"request_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_id" uuid,
	"kind" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "gdpr_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"reference" text NOT NULL,
	"type" text NOT NULL,
	"full_name" text,
	"email" text,
	"details" text,
	"withdrawal" jsonb,
	"locale" text DEFAULT 'en' NOT NULL,
	"user_id" uuid,
	"status" text DEFAULT 'unconfirmed' NOT NULL,
	"confirm_token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone,
	"due_at" timestamp with time zone,
	"extension_months" integer DEFAULT 0 NOT NULL,
	"extension_reason" text,
	"assignee_id" uuid,
	"refusal_reason" text,
	"completed_at" timestamp with time zone,
	"reply" text,
	"ip" text,
	CONSTRAINT "gdpr_requests_reference_unique" UNIQUE("reference"),
	CONSTRAINT "gdpr_requests_confirm_token_hash_unique" UNIQUE("confirm_token_hash")
);
--> statement-breakpoint
CREATE TABLE "newsletter_subscribers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text,
	"locale" text DEFAULT 'en' NOT NULL,
	"token_hash" text,
	"created_at" timestamp with time zone NOT NULL,
	"confirm_expires_at" timestamp with time zone NOT NULL,
	"confirmed_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"ip" text,
	CONSTRAINT "newsletter_subscribers_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "privacy_flags" (
	"email" text PRIMARY KEY NOT NULL,
	"unsubscribed_at" timestamp with time zone,
	"restricted_at" timestamp with time zone,
	"objected_at" timestamp with time zone,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sub_processors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"purpose_en" text NOT NULL,
	"purpose_nl" text NOT NULL,
	"country" text NOT NULL,
	"website" text,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "kind" text DEFAULT 'transactional' NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "headers" jsonb;--> statement-breakpoint
ALTER TABLE "announcements" ADD CONSTRAINT "announcements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consent_records" ADD CONSTRAINT "consent_records_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_agreements" ADD CONSTRAINT "custom_service_agreements_request_id_custom_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."custom_service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_agreements" ADD CONSTRAINT "custom_service_agreements_approved_by_user_id_users_id_fk" FOREIGN KEY ("approved_by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_agreements" ADD CONSTRAINT "custom_service_agreements_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_events" ADD CONSTRAINT "custom_service_events_request_id_custom_service_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."custom_service_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_events" ADD CONSTRAINT "custom_service_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_requests" ADD CONSTRAINT "custom_service_requests_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_requests" ADD CONSTRAINT "custom_service_requests_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "custom_service_requests" ADD CONSTRAINT "custom_service_requests_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_request_events" ADD CONSTRAINT "gdpr_request_events_request_id_gdpr_requests_id_fk" FOREIGN KEY ("request_id") REFERENCES "public"."gdpr_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_request_events" ADD CONSTRAINT "gdpr_request_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_requests" ADD CONSTRAINT "gdpr_requests_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "gdpr_requests" ADD CONSTRAINT "gdpr_requests_assignee_id_users_id_fk" FOREIGN KEY ("assignee_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consent_records_user_idx" ON "consent_records" USING btree ("user_id","purpose","at");--> statement-breakpoint
CREATE INDEX "consent_records_email_idx" ON "consent_records" USING btree ("email");--> statement-breakpoint
CREATE INDEX "custom_service_events_request_idx" ON "custom_service_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "custom_service_requests_account_idx" ON "custom_service_requests" USING btree ("account_id","created_at");--> statement-breakpoint
CREATE INDEX "custom_service_requests_status_idx" ON "custom_service_requests" USING btree ("status","received_at");--> statement-breakpoint
CREATE INDEX "gdpr_request_events_request_idx" ON "gdpr_request_events" USING btree ("request_id","at");--> statement-breakpoint
CREATE INDEX "gdpr_requests_queue_idx" ON "gdpr_requests" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "gdpr_requests_email_idx" ON "gdpr_requests" USING btree ("email");--> statement-breakpoint
CREATE UNIQUE INDEX "newsletter_subscribers_email_unique" ON "newsletter_subscribers" USING btree ("email") WHERE "newsletter_subscribers"."email" is not null;