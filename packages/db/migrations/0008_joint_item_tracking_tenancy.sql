-- Milestones, progress updates, attachments and activity of joint items live under an agreement:
-- they carry the owner's tenant_id and are visible to every party, as in 0005. Each policy asks the
-- agreement, whose own policy decides who is a party. Updates, confirmations and activity are
-- append-only (no UPDATE/DELETE grant); a deleted milestone or agreement takes its rows along by cascade.
GRANT SELECT, INSERT, UPDATE, DELETE ON joint_milestone, joint_milestone_side TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT ON joint_milestone_confirmation, joint_item_update, joint_item_activity, joint_milestone_alert TO uc_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON joint_item_attachment TO uc_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['joint_milestone', 'joint_milestone_side', 'joint_milestone_confirmation', 'joint_item_update', 'joint_item_attachment', 'joint_item_activity'] LOOP
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
-- Overdue alerts are the owner's bookkeeping (the daily job runs in the owner's tenant).
ALTER TABLE joint_milestone_alert ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE joint_milestone_alert FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY joint_milestone_alert_tenant ON joint_milestone_alert
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- Each side of an item or a milestone is changed by that side only: the service refuses first,
-- these are the database's own guard (restrictive, so they narrow the party policies above).
CREATE POLICY joint_item_side_own_side ON joint_item_side AS RESTRICTIVE FOR UPDATE
  USING (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY joint_milestone_side_own_side ON joint_milestone_side AS RESTRICTIVE FOR UPDATE
  USING (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
-- A federation confirms, reports and uploads only in its own name.
CREATE POLICY joint_milestone_confirmation_own_side ON joint_milestone_confirmation AS RESTRICTIVE FOR INSERT
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY joint_item_update_own_side ON joint_item_update AS RESTRICTIVE FOR INSERT
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY joint_item_attachment_own_side_insert ON joint_item_attachment AS RESTRICTIVE FOR INSERT
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY joint_item_attachment_own_side_update ON joint_item_attachment AS RESTRICTIVE FOR UPDATE
  USING (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (party_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY joint_item_activity_own_name ON joint_item_activity AS RESTRICTIVE FOR INSERT
  WITH CHECK (actor_tenant_id IS NULL OR actor_tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
