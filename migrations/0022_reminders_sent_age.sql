-- The retention job deletes reminder records 61 days after sending, in batches by age
-- (modules/privacy: reminders_sent); without this index each hourly run read the whole table.
CREATE INDEX reminders_sent_sent_at_idx ON reminders_sent (sent_at);
