-- How many published plans contain each word, so a search can choose its way before it reads any
-- plan: a word (or a word's prefix) in a few plans is read through the word index and sorted; a
-- common one is found by walking the newest-first index, which stops after a page. Asking the
-- word index how many plans a common word has costs tens of milliseconds (it reads every match);
-- this table answers in one index lookup. The row with the empty word counts all published plans.
CREATE TABLE plan_words (
  word  text COLLATE "C" PRIMARY KEY, -- byte order: a prefix "abc:*" is the range ['abc', 'abc' || U+10FFFF)
  plans integer NOT NULL              -- kept at 0 once a word is gone: a later plan will likely bring it back
);

-- A search for a common word walks the newest published plans and tests each one's words. In
-- plan_search the vector (about 3 kB) is stored apart by TOAST: every test cost an index lookup and
-- two more pages, about 20 µs a plan on the server and several times that embedded. plan_library
-- keeps the published plans' words in the row, without their positions (about 2 kB, three rows a
-- page; a vector does not compress), which a search does not use: the same walk reads several
-- times fewer pages. plan_search stays narrow, so filters that read many of its rows stay cheap.
CREATE TABLE plan_library (
  plan_id       uuid PRIMARY KEY REFERENCES plan_search (plan_id) ON DELETE CASCADE,
  period_from   date NOT NULL,
  search_vector tsvector NOT NULL
) WITH (toast_tuple_target = 8160);
ALTER TABLE plan_library ALTER COLUMN search_vector SET STORAGE MAIN;
CREATE INDEX plan_library_newest_idx ON plan_library (period_from DESC, plan_id);

CREATE FUNCTION plan_library_sync() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR NOT NEW.published THEN
    DELETE FROM plan_library WHERE plan_id = coalesce(NEW.plan_id, OLD.plan_id);
  ELSE
    INSERT INTO plan_library AS kept (plan_id, period_from, search_vector) VALUES (NEW.plan_id, NEW.period_from, strip(NEW.search_vector))
    ON CONFLICT (plan_id) DO UPDATE SET period_from = excluded.period_from, search_vector = excluded.search_vector
      WHERE (kept.period_from, kept.search_vector) IS DISTINCT FROM (excluded.period_from, excluded.search_vector);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER plan_search_library AFTER INSERT OR UPDATE OR DELETE ON plan_search
  FOR EACH ROW EXECUTE FUNCTION plan_library_sync();
INSERT INTO plan_library (plan_id, period_from, search_vector)
  SELECT plan_id, period_from, strip(search_vector) FROM plan_search WHERE published;

-- Kept per statement from the changed rows of plans (transition tables): a bulk load of 500 plans
-- makes one upsert of their distinct words instead of 500 × ~170. A word is counted in the plan's
-- search_vector (the same vector plan_search copies) while the plan is published.
CREATE FUNCTION plan_words_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changed text;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    UPDATE plan_words SET plans = 0;
    RETURN NULL;
  END IF;
  -- Only the transition tables this event has may be named, hence the query is put together here.
  changed := concat_ws(' UNION ALL ',
    CASE WHEN TG_OP IN ('INSERT', 'UPDATE') THEN 'SELECT search_vector, 1 AS delta FROM new_plans WHERE published_version IS NOT NULL' END,
    CASE WHEN TG_OP IN ('UPDATE', 'DELETE') THEN 'SELECT search_vector, -1 AS delta FROM old_plans WHERE published_version IS NOT NULL' END);
  -- Words in a fixed order, so that two transactions lock the rows they share in the same order.
  EXECUTE format($sql$
    INSERT INTO plan_words AS counted (word, plans)
    SELECT word, sum(delta) FROM (%s) AS changed, unnest(array_append(tsvector_to_array(search_vector), '')) AS word
    GROUP BY word HAVING sum(delta) <> 0
    ORDER BY word
    ON CONFLICT (word) DO UPDATE SET plans = counted.plans + excluded.plans
  $sql$, changed);
  RETURN NULL;
END
$$;
-- A trigger with transition tables may have one event only.
CREATE TRIGGER plans_words_insert AFTER INSERT ON plans REFERENCING NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION plan_words_count();
CREATE TRIGGER plans_words_update AFTER UPDATE ON plans REFERENCING OLD TABLE AS old_plans NEW TABLE AS new_plans
  FOR EACH STATEMENT EXECUTE FUNCTION plan_words_count();
CREATE TRIGGER plans_words_delete AFTER DELETE ON plans REFERENCING OLD TABLE AS old_plans
  FOR EACH STATEMENT EXECUTE FUNCTION plan_words_count();
CREATE TRIGGER plans_words_truncate AFTER TRUNCATE ON plans
  FOR EACH STATEMENT EXECUTE FUNCTION plan_words_count();

INSERT INTO plan_words (word, plans)
  SELECT word, count(*) FROM plans, unnest(array_append(tsvector_to_array(search_vector), '')) AS word
  WHERE published_version IS NOT NULL
  GROUP BY word;
-- The empty word, even with no published plan yet.
INSERT INTO plan_words (word, plans) VALUES ('', 0) ON CONFLICT (word) DO NOTHING;

-- A district's plans, newest first, without reading the whole table.
CREATE INDEX plan_search_district_idx ON plan_search (district_id, period_from DESC);

-- The planner needs to know how common words are in the new table; the embedded database has no
-- autovacuum to find out.
ANALYZE plan_library;
