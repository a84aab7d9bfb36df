CREATE TABLE "programme_event" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_tenant_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"partner_tenant_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"topic" text NOT NULL,
	"speakers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"seats_per_city" integer NOT NULL,
	"release_hours" integer DEFAULT 48 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_event_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_event_kind_ck" CHECK ("programme_event"."kind" in ('lecture', 'study', 'training', 'visit', 'online')),
	CONSTRAINT "programme_event_status_ck" CHECK ("programme_event"."status" in ('draft', 'published', 'open', 'closed', 'held', 'archived')),
	CONSTRAINT "programme_event_seats_ck" CHECK ("programme_event"."seats_per_city" between 0 and 100000 and "programme_event"."release_hours" between 0 and 720)
);
--> statement-breakpoint
CREATE TABLE "programme_registration" (
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
	"event_id" uuid NOT NULL,
	"member_name" text NOT NULL,
	"member_mobile" text DEFAULT '' NOT NULL,
	"consent_at" timestamp with time zone,
	"nominated" integer DEFAULT 0 NOT NULL,
	"cancel_reason" text,
	"checked_in_at" timestamp with time zone,
	"checked_in_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_registration_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_registration_idem_uq" UNIQUE("tenant_id","member_id","idempotency_key"),
	CONSTRAINT "programme_registration_status_ck" CHECK ("programme_registration"."status" in ('waitlisted', 'offered', 'registered', 'cancelled'))
);
--> statement-breakpoint
CREATE TABLE "programme_session" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_tenant_id" uuid,
	"venue_id" uuid,
	"online_url" text,
	"credit_tenths" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'scheduled' NOT NULL,
	"rescheduled_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_session_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_session_time_ck" CHECK ("programme_session"."starts_at" < "programme_session"."ends_at"),
	CONSTRAINT "programme_session_status_ck" CHECK ("programme_session"."status" in ('scheduled', 'cancelled')),
	CONSTRAINT "programme_session_place_ck" CHECK ("programme_session"."venue_id" is not null or "programme_session"."online_url" is not null)
);
--> statement-breakpoint
CREATE TABLE "programme_venue" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"city" text DEFAULT '' NOT NULL,
	"address" text DEFAULT '' NOT NULL,
	"capacity" integer DEFAULT 0 NOT NULL,
	"facilities" text[] DEFAULT '{}'::text[] NOT NULL,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "programme_venue_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "programme_venue_kind_ck" CHECK ("programme_venue"."kind" in ('home', 'palace', 'studio', 'online', 'other')),
	CONSTRAINT "programme_venue_capacity_ck" CHECK ("programme_venue"."capacity" between 0 and 100000)
);
--> statement-breakpoint
ALTER TABLE "programme_event" ADD CONSTRAINT "programme_event_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_event" ADD CONSTRAINT "programme_event_partner_tenant_id_federation_id_fk" FOREIGN KEY ("partner_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_registration" ADD CONSTRAINT "programme_registration_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_registration" ADD CONSTRAINT "programme_registration_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_registration" ADD CONSTRAINT "programme_registration_member_fk" FOREIGN KEY ("tenant_id","member_id") REFERENCES "public"."member"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session" ADD CONSTRAINT "programme_session_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session" ADD CONSTRAINT "programme_session_event_fk" FOREIGN KEY ("tenant_id","event_id") REFERENCES "public"."programme_event"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_session" ADD CONSTRAINT "programme_session_pool_fk" FOREIGN KEY ("tenant_id","id") REFERENCES "public"."place_pool"("tenant_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "programme_venue" ADD CONSTRAINT "programme_venue_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "programme_event_partner_idx" ON "programme_event" USING btree ("partner_tenant_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "programme_registration_active_uq" ON "programme_registration" USING btree ("tenant_id","pool_id","member_id") WHERE status in ('waitlisted', 'offered', 'registered');--> statement-breakpoint
CREATE INDEX "programme_registration_host_pool_idx" ON "programme_registration" USING btree ("host_tenant_id","pool_id","status");--> statement-breakpoint
CREATE INDEX "programme_registration_waitlist_idx" ON "programme_registration" USING btree ("host_tenant_id","pool_id","priority_rank","requested_at","id") WHERE status = 'waitlisted';--> statement-breakpoint
CREATE INDEX "programme_registration_offer_idx" ON "programme_registration" USING btree ("offer_expires_at") WHERE status = 'offered';--> statement-breakpoint
CREATE INDEX "programme_registration_member_idx" ON "programme_registration" USING btree ("tenant_id","member_id");--> statement-breakpoint
CREATE INDEX "programme_session_event_idx" ON "programme_session" USING btree ("tenant_id","event_id","starts_at");