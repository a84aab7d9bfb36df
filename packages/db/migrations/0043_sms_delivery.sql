-- SMS delivery by a provider (issue 12, docs/decisions/0037-sms-provider.md): a sender's lease and the
-- backoff after a failure, as the email outbox has.
ALTER TABLE "sms_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;
--> statement-breakpoint
-- invitations to activate (member.inviteBySms) name the member they were sent for: one a day per member
ALTER TABLE "sms_outbox" ADD COLUMN "federation_id" uuid;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "member_id" uuid;--> statement-breakpoint
CREATE INDEX "sms_outbox_member_idx" ON "sms_outbox" USING btree ("member_id","created_at") WHERE "member_id" IS NOT NULL;
--> statement-breakpoint
-- the member list says whether each member has an account: one index probe per row
CREATE INDEX "membership_member_idx" ON "membership" USING btree ("tenant_id","member_id") WHERE "member_id" IS NOT NULL;
