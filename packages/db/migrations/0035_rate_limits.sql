-- Per-user limits on what costs everyone (issue 14, docs/decisions/0032-rate-limits.md): calls of a
-- kind (files rendered, mail to typed addresses) per user and federation in a fixed window. The row
-- is counted in the request's transaction, so a refused or failed call rolls its count back.
CREATE TABLE "rate_window" (
	"tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
	"action" text NOT NULL,
	"calls" integer NOT NULL,
	"window_ends" timestamp with time zone NOT NULL,
	CONSTRAINT "rate_window_pk" PRIMARY KEY ("tenant_id", "user_id", "action"),
	CONSTRAINT "rate_window_calls_ck" CHECK ("calls" > 0)
);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rate_window TO uc_app;--> statement-breakpoint
ALTER TABLE rate_window ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE rate_window FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY rate_window_owner ON rate_window
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
