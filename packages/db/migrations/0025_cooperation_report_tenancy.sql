-- The annual cooperation report lives under an agreement: it carries the owner's tenant_id and is
-- visible to (and writable by) every party, as in 0003 and 0005. Each policy asks the agreement,
-- whose own policy decides who is a party.
GRANT SELECT, INSERT, UPDATE, DELETE ON cooperation_report, cooperation_report_confirmation TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cooperation_report', 'cooperation_report_confirmation'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format($p$CREATE POLICY %I ON %I
      USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
             OR EXISTS (SELECT 1 FROM agreement a WHERE a.tenant_id = %I.tenant_id AND a.id = %I.agreement_id))
      WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
             OR EXISTS (SELECT 1 FROM agreement a WHERE a.tenant_id = %I.tenant_id AND a.id = %I.agreement_id))$p$,
      t || '_parties', t, t, t, t, t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A confirmation is the confirming party's own: no party writes another's.
CREATE POLICY cooperation_report_confirmation_own_party ON cooperation_report_confirmation AS RESTRICTIVE FOR INSERT
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
