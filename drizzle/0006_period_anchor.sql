ALTER TABLE "subscriptions" ADD COLUMN "period_anchor" timestamp with time zone;--> statement-breakpoint
-- PAY-4 backfill: a paying subscription is anchored at the start of its first paid period (its
-- first-period invoice), else at its current period's start. Rows that already drifted
-- (31 Jan → 28 Feb → 28 Mar) get one longer period that lands back on the anchor day.
UPDATE "subscriptions" s SET "period_anchor" = coalesce(
  (SELECT max(i."period_start") FROM "invoices" i
    WHERE i."account_id" = s."account_id" AND i."kind" = 'invoice' AND i."reason" = 'first_period'
      AND i."period_start" <= s."current_period_start"),
  s."current_period_start")
WHERE s."current_period_start" IS NOT NULL;
