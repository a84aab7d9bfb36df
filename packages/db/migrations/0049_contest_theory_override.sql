-- A theory mark corrected after an appeal (issue 9; docs/decisions/0047-contest-theory-remark.md).
-- The exam sheet's import stays as it was; the chief judge's correction is a row of its own with
-- the appeal and the reason, and the latest correction of an entrant's aspect wins over the import.
-- Append-only for the app role; the organiser writes, the contest's parties read.
CREATE TABLE "contest_theory_override" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"entrant_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	-- hundredths of a point
	"mark" integer NOT NULL,
	"appeal_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_theory_override_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_theory_override_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."contest_event"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "contest_theory_override_entrant_fk" FOREIGN KEY ("tenant_id","entrant_id") REFERENCES "public"."contest_entrant"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "contest_theory_override_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "contest_theory_override_mark_ck" CHECK ("mark" between 0 and 100000)
);
--> statement-breakpoint
CREATE INDEX "contest_theory_override_event_idx" ON "contest_theory_override" USING btree ("tenant_id","event_id","entrant_id","aspect","at");
--> statement-breakpoint
GRANT SELECT, INSERT ON contest_theory_override TO uc_app;
--> statement-breakpoint
ALTER TABLE contest_theory_override ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contest_theory_override FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contest_theory_override_owner ON contest_theory_override
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY contest_theory_override_parties ON contest_theory_override FOR SELECT
  USING (EXISTS (SELECT 1 FROM contest_event e WHERE e.tenant_id = contest_theory_override.tenant_id AND e.id = contest_theory_override.event_id));
