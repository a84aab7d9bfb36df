-- A user may READ their own memberships in every federation (to list and switch between them), but
-- change or delete them only in the federation of the transaction: 0001's single policy let the
-- user-id branch reach UPDATE and DELETE too.
DROP POLICY membership_tenant ON membership;
--> statement-breakpoint
CREATE POLICY membership_tenant ON membership
  USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid)
  WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid);
--> statement-breakpoint
CREATE POLICY membership_own_read ON membership FOR SELECT
  USING (user_id = nullif(current_setting('app.user_id', true), '')::uuid);
