-- Rights protection (DOMAIN §3.2; docs/decisions/0013-rights-referral.md). A case, its consents,
-- referrals, their events and the file access log belong to the referring federation (tenant_id).
-- The performer of a referral (performer_tenant_id) sees and updates the referral, appends events
-- and access-log rows as itself, reads the consent addressed to it, and reads the case file ONLY
-- while that consent is not withdrawn. Nobody else sees any of it. Events and the access log are
-- append-only. SLA policies are published service levels: any federation reads them, each writes its own.
GRANT SELECT, INSERT, UPDATE ON rights_case, rights_consent, rights_referral TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON rights_referral_event, rights_file_access, rights_sla_alert TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON rights_sla_policy TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['rights_case', 'rights_consent', 'rights_referral', 'rights_referral_event', 'rights_file_access', 'rights_sla_policy', 'rights_sla_alert'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY rights_case_owner ON rights_case
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_case_performer_with_consent ON rights_case FOR SELECT
  USING (EXISTS (SELECT 1 FROM rights_referral r JOIN rights_consent c ON c.tenant_id = r.tenant_id AND c.id = r.consent_id
         WHERE r.tenant_id = rights_case.tenant_id AND r.case_id = rights_case.id
           AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
           AND c.partner_tenant_id = r.performer_tenant_id AND c.withdrawn_at IS NULL));
--> statement-breakpoint
CREATE POLICY rights_consent_owner ON rights_consent
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_consent_partner ON rights_consent FOR SELECT
  USING (partner_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_referral_two_tenants ON rights_referral
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- a referral names a consent given to its performer (the database refuses any other)
CREATE FUNCTION rights_referral_consent_ck() RETURNS trigger LANGUAGE plpgsql AS $f$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM rights_consent c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.consent_id
                 AND c.case_id = NEW.case_id AND c.partner_tenant_id = NEW.performer_tenant_id AND c.withdrawn_at IS NULL) THEN
    RAISE EXCEPTION 'rights_referral needs the worker''s consent for its performer' USING ERRCODE = '23514';
  END IF;
  RETURN NEW;
END $f$;
--> statement-breakpoint
CREATE TRIGGER rights_referral_consent_trg BEFORE INSERT OR UPDATE OF performer_tenant_id, consent_id ON rights_referral
  FOR EACH ROW EXECUTE FUNCTION rights_referral_consent_ck();
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['rights_referral_event', 'rights_file_access'] LOOP
    EXECUTE format($p$CREATE POLICY %I ON %I FOR SELECT
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
             OR EXISTS (SELECT 1 FROM rights_referral r WHERE r.tenant_id = %I.tenant_id AND r.id = %I.referral_id
                        AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid))$p$,
      t || '_parties', t, t, t);
  END LOOP;
END $$;
--> statement-breakpoint
CREATE POLICY rights_referral_event_append ON rights_referral_event FOR INSERT
  WITH CHECK (actor_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (tenant_id = actor_tenant_id
         OR EXISTS (SELECT 1 FROM rights_referral r WHERE r.tenant_id = rights_referral_event.tenant_id AND r.id = rights_referral_event.referral_id
                    AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)));
--> statement-breakpoint
CREATE POLICY rights_file_access_append ON rights_file_access FOR INSERT
  WITH CHECK (reader_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND (tenant_id = reader_tenant_id
         OR EXISTS (SELECT 1 FROM rights_referral r WHERE r.tenant_id = rights_file_access.tenant_id AND r.id = rights_file_access.referral_id
                    AND r.performer_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)));
--> statement-breakpoint
CREATE POLICY rights_sla_policy_owner ON rights_sla_policy
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY rights_sla_policy_published ON rights_sla_policy FOR SELECT
  USING (nullif(current_setting('app.tenant_id', true), '') IS NOT NULL);
--> statement-breakpoint
CREATE POLICY rights_sla_alert_owner ON rights_sla_alert
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
