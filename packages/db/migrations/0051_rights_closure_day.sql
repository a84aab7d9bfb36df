-- A federation's own closure days (issue 11; docs/decisions/0049-rights-service-levels.md): a day
-- the rights department is closed on top of the national calendar (a typhoon day, a local holiday)
-- stops every clock the federation owns, whichever policy a clock's budget came from. They were a
-- column of each policy row, so a closure added later missed the clocks already running; now they
-- are rows of their own, published as the policies are (any federation reads, each writes its own).
CREATE TABLE "rights_closure_day" (
	"tenant_id" uuid NOT NULL,
	"day" date NOT NULL,
	"reason" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_closure_day_tenant_id_day_pk" PRIMARY KEY("tenant_id","day"),
	CONSTRAINT "rights_closure_day_reason_ck" CHECK (length(btrim("reason")) between 1 and 200)
);
--> statement-breakpoint
ALTER TABLE "rights_closure_day" ADD CONSTRAINT "rights_closure_day_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
INSERT INTO "rights_closure_day" ("tenant_id", "day", "reason")
  SELECT DISTINCT p.tenant_id, d, '闭馆日' FROM "rights_sla_policy" p, unnest(p.closure_days) AS d;
--> statement-breakpoint
ALTER TABLE "rights_sla_policy" DROP COLUMN "closure_days";
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON rights_closure_day TO uc_app;
--> statement-breakpoint
ALTER TABLE rights_closure_day ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rights_closure_day FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rights_closure_day_owner ON rights_closure_day
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_closure_day_published ON rights_closure_day FOR SELECT
  USING (nullif(current_setting('app.tenant_id', true), '') IS NOT NULL);
