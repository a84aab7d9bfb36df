-- Joint skills contests (DOMAIN §3.3; docs/decisions/0011-contests.md).
-- The organiser (tenant_id) alone writes the contest, its events, entrants, panels, scores,
-- overrides and certificates; the federations named in contest.party_tenant_ids (the agreement's
-- parties and a neutral judging partner) read them. The rows under a contest ask the contest's
-- own policy through EXISTS, so who reads an event is exactly who reads its contest.
-- Scores and overrides are append-only for the app role (SELECT and INSERT only).
GRANT SELECT, INSERT, UPDATE, DELETE ON contest, contest_event, contest_entrant, contest_judge, contest_registration, contest_appeal, contest_certificate TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON contest_score, contest_score_override TO uc_app;
--> statement-breakpoint
ALTER TABLE contest ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contest FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contest_owner ON contest
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY contest_parties ON contest FOR SELECT
  USING (party_tenant_ids @> ARRAY[nullif(current_setting('app.tenant_id', true), '')::uuid]);
--> statement-breakpoint
ALTER TABLE contest_event ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contest_event FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contest_event_owner ON contest_event
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY contest_event_parties ON contest_event FOR SELECT
  USING (EXISTS (SELECT 1 FROM contest c WHERE c.tenant_id = contest_event.tenant_id AND c.id = contest_event.contest_id));
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contest_entrant', 'contest_judge', 'contest_score', 'contest_certificate'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)$p$, t || '_owner', t);
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT
      USING (EXISTS (SELECT 1 FROM contest_event e WHERE e.tenant_id = %I.tenant_id AND e.id = %I.event_id))$p$,
      t || '_parties', t, t, t);
  END LOOP;
END $$;
--> statement-breakpoint
ALTER TABLE contest_score_override ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contest_score_override FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY contest_score_override_owner ON contest_score_override
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY contest_score_override_parties ON contest_score_override FOR SELECT
  USING (EXISTS (SELECT 1 FROM contest_score s WHERE s.tenant_id = contest_score_override.tenant_id AND s.id = contest_score_override.score_id));
--> statement-breakpoint
-- A registration (tenant_id: the member's home federation) and an appeal (tenant_id: the
-- entrant's home federation) are seen and written by exactly two federations: theirs and the organiser.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['contest_registration', 'contest_appeal'] LOOP
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
-- The public verification page reads one certificate by its number, without a federation.
CREATE POLICY contest_certificate_by_number ON contest_certificate FOR SELECT
  USING (number = nullif(current_setting('app.certificate_number', true), ''));
