-- Walk-ins at a programme session (issue 10; docs/decisions/0045-programme-walk-ins.md): someone of
-- either city who came without registering, recorded at the door by the host by mobile or ID number.
-- Minimum collection: the name as given, the number masked, and a keyed hash of it (person_key) that
-- counts a person once per session (the unique key) and once across sessions (人数). The host owns the
-- row; the co-host reads the walk-ins of its own city. Append-only for the app role.
CREATE TABLE "programme_walk_in" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"session_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"home_tenant_id" uuid NOT NULL,
	"name" text NOT NULL,
	-- id_number | mobile
	"key_kind" text NOT NULL,
	"person_key" text NOT NULL,
	"masked" text NOT NULL,
	"member_id" uuid,
	"recorded_by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_walk_in_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_walk_in_once_uq" UNIQUE("tenant_id","session_id","person_key"),
	CONSTRAINT "programme_walk_in_session_fk" FOREIGN KEY ("tenant_id","session_id") REFERENCES "public"."programme_session"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "programme_walk_in_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_walk_in_home_fk" FOREIGN KEY ("home_tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_walk_in_kind_ck" CHECK ("key_kind" in ('id_number', 'mobile'))
);
--> statement-breakpoint
CREATE INDEX "programme_walk_in_event_idx" ON "programme_walk_in" USING btree ("tenant_id","event_id");
--> statement-breakpoint
GRANT SELECT, INSERT ON programme_walk_in TO uc_app;
--> statement-breakpoint
ALTER TABLE programme_walk_in ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_walk_in FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_walk_in_host ON programme_walk_in
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY programme_walk_in_home ON programme_walk_in FOR SELECT
  USING (home_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
