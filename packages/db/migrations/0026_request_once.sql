-- One answer per create request (issue 16, docs/decisions/0022-request-once.md): a form sends a key
-- per opening; the first request with that key records the answer in the same transaction, a repeat
-- (a double click, a retry, even at the same instant) waits on the primary key and gets that answer.
CREATE TABLE "request_once" (
	"tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"user_id" uuid NOT NULL REFERENCES "app_user"("id") ON DELETE CASCADE,
	"key" text NOT NULL,
	"procedure" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "request_once_pk" PRIMARY KEY ("tenant_id", "user_id", "key"),
	CONSTRAINT "request_once_key_ck" CHECK (length("key") between 8 and 100)
);--> statement-breakpoint
CREATE INDEX "request_once_created_idx" ON "request_once" ("tenant_id", "created_at");--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON request_once TO uc_app;--> statement-breakpoint
ALTER TABLE request_once ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE request_once FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY request_once_owner ON request_once
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
