-- A secure thread per referral between the referring federation's and the performer's caseworkers
-- (issue 11; docs/decisions/0044-referral-thread.md). A message belongs to the referral's owner
-- (tenant_id = the referring federation, as the referral's events do); it is read and written by
-- the two federations on the referral now (the referrer and the current performer), append-only.
CREATE TABLE "rights_referral_message" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"author_tenant_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"body" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "rights_referral_message_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_referral_message_referral_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."rights_referral"("tenant_id","id"),
	CONSTRAINT "rights_referral_message_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_referral_message_author_fk" FOREIGN KEY ("author_tenant_id") REFERENCES "public"."federation"("id"),
	CONSTRAINT "rights_referral_message_body_ck" CHECK (length("body") between 1 and 2000)
);
--> statement-breakpoint
CREATE INDEX "rights_referral_message_referral_idx" ON "rights_referral_message" USING btree ("tenant_id","referral_id","at");
--> statement-breakpoint
GRANT SELECT, INSERT ON rights_referral_message TO uc_app;
--> statement-breakpoint
ALTER TABLE rights_referral_message ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE rights_referral_message FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY rights_referral_message_parties ON rights_referral_message FOR SELECT
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR EXISTS (SELECT 1 FROM rights_referral r WHERE r.tenant_id = rights_referral_message.tenant_id AND r.id = rights_referral_message.referral_id
                    AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY rights_referral_message_append ON rights_referral_message FOR INSERT
  WITH CHECK (author_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (tenant_id = author_tenant_id
         OR EXISTS (SELECT 1 FROM rights_referral r WHERE r.tenant_id = rights_referral_message.tenant_id AND r.id = rights_referral_message.referral_id
                    AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)));
