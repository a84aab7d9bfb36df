CREATE TABLE "agreement_comment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"clause_key" text,
	"author_tenant_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"addressed_to_tenant_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_comment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "agreement_party" (
	"tenant_id" uuid NOT NULL,
	"agreement_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_party_tenant_id_agreement_id_pk" PRIMARY KEY("tenant_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "agreement_version" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text,
	"frozen_at" timestamp with time zone,
	"note" text DEFAULT '' NOT NULL,
	"created_by_user_id" uuid,
	"created_by_label" text NOT NULL,
	"created_by_tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_version_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_version_number_uq" UNIQUE("tenant_id","agreement_id","number")
);
--> statement-breakpoint
CREATE TABLE "agreement" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"amendment" text,
	"current_version_id" uuid,
	"in_force_version_id" uuid,
	"party_tenant_ids" uuid[] NOT NULL,
	"term_start" date NOT NULL,
	"term_end" date NOT NULL,
	"termination_reason" text,
	"expiry_notice_sent_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"link" text,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notification_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "notification_dedupe_uq" UNIQUE("tenant_id","user_id","dedupe_key")
);
--> statement-breakpoint
CREATE TABLE "agreement_signature" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"reason" text,
	"user_id" uuid NOT NULL,
	"user_label" text NOT NULL,
	"ip" text,
	"user_agent" text,
	"content_hash" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreement_signature_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "agreement_signature_party_uq" UNIQUE("tenant_id","version_id","party_tenant_id"),
	CONSTRAINT "agreement_signature_idem_uq" UNIQUE("tenant_id","agreement_id","idempotency_key")
);
--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_author_tenant_id_federation_id_fk" FOREIGN KEY ("author_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_addressed_to_tenant_id_federation_id_fk" FOREIGN KEY ("addressed_to_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_comment" ADD CONSTRAINT "agreement_comment_version_fk" FOREIGN KEY ("tenant_id","version_id") REFERENCES "public"."agreement_version"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_party" ADD CONSTRAINT "agreement_party_agreement_fk" FOREIGN KEY ("agreement_tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_version" ADD CONSTRAINT "agreement_version_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signature" ADD CONSTRAINT "agreement_signature_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signature" ADD CONSTRAINT "agreement_signature_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signature" ADD CONSTRAINT "agreement_signature_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "agreement_signature" ADD CONSTRAINT "agreement_signature_version_fk" FOREIGN KEY ("tenant_id","version_id") REFERENCES "public"."agreement_version"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_comment_agreement_idx" ON "agreement_comment" USING btree ("tenant_id","agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "agreement_party_agreement_idx" ON "agreement_party" USING btree ("agreement_tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_status_idx" ON "agreement" USING btree ("tenant_id","status","term_end");--> statement-breakpoint
CREATE INDEX "agreement_parties_gin" ON "agreement" USING gin ("party_tenant_ids");--> statement-breakpoint
CREATE INDEX "notification_user_idx" ON "notification" USING btree ("tenant_id","user_id","created_at");