CREATE TABLE "prepaid_credit_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"reference" text,
	"agreed_on" text,
	"invoice_id" uuid,
	"refund_status" text,
	"processor_refund_id" text,
	"refunded_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sandbox_refunds" (
	"id" text PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"amount_cents" integer NOT NULL,
	"currency" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "sandbox_refunds_idempotency_key_unique" UNIQUE("idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "prepaid_credit_entries" ADD CONSTRAINT "prepaid_credit_entries_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prepaid_credit_entries" ADD CONSTRAINT "prepaid_credit_entries_invoice_id_invoices_id_fk" FOREIGN KEY ("invoice_id") REFERENCES "public"."invoices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "prepaid_credit_entries" ADD CONSTRAINT "prepaid_credit_entries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "prepaid_credit_entries_account_idx" ON "prepaid_credit_entries" USING btree ("account_id");--> statement-breakpoint
CREATE UNIQUE INDEX "prepaid_credit_entries_invoice_unique" ON "prepaid_credit_entries" USING btree ("invoice_id","kind");--> statement-breakpoint
CREATE INDEX "prepaid_credit_entries_pending_refund_idx" ON "prepaid_credit_entries" USING btree ("refund_status") WHERE "prepaid_credit_entries"."refund_status" = 'pending';