-- SMS delivery by a provider (issue 12, docs/decisions/0037-sms-provider.md): a sender's lease and the
-- backoff after a failure, as the email outbox has.
ALTER TABLE "sms_outbox" ADD COLUMN "claimed_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "sms_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;
