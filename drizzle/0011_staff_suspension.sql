ALTER TABLE "accounts" ADD COLUMN "staff_suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "staff_suspension_reason" text;