-- Recuperation (DOMAIN §3.4; docs/decisions/0009-booking-concurrency.md).
-- Bases, routes and batches belong to the host and are written by it alone; a federation with an
-- ACTIVE agreement with the host may read them (to browse and book). The agreement's own policy
-- decides which agreements the reader may see, so the EXISTS asks only for an active one naming both.
GRANT SELECT, INSERT, UPDATE, DELETE ON recuperation_base, recuperation_route, recuperation_route_base, recuperation_batch,
  recuperation_quota, recuperation_allocation, recuperation_policy, recuperation_booking TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['recuperation_base', 'recuperation_route', 'recuperation_route_base', 'recuperation_batch'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT
      USING (EXISTS (SELECT 1 FROM agreement a WHERE a.status = 'active'
             AND a.party_tenant_ids @> ARRAY[%I.tenant_id, nullif(current_setting('app.tenant_id', true), '')::uuid]))$p$,
      t || '_partners', t, t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A quota ledger row (tenant_id: the receiver) and a booking (tenant_id: the member's home
-- federation) are seen and written by exactly two federations: their own and the host.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['recuperation_quota', 'recuperation_booking'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
             OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
             OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_two_tenants', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- Allocations down the org tree and the policy are the home federation's own business.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['recuperation_allocation', 'recuperation_policy'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_tenant', t);
  END LOOP;
END $$;
