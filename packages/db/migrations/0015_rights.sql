CREATE TABLE "rights_case" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"member_id" uuid,
	"worker_name" text NOT NULL,
	"worker_mobile" text DEFAULT '' NOT NULL,
	"id_number_enc" text,
	"id_number_hmac" text,
	"id_number_masked" text,
	"employer_name" text NOT NULL,
	"employer_credit_code" text DEFAULT '' NOT NULL,
	"employer_city" text NOT NULL,
	"dispute_kind" text NOT NULL,
	"facts" text NOT NULL,
	"claims" text DEFAULT '' NOT NULL,
	"amount_claimed_fen" bigint DEFAULT 0 NOT NULL,
	"source" text NOT NULL,
	"documents" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"internal_notes" text DEFAULT '' NOT NULL,
	"linked_case_id" uuid,
	"created_by" uuid,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_case_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_case_kind_ck" CHECK ("rights_case"."dispute_kind" in ('wage_arrears', 'work_injury', 'labour_contract', 'social_insurance')),
	CONSTRAINT "rights_case_source_ck" CHECK ("rights_case"."source" in ('hotline', 'walk_in', 'partner_referral')),
	CONSTRAINT "rights_case_amount_ck" CHECK ("rights_case"."amount_claimed_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "rights_consent" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"partner_tenant_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"scope" text[] NOT NULL,
	"method" text NOT NULL,
	"evidence" text NOT NULL,
	"given_at" timestamp with time zone NOT NULL,
	"recorded_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdraw_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_consent_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_consent_method_ck" CHECK ("rights_consent"."method" in ('signed_form', 'phone_attested')),
	CONSTRAINT "rights_consent_evidence_ck" CHECK (length("rights_consent"."evidence") > 0)
);
--> statement-breakpoint
CREATE TABLE "rights_file_access" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"reader_tenant_id" uuid NOT NULL,
	"reader_user_id" uuid,
	"reader_label" text NOT NULL,
	"outcome" text NOT NULL,
	"reason" text,
	"ip" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "rights_file_access_tenant_id_id_pk" PRIMARY KEY("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "rights_referral_event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"referral_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"type" text NOT NULL,
	"status" text NOT NULL,
	"actor_tenant_id" uuid NOT NULL,
	"actor_user_id" uuid,
	"actor_label" text NOT NULL,
	"performer_tenant_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "rights_referral_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_referral_event_seq_uq" UNIQUE("tenant_id","referral_id","seq")
);
--> statement-breakpoint
CREATE TABLE "rights_referral" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"case_id" uuid NOT NULL,
	"performer_tenant_id" uuid NOT NULL,
	"consent_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"dispute_kind" text NOT NULL,
	"status" text NOT NULL,
	"assignee" text,
	"outcome" text,
	"amount_recovered_fen" bigint,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_referral_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_referral_status_ck" CHECK ("rights_referral"."status" in ('submitted', 'accepted', 'returned', 'in_progress', 'on_hold', 'resolved', 'followed_up', 'archived')),
	CONSTRAINT "rights_referral_other_ck" CHECK ("rights_referral"."performer_tenant_id" <> "rights_referral"."tenant_id")
);
--> statement-breakpoint
CREATE TABLE "rights_sla_alert" (
	"tenant_id" uuid NOT NULL,
	"referral_id" uuid NOT NULL,
	"clock" text NOT NULL,
	"level" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "rights_sla_alert_tenant_id_referral_id_clock_level_pk" PRIMARY KEY("tenant_id","referral_id","clock","level")
);
--> statement-breakpoint
CREATE TABLE "rights_sla_policy" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"accept_days" integer NOT NULL,
	"respond_days" integer NOT NULL,
	"resolve_days" integer NOT NULL,
	"follow_up_days" integer NOT NULL,
	"closure_days" date[] DEFAULT '{}'::date[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "rights_sla_policy_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "rights_sla_policy_from_uq" UNIQUE("tenant_id","effective_from"),
	CONSTRAINT "rights_sla_policy_days_ck" CHECK (least("rights_sla_policy"."accept_days", "rights_sla_policy"."respond_days", "rights_sla_policy"."resolve_days", "rights_sla_policy"."follow_up_days") >= 1)
);
--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_case" ADD CONSTRAINT "rights_case_linked_fk" FOREIGN KEY ("tenant_id","linked_case_id") REFERENCES "public"."rights_case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consent" ADD CONSTRAINT "rights_consent_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consent" ADD CONSTRAINT "rights_consent_partner_tenant_id_federation_id_fk" FOREIGN KEY ("partner_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_consent" ADD CONSTRAINT "rights_consent_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."rights_case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_file_access" ADD CONSTRAINT "rights_file_access_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_file_access" ADD CONSTRAINT "rights_file_access_reader_tenant_id_federation_id_fk" FOREIGN KEY ("reader_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_file_access" ADD CONSTRAINT "rights_file_access_referral_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."rights_referral"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral_event" ADD CONSTRAINT "rights_referral_event_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral_event" ADD CONSTRAINT "rights_referral_event_actor_tenant_id_federation_id_fk" FOREIGN KEY ("actor_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral_event" ADD CONSTRAINT "rights_referral_event_performer_tenant_id_federation_id_fk" FOREIGN KEY ("performer_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral_event" ADD CONSTRAINT "rights_referral_event_referral_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."rights_referral"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_performer_tenant_id_federation_id_fk" FOREIGN KEY ("performer_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_case_fk" FOREIGN KEY ("tenant_id","case_id") REFERENCES "public"."rights_case"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_referral" ADD CONSTRAINT "rights_referral_consent_fk" FOREIGN KEY ("tenant_id","consent_id") REFERENCES "public"."rights_consent"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sla_alert" ADD CONSTRAINT "rights_sla_alert_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sla_alert" ADD CONSTRAINT "rights_sla_alert_referral_fk" FOREIGN KEY ("tenant_id","referral_id") REFERENCES "public"."rights_referral"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rights_sla_policy" ADD CONSTRAINT "rights_sla_policy_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "rights_case_worker_idx" ON "rights_case" USING btree ("tenant_id","id_number_hmac","created_at");--> statement-breakpoint
CREATE INDEX "rights_consent_case_idx" ON "rights_consent" USING btree ("tenant_id","case_id");--> statement-breakpoint
CREATE INDEX "rights_file_access_referral_idx" ON "rights_file_access" USING btree ("tenant_id","referral_id","at");--> statement-breakpoint
CREATE INDEX "rights_referral_performer_idx" ON "rights_referral" USING btree ("performer_tenant_id","status");--> statement-breakpoint
CREATE INDEX "rights_referral_case_idx" ON "rights_referral" USING btree ("tenant_id","case_id");