-- Search over a national library of plans (100,000 and more) within tens of milliseconds.
-- The words' vector is stored once instead of being computed from search_stems on every query.
-- Results come newest first through plans_library_idx, which lets a query stop after one page
-- instead of ranking every match; "similar plans" rank only the newest of one threat category.

ALTER TABLE plans ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_stems)) STORED;
DROP INDEX plans_search_idx;
CREATE INDEX plans_search_idx ON plans USING gin (search_vector);
CREATE INDEX plans_library_idx ON plans (period_from DESC, id) WHERE published_version IS NOT NULL;
CREATE INDEX plans_category_idx ON plans (threat_category, period_from DESC) WHERE published_version IS NOT NULL;
DROP INDEX plans_search_trgm_idx; -- never used by a query; it only slowed writes
