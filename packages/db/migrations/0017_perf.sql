-- A fast outbox (issue 13, docs/decisions/0016): senders claim messages in batches with a lease
-- (FOR UPDATE SKIP LOCKED, so several processes never take the same row), and a failed message
-- waits for its backoff before the next attempt.
ALTER TABLE "outbox" ADD COLUMN "next_attempt_at" timestamp with time zone;
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "claimed_until" timestamp with time zone;
