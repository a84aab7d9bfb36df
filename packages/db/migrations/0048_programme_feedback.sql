-- Feedback on a programme session (issue 10; docs/decisions/0046-programme-feedback.md): an attendee
-- rates the session 1–5 with an optional comment, once per registration. The row belongs to the
-- member's home federation (as the registration does) and is read by it and by the host; append-only.
CREATE TABLE "programme_feedback" (
	"tenant_id" uuid NOT NULL,
	"registration_id" uuid NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"rating" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "programme_feedback_pk" PRIMARY KEY("tenant_id","registration_id"),
	CONSTRAINT "programme_feedback_registration_fk" FOREIGN KEY ("tenant_id","registration_id") REFERENCES "public"."programme_registration"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "programme_feedback_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_feedback_host_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_feedback_rating_ck" CHECK ("rating" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX "programme_feedback_event_idx" ON "programme_feedback" USING btree ("host_tenant_id","event_id");
--> statement-breakpoint
GRANT SELECT, INSERT ON programme_feedback TO uc_app;
--> statement-breakpoint
ALTER TABLE programme_feedback ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_feedback FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_feedback_two_tenants ON programme_feedback
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
