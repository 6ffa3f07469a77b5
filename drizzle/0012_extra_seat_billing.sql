CREATE TABLE "extra_seat_billings" (
	"account_id" uuid NOT NULL,
	"month" text NOT NULL,
	"invoice_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "extra_seat_billings_account_id_month_pk" PRIMARY KEY("account_id","month")
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "lifetime" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "extra_seat_billings" ADD CONSTRAINT "extra_seat_billings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;