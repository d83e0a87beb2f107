-- Why a meeting was cancelled (powód odwołania; issue 15): the staff give a reason, and residents
-- read it beside "odwołane" on the district and unit pages, in the calendar feeds and in the
-- followers' e-mail. A cancelled meeting has one and a meeting not cancelled has none.
ALTER TABLE meetings ADD COLUMN cancel_reason text CHECK (length(btrim(cancel_reason)) BETWEEN 3 AND 500);

-- Meetings cancelled before reasons were asked for get a neutral one. updated_at stays: the
-- followers were told of the cancellation then, and this is no news to mail again.
UPDATE meetings SET cancel_reason = 'Nie podano powodu.' WHERE cancelled_at IS NOT NULL;

ALTER TABLE meetings ADD CONSTRAINT meetings_cancelled_has_reason CHECK ((cancelled_at IS NULL) = (cancel_reason IS NULL));
