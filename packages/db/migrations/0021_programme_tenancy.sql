-- Joint programmes (docs/decisions/0012-programmes.md): the host owns and alone writes its venues,
-- events and sessions; the co-host (partner_tenant_id) reads a published event and its sessions
-- while the agreement it belongs to is active and names both; venues are read by any federation
-- with an active agreement naming the owner. A registration belongs to the member's home
-- federation (tenant_id) and is seen and written by exactly it and the host (host_tenant_id).
GRANT SELECT, INSERT, UPDATE, DELETE ON programme_venue, programme_event, programme_session, programme_registration TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['programme_venue', 'programme_event', 'programme_session', 'programme_registration'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['programme_venue', 'programme_event', 'programme_session'] LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_owner', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY programme_venue_partners ON programme_venue FOR SELECT
  USING (EXISTS (SELECT 1 FROM agreement a WHERE a.status = 'active'
         AND a.party_tenant_ids @> ARRAY[programme_venue.tenant_id, nullif(current_setting('app.tenant_id', true), '')::uuid]));
--> statement-breakpoint
CREATE POLICY programme_event_cohost ON programme_event FOR SELECT
  USING (partner_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid AND status <> 'draft'
         AND EXISTS (SELECT 1 FROM agreement a WHERE a.id = programme_event.agreement_id AND a.status = 'active'
             AND a.party_tenant_ids @> ARRAY[programme_event.tenant_id, programme_event.partner_tenant_id]));
--> statement-breakpoint
CREATE POLICY programme_session_cohost ON programme_session FOR SELECT
  USING (EXISTS (SELECT 1 FROM programme_event e WHERE e.tenant_id = programme_session.tenant_id AND e.id = programme_session.event_id
         AND e.partner_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid));
--> statement-breakpoint
CREATE POLICY programme_registration_two_tenants ON programme_registration
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR host_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
