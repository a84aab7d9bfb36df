-- The one file store (docs/decisions/0053-file-store.md): rights case documents and programme
-- materials as files, with the columns and checks joint_item_attachment has (0007/0008). Each owner
-- keeps its own table, so each table's row-level security is exactly its owner's rows' policy.
--
-- rights_case_document: the referring federation's (tenant_id = the case's). The owner reads and adds;
-- the current performer of a referral of the case reads a SHARED document only while the worker's
-- consent named by that referral is for it, is not withdrawn and covers 'documents' — as the case
-- itself (rights_case_performer_with_consent) — so a withdrawal cuts the partner off at once.
-- Internal documents are never visible outside the owner. Append-only (no UPDATE or DELETE).
CREATE TABLE "rights_case_document" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"shared" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_document_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_case_document_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_case_document_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."rights_case"("tenant_id","id"),
	CONSTRAINT "rights_case_document_uploaded_by_user_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."app_user"("id"),
	CONSTRAINT "rights_case_document_kind_ck" CHECK ("kind" in ('contract', 'pay_slip', 'id_card', 'medical', 'other')),
	CONSTRAINT "rights_case_document_size_ck" CHECK ("size" > 0 and "size" <= 10485760 and octet_length("bytes") = "size"),
	CONSTRAINT "rights_case_document_type_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
);
--> statement-breakpoint
CREATE INDEX "rights_case_document_case_idx" ON "rights_case_document" USING btree ("tenant_id","case_id","created_at");
--> statement-breakpoint
GRANT SELECT, INSERT ON rights_case_document TO uc_app;
--> statement-breakpoint
ALTER TABLE rights_case_document ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rights_case_document FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rights_case_document_owner ON rights_case_document
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_case_document_performer_shared ON rights_case_document FOR SELECT
  USING (shared AND EXISTS (SELECT 1 FROM rights_referral r JOIN rights_consent c ON c.tenant_id = r.tenant_id AND c.id = r.consent_id
         WHERE r.tenant_id = rights_case_document.tenant_id AND r.case_id = rights_case_document.case_id
           AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           AND c.partner_tenant_id = r.performer_tenant_id AND c.withdrawn_at IS NULL
           AND 'documents' = ANY (c.scope)));
--> statement-breakpoint
-- programme_material: the host's (tenant_id = the event's). The host's staff and the co-host's staff
-- (party_tenant_id, the uploader's federation) read and add while the event is visible to them (the
-- co-host sees it once published, under an active agreement: programme_event_cohost). Members are
-- let through by the service only when registered for the event; their federation is one of the two.
CREATE TABLE "programme_material" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_material_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_material_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_material_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "programme_material_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."programme_event"("tenant_id","id") ON DELETE cascade,
	CONSTRAINT "programme_material_uploaded_by_user_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."app_user"("id"),
	CONSTRAINT "programme_material_size_ck" CHECK ("size" > 0 and "size" <= 10485760 and octet_length("bytes") = "size"),
	CONSTRAINT "programme_material_type_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
);
--> statement-breakpoint
CREATE INDEX "programme_material_event_idx" ON "programme_material" USING btree ("tenant_id","event_id","created_at");
--> statement-breakpoint
GRANT SELECT, INSERT ON programme_material TO uc_app;
--> statement-breakpoint
ALTER TABLE programme_material ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE programme_material FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY programme_material_host ON programme_material
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY programme_material_cohost ON programme_material
  USING (EXISTS (SELECT 1 FROM programme_event e WHERE e.tenant_id = programme_material.tenant_id AND e.id = programme_material.event_id
         AND e.partner_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))
  WITH CHECK (EXISTS (SELECT 1 FROM programme_event e WHERE e.tenant_id = programme_material.tenant_id AND e.id = programme_material.event_id
         AND e.partner_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
-- whoever adds a material adds it as their own federation
CREATE POLICY programme_material_own_party ON programme_material AS RESTRICTIVE FOR INSERT
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
