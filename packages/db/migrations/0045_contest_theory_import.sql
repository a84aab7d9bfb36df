-- Theory marks from the exam system's Excel sheet (issue 9; docs/decisions/0043-contest-theory-import.md).
-- Kept apart from the judges' marks: an import is one recorded event (who, when, which file), its
-- marks are rows under it, and the theory mark of an entrant is always read from the event's
-- latest import. Append-only for the app role; the organiser writes, the contest's parties read.
CREATE TABLE "contest_theory_import" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"file_sha256" text NOT NULL,
	"rows" integer NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_theory_import_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_theory_import_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."contest_event"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "contest_theory_import_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id")
);
--> statement-breakpoint
CREATE INDEX "contest_theory_import_event_idx" ON "contest_theory_import" USING btree ("tenant_id","event_id","at");
--> statement-breakpoint
CREATE TABLE "contest_theory_mark" (
	"tenant_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"entrant_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	-- hundredths of a point; null: absent from the exam (缺考), counted as zero
	"mark" integer,
	CONSTRAINT "contest_theory_mark_pk" PRIMARY KEY("tenant_id","import_id","entrant_id","aspect"),
	CONSTRAINT "contest_theory_mark_import_fk" FOREIGN KEY ("tenant_id","import_id") REFERENCES "public"."contest_theory_import"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "contest_theory_mark_entrant_fk" FOREIGN KEY ("tenant_id","entrant_id") REFERENCES "public"."contest_entrant"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "contest_theory_mark_mark_ck" CHECK ("mark" between 0 and 100000)
);
--> statement-breakpoint
GRANT SELECT, INSERT ON contest_theory_import, contest_theory_mark TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contest_theory_import', 'contest_theory_mark'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT
      USING (EXISTS (SELECT 1 FROM contest_event e WHERE e.tenant_id = %I.tenant_id AND e.id = %I.event_id))$p$,
      t || '_parties', t, t, t);
  END LOOP;
END $$;
