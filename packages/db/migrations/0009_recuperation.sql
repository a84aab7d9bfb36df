CREATE TABLE "recuperation_allocation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"quota_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_allocation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_allocation_unit_uq" UNIQUE("tenant_id","quota_id","org_unit_id"),
	CONSTRAINT "recuperation_allocation_used_ck" CHECK ("recuperation_allocation"."used" >= 0 and "recuperation_allocation"."used" <= "recuperation_allocation"."places")
);
--> statement-breakpoint
CREATE TABLE "recuperation_base" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"city" text NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"photos" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"certification_level" text NOT NULL,
	"certified_from" date NOT NULL,
	"certified_until" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_base_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_base_level_ck" CHECK ("recuperation_base"."certification_level" in ('national', 'provincial', 'municipal')),
	CONSTRAINT "recuperation_base_cert_ck" CHECK ("recuperation_base"."certified_from" <= "recuperation_base"."certified_until")
);
--> statement-breakpoint
CREATE TABLE "recuperation_batch" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"route_id" uuid NOT NULL,
	"code" text NOT NULL,
	"start_date" date NOT NULL,
	"nights" integer NOT NULL,
	"capacity" integer NOT NULL,
	"beds_taken" integer DEFAULT 0 NOT NULL,
	"booking_opens" date NOT NULL,
	"booking_closes" date NOT NULL,
	"cancel_deadline" date NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_batch_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_batch_code_uq" UNIQUE("tenant_id","code"),
	CONSTRAINT "recuperation_batch_beds_ck" CHECK ("recuperation_batch"."beds_taken" >= 0 and "recuperation_batch"."beds_taken" <= "recuperation_batch"."capacity"),
	CONSTRAINT "recuperation_batch_capacity_ck" CHECK ("recuperation_batch"."capacity" between 1 and 10000),
	CONSTRAINT "recuperation_batch_nights_ck" CHECK ("recuperation_batch"."nights" between 0 and 29),
	CONSTRAINT "recuperation_batch_window_ck" CHECK ("recuperation_batch"."booking_opens" <= "recuperation_batch"."booking_closes" and "recuperation_batch"."cancel_deadline" <= "recuperation_batch"."start_date"),
	CONSTRAINT "recuperation_batch_status_ck" CHECK ("recuperation_batch"."status" in ('open', 'closed', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "recuperation_booking" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"batch_id" uuid NOT NULL,
	"member_id" uuid NOT NULL,
	"quota_id" uuid,
	"allocation_id" uuid,
	"status" text NOT NULL,
	"beds" integer NOT NULL,
	"quota_places" integer NOT NULL,
	"priority_rank" integer NOT NULL,
	"companions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"member_name" text NOT NULL,
	"member_gender" text,
	"member_id_masked" text NOT NULL,
	"member_mobile" text,
	"org_unit_name" text NOT NULL,
	"consent_at" timestamp with time zone NOT NULL,
	"consent_method" text NOT NULL,
	"consent_share_mobile" boolean NOT NULL,
	"consent_version" text NOT NULL,
	"batch_start" date NOT NULL,
	"trip_days" integer NOT NULL,
	"price_per_day_fen" integer NOT NULL,
	"idempotency_key" text NOT NULL,
	"checkin_token" text NOT NULL,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"offer_expires_at" timestamp with time zone,
	"requested_at" timestamp with time zone NOT NULL,
	"approved_at" timestamp with time zone,
	"approved_by" text,
	"confirmed_at" timestamp with time zone,
	"confirmed_by" text,
	"closed_at" timestamp with time zone,
	"cancel_kind" text,
	"cancel_reason" text,
	"cancel_justified" boolean,
	"nominated" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_booking_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_booking_idem_uq" UNIQUE("tenant_id","member_id","idempotency_key"),
	CONSTRAINT "recuperation_booking_token_uq" UNIQUE("tenant_id","checkin_token"),
	CONSTRAINT "recuperation_booking_status_ck" CHECK ("recuperation_booking"."status" in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed', 'completed', 'cancelled', 'no_show')),
	CONSTRAINT "recuperation_booking_beds_ck" CHECK ("recuperation_booking"."beds" between 1 and 5),
	CONSTRAINT "recuperation_booking_places_ck" CHECK ("recuperation_booking"."quota_places" in (0, 1) and ("recuperation_booking"."quota_places" = 0 or "recuperation_booking"."quota_id" is not null)),
	CONSTRAINT "recuperation_booking_offer_ck" CHECK ("recuperation_booking"."status" <> 'offered' or "recuperation_booking"."offer_expires_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "recuperation_policy" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"effective_from" date NOT NULL,
	"effective_to" date,
	"max_days_per_trip" integer NOT NULL,
	"budget_per_day_fen" integer NOT NULL,
	"budget_per_year_fen" integer NOT NULL,
	"trips_per_year" integer NOT NULL,
	"no_repeat_years" integer NOT NULL,
	"max_parts" integer NOT NULL,
	"priority_groups" text[] NOT NULL,
	"given_up_counts_as_used" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_policy_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_policy_from_uq" UNIQUE("tenant_id","effective_from"),
	CONSTRAINT "recuperation_policy_dates_ck" CHECK ("recuperation_policy"."effective_to" is null or "recuperation_policy"."effective_from" <= "recuperation_policy"."effective_to"),
	CONSTRAINT "recuperation_policy_figures_ck" CHECK ("recuperation_policy"."max_days_per_trip" >= 1 and "recuperation_policy"."budget_per_day_fen" >= 0 and "recuperation_policy"."budget_per_year_fen" >= 0 and "recuperation_policy"."trips_per_year" >= 0 and "recuperation_policy"."no_repeat_years" >= 0 and "recuperation_policy"."max_parts" >= 1)
);
--> statement-breakpoint
CREATE TABLE "recuperation_quota" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"host_tenant_id" uuid NOT NULL,
	"agreement_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"granted" integer NOT NULL,
	"allocated" integer DEFAULT 0 NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"pool_used" integer DEFAULT 0 NOT NULL,
	"released" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_quota_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_quota_uq" UNIQUE("tenant_id","agreement_id","host_tenant_id","year"),
	CONSTRAINT "recuperation_quota_used_ck" CHECK ("recuperation_quota"."used" >= 0 and "recuperation_quota"."used" <= "recuperation_quota"."granted"),
	CONSTRAINT "recuperation_quota_allocated_ck" CHECK ("recuperation_quota"."allocated" >= 0 and "recuperation_quota"."allocated" <= "recuperation_quota"."granted"),
	CONSTRAINT "recuperation_quota_pool_ck" CHECK ("recuperation_quota"."pool_used" >= 0 and "recuperation_quota"."pool_used" <= "recuperation_quota"."granted" - "recuperation_quota"."allocated"),
	CONSTRAINT "recuperation_quota_released_ck" CHECK ("recuperation_quota"."released" >= 0)
);
--> statement-breakpoint
CREATE TABLE "recuperation_route_base" (
	"tenant_id" uuid NOT NULL,
	"route_id" uuid NOT NULL,
	"base_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "recuperation_route_base_tenant_id_route_id_base_id_pk" PRIMARY KEY("tenant_id","route_id","base_id")
);
--> statement-breakpoint
CREATE TABLE "recuperation_route" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"days" integer NOT NULL,
	"itinerary" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"price_per_day_fen" integer NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recuperation_route_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "recuperation_route_days_ck" CHECK ("recuperation_route"."days" between 1 and 30),
	CONSTRAINT "recuperation_route_price_ck" CHECK ("recuperation_route"."price_per_day_fen" >= 0)
);
--> statement-breakpoint
ALTER TABLE "recuperation_allocation" ADD CONSTRAINT "recuperation_allocation_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_allocation" ADD CONSTRAINT "recuperation_allocation_quota_fk" FOREIGN KEY ("tenant_id","quota_id") REFERENCES "public"."recuperation_quota"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_allocation" ADD CONSTRAINT "recuperation_allocation_unit_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_base" ADD CONSTRAINT "recuperation_base_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_batch" ADD CONSTRAINT "recuperation_batch_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_batch" ADD CONSTRAINT "recuperation_batch_route_fk" FOREIGN KEY ("tenant_id","route_id") REFERENCES "public"."recuperation_route"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_quota_fk" FOREIGN KEY ("tenant_id","quota_id") REFERENCES "public"."recuperation_quota"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_allocation_fk" FOREIGN KEY ("tenant_id","allocation_id") REFERENCES "public"."recuperation_allocation"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_policy" ADD CONSTRAINT "recuperation_policy_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_quota" ADD CONSTRAINT "recuperation_quota_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_quota" ADD CONSTRAINT "recuperation_quota_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route_base" ADD CONSTRAINT "recuperation_route_base_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route_base" ADD CONSTRAINT "recuperation_route_base_route_fk" FOREIGN KEY ("tenant_id","route_id") REFERENCES "public"."recuperation_route"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route_base" ADD CONSTRAINT "recuperation_route_base_base_fk" FOREIGN KEY ("tenant_id","base_id") REFERENCES "public"."recuperation_base"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recuperation_route" ADD CONSTRAINT "recuperation_route_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "recuperation_batch_start_idx" ON "recuperation_batch" USING btree ("tenant_id","start_date");--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_booking_active_uq" ON "recuperation_booking" USING btree ("tenant_id","batch_id","member_id") WHERE status in ('waitlisted', 'offered', 'requested', 'approved', 'confirmed');--> statement-breakpoint
CREATE INDEX "recuperation_booking_host_token_idx" ON "recuperation_booking" USING btree ("host_tenant_id","checkin_token");--> statement-breakpoint
CREATE INDEX "recuperation_booking_host_batch_idx" ON "recuperation_booking" USING btree ("host_tenant_id","batch_id","status");--> statement-breakpoint
CREATE INDEX "recuperation_booking_member_idx" ON "recuperation_booking" USING btree ("tenant_id","member_id","batch_start");--> statement-breakpoint
CREATE INDEX "recuperation_booking_waitlist_idx" ON "recuperation_booking" USING btree ("host_tenant_id","batch_id","priority_rank","requested_at","id") WHERE status = 'waitlisted';--> statement-breakpoint
CREATE INDEX "recuperation_booking_offer_idx" ON "recuperation_booking" USING btree ("offer_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "recuperation_quota_host_idx" ON "recuperation_quota" USING btree ("host_tenant_id","year");--> statement-breakpoint
CREATE INDEX "recuperation_route_base_base_idx" ON "recuperation_route_base" USING btree ("tenant_id","base_id");