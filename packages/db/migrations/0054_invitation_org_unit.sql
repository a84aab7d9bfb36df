-- A staff invitation may carry the org unit the new membership is limited to (issue 12, least
-- privilege; docs/decisions/0052-org-unit-scope.md): accepting it creates the membership with that
-- org_unit_id. Same shape as membership.org_unit_id (0012). No ON DELETE SET NULL: a scoped invitation
-- must never turn into a federation-wide one, so a unit named by a pending invitation cannot be deleted.
ALTER TABLE "invitation" ADD COLUMN "org_unit_id" uuid;--> statement-breakpoint
ALTER TABLE "invitation" ADD CONSTRAINT "invitation_org_unit_fk" FOREIGN KEY ("tenant_id","org_unit_id") REFERENCES "public"."org_unit"("tenant_id","id") ON DELETE no action ON UPDATE no action;
