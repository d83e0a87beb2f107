-- The event's date and its optional time (issue 17), in Polish time as the resident gave them: a
-- day and a wall-clock time, so that "no time given" (event_time null) stays apart from midnight
-- and the hour of day needs no time zone to read. Old rows were only ever a day (the form sent a
-- date, stored at 12:00Z; the API's instants are taken at their day in Poland): date only.
ALTER TABLE reports ADD COLUMN event_date date;
ALTER TABLE reports ADD COLUMN event_time time(0);
UPDATE reports SET event_date = (event_at AT TIME ZONE 'Europe/Warsaw')::date WHERE event_at IS NOT NULL;
ALTER TABLE reports DROP COLUMN event_at;
ALTER TABLE reports ADD CONSTRAINT reports_event_time_needs_date CHECK (event_time IS NULL OR event_date IS NOT NULL);
