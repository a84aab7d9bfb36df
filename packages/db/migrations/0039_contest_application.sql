-- Members apply for a contest event from their phones (issue 9, docs/decisions/0033-contest-applications.md):
-- 基层工会推荐 → 市总审核. The application is the member's HOME federation's row until its staff decide;
-- approving it takes an entrant place through the places engine's claim (the same contest_registration
-- a staff registration makes, named by registration_id); refusing it tells the member. One open
-- application (applied or approved) per member and event.
CREATE TABLE "contest_application" (
	"tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"event_id" uuid NOT NULL,
	"contest_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"years_in_trade" integer NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"status" text DEFAULT 'applied' NOT NULL,
	"registration_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"idempotency_key" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_application_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_application_idem_uq" UNIQUE("tenant_id","member_id","idempotency_key"),
	CONSTRAINT "contest_application_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "member"("tenant_id","id"),
	CONSTRAINT "contest_application_registration_fk" FOREIGN KEY ("tenant_id","registration_id") REFERENCES "contest_registration"("tenant_id","id"),
	CONSTRAINT "contest_application_status_ck" CHECK ("status" in ('applied', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "contest_application_approved_ck" CHECK (("status" = 'approved') = ("registration_id" IS NOT NULL) OR "status" = 'withdrawn'),
	CONSTRAINT "contest_application_years_ck" CHECK ("years_in_trade" between 0 and 60)
);--> statement-breakpoint
CREATE UNIQUE INDEX "contest_application_open_uq" ON "contest_application" USING btree ("tenant_id","event_id","member_id") WHERE status in ('applied', 'approved');--> statement-breakpoint
CREATE INDEX "contest_application_event_idx" ON "contest_application" USING btree ("tenant_id","event_id","status");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON contest_application TO uc_app;--> statement-breakpoint
ALTER TABLE contest_application ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE contest_application FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY contest_application_home ON contest_application
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Stages 初赛 → 决赛 (issue 9, same decision): a final is a contest_event of its own (round 'final')
-- naming its preliminary; its entrants are the preliminary's top N as derived from the marks when
-- it advances, entered on the final's own pool; draw, panel, marking, lock and results run on it
-- unchanged. One final per preliminary.
ALTER TABLE "contest_event" ADD COLUMN "round" text DEFAULT 'preliminary' NOT NULL;--> statement-breakpoint
ALTER TABLE "contest_event" ADD COLUMN "preliminary_id" uuid;--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_preliminary_fk" FOREIGN KEY ("tenant_id","preliminary_id") REFERENCES "contest_event"("tenant_id","id");--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_final_uq" UNIQUE ("tenant_id","preliminary_id");--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_round_ck" CHECK ("round" in ('preliminary', 'final') AND ("round" = 'final') = ("preliminary_id" IS NOT NULL));
