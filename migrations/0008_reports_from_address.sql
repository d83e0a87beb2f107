-- A resident's report is stored by one statement (one round trip; submissions are the busiest public
-- write). The per-address limit needs the address's lock first and then a count that sees every
-- report committed before the lock was granted; the statement's own snapshot is taken before it
-- waits, but a function's statements each read what was committed before them: so the lock and the
-- count live here.
CREATE FUNCTION reports_from_address(p_ip text, p_since timestamptz)
RETURNS TABLE (n integer, oldest timestamptz) LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  -- Held to the end of the transaction: two reports from one address are counted one after the other.
  PERFORM pg_advisory_xact_lock(hashtext('report-ip:' || p_ip));
  RETURN QUERY SELECT count(*)::integer, min(r.created_at) FROM reports r WHERE r.reporter_ip = p_ip AND r.created_at > p_since;
END
$$;
