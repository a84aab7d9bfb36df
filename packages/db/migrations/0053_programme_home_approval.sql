-- Joint programmes: the home federation's approval of a member's own registration, optional per event
-- (issue 10, DOMAIN §3.1 "registration with approval"; docs/decisions/0051-programme-home-approval.md).
-- The host sets home_approval on the event; a member's own registration for one of its sessions is then
-- a request kept by their HOME federation (tenant_id) only — it holds no seat and the host sees none of
-- it — until that federation's staff approve it (which claims the seat through the same registration a
-- member or staff make, named by registration_id) or refuse it with a reason. The same shape and
-- statuses as contest_application (0039). One open request per member and session.
ALTER TABLE "programme_event" ADD COLUMN "home_approval" boolean DEFAULT false NOT NULL;
--> statement-breakpoint
CREATE TABLE "programme_request" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"session_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"consent_at" timestamp with time zone,
	"status" text DEFAULT 'applied' NOT NULL,
	"registration_id" uuid,
	"decided_by_user_id" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"idempotency_key" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_request_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_request_idem_uq" UNIQUE("tenant_id","member_id","idempotency_key"),
	CONSTRAINT "programme_request_status_ck" CHECK ("status" in ('applied', 'approved', 'refused', 'withdrawn')),
	CONSTRAINT "programme_request_approved_ck" CHECK (("status" = 'approved') = ("registration_id" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "programme_request" ADD CONSTRAINT "programme_request_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "programme_request" ADD CONSTRAINT "programme_request_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "programme_request" ADD CONSTRAINT "programme_request_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."member"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "programme_request" ADD CONSTRAINT "programme_request_registration_fk" FOREIGN KEY ("tenant_id","registration_id") REFERENCES "public"."programme_registration"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
CREATE UNIQUE INDEX "programme_request_open_uq" ON "programme_request" USING btree ("tenant_id","session_id","member_id") WHERE status = 'applied';
--> statement-breakpoint
CREATE INDEX "programme_request_status_idx" ON "programme_request" USING btree ("tenant_id","status","event_id");
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON programme_request TO uc_app;
--> statement-breakpoint
ALTER TABLE programme_request ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_request FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_request_home ON programme_request
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
