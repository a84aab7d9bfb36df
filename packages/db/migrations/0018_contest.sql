CREATE TABLE "contest_appeal" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"entrant_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'filed' NOT NULL,
	"decision_reason" text,
	"filed_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone,
	CONSTRAINT "contest_appeal_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_appeal_status_ck" CHECK ("contest_appeal"."status" in ('filed', 'upheld', 'rejected'))
);
--> statement-breakpoint
CREATE TABLE "contest_certificate" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"number" text NOT NULL,
	"event_id" uuid NOT NULL,
	"entrant_id" uuid NOT NULL,
	"home_tenant_id" uuid NOT NULL,
	"masked_name" text NOT NULL,
	"contest_title" text NOT NULL,
	"trade" text NOT NULL,
	"award" text NOT NULL,
	"title" text,
	"rank" integer NOT NULL,
	"issued_on" date NOT NULL,
	"valid_until" date,
	"issuers" text[] NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_certificate_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_certificate_number_uq" UNIQUE("tenant_id","number"),
	CONSTRAINT "contest_certificate_entrant_uq" UNIQUE("tenant_id","entrant_id")
);
--> statement-breakpoint
CREATE TABLE "contest_entrant" (
	"tenant_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"home_tenant_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_entrant_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_entrant_number_uq" UNIQUE("tenant_id","event_id","number"),
	CONSTRAINT "contest_entrant_home_uq" UNIQUE("tenant_id","id","home_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "contest_event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"contest_id" uuid NOT NULL,
	"trade" text NOT NULL,
	"venue" text DEFAULT '' NOT NULL,
	"event_date" date NOT NULL,
	"registration_opens" date NOT NULL,
	"registration_closes" date NOT NULL,
	"min_age" integer DEFAULT 18 NOT NULL,
	"max_age" integer DEFAULT 60 NOT NULL,
	"min_years_in_trade" integer DEFAULT 0 NOT NULL,
	"required_certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"quota_per_city" integer NOT NULL,
	"theory_weight" integer DEFAULT 30 NOT NULL,
	"aspects" jsonb NOT NULL,
	"advance" integer DEFAULT 0 NOT NULL,
	"appeal_hours" integer DEFAULT 2 NOT NULL,
	"notice_days" integer DEFAULT 5 NOT NULL,
	"draw_seed" text,
	"drawn_at" timestamp with time zone,
	"locked_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"finalised_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_event_window_ck" CHECK ("contest_event"."registration_opens" <= "contest_event"."registration_closes" and "contest_event"."registration_closes" <= "contest_event"."event_date"),
	CONSTRAINT "contest_event_age_ck" CHECK ("contest_event"."min_age" between 16 and 70 and "contest_event"."max_age" between "contest_event"."min_age" and 70),
	CONSTRAINT "contest_event_weight_ck" CHECK ("contest_event"."theory_weight" between 0 and 100),
	CONSTRAINT "contest_event_figures_ck" CHECK ("contest_event"."quota_per_city" >= 0 and "contest_event"."advance" >= 0 and "contest_event"."appeal_hours" between 0 and 720 and "contest_event"."notice_days" between 0 and 60 and "contest_event"."min_years_in_trade" >= 0),
	CONSTRAINT "contest_event_stages_ck" CHECK (("contest_event"."locked_at" is null or "contest_event"."drawn_at" is not null) and ("contest_event"."published_at" is null or "contest_event"."locked_at" is not null) and ("contest_event"."finalised_at" is null or "contest_event"."published_at" is not null))
);
--> statement-breakpoint
CREATE TABLE "contest_judge" (
	"tenant_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"judge_tenant_id" uuid NOT NULL,
	"display_name" text NOT NULL,
	"chief" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_judge_tenant_id_event_id_user_id_pk" PRIMARY KEY("tenant_id","event_id","user_id"),
	CONSTRAINT "contest_judge_fed_uq" UNIQUE("tenant_id","event_id","user_id","judge_tenant_id")
);
--> statement-breakpoint
CREATE TABLE "contest_registration" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"status" text NOT NULL,
	"units" integer DEFAULT 1 NOT NULL,
	"on_share" boolean DEFAULT false NOT NULL,
	"quota_id" uuid,
	"allocation_id" uuid,
	"quota_places" integer DEFAULT 0 NOT NULL,
	"priority_rank" integer DEFAULT 0 NOT NULL,
	"requested_at" timestamp with time zone NOT NULL,
	"offer_expires_at" timestamp with time zone,
	"idempotency_key" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"contest_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"birth_date" date NOT NULL,
	"years_in_trade" integer NOT NULL,
	"certificates" text[] DEFAULT '{}'::text[] NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"registered_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_registration_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_registration_idem_uq" UNIQUE("tenant_id","member_id","idempotency_key"),
	CONSTRAINT "contest_registration_status_ck" CHECK ("contest_registration"."status" in ('waitlisted', 'offered', 'registered', 'withdrawn'))
);
--> statement-breakpoint
CREATE TABLE "contest_score_override" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"score_id" uuid NOT NULL,
	"mark" integer NOT NULL,
	"reason" text NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_score_override_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_score_override_mark_ck" CHECK ("contest_score_override"."mark" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "contest_score" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"entrant_id" uuid NOT NULL,
	"entrant_tenant_id" uuid NOT NULL,
	"judge_user_id" uuid NOT NULL,
	"judge_tenant_id" uuid NOT NULL,
	"aspect" text NOT NULL,
	"mark" integer NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "contest_score_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_score_once_uq" UNIQUE("tenant_id","event_id","entrant_id","judge_user_id","aspect"),
	CONSTRAINT "contest_score_compatriot_ck" CHECK ("contest_score"."judge_tenant_id" <> "contest_score"."entrant_tenant_id"),
	CONSTRAINT "contest_score_mark_ck" CHECK ("contest_score"."mark" between 0 and 100000)
);
--> statement-breakpoint
CREATE TABLE "contest" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"title" text NOT NULL,
	"year" integer NOT NULL,
	"party_tenant_ids" uuid[] NOT NULL,
	"judging_partner_tenant_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contest_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "contest_year_ck" CHECK ("contest"."year" between 2000 and 2100)
);
--> statement-breakpoint
ALTER TABLE "contest_appeal" ADD CONSTRAINT "contest_appeal_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_appeal" ADD CONSTRAINT "contest_appeal_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_certificate" ADD CONSTRAINT "contest_certificate_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_certificate" ADD CONSTRAINT "contest_certificate_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."contest_event"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_entrant" ADD CONSTRAINT "contest_entrant_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_entrant" ADD CONSTRAINT "contest_entrant_home_tenant_id_federation_id_fk" FOREIGN KEY ("home_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_entrant" ADD CONSTRAINT "contest_entrant_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."contest_event"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_contest_fk" FOREIGN KEY ("tenant_id","contest_id") REFERENCES "public"."contest"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_event" ADD CONSTRAINT "contest_event_pool_fk" FOREIGN KEY ("tenant_id","id") REFERENCES "public"."place_pool"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judge" ADD CONSTRAINT "contest_judge_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judge" ADD CONSTRAINT "contest_judge_judge_tenant_id_federation_id_fk" FOREIGN KEY ("judge_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_judge" ADD CONSTRAINT "contest_judge_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."contest_event"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_registration" ADD CONSTRAINT "contest_registration_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_registration" ADD CONSTRAINT "contest_registration_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_registration" ADD CONSTRAINT "contest_registration_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_score_override" ADD CONSTRAINT "contest_score_override_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_score_override" ADD CONSTRAINT "contest_score_override_score_fk" FOREIGN KEY ("tenant_id","score_id") REFERENCES "public"."contest_score"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_score" ADD CONSTRAINT "contest_score_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_score" ADD CONSTRAINT "contest_score_entrant_fk" FOREIGN KEY ("tenant_id","entrant_id","entrant_tenant_id") REFERENCES "public"."contest_entrant"("tenant_id","id","home_tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest_score" ADD CONSTRAINT "contest_score_judge_fk" FOREIGN KEY ("tenant_id","event_id","judge_user_id","judge_tenant_id") REFERENCES "public"."contest_judge"("tenant_id","event_id","user_id","judge_tenant_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contest" ADD CONSTRAINT "contest_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contest_appeal_host_idx" ON "contest_appeal" USING btree ("host_tenant_id","event_id");--> statement-breakpoint
CREATE INDEX "contest_certificate_number_idx" ON "contest_certificate" USING btree ("number");--> statement-breakpoint
CREATE INDEX "contest_event_contest_idx" ON "contest_event" USING btree ("tenant_id","contest_id");--> statement-breakpoint
CREATE UNIQUE INDEX "contest_registration_active_uq" ON "contest_registration" USING btree ("tenant_id","pool_id","member_id") WHERE status in ('waitlisted', 'offered', 'registered');--> statement-breakpoint
CREATE INDEX "contest_registration_host_pool_idx" ON "contest_registration" USING btree ("host_tenant_id","pool_id","status");--> statement-breakpoint
CREATE INDEX "contest_registration_waitlist_idx" ON "contest_registration" USING btree ("host_tenant_id","pool_id","priority_rank","requested_at","id") WHERE status = 'waitlisted';--> statement-breakpoint
CREATE INDEX "contest_registration_offer_idx" ON "contest_registration" USING btree ("offer_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "contest_parties_gin" ON "contest" USING gin ("party_tenant_ids");