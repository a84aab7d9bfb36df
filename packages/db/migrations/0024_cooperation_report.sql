CREATE TABLE "cooperation_report" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"content_hash" text NOT NULL,
	"frozen_at" timestamp with time zone,
	"row_version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_report_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cooperation_report_year_uq" UNIQUE("tenant_id","agreement_id","year"),
	CONSTRAINT "cooperation_report_status_ck" CHECK ("cooperation_report"."status" in ('draft', 'frozen')),
	CONSTRAINT "cooperation_report_year_ck" CHECK ("cooperation_report"."year" between 2000 and 2100)
);
--> statement-breakpoint
CREATE TABLE "cooperation_report_confirmation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"content_hash" text NOT NULL,
	"user_id" uuid NOT NULL,
	"user_label" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cooperation_report_confirmation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "cooperation_report_confirmation_party_uq" UNIQUE("tenant_id","report_id","party_tenant_id")
);
--> statement-breakpoint
ALTER TABLE "cooperation_report" ADD CONSTRAINT "cooperation_report_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report" ADD CONSTRAINT "cooperation_report_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report_confirmation" ADD CONSTRAINT "cooperation_report_confirmation_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report_confirmation" ADD CONSTRAINT "cooperation_report_confirmation_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report_confirmation" ADD CONSTRAINT "cooperation_report_confirmation_user_id_app_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report_confirmation" ADD CONSTRAINT "cooperation_report_confirmation_report_fk" FOREIGN KEY ("tenant_id","report_id") REFERENCES "public"."cooperation_report"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_report_confirmation" ADD CONSTRAINT "cooperation_report_confirmation_agreement_fk" FOREIGN KEY ("tenant_id","agreement_id") REFERENCES "public"."agreement"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_report_confirmation_agreement_idx" ON "cooperation_report_confirmation" USING btree ("tenant_id","agreement_id");
