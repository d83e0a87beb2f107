-- The partner registry (rejestr podmiotów współpracujących; issue 15): organisations a unit works
-- with, reused across plans. It replaces `plan_partners` (names remembered from published plans):
-- one concept, "partner", kept here. A plan's partner entry keeps the name and its tasks in the
-- plan's content (published versions never change when a partner is renamed) and links the
-- registry entry by `partnerId`.

-- The identity of a name: the same organisation whatever the case, quotes, punctuation or spacing
-- ("Urząd Gminy  Lubartów" = "urząd gminy „Lubartów”"). Near duplicates (abbreviations, inflection)
-- are the application's job (modules/partners/rules/names.ts); this one is the unique key.
CREATE FUNCTION partner_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT btrim(regexp_replace(lower(regexp_replace(name, '[„”“"''«»`‚‘’]', '', 'g')), '[[:space:].,;:()–—-]+', ' ', 'g'))
$$;

CREATE TABLE partners (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  unit_id         text NOT NULL REFERENCES units (id),
  name            text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 300),
  name_key        text NOT NULL GENERATED ALWAYS AS (partner_name_key(name)) STORED,
  kind            text NOT NULL CHECK (kind IN ('local_government', 'school', 'social_welfare', 'municipal_guard', 'road_authority',
                                                'housing', 'ngo', 'culture', 'services', 'business', 'religious', 'other')),
  -- Contact: staff only, never on a public page.
  contact_person  text CHECK (length(contact_person) <= 200),
  phone           text CHECK (length(phone) <= 40),
  email           text CHECK (length(email) <= 254),
  address         text CHECK (length(address) <= 300),
  note            text CHECK (length(note) <= 2000),
  -- Archived partners are no longer offered; they stay, with the plans they took part in.
  archived_at     timestamptz,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, name_key)
);

CREATE TRIGGER partners_audit AFTER INSERT OR UPDATE OR DELETE ON partners
  FOR EACH ROW EXECUTE FUNCTION audit_row_change('unit_id');

-- The names remembered so far and the names in plans become registry entries of the plan's unit
-- (type "other": staff set the type; entries the editor creates from now on get a guessed one).
INSERT INTO partners (unit_id, name, kind, created_at, updated_at)
SELECT DISTINCT ON (unit_id, partner_name_key(name)) unit_id, name, 'other', used_at, used_at
FROM (
  SELECT unit_id, btrim(name) AS name, used_at FROM plan_partners
  UNION ALL
  SELECT p.unit_id, btrim(e.value ->> 'name'), p.updated_at
  FROM plans p, jsonb_array_elements(p.content -> 'partners') e
  WHERE jsonb_typeof(p.content -> 'partners') = 'array'
) named
WHERE length(name) BETWEEN 1 AND 300
ORDER BY unit_id, partner_name_key(name), used_at DESC;

-- Each plan's (working) partner entries link their registry entry; frozen versions stay as they were.
UPDATE plans p SET content = jsonb_set(p.content, '{partners}', (
  SELECT coalesce(jsonb_agg(CASE WHEN r.id IS NULL THEN e.value ELSE e.value || jsonb_build_object('partnerId', r.id) END ORDER BY e.n), '[]'::jsonb)
  FROM jsonb_array_elements(p.content -> 'partners') WITH ORDINALITY e(value, n)
  LEFT JOIN partners r ON r.unit_id = p.unit_id AND r.name_key = partner_name_key(btrim(e.value ->> 'name'))
))
WHERE jsonb_typeof(p.content -> 'partners') = 'array' AND jsonb_array_length(p.content -> 'partners') > 0;

-- "The plans a partner takes part in" reads plans by the ids in their content.
CREATE INDEX plans_partner_ids_idx ON plans USING gin ((content -> 'partners') jsonb_path_ops);

DROP TABLE plan_partners;
