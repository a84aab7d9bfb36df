-- Issue 11 (docs/decisions/0056-consent-form-thread-files.md): the signed consent form as a file, and
-- files on the referral's secure thread — both in the one file store (0053): storedFileColumns and
-- its checks, each owner its own table with its owner's row-level security.
--
-- rights_consent_form: the referring federation's (tenant_id = the consent's), one per consent.
-- The owner reads and adds; the current performer of a referral resting on the consent reads it
-- only while that consent is for it, not withdrawn, and covers both 'documents' and
-- 'worker_identity' (the form carries the worker's name and signature). Append-only.
CREATE TABLE "rights_consent_form" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"consent_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_consent_form_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_consent_form_consent_uq" UNIQUE("tenant_id","consent_id"),
	CONSTRAINT "rights_consent_form_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_consent_form_consent_fk" FOREIGN KEY ("tenant_id","consent_id") REFERENCES "public"."rights_consent"("tenant_id","id"),
	CONSTRAINT "rights_consent_form_uploaded_by_user_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."app_user"("id"),
	CONSTRAINT "rights_consent_form_size_ck" CHECK ("size" > 0 and "size" <= 10485760 and octet_length("bytes") = "size"),
	CONSTRAINT "rights_consent_form_type_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')),
	CONSTRAINT "rights_consent_form_scan_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'))
);
--> statement-breakpoint
GRANT SELECT, INSERT ON rights_consent_form TO uc_app;
--> statement-breakpoint
ALTER TABLE rights_consent_form ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rights_consent_form FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rights_consent_form_owner ON rights_consent_form
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_consent_form_performer ON rights_consent_form FOR SELECT
  USING (EXISTS (SELECT 1 FROM rights_referral r JOIN rights_consent c ON c.tenant_id = r.tenant_id AND c.id = r.consent_id
         WHERE r.tenant_id = rights_consent_form.tenant_id AND r.consent_id = rights_consent_form.consent_id
           AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           AND c.partner_tenant_id = r.performer_tenant_id AND c.withdrawn_at IS NULL
           AND 'documents' = ANY (c.scope) AND 'worker_identity' = ANY (c.scope)));
--> statement-breakpoint
-- a consent given by signed form has its form by the end of the transaction that records it
CREATE FUNCTION rights_consent_form_ck() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NEW.method = 'signed_form' AND NOT EXISTS (SELECT 1 FROM rights_consent_form f WHERE f.tenant_id = NEW.tenant_id AND f.consent_id = NEW.id) THEN
    RAISE EXCEPTION 'a signed-form rights_consent needs its uploaded form' USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $f$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER rights_consent_form_trg AFTER INSERT ON rights_consent DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION rights_consent_form_ck();
--> statement-breakpoint
-- a referral names a consent given to its performer; a signed-form consent only with its form (one
-- recorded before this migration, with the form's name only, can no longer carry a referral)
CREATE OR REPLACE FUNCTION rights_referral_consent_ck() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM rights_consent c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.consent_id
                 AND c.case_id = NEW.case_id AND c.partner_tenant_id = NEW.performer_tenant_id AND c.withdrawn_at IS NULL
                 AND (c.method <> 'signed_form' OR EXISTS (SELECT 1 FROM rights_consent_form f WHERE f.tenant_id = c.tenant_id AND f.consent_id = c.id))) THEN
    RAISE EXCEPTION 'rights_referral needs the worker''s consent for its performer' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $f$;
--> statement-breakpoint
-- rights_referral_message_file: a file on a message of the referral's thread, the referral owner's
-- row (tenant_id = the referral's) like the message. The referrer reads all; the current performer
-- only while the consent the referral rests on is for it and not withdrawn (the thread is part of
-- the shared file, 0044). Whoever adds one adds it as the author of its message. Append-only.
CREATE TABLE "rights_referral_message_file" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"message_id" uuid NOT NULL,
	"author_tenant_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_referral_message_file_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_referral_message_file_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_referral_message_file_author_fk" FOREIGN KEY ("author_tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_referral_message_file_referral_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."rights_referral"("tenant_id","id"),
	CONSTRAINT "rights_referral_message_file_message_fk" FOREIGN KEY ("tenant_id","message_id") REFERENCES "public"."rights_referral_message"("tenant_id","id"),
	CONSTRAINT "rights_referral_message_file_uploaded_by_user_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."app_user"("id"),
	CONSTRAINT "rights_referral_message_file_size_ck" CHECK ("size" > 0 and "size" <= 10485760 and octet_length("bytes") = "size"),
	CONSTRAINT "rights_referral_message_file_type_ck" CHECK ("content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.ms-excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))
);
--> statement-breakpoint
CREATE INDEX "rights_referral_message_file_referral_idx" ON "rights_referral_message_file" USING btree ("tenant_id","referral_id","created_at");
--> statement-breakpoint
GRANT SELECT, INSERT ON rights_referral_message_file TO uc_app;
--> statement-breakpoint
ALTER TABLE rights_referral_message_file ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rights_referral_message_file FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rights_referral_message_file_parties ON rights_referral_message_file FOR SELECT
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR EXISTS (SELECT 1 FROM rights_referral r JOIN rights_consent c ON c.tenant_id = r.tenant_id AND c.id = r.consent_id
                    WHERE r.tenant_id = rights_referral_message_file.tenant_id AND r.id = rights_referral_message_file.referral_id
                      AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
                      AND c.partner_tenant_id = r.performer_tenant_id AND c.withdrawn_at IS NULL));
--> statement-breakpoint
CREATE POLICY rights_referral_message_file_append ON rights_referral_message_file FOR INSERT
  WITH CHECK (author_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (tenant_id = author_tenant_id
         OR EXISTS (SELECT 1 FROM rights_referral r JOIN rights_consent c ON c.tenant_id = r.tenant_id AND c.id = r.consent_id
                    WHERE r.tenant_id = rights_referral_message_file.tenant_id AND r.id = rights_referral_message_file.referral_id
                      AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
                      AND c.partner_tenant_id = r.performer_tenant_id AND c.withdrawn_at IS NULL)));
