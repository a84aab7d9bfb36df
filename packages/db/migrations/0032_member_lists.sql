-- Member lists that scale (issue 13, docs/decisions/0025-member-lists.md): a name search an index
-- can serve under forced row-level security.
--
-- Under RLS the planner may only use a clause as an index condition when its operator is
-- LEAKPROOF or the policy's own clause comes first; LIKE, pg_trgm's operators and array @> are
-- not leakproof, so as uc_app a name search reads every member of the federation. The search
-- therefore runs in a SECURITY DEFINER function owned by the schema owner (a superuser in every
-- setup of this project, so RLS does not apply inside it) that filters the tenant itself, from
-- the same transaction-local setting the policies read: it answers ids of the caller's federation
-- only, and nothing when no federation is set. Were the owner not exempt from RLS, the function
-- would stay correct (the policy applies on top) and only lose the index.
--
-- Grams: every character and every pair of adjacent characters of the lower-cased name, each
-- prefixed with the tenant id, so one GIN lookup stays inside one federation. pg_trgm needs three
-- characters and ignores CJK under the C locale (PGlite's), while most Chinese names are two or
-- three characters: bigrams serve a two-character query exactly and narrow longer ones, which
-- are then checked with strpos. A one-character query uses the unigrams.

CREATE FUNCTION member_name_grams(t uuid, n text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT coalesce(array_agg(DISTINCT t::text || g), '{}'::text[]) FROM (
    SELECT substr(lower(n), i, 1) AS g FROM generate_series(1, length(n)) i
    UNION ALL
    SELECT substr(lower(n), i, 2) FROM generate_series(1, length(n) - 1) i
  ) s
$$;--> statement-breakpoint

-- the grams a query needs: its single character, or all its pairs
CREATE FUNCTION member_query_grams(t uuid, q text) RETURNS text[]
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  SELECT CASE WHEN length(q) = 1 THEN ARRAY[t::text || lower(q)]
    ELSE (SELECT coalesce(array_agg(DISTINCT t::text || substr(lower(q), i, 2)), '{}'::text[]) FROM generate_series(1, length(q) - 1) i)
  END
$$;--> statement-breakpoint

CREATE INDEX "member_name_grams_idx" ON "member" USING gin (member_name_grams("tenant_id", "name"));--> statement-breakpoint

-- The ids of the current federation's members whose name contains q (case-insensitive).
CREATE FUNCTION member_name_search(q text) RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER ROWS 200
  SET search_path = public, pg_catalog
AS $$
  SELECT m.id FROM public.member m
  WHERE length(q) > 0
    AND m.tenant_id = nullif(current_setting('app.tenant_id', true), '')::uuid
    AND member_name_grams(m.tenant_id, m.name) @> member_query_grams(nullif(current_setting('app.tenant_id', true), '')::uuid, q)
    AND strpos(lower(m.name), lower(q)) > 0
$$;--> statement-breakpoint
REVOKE ALL ON FUNCTION member_name_search(text) FROM PUBLIC;--> statement-breakpoint
GRANT EXECUTE ON FUNCTION member_name_search(text) TO uc_app;
