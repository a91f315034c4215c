-- The bookings browser sorts by scheduled time too (issue 11): a keyset on (scheduled_at, id) walks this
-- index from the cursor on in either direction. idx_bookings_scheduled_at (V4) lacks the id tie-breaker.
CREATE INDEX idx_bookings_scheduled_id ON bookings (scheduled_at DESC, id DESC);
