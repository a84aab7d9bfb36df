-- Org-unit codes (issue 16, docs/decisions/0029-org-unit-codes.md): a short code an office gives a
-- unit, so a roster sheet can name a unit whose name several units share (several
-- 杭州市公交集团工会 under different streets). Optional, unique within a federation, kept upper-case.
ALTER TABLE "org_unit" ADD COLUMN "code" text;--> statement-breakpoint
ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_code_ck" CHECK ("code" IS NULL OR "code" ~ '^[A-Z0-9_-]{1,32}$');--> statement-breakpoint
CREATE UNIQUE INDEX "org_unit_code_uq" ON "org_unit" USING btree ("tenant_id", "code") WHERE "code" IS NOT NULL;
