-- Outputs that look official (issue 16, docs/decisions/0027-official-numbers.md).
-- 1. A federation's one-character short name (杭, 甬, 绍) for document numbers; '' = derived from the city.
ALTER TABLE "federation" ADD COLUMN "short_name" text NOT NULL DEFAULT '';--> statement-breakpoint
UPDATE "federation" SET "short_name" = CASE "slug" WHEN 'hangzhou' THEN '杭' WHEN 'ningbo' THEN '甬' WHEN 'shaoxing' THEN '绍' ELSE '' END;--> statement-breakpoint
-- 2. The agreement's human number, e.g. 杭甬合〔2026〕1号: given when the draft is created, counted per
-- initiating federation and year by a counter row updated in the creating transaction (its row lock
-- serialises concurrent creates; a rolled-back create rolls its increment back: no duplicate, no gap).
CREATE TABLE "agreement_number_counter" (
	"tenant_id" uuid NOT NULL REFERENCES "federation"("id"),
	"year" integer NOT NULL,
	"last_no" integer NOT NULL,
	CONSTRAINT "agreement_number_counter_pk" PRIMARY KEY ("tenant_id", "year"),
	CONSTRAINT "agreement_number_counter_ck" CHECK ("last_no" > 0)
);--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON agreement_number_counter TO uc_app;--> statement-breakpoint
ALTER TABLE agreement_number_counter ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE agreement_number_counter FORCE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY agreement_number_counter_owner ON agreement_number_counter
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "number_year" integer;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "number_seq" integer;--> statement-breakpoint
ALTER TABLE "agreement" ADD COLUMN "number" text NOT NULL DEFAULT '';--> statement-breakpoint
-- agreements made before this migration are numbered in the order they were created
WITH numbered AS (
  SELECT a.tenant_id, a.id,
         extract(year FROM a.created_at AT TIME ZONE 'Asia/Shanghai')::int AS y,
         row_number() OVER (PARTITION BY a.tenant_id, extract(year FROM a.created_at AT TIME ZONE 'Asia/Shanghai') ORDER BY a.created_at, a.id)::int AS n,
         (SELECT string_agg(CASE WHEN f.short_name <> '' THEN f.short_name ELSE left(f.city, 1) END, '' ORDER BY p.position)
            FROM agreement_party p JOIN federation f ON f.id = p.tenant_id
           WHERE p.agreement_tenant_id = a.tenant_id AND p.agreement_id = a.id) AS prefix
    FROM agreement a
)
UPDATE agreement a SET number_year = n.y, number_seq = n.n, number = coalesce(n.prefix, '') || '合〔' || n.y || '〕' || n.n || '号'
  FROM numbered n WHERE a.tenant_id = n.tenant_id AND a.id = n.id;--> statement-breakpoint
INSERT INTO agreement_number_counter (tenant_id, year, last_no)
  SELECT tenant_id, number_year, max(number_seq) FROM agreement WHERE number_year IS NOT NULL GROUP BY tenant_id, number_year;--> statement-breakpoint
ALTER TABLE "agreement" ADD CONSTRAINT "agreement_number_uq" UNIQUE ("tenant_id", "number_year", "number_seq");--> statement-breakpoint
-- 3. A short numeric check-in code (6 digits) a member can read aloud, given when the host confirms
-- the booking; unique among the batch's confirmed bookings (the host looks it up within one batch).
ALTER TABLE "recuperation_booking" ADD COLUMN "checkin_code" text;--> statement-breakpoint
CREATE UNIQUE INDEX "recuperation_booking_code_uq" ON "recuperation_booking" ("host_tenant_id", "batch_id", "checkin_code")
  WHERE "checkin_code" IS NOT NULL AND "status" = 'confirmed';
