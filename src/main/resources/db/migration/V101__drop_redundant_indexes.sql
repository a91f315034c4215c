-- Indexes that another index of the same table already covers: each has the same leading columns as a
-- wider index (or is a second copy of a unique key), so the planner never needs it, while every insert
-- and update of a booking, message or review still writes it and every demo load builds it (about a
-- second each at a million bookings). The seeds created several of them before Tower's keyset indexes
-- existed; these are what replaced them:
--   idx_bookings_consumer_id          -> idx_bookings_consumer_created (consumer_id, created_at DESC)
--   idx_bookings_provider_id          -> idx_bookings_provider_created_id (provider_id, created_at DESC, id DESC)
--   idx_bookings_listing_id           -> idx_bookings_listing_created_id (listing_id, created_at DESC, id DESC)
--   idx_orders_payment_status         -> idx_bookings_payment_created_id (payment_status, created_at DESC, id DESC)
--   idx_bookings_status,
--   idx_orders_composite_status_date  -> idx_bookings_status_created_id (status, created_at DESC, id DESC)
--   idx_bookings_scheduled_at         -> idx_bookings_scheduled_id (scheduled_at DESC, id DESC), read backwards
--   idx_orders_created_at             -> idx_bookings_created_dropoff (created_at) INCLUDE (...)
--   idx_messages_booking_id           -> idx_messages_booking_thread (booking_id, created_at, id)
--   idx_listings_category             -> idx_listings_category_active (category, active)
--   idx_profiles_email, idx_providers_user_id, idx_reviews_booking_id: copies of the unique keys
--     profiles_email_key, providers_user_id_key, reviews_booking_id_key.
DROP INDEX IF EXISTS idx_bookings_consumer_id;
DROP INDEX IF EXISTS idx_bookings_provider_id;
DROP INDEX IF EXISTS idx_bookings_listing_id;
DROP INDEX IF EXISTS idx_orders_payment_status;
DROP INDEX IF EXISTS idx_bookings_status;
DROP INDEX IF EXISTS idx_orders_composite_status_date;
DROP INDEX IF EXISTS idx_bookings_scheduled_at;
DROP INDEX IF EXISTS idx_orders_created_at;
DROP INDEX IF EXISTS idx_messages_booking_id;
DROP INDEX IF EXISTS idx_listings_category;
DROP INDEX IF EXISTS idx_profiles_email;
DROP INDEX IF EXISTS idx_providers_user_id;
DROP INDEX IF EXISTS idx_reviews_booking_id;
