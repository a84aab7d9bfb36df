-- Agreements are owned by the initiator and shared with the parties. agreement.party_tenant_ids
-- lists every party; the policies of the tables under an agreement ask the agreement (not
-- agreement_party) so no policy refers back to itself.
GRANT SELECT, INSERT, UPDATE, DELETE ON agreement, agreement_party, agreement_version, agreement_signature, agreement_comment, notification TO uc_app;
--> statement-breakpoint
ALTER TABLE agreement ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agreement FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A draft is the initiator's alone until it is opened for negotiation.
CREATE POLICY agreement_parties ON agreement
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR (status <> 'draft' AND party_tenant_ids @> ARRAY[nullif(current_setting('app.tenant_id', true), '')::uuid]))
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR party_tenant_ids @> ARRAY[nullif(current_setting('app.tenant_id', true), '')::uuid]);
--> statement-breakpoint
ALTER TABLE agreement_party ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE agreement_party FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- A party sees every party row of the agreements it may see; only the owner adds or removes parties.
CREATE POLICY agreement_party_tenant ON agreement_party
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
         OR EXISTS (SELECT 1 FROM agreement a WHERE a.tenant_id = agreement_party.agreement_tenant_id AND a.id = agreement_party.agreement_id))
  WITH CHECK (agreement_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agreement_version', 'agreement_signature', 'agreement_comment'] LOOP
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
ALTER TABLE notification ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE notification FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY notification_tenant ON notification
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
