CREATE TABLE "joint_milestone_alert" (
	"tenant_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"due_date" date NOT NULL,
	"period" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_milestone_alert_tenant_id_milestone_id_due_date_period_pk" PRIMARY KEY("tenant_id","milestone_id","due_date","period")
);
--> statement-breakpoint
CREATE TABLE "joint_milestone_confirmation" (
	"tenant_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"confirmed_by_user_id" uuid,
	"confirmed_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_milestone_confirmation_tenant_id_milestone_id_round_party_tenant_id_pk" PRIMARY KEY("tenant_id","milestone_id","round","party_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "joint_milestone_side" (
	"tenant_id" uuid NOT NULL,
	"milestone_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"owner_user_id" uuid,
	"owner_name" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_milestone_side_tenant_id_milestone_id_party_tenant_id_pk" PRIMARY KEY("tenant_id","milestone_id","party_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "joint_milestone" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"title" text NOT NULL,
	"due_date" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"done_at" timestamp with time zone,
	"reopen_reason" text DEFAULT '' NOT NULL,
	"created_by_tenant_id" uuid NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_milestone_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "joint_milestone_status_ck" CHECK ("joint_milestone"."status" in ('open', 'done')),
	CONSTRAINT "joint_milestone_done_ck" CHECK (("joint_milestone"."status" = 'done') = ("joint_milestone"."done_at" is not null)),
	CONSTRAINT "joint_milestone_round_ck" CHECK ("joint_milestone"."round" >= 1)
);
--> statement-breakpoint
CREATE TABLE "joint_item_activity" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"item_id" uuid,
	"milestone_id" uuid,
	"type" text NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"actor_tenant_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_item_activity_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "joint_item_attachment" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"update_id" uuid,
	"party_tenant_id" uuid NOT NULL,
	"filename" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"bytes" "bytea" NOT NULL,
	"uploaded_by_user_id" uuid,
	"uploaded_by_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_item_attachment_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "joint_item_attachment_size_ck" CHECK ("joint_item_attachment"."size" > 0 and "joint_item_attachment"."size" <= 10485760 and octet_length("joint_item_attachment"."bytes") = "joint_item_attachment"."size"),
	CONSTRAINT "joint_item_attachment_type_ck" CHECK ("joint_item_attachment"."content_type" in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'))
);
--> statement-breakpoint
CREATE TABLE "joint_item_update" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"author_user_id" uuid,
	"author_label" text NOT NULL,
	"health" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_item_update_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "joint_item_update_health_ck" CHECK ("joint_item_update"."health" in ('on_track', 'at_risk', 'off_track'))
);
--> statement-breakpoint
ALTER TABLE "joint_item" DROP CONSTRAINT "joint_item_source_ck";--> statement-breakpoint
ALTER TABLE "joint_item" ADD COLUMN "status_reason" text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE "joint_item" ADD COLUMN "health" text;--> statement-breakpoint
ALTER TABLE "joint_item" ADD COLUMN "created_by_user_id" uuid;--> statement-breakpoint
ALTER TABLE "joint_item" ADD COLUMN "created_by_label" text;--> statement-breakpoint
ALTER TABLE "joint_milestone_alert" ADD CONSTRAINT "joint_milestone_alert_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_alert" ADD CONSTRAINT "joint_milestone_alert_milestone_fk" FOREIGN KEY ("tenant_id","milestone_id") REFERENCES "public"."joint_milestone"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_confirmation" ADD CONSTRAINT "joint_milestone_confirmation_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_confirmation" ADD CONSTRAINT "joint_milestone_confirmation_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_confirmation" ADD CONSTRAINT "joint_milestone_confirmation_confirmed_by_user_id_app_user_id_fk" FOREIGN KEY ("confirmed_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_confirmation" ADD CONSTRAINT "joint_milestone_confirmation_milestone_fk" FOREIGN KEY ("tenant_id","milestone_id") REFERENCES "public"."joint_milestone"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_confirmation" ADD CONSTRAINT "joint_milestone_confirmation_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_side" ADD CONSTRAINT "joint_milestone_side_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_side" ADD CONSTRAINT "joint_milestone_side_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_side" ADD CONSTRAINT "joint_milestone_side_owner_user_id_app_user_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_side" ADD CONSTRAINT "joint_milestone_side_milestone_fk" FOREIGN KEY ("tenant_id","milestone_id") REFERENCES "public"."joint_milestone"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone_side" ADD CONSTRAINT "joint_milestone_side_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone" ADD CONSTRAINT "joint_milestone_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone" ADD CONSTRAINT "joint_milestone_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone" ADD CONSTRAINT "joint_milestone_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."joint_item"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_milestone" ADD CONSTRAINT "joint_milestone_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_activity" ADD CONSTRAINT "joint_item_activity_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_activity" ADD CONSTRAINT "joint_item_activity_actor_user_id_app_user_id_fk" FOREIGN KEY ("actor_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_activity" ADD CONSTRAINT "joint_item_activity_actor_tenant_id_federation_id_fk" FOREIGN KEY ("actor_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_activity" ADD CONSTRAINT "joint_item_activity_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_uploaded_by_user_id_app_user_id_fk" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."joint_item"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_attachment" ADD CONSTRAINT "joint_item_attachment_update_fk" FOREIGN KEY ("tenant_id","update_id") REFERENCES "public"."joint_item_update"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_update" ADD CONSTRAINT "joint_item_update_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_update" ADD CONSTRAINT "joint_item_update_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_update" ADD CONSTRAINT "joint_item_update_author_user_id_app_user_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_update" ADD CONSTRAINT "joint_item_update_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."joint_item"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_update" ADD CONSTRAINT "joint_item_update_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_milestone_side_owner_idx" ON "joint_milestone_side" USING btree ("party_tenant_id","owner_user_id") WHERE owner_user_id is not null;--> statement-breakpoint
CREATE INDEX "joint_milestone_item_idx" ON "joint_milestone" USING btree ("tenant_id","item_id","due_date");--> statement-breakpoint
CREATE INDEX "joint_milestone_open_agreement_idx" ON "joint_milestone" USING btree ("tenant_id","agreement_id","due_date") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "joint_milestone_open_due_idx" ON "joint_milestone" USING btree ("tenant_id","due_date") WHERE status = 'open';--> statement-breakpoint
CREATE INDEX "joint_item_activity_item_idx" ON "joint_item_activity" USING btree ("tenant_id","item_id","created_at");--> statement-breakpoint
CREATE INDEX "joint_item_activity_agreement_idx" ON "joint_item_activity" USING btree ("tenant_id","agreement_id","created_at");--> statement-breakpoint
CREATE INDEX "joint_item_attachment_item_idx" ON "joint_item_attachment" USING btree ("tenant_id","item_id","created_at");--> statement-breakpoint
CREATE INDEX "joint_item_attachment_update_idx" ON "joint_item_attachment" USING btree ("tenant_id","update_id") WHERE update_id is not null;--> statement-breakpoint
CREATE INDEX "joint_item_update_item_idx" ON "joint_item_update" USING btree ("tenant_id","item_id","created_at");--> statement-breakpoint
CREATE INDEX "joint_item_update_agreement_idx" ON "joint_item_update" USING btree ("tenant_id","agreement_id","created_at");--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_created_by_user_id_app_user_id_fk" FOREIGN KEY ("created_by_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_item_side_responsible_idx" ON "joint_item_side" USING btree ("party_tenant_id","responsible_user_id") WHERE responsible_user_id is not null;--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_health_ck" CHECK ("joint_item"."health" is null or "joint_item"."health" in ('on_track', 'at_risk', 'off_track'));--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_source_ck" CHECK ("joint_item"."source" in ('plan', 'meeting', 'manual', 'import'));