CREATE TABLE "deal_codes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deal_id" uuid NOT NULL,
	"code" text NOT NULL,
	"code_key" text NOT NULL,
	"imported_at" timestamp with time zone NOT NULL,
	"account_id" uuid,
	"redeemed_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "deal_redemption_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"ip" text,
	"email" text,
	"holding_account_id" uuid
);
--> statement-breakpoint
CREATE TABLE "deals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"partner" text NOT NULL,
	"price_paid_cents" integer NOT NULL,
	"plan_id" uuid NOT NULL,
	"lifetime_seats" integer NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "deals_name_unique" UNIQUE("name")
);
--> statement-breakpoint
ALTER TABLE "deal_codes" ADD CONSTRAINT "deal_codes_deal_id_deals_id_fk" FOREIGN KEY ("deal_id") REFERENCES "public"."deals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_codes" ADD CONSTRAINT "deal_codes_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_redemption_attempts" ADD CONSTRAINT "deal_redemption_attempts_code_id_deal_codes_id_fk" FOREIGN KEY ("code_id") REFERENCES "public"."deal_codes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deal_redemption_attempts" ADD CONSTRAINT "deal_redemption_attempts_holding_account_id_accounts_id_fk" FOREIGN KEY ("holding_account_id") REFERENCES "public"."accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deals" ADD CONSTRAINT "deals_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "deal_codes_key_unique" ON "deal_codes" USING btree ("code_key");--> statement-breakpoint
CREATE UNIQUE INDEX "deal_codes_account_unique" ON "deal_codes" USING btree ("account_id") WHERE "deal_codes"."account_id" is not null;--> statement-breakpoint
CREATE INDEX "deal_codes_deal_idx" ON "deal_codes" USING btree ("deal_id","imported_at");--> statement-breakpoint
CREATE INDEX "deal_redemption_attempts_code_idx" ON "deal_redemption_attempts" USING btree ("code_id","at");