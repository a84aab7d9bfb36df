-- The wind-down of an ended agreement (issue 12, docs/decisions/0038-agreement-wind-down.md): one row
-- per party federation, written in the same transaction as that party's wind-down, so the work runs
-- exactly once per party whatever number of job workers race for it.
CREATE TABLE "agreement_wind_down" (
	"tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"agreement_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"ended" text NOT NULL,
	"done_at" timestamp with time zone NOT NULL,
	"summary" jsonb NOT NULL DEFAULT '{}'::jsonb,
	CONSTRAINT "agreement_wind_down_pk" PRIMARY KEY ("tenant_id", "agreement_id"),
	CONSTRAINT "agreement_wind_down_party_fk" FOREIGN KEY ("tenant_id", "agreement_id") REFERENCES "agreement_party"("tenant_id", "agreement_id") ON DELETE CASCADE,
	CONSTRAINT "agreement_wind_down_ended_ck" CHECK ("ended" in ('expired', 'terminated'))
);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreement_wind_down TO uc_app;--> statement-breakpoint
ALTER TABLE agreement_wind_down ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE agreement_wind_down FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY agreement_wind_down_owner ON agreement_wind_down
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
