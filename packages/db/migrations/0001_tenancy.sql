-- Tenancy (DESIGN §3): the application role, its grants, and forced row-level security.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uc_app') THEN
    CREATE ROLE uc_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON federation, app_user, session, login_throttle TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON membership, invitation, org_unit, member, member_honour, outbox TO uc_app;
--> statement-breakpoint
-- The audit log is append-only for the application.
GRANT SELECT, INSERT ON audit_event TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_head TO uc_app;
--> statement-breakpoint
ALTER TABLE membership ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE membership FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A user may read their own memberships in every federation (to list and switch between them).
CREATE POLICY membership_tenant ON membership
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR user_id = nullif(current_setting('app.user_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['invitation', 'org_unit', 'member', 'member_honour', 'audit_event', 'audit_head', 'outbox'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_tenant', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Accepting an invitation happens before the user is in any federation: the token's hash,
-- set for that one transaction, is what lets the invitation row be read.
CREATE POLICY invitation_by_token ON invitation FOR SELECT
  USING (token_hash = nullif(current_setting('app.invitation_token_hash', true), ''));
