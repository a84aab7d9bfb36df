-- Joint items, liaison pairs and joint meetings live under an agreement: they carry the owner's
-- tenant_id and are visible to (and writable by) every party, as in 0003. Each policy asks the
-- agreement, whose own policy decides who is a party.
GRANT SELECT, INSERT, UPDATE, DELETE ON joint_item, joint_item_side, liaison_pair, liaison_contact, joint_meeting, meeting_decision TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['joint_item', 'joint_item_side', 'liaison_pair', 'liaison_contact', 'joint_meeting', 'meeting_decision'] LOOP
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
-- Each side of a liaison pair is changed by that side only (the service refuses first; this is
-- the database's own guard). Deleting the pair cascades, which row security does not stop.
CREATE POLICY liaison_contact_own_side ON liaison_contact AS RESTRICTIVE FOR UPDATE
  USING (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
