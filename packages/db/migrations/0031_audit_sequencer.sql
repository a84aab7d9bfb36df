-- The audit chain without a per-federation lock (issue 13, docs/decisions/0024).
--
-- Writers no longer lock the federation's head: an event is appended unchained (seq null) through
-- audit_append(), a SECURITY DEFINER function owned by uc_audit, in the writer's own transaction.
-- A sequencer (audit_seal(), also uc_audit's) chains committed entries in batches shortly after
-- commit: seq, prev_hash and hash are assigned there, under the head's row lock, which only
-- sealers take. The app role keeps SELECT on both tables and loses INSERT/UPDATE: it can append
-- only through audit_append and chain only through audit_seal, neither of which lets it choose
-- the stored seq, link or hash. Each event carries a keyed MAC of its content (content_hash)
-- computed by the API process with a key the database does not hold; the head carries a MAC of
-- (tenant, seq, hash) from the same key (audit_sign_head), so a truncated tail needs a MAC only
-- the key holder can make.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'uc_audit') THEN
    CREATE ROLE uc_audit NOLOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
  END IF;
END $$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO uc_audit;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_event, audit_head TO uc_audit;
--> statement-breakpoint
GRANT SELECT ON federation TO uc_audit;
--> statement-breakpoint
CREATE SEQUENCE audit_entry_seq;
--> statement-breakpoint
GRANT USAGE ON SEQUENCE audit_entry_seq TO uc_audit;
--> statement-breakpoint
-- entry: the order of appending (global); existing events keep their chain order
ALTER TABLE audit_event ADD COLUMN entry bigint;
--> statement-breakpoint
UPDATE audit_event e SET entry = o.n FROM (SELECT tenant_id, seq, row_number() OVER (ORDER BY at, tenant_id, seq) AS n FROM audit_event) o
  WHERE o.tenant_id = e.tenant_id AND o.seq = e.seq;
--> statement-breakpoint
SELECT setval('audit_entry_seq', coalesce((SELECT max(entry) FROM audit_event), 0) + 1, false);
--> statement-breakpoint
ALTER TABLE audit_event ALTER COLUMN entry SET DEFAULT nextval('audit_entry_seq'), ALTER COLUMN entry SET NOT NULL;
--> statement-breakpoint
-- v1: chained by the old writer (hash over the whole row, docs/decisions/0004); v2: appended and sealed
ALTER TABLE audit_event ADD COLUMN v smallint NOT NULL DEFAULT 1, ADD COLUMN content_hash text, ADD COLUMN mac text;
--> statement-breakpoint
ALTER TABLE audit_event DROP CONSTRAINT audit_event_tenant_id_seq_pk;
--> statement-breakpoint
ALTER TABLE audit_event ADD CONSTRAINT audit_event_tenant_id_entry_pk PRIMARY KEY (tenant_id, entry);
--> statement-breakpoint
ALTER TABLE audit_event ALTER COLUMN seq DROP NOT NULL, ALTER COLUMN prev_hash DROP NOT NULL, ALTER COLUMN hash DROP NOT NULL;
--> statement-breakpoint
CREATE UNIQUE INDEX audit_event_seq_key ON audit_event (tenant_id, seq);
--> statement-breakpoint
-- an event's id is part of its MAC: a replayed (content, MAC) pair is refused
CREATE UNIQUE INDEX audit_event_id_key ON audit_event (id);
--> statement-breakpoint
CREATE INDEX audit_event_pending_idx ON audit_event (tenant_id, entry) WHERE seq IS NULL;
--> statement-breakpoint
ALTER TABLE audit_head ADD COLUMN signed_seq bigint, ADD COLUMN signed_hash text, ADD COLUMN mac text;
--> statement-breakpoint
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_event, audit_head FROM uc_app;
--> statement-breakpoint
-- Appending: the only way the app role adds an event. The row is stored unchained; the caller
-- supplies the content, the event's id and the MAC the API computed over them.
CREATE FUNCTION audit_append(p_tenant uuid, p_id uuid, p_at timestamptz, p_actor_user_id uuid, p_actor_label text, p_ip text,
    p_type text, p_entity_type text, p_entity_id text, p_data jsonb, p_content_hash text, p_mac text)
  RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE v_entry bigint;
BEGIN
  IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
    RAISE EXCEPTION 'audit_append: not the transaction''s federation' USING ERRCODE = '42501';
  END IF;
  IF p_content_hash IS NULL OR p_mac IS NULL THEN
    RAISE EXCEPTION 'audit_append: content hash and MAC are required' USING ERRCODE = '22004';
  END IF;
  INSERT INTO audit_event (tenant_id, id, at, actor_user_id, actor_label, ip, type, entity_type, entity_id, data, v, content_hash, mac)
    VALUES (p_tenant, p_id, p_at, p_actor_user_id, p_actor_label, p_ip, p_type, p_entity_type, p_entity_id, coalesce(p_data, '{}'::jsonb), 2, p_content_hash, p_mac)
    RETURNING entry INTO v_entry;
  RETURN v_entry;
END
$fn$;
--> statement-breakpoint
-- Sealing: chains the federation's committed, unchained entries in entry order, at most p_limit,
-- under the head's row lock (taken only by sealers: a second sealer waits for the first's commit).
-- hash = sha256(prev_hash ':' seq ':' content_hash). Returns the new head's seq.
CREATE FUNCTION audit_seal(p_tenant uuid, p_limit integer)
  RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE
  v_seq bigint;
  v_hash text;
  r record;
BEGIN
  IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
    RAISE EXCEPTION 'audit_seal: not the transaction''s federation' USING ERRCODE = '42501';
  END IF;
  INSERT INTO audit_head (tenant_id, seq, hash) VALUES (p_tenant, 0, repeat('0', 64)) ON CONFLICT DO NOTHING;
  SELECT seq, hash INTO v_seq, v_hash FROM audit_head WHERE tenant_id = p_tenant FOR UPDATE;
  FOR r IN SELECT entry, content_hash FROM audit_event WHERE tenant_id = p_tenant AND seq IS NULL ORDER BY entry LIMIT greatest(p_limit, 0) LOOP
    v_seq := v_seq + 1;
    UPDATE audit_event SET seq = v_seq, prev_hash = v_hash,
        hash = encode(sha256(convert_to(v_hash || ':' || v_seq::text || ':' || r.content_hash, 'UTF8')), 'hex')
      WHERE tenant_id = p_tenant AND entry = r.entry AND seq IS NULL
      RETURNING hash INTO v_hash;
    IF NOT FOUND THEN RAISE EXCEPTION 'audit_seal: entry % was chained meanwhile', r.entry; END IF;
  END LOOP;
  UPDATE audit_head SET seq = v_seq, hash = v_hash WHERE tenant_id = p_tenant;
  RETURN v_seq;
END
$fn$;
--> statement-breakpoint
-- Signing: stores the key holder's MAC of the current head. Only the current (seq, hash) can be
-- signed, so an older signature cannot be replayed onto a longer chain.
CREATE FUNCTION audit_sign_head(p_tenant uuid, p_seq bigint, p_hash text, p_mac text)
  RETURNS boolean LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
BEGIN
  IF p_tenant IS DISTINCT FROM nullif(current_setting('app.tenant_id', true), '')::uuid THEN
    RAISE EXCEPTION 'audit_sign_head: not the transaction''s federation' USING ERRCODE = '42501';
  END IF;
  UPDATE audit_head SET signed_seq = p_seq, signed_hash = p_hash, mac = p_mac
    WHERE tenant_id = p_tenant AND seq = p_seq AND hash = p_hash;
  RETURN FOUND;
END
$fn$;
--> statement-breakpoint
-- The anchors of a federation's chain recorded in other federations' chains (audit.anchored
-- events): what verify compares the chain with. Readable for the transaction's own federation only.
CREATE FUNCTION audit_anchors_of(p_tenant uuid)
  RETURNS TABLE (recorded_in uuid, recorded_seq bigint, anchored_seq bigint, anchored_hash text)
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp AS $fn$
DECLARE v_self text := current_setting('app.tenant_id', true);
BEGIN
  IF p_tenant IS DISTINCT FROM nullif(v_self, '')::uuid THEN
    RAISE EXCEPTION 'audit_anchors_of: not the transaction''s federation' USING ERRCODE = '42501';
  END IF;
  -- other chains are behind row-level security: read each federation's as that federation
  FOR recorded_in IN SELECT f.id FROM federation f WHERE f.id <> p_tenant ORDER BY f.id LOOP
    PERFORM set_config('app.tenant_id', recorded_in::text, true);
    FOR recorded_seq, anchored_seq, anchored_hash IN
      SELECT e.seq, (e.data->>'seq')::bigint, e.data->>'hash' FROM audit_event e
        WHERE e.tenant_id = recorded_in AND e.type = 'audit.anchored' AND e.entity_type = 'federation' AND e.entity_id = p_tenant::text
    LOOP
      RETURN NEXT;
    END LOOP;
  END LOOP;
  PERFORM set_config('app.tenant_id', v_self, true);
END
$fn$;
--> statement-breakpoint
ALTER FUNCTION audit_append(uuid, uuid, timestamptz, uuid, text, text, text, text, text, jsonb, text, text) OWNER TO uc_audit;
--> statement-breakpoint
ALTER FUNCTION audit_seal(uuid, integer) OWNER TO uc_audit;
--> statement-breakpoint
ALTER FUNCTION audit_sign_head(uuid, bigint, text, text) OWNER TO uc_audit;
--> statement-breakpoint
ALTER FUNCTION audit_anchors_of(uuid) OWNER TO uc_audit;
--> statement-breakpoint
REVOKE ALL ON FUNCTION audit_append(uuid, uuid, timestamptz, uuid, text, text, text, text, text, jsonb, text, text), audit_seal(uuid, integer),
  audit_sign_head(uuid, bigint, text, text), audit_anchors_of(uuid) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION audit_append(uuid, uuid, timestamptz, uuid, text, text, text, text, text, jsonb, text, text), audit_seal(uuid, integer),
  audit_sign_head(uuid, bigint, text, text), audit_anchors_of(uuid) TO uc_app;
