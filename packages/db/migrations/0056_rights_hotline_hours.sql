-- Hour-level service levels of hotline cases (issue 11; docs/decisions/0055-hotline-hour-clocks.md):
-- a federation's policy gets its business hours (opening windows of a working day, China time)
-- and the hotline's three figures in minutes of business time (DOMAIN §3.2: dispatch 30 min, first
-- response 2 h, follow-up 24 h); existing policies take the defaults. A referral records whether
-- its case came in on the 12351 hotline (copied from the case like the dispute kind: the performer
-- must see its clocks without the file), backfilled from the cases.
ALTER TABLE "rights_sla_policy" ADD COLUMN "business_hours" text[] DEFAULT '{08:30-12:00,13:30-17:30}' NOT NULL;
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD COLUMN "dispatch_minutes" integer DEFAULT 30 NOT NULL;
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD COLUMN "first_response_minutes" integer DEFAULT 120 NOT NULL;
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD COLUMN "hotline_follow_up_minutes" integer DEFAULT 1440 NOT NULL;
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD CONSTRAINT "rights_sla_policy_minutes_ck" CHECK (least("rights_sla_policy"."dispatch_minutes", "rights_sla_policy"."first_response_minutes", "rights_sla_policy"."hotline_follow_up_minutes") >= 1);
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD CONSTRAINT "rights_sla_policy_hours_ck" CHECK (cardinality("rights_sla_policy"."business_hours") between 1 and 4);
--> statement-breakpoint
ALTER TABLE "rights_referral" ADD COLUMN "hotline" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
UPDATE "rights_referral" r SET "hotline" = true FROM "rights_case" c WHERE c."tenant_id" = r."tenant_id" AND c."id" = r."case_id" AND c."source" = 'hotline';
