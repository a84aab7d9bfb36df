-- Ready for a real federation (issue 12, docs/decisions/0014-go-live.md): federations onboarded
-- and suspended by a platform operator, a platform audit chain, member accounts by mobile with
-- SMS codes, password resets. All global tables (no tenant_id), listed in GLOBAL_TABLES.
ALTER TABLE "federation" ADD COLUMN "status" text DEFAULT 'active' NOT NULL;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "region_code" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "contact_name" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "contact_email" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "contact_phone" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "suspended_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "federation" ADD COLUMN "suspended_reason" text;--> statement-breakpoint
ALTER TABLE "federation" ADD CONSTRAINT "federation_status_ck" CHECK ("federation"."status" in ('active', 'suspended'));--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "platform_role" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD COLUMN "mobile" text;--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_mobile_unique" UNIQUE("mobile");--> statement-breakpoint
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_platform_role_ck" CHECK ("app_user"."platform_role" is null or "app_user"."platform_role" = 'operator');--> statement-breakpoint
CREATE TABLE "platform_audit_event" (
	"seq" bigint PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"ip" text,
	"type" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"data" jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);--> statement-breakpoint
CREATE TABLE "platform_audit_head" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"seq" bigint NOT NULL,
	"hash" text NOT NULL
);--> statement-breakpoint
CREATE TABLE "sms_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"to_mobile" text NOT NULL,
	"body" text NOT NULL,
	"purpose" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);--> statement-breakpoint
CREATE INDEX "sms_outbox_pending_idx" ON "sms_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE TABLE "sms_code" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purpose" text NOT NULL,
	"mobile" text NOT NULL,
	"federation_id" uuid,
	"member_id" uuid,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"consumed_at" timestamp with time zone,
	"ip" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sms_code_purpose_ck" CHECK ("sms_code"."purpose" in ('activate', 'reset', 'signin'))
);--> statement-breakpoint
ALTER TABLE "sms_code" ADD CONSTRAINT "sms_code_federation_id_federation_id_fk" FOREIGN KEY ("federation_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_code_mobile_idx" ON "sms_code" USING btree ("mobile","purpose","created_at");--> statement-breakpoint
CREATE INDEX "sms_code_ip_idx" ON "sms_code" USING btree ("ip","created_at");--> statement-breakpoint
CREATE TABLE "password_reset" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);--> statement-breakpoint
ALTER TABLE "password_reset" ADD CONSTRAINT "password_reset_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "password_reset_token_uq" ON "password_reset" USING btree ("token_hash");--> statement-breakpoint
-- the app role: the platform chain is append-only (no UPDATE/DELETE on events)
GRANT SELECT, INSERT ON platform_audit_event TO uc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON platform_audit_head TO uc_app;--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON sms_outbox, sms_code, password_reset TO uc_app;
