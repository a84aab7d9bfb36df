-- The places engine's tables (docs/decisions/0020-places-engine.md), with the rules the
-- recuperation tables had (0010): a pool and its shares belong to the host, which alone writes
-- them (a claimant's transaction switches to the host for its one counter UPDATE); a federation
-- with an ACTIVE agreement naming the host may read them. A quota line is seen and written by
-- exactly its two federations, the receiver (tenant_id) and the host; allocations down the org
-- tree are the receiver's own.
GRANT SELECT, INSERT, UPDATE, DELETE ON place_pool, place_share, place_quota, place_allocation TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['place_pool', 'place_share'] LOOP
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
ALTER TABLE place_quota ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE place_quota FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY place_quota_two_tenants ON place_quota
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
ALTER TABLE place_allocation ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE place_allocation FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY place_allocation_tenant ON place_allocation
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
