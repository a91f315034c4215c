-- Demo data, step 8: providers and listings with counters that agree with the bookings and reviews (what
-- the triggers would have kept while the data was loaded with them off) and customers' totals. Statistics
-- follow in 08_statistics.sql, once the deferred keys and indexes are back, and the materialized views after
-- the commit (demo/AfterCommitWork).
--
-- providers.completed_jobs = total_orders = bookings now 'completed' (V6's count_completed_jobs);
-- rating/review_count = reviews of the provider's user (V6's update_provider_rating);
-- total_earnings = sum over completed bookings of service_price less what was refunded (fee and tax are not
-- the provider's); 70_disputes.sql then gives back the platform's fee share of each refund, once the refunds'
-- split is known, so only the provider's share of a refund is taken off.

-- @step providers
INSERT INTO providers (id, user_id, created_at, updated_at, type, certifications, service_areas, rating, completed_jobs,
                       verified, business_name, business_description, business_phone, business_email,
                       business_address, business_website, service_categories, certification_status,
                       verification_documents, is_active, review_count, total_orders, total_earnings)
SELECT p.id, p.user_id, p.created_at, p.created_at, p.type,
       CASE WHEN p.family = 'courier' THEN ARRAY['Michigan driver licence', 'Commercial auto insurance']
            WHEN pg_temp.u(p.i, 330) < 0.3 THEN ARRAY['FAA Part 107', 'Drone liability insurance', 'Night operations waiver']
            ELSE ARRAY['FAA Part 107', 'Drone liability insurance'] END,
       p.area_names,
       coalesce(r.rating, 0), coalesce(b.completed, 0),
       p.verified,
       p.business_name,
       CASE WHEN p.family = 'courier'
            THEN 'Local courier serving ' || array_to_string(p.area_names, ', ') || ' since '
                 || extract(year FROM p.created_at)::int || '. Insured vehicle, contactless drop-off, photo proof of delivery.'
            ELSE 'FAA Part 107 certified drone operator serving ' || array_to_string(p.area_names, ', ')
                 || '. Fully insured, airspace authorizations handled, fast turnaround.' END,
       pg_temp.phone(p.i, 331),
       'contact@' || trim(BOTH '-' FROM regexp_replace(lower(p.business_name), '[^a-z0-9]+', '-', 'g')) || '-' || p.i
           || '.example.com',
       pg_temp.between(p.i, 332, 100, 19999) || ' ' || pg_temp.pick(z.streets, p.i, 333) || ', ' || z.city || ', MI ' || z.zip,
       CASE WHEN pg_temp.u(p.i, 334) < 0.6
            THEN 'https://' || trim(BOTH '-' FROM regexp_replace(lower(p.business_name), '[^a-z0-9]+', '-', 'g')) || '-' || p.i
                 || '.example.com' END,
       CASE WHEN p.family = 'courier' THEN ARRAY['food_delivery', 'courier'] ELSE ARRAY['aerial_imaging', 'site_mapping'] END,
       p.cert,
       coalesce(d.urls, '{}'),
       p.is_active,
       coalesce(r.n, 0), coalesce(b.completed, 0), coalesce(b.earnings, 0)
FROM demo_provider p
JOIN demo_zone z ON z.z = p.z
LEFT JOIN (SELECT provider_id, count(*) AS completed,
                  sum(service_price - least(refund_amount, service_price)) AS earnings
           FROM bookings WHERE status = 'completed' GROUP BY provider_id) b ON b.provider_id = p.id
LEFT JOIN (SELECT reviewed_id, round(avg(rating), 2) AS rating, count(*) AS n
           FROM reviews GROUP BY reviewed_id) r ON r.reviewed_id = p.user_id
-- 001 kept a text[] of document URLs on the provider; point it at the stored files
LEFT JOIN (SELECT provider_id, array_agg('tower-document:' || sha256 ORDER BY uploaded_at, id) AS urls
           FROM provider_documents GROUP BY provider_id) d ON d.provider_id = p.id;


-- @step listings
INSERT INTO listings (id, created_at, updated_at, provider_id, title, description, category, price_base, price_per_mile,
                      price_per_minute, service_radius_miles, active, images, category_level1_id, category_level2_id,
                      pricing_type, currency, duration_minutes, availability, tags, average_rating, review_count,
                      order_count, search_vector)
SELECT l.id, l.created_at, l.created_at, l.provider_id, l.title, l.description, l.category, l.price_base,
       l.price_per_mile, NULL,
       CASE WHEN l.family = 'courier' THEN 8 + 2 * floor(4 * pg_temp.u(l.pi * 10 + l.j, 359))::int
            ELSE 15 + 5 * floor(4 * pg_temp.u(l.pi * 10 + l.j, 359))::int END,
       l.active,
       CASE WHEN l.family = 'drone' THEN ARRAY['https://images.example.com/listings/' || l.id || '/cover.jpg'] ELSE '{}' END,
       'cat.' || l.category::text, l.l2_id,
       l.pricing_type, 'USD', l.duration_minutes,
       jsonb_build_object('lead_time_minutes', CASE WHEN l.family = 'courier' THEN 30 ELSE 1440 END),
       l.tags, coalesce(r.rating, 0), coalesce(r.n, 0), coalesce(b.n, 0),
       setweight(to_tsvector('english', l.title), 'A') || setweight(to_tsvector('english', coalesce(l.description, '')), 'B')
FROM demo_listing l
LEFT JOIN (SELECT listing_id, count(*) AS n FROM bookings WHERE status = 'completed' GROUP BY listing_id) b
       ON b.listing_id = l.id
LEFT JOIN (SELECT bk.listing_id, round(avg(rv.rating), 2) AS rating, count(*) AS n
           FROM reviews rv JOIN bookings bk ON bk.id = rv.booking_id GROUP BY bk.listing_id) r
       ON r.listing_id = l.id;

-- @step customer-profiles
INSERT INTO customer_profiles (id, preferred_services, preferred_providers, address_book, payment_methods, loyalty_points,
                               total_orders, total_spent, created_at, updated_at)
SELECT p.id,
       coalesce(b.categories, '{}'),
       coalesce(b.providers, '{}'),
       jsonb_build_array(jsonb_build_object('label', 'Home', 'address', p.address)),
       jsonb_build_array(jsonb_build_object('type', 'card',
                                            'brand', pg_temp.pick(ARRAY['visa', 'mastercard', 'amex'], p.n, 141),
                                            'last4', lpad(pg_temp.between(p.n, 142, 0, 9999)::text, 4, '0'))),
       floor(coalesce(b.spent, 0))::int,
       coalesce(b.completed, 0),
       coalesce(b.spent, 0),
       p.created_at, p.created_at
FROM demo_person p
LEFT JOIN (SELECT consumer_id,
                  count(*) FILTER (WHERE status = 'completed') AS completed,
                  coalesce(sum(price_total - refund_amount) FILTER (WHERE status = 'completed'), 0) AS spent,
                  array_agg(DISTINCT category::text) AS categories,
                  (array_agg(DISTINCT provider_id))[1:3] AS providers
           FROM demo_b GROUP BY consumer_id) b ON b.consumer_id = p.id
WHERE p.role = 'consumer' AND (b.consumer_id IS NOT NULL OR pg_temp.u(p.n, 140) < 0.5);

-- @step customer-preferences
INSERT INTO customer_preferences (id, customer_id, preference_type, preference_key, preference_value, created_at, updated_at)
SELECT pg_temp.uid('preference', p.n), p.id, 'notifications', 'quiet_hours',
       jsonb_build_object('from', '22:00', 'to', '07:00'), p.created_at, p.created_at
FROM demo_person p
JOIN customer_profiles cp ON cp.id = p.id
WHERE pg_temp.u(p.n, 143) < 0.1;
