-- Issued class completion certificates (结业证书; issue 10, docs/decisions/0057-programme-certificates.md):
-- who qualifies is still derived from the check-ins on every read; what is stored is the certificate
-- as printed — the masked facts and their hash — the first time it is issued (by the member or by
-- staff), in the issuing federation's rows, so that the public page behind the QR code reads it by
-- number without a federation, as contest certificates are (contest_certificate_by_number, 0019).
-- Append-only for the app role; the same number may be issued once in each of the two federations.
CREATE TABLE "programme_certificate" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"event_id" uuid NOT NULL,
	"home_tenant_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"masked_name" text NOT NULL,
	"class_title" text NOT NULL,
	"topic" text NOT NULL,
	"attended" integer NOT NULL,
	"sessions" integer NOT NULL,
	"credit_hours" text NOT NULL,
	"completed_on" date NOT NULL,
	"issued_on" date NOT NULL,
	"issuers" text[] NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_certificate_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_certificate_number_uq" UNIQUE("tenant_id","number"),
	CONSTRAINT "programme_certificate_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id")
);
--> statement-breakpoint
CREATE INDEX "programme_certificate_number_idx" ON "programme_certificate" USING btree ("number");
--> statement-breakpoint
GRANT SELECT, INSERT ON programme_certificate TO uc_app;
--> statement-breakpoint
ALTER TABLE programme_certificate ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_certificate FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_certificate_owner ON programme_certificate
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- The public verification page reads a certificate by its number, without a federation.
CREATE POLICY programme_certificate_by_number ON programme_certificate FOR SELECT
  USING (number = nullif(current_setting('app.certificate_number', true), ''));
