-- A narrow copy of what the library searches and filters by. Reading a few thousand matches of a
-- word from the wide plans rows (content, texts) cost tens of milliseconds; these rows are small
-- (the words' vector is stored apart by TOAST), so the same read touches a few dozen pages.
CREATE TABLE plan_search (
  plan_id         uuid PRIMARY KEY REFERENCES plans (id) ON DELETE CASCADE,
  unit_id         text NOT NULL,
  district_id     text NOT NULL,
  status          text NOT NULL,
  threat_category text,
  period_from     date NOT NULL,
  period_to       date NOT NULL,
  published       boolean NOT NULL,
  search_vector   tsvector NOT NULL
);
CREATE INDEX plan_search_words_idx ON plan_search USING gin (search_vector);
CREATE INDEX plan_search_newest_idx ON plan_search (period_from DESC, plan_id) WHERE published;
CREATE INDEX plan_search_category_idx ON plan_search (threat_category, period_from DESC) WHERE published;
CREATE INDEX plan_search_unit_idx ON plan_search (unit_id, period_from DESC);
-- The plans table's own search indexes of 0004 are replaced by these.
DROP INDEX plans_search_idx;
DROP INDEX plans_library_idx;
DROP INDEX plans_category_idx;

CREATE FUNCTION plan_search_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO plan_search (plan_id, unit_id, district_id, status, threat_category, period_from, period_to, published, search_vector)
  VALUES (NEW.id, NEW.unit_id, NEW.district_id, NEW.status, NEW.threat_category, NEW.period_from, NEW.period_to,
          NEW.published_version IS NOT NULL, NEW.search_vector)
  ON CONFLICT (plan_id) DO UPDATE SET
    unit_id = excluded.unit_id, district_id = excluded.district_id, status = excluded.status,
    threat_category = excluded.threat_category, period_from = excluded.period_from, period_to = excluded.period_to,
    published = excluded.published, search_vector = excluded.search_vector;
  RETURN NULL;
END
$$;
CREATE TRIGGER plans_search_sync AFTER INSERT OR UPDATE ON plans
  FOR EACH ROW EXECUTE FUNCTION plan_search_sync();

INSERT INTO plan_search (plan_id, unit_id, district_id, status, threat_category, period_from, period_to, published, search_vector)
  SELECT id, unit_id, district_id, status, threat_category, period_from, period_to, published_version IS NOT NULL, search_vector FROM plans;
