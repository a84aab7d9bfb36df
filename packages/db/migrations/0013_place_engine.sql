-- The places engine (docs/decisions/0020-places-engine.md): pools with party shares, the
-- quota ledger, and recuperation moved onto them. A batch keeps its id: its pool has the same one.;
--> statement-breakpoint
CREATE TABLE "place_allocation" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"quota_id" uuid NOT NULL,
	"org_unit_id" uuid NOT NULL,
	"places" integer NOT NULL,
	"used" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_allocation_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "place_allocation_unit_uq" UNIQUE("tenant_id","quota_id","org_unit_id"),
	CONSTRAINT "place_allocation_used_ck" CHECK ("place_allocation"."used" >= 0 and "place_allocation"."used" <= "place_allocation"."places")
);
--> statement-breakpoint
CREATE TABLE "place_pool" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"capacity" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"shared" integer DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"release_at" timestamp with time zone,
	"released_at" timestamp with time zone,
	"offer_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_pool_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "place_pool_units_ck" CHECK ("place_pool"."taken" >= 0 and "place_pool"."shared" >= 0 and "place_pool"."taken" + "place_pool"."shared" <= "place_pool"."capacity"),
	CONSTRAINT "place_pool_capacity_ck" CHECK ("place_pool"."capacity" between 0 and 1000000),
	CONSTRAINT "place_pool_status_ck" CHECK ("place_pool"."status" in ('open', 'closed', 'cancelled')),
	CONSTRAINT "place_pool_kind_ck" CHECK ("place_pool"."kind" ~ '^[a-z][a-zA-Z]*[.][a-z][a-zA-Z]*$'),
	CONSTRAINT "place_pool_release_ck" CHECK ("place_pool"."released_at" is null or "place_pool"."release_at" is not null)
);
--> statement-breakpoint
CREATE TABLE "place_quota" (
	"tenant_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
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
	CONSTRAINT "place_quota_tenant_id_id_pk" PRIMARY KEY("tenant_id","id"),
	CONSTRAINT "place_quota_uq" UNIQUE("tenant_id","kind","agreement_id","host_tenant_id","year"),
	CONSTRAINT "place_quota_used_ck" CHECK ("place_quota"."used" >= 0 and "place_quota"."used" <= "place_quota"."granted"),
	CONSTRAINT "place_quota_allocated_ck" CHECK ("place_quota"."allocated" >= 0 and "place_quota"."allocated" <= "place_quota"."granted"),
	CONSTRAINT "place_quota_pool_ck" CHECK ("place_quota"."pool_used" >= 0 and "place_quota"."pool_used" <= "place_quota"."granted" - "place_quota"."allocated"),
	CONSTRAINT "place_quota_released_ck" CHECK ("place_quota"."released" >= 0)
);
--> statement-breakpoint
CREATE TABLE "place_share" (
	"tenant_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"party_tenant_id" uuid NOT NULL,
	"units" integer NOT NULL,
	"taken" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "place_share_tenant_id_pool_id_party_tenant_id_pk" PRIMARY KEY("tenant_id","pool_id","party_tenant_id"),
	CONSTRAINT "place_share_units_ck" CHECK ("place_share"."taken" >= 0 and "place_share"."taken" <= "place_share"."units")
);
--> statement-breakpoint
ALTER TABLE "place_allocation" ADD CONSTRAINT "place_allocation_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_allocation" ADD CONSTRAINT "place_allocation_quota_fk" FOREIGN KEY ("tenant_id","quota_id") REFERENCES "public"."place_quota"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_allocation" ADD CONSTRAINT "place_allocation_unit_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_pool" ADD CONSTRAINT "place_pool_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_quota" ADD CONSTRAINT "place_quota_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_quota" ADD CONSTRAINT "place_quota_host_tenant_id_federation_id_fk" FOREIGN KEY ("host_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_share" ADD CONSTRAINT "place_share_tenant_id_federation_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_share" ADD CONSTRAINT "place_share_party_tenant_id_federation_id_fk" FOREIGN KEY ("party_tenant_id") REFERENCES "public"."federation"("id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "place_share" ADD CONSTRAINT "place_share_pool_fk" FOREIGN KEY ("tenant_id","pool_id") REFERENCES "public"."place_pool"("tenant_id","id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "place_pool_release_idx" ON "place_pool" USING btree ("tenant_id","release_at") WHERE released_at is null and release_at is not null;
--> statement-breakpoint
CREATE INDEX "place_quota_host_idx" ON "place_quota" USING btree ("host_tenant_id","year");
--> statement-breakpoint
-- Move recuperation's counters onto the engine, row for row (same ids). As the owner: forced
-- row-level security would hide every row from a non-superuser owner, so it is lifted for the copy.
ALTER TABLE "recuperation_batch" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "recuperation_quota" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "recuperation_allocation" NO FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
INSERT INTO "place_pool" ("tenant_id", "id", "kind", "capacity", "taken", "shared", "status", "offer_until", "updated_at")
SELECT "tenant_id", "id", 'recuperation.batch', "capacity", "beds_taken", 0, "status", ("start_date"::timestamp AT TIME ZONE 'Asia/Shanghai'), "updated_at" FROM "recuperation_batch";
--> statement-breakpoint
INSERT INTO "place_quota" ("tenant_id", "id", "kind", "host_tenant_id", "agreement_tenant_id", "agreement_id", "year", "granted", "allocated", "used", "pool_used", "released", "updated_at")
SELECT "tenant_id", "id", 'recuperation', "host_tenant_id", "agreement_tenant_id", "agreement_id", "year", "granted", "allocated", "used", "pool_used", "released", "updated_at" FROM "recuperation_quota";
--> statement-breakpoint
INSERT INTO "place_allocation" ("tenant_id", "id", "quota_id", "org_unit_id", "places", "used", "updated_at")
SELECT "tenant_id", "id", "quota_id", "org_unit_id", "places", "used", "updated_at" FROM "recuperation_allocation";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "recuperation_booking" DROP CONSTRAINT "recuperation_booking_quota_fk";
--> statement-breakpoint
ALTER TABLE "recuperation_booking" DROP CONSTRAINT "recuperation_booking_allocation_fk";
--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_quota_fk" FOREIGN KEY ("tenant_id","quota_id") REFERENCES "public"."place_quota"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "recuperation_booking" ADD CONSTRAINT "recuperation_booking_allocation_fk" FOREIGN KEY ("tenant_id","allocation_id") REFERENCES "public"."place_allocation"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "recuperation_batch" ADD CONSTRAINT "recuperation_batch_pool_fk" FOREIGN KEY ("tenant_id","id") REFERENCES "public"."place_pool"("tenant_id","id") ON DELETE no action ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "recuperation_allocation" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "recuperation_quota" DISABLE ROW LEVEL SECURITY;
--> statement-breakpoint
DROP TABLE "recuperation_allocation" CASCADE;
--> statement-breakpoint
DROP TABLE "recuperation_quota" CASCADE;
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP CONSTRAINT "recuperation_batch_beds_ck";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP CONSTRAINT "recuperation_batch_capacity_ck";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP CONSTRAINT "recuperation_batch_status_ck";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP COLUMN "capacity";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP COLUMN "beds_taken";
--> statement-breakpoint
ALTER TABLE "recuperation_batch" DROP COLUMN "status";
--> statement-breakpoint
ALTER INDEX "recuperation_booking_host_batch_idx" RENAME TO "recuperation_booking_host_pool_idx";
