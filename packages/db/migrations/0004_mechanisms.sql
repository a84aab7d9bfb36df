CREATE TABLE "joint_item_side" (
	"tenant_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"responsible_user_id" uuid,
	"responsible_name" text DEFAULT '' NOT NULL,
	"responsible_contact" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_item_side_tenant_id_item_id_party_tenant_id_pk" PRIMARY KEY("tenant_id","item_id","party_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "joint_item" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"lead_tenant_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"status" text DEFAULT 'not_started' NOT NULL,
	"phase" text,
	"source" text NOT NULL,
	"source_ref" uuid,
	"created_by_tenant_id" uuid NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_item_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "joint_item_kind_ck" CHECK ("joint_item"."kind" in ('programme', 'rights', 'contest', 'recuperation', 'project')),
	CONSTRAINT "joint_item_status_ck" CHECK ("joint_item"."status" in ('not_started', 'in_progress', 'done', 'delayed', 'cancelled')),
	CONSTRAINT "joint_item_source_ck" CHECK ("joint_item"."source" in ('plan', 'meeting', 'manual')),
	CONSTRAINT "joint_item_phase_ck" CHECK (("joint_item"."kind" = 'project' and "joint_item"."phase" in ('initiation', 'research', 'midterm', 'closing', 'transfer')) or ("joint_item"."kind" <> 'project' and "joint_item"."phase" is null)),
	CONSTRAINT "joint_item_dates_ck" CHECK ("joint_item"."start_date" <= "joint_item"."end_date")
);
--> statement-breakpoint
CREATE TABLE "joint_meeting" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"meeting_date" date NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"title" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"created_by_tenant_id" uuid NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "joint_meeting_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "joint_meeting_status_ck" CHECK ("joint_meeting"."status" in ('planned', 'held'))
);
--> statement-breakpoint
CREATE TABLE "liaison_contact" (
	"tenant_id" uuid NOT NULL,
	"pair_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"unit_name" text DEFAULT '' NOT NULL,
	"contact_name" text DEFAULT '' NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"phone" text DEFAULT '' NOT NULL,
	"email" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liaison_contact_tenant_id_pair_id_party_tenant_id_pk" PRIMARY KEY("tenant_id","pair_id","party_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "liaison_pair" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"level" text NOT NULL,
	"created_by_tenant_id" uuid NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "liaison_pair_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "liaison_pair_level_ck" CHECK ("liaison_pair"."level" in ('vice_chair', 'department', 'industry', 'district'))
);
--> statement-breakpoint
CREATE TABLE "meeting_decision" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"meeting_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"text" text NOT NULL,
	"joint_item_id" uuid,
	"created_by_tenant_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "meeting_decision_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "joint_item_side" ADD CONSTRAINT "joint_item_side_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_side" ADD CONSTRAINT "joint_item_side_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_side" ADD CONSTRAINT "joint_item_side_responsible_user_id_app_user_id_fk" FOREIGN KEY ("responsible_user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_side" ADD CONSTRAINT "joint_item_side_item_fk" FOREIGN KEY ("tenant_id","item_id") REFERENCES "public"."joint_item"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item_side" ADD CONSTRAINT "joint_item_side_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_lead_tenant_id_federation_id_fk" FOREIGN KEY ("lead_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_item" ADD CONSTRAINT "joint_item_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting" ADD CONSTRAINT "joint_meeting_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting" ADD CONSTRAINT "joint_meeting_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting" ADD CONSTRAINT "joint_meeting_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "joint_meeting" ADD CONSTRAINT "joint_meeting_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contact" ADD CONSTRAINT "liaison_contact_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contact" ADD CONSTRAINT "liaison_contact_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contact" ADD CONSTRAINT "liaison_contact_pair_fk" FOREIGN KEY ("tenant_id","pair_id") REFERENCES "public"."liaison_pair"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_contact" ADD CONSTRAINT "liaison_contact_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_pair" ADD CONSTRAINT "liaison_pair_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_pair" ADD CONSTRAINT "liaison_pair_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "liaison_pair" ADD CONSTRAINT "liaison_pair_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_created_by_tenant_id_federation_id_fk" FOREIGN KEY ("created_by_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_meeting_fk" FOREIGN KEY ("tenant_id","meeting_id") REFERENCES "public"."joint_meeting"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_decision" ADD CONSTRAINT "meeting_decision_item_fk" FOREIGN KEY ("tenant_id","joint_item_id") REFERENCES "public"."joint_item"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "joint_item_agreement_idx" ON "joint_item" USING btree ("tenant_id","agreement_id","kind");--> statement-breakpoint
CREATE UNIQUE INDEX "joint_item_source_ref_uq" ON "joint_item" USING btree ("tenant_id","source_ref") WHERE source_ref is not null;--> statement-breakpoint
CREATE INDEX "joint_meeting_agreement_idx" ON "joint_meeting" USING btree ("tenant_id","agreement_id","meeting_date");--> statement-breakpoint
CREATE INDEX "liaison_pair_agreement_idx" ON "liaison_pair" USING btree ("tenant_id","agreement_id");--> statement-breakpoint
CREATE INDEX "meeting_decision_meeting_idx" ON "meeting_decision" USING btree ("tenant_id","meeting_id");