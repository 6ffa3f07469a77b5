ALTER TABLE "accounts" DROP CONSTRAINT "accounts_plan_id_plans_id_fk";
--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "plan_id";--> statement-breakpoint
ALTER TABLE "accounts" DROP COLUMN "trial_ends_at";