-- Demo data, step 7: reviews, message threads, notifications and analytics events.

-- @step reviews
INSERT INTO reviews (id, created_at, booking_id, reviewer_id, reviewed_id, rating, comment)
SELECT pg_temp.uid('review', r.i), r.created_at, r.id, r.consumer_id, r.provider_user_id, r.rating,
       CASE WHEN pg_temp.u(r.i, 2303) < 0.8 THEN
           CASE r.rating WHEN 5 THEN pg_temp.pick(w.review5, r.i, 2304) WHEN 4 THEN pg_temp.pick(w.review4, r.i, 2304)
                         WHEN 3 THEN pg_temp.pick(w.review3, r.i, 2304) WHEN 2 THEN pg_temp.pick(w.review2, r.i, 2304)
                         ELSE pg_temp.pick(w.review1, r.i, 2304) END END
FROM (
    SELECT b.i, b.id, b.consumer_id, b.provider_user_id,
           CASE WHEN b.path = 4 THEN
                    CASE WHEN pg_temp.u(b.i, 2301) < 0.58 THEN 5 WHEN pg_temp.u(b.i, 2301) < 0.82 THEN 4
                         WHEN pg_temp.u(b.i, 2301) < 0.91 THEN 3 WHEN pg_temp.u(b.i, 2301) < 0.96 THEN 2 ELSE 1 END
                ELSE CASE WHEN pg_temp.u(b.i, 2301) < 0.5 THEN 1 WHEN pg_temp.u(b.i, 2301) < 0.85 THEN 2 ELSE 3 END
           END AS rating,
           greatest(b.actual_end_at, b.t_resolve)
               + least(interval '1 minute' * (30 + 2880 * pg_temp.u(b.i, 2302)),
                       (${as_of} - greatest(b.actual_end_at, b.t_resolve)) / 2) AS created_at
    FROM demo_b b
    WHERE b.status = 'completed' AND pg_temp.u(b.i, 2300) < CASE WHEN b.path = 4 THEN 0.6 ELSE 0.8 END
) r
CROSS JOIN demo_w w;

-- @step messages
-- k messages per booking (${msg_base} + i mod ${msg_mod}; a dispute's whole argument), spread evenly over the
-- part of the booking's life the conversation belongs to.
INSERT INTO messages (id, created_at, booking_id, sender_id, recipient_id, content, read)
SELECT pg_temp.uid('message', b.i * 10 + s.pos), t.at, b.id,
       CASE WHEN s.from_consumer THEN b.consumer_id ELSE b.provider_user_id END,
       CASE WHEN s.from_consumer THEN b.provider_user_id ELSE b.consumer_id END,
       replace(replace(s.body, '{c}', b.c_first), '{p}', b.p_first),
       t.at < ${as_of} - interval '1 day' OR pg_temp.u(b.i * 10 + s.pos, 2402) < 0.6
FROM demo_b b
JOIN demo_script s ON s.family = b.family AND s.grp = b.msg_group AND s.variant = b.msg_variant AND s.pos <= b.msg_k
CROSS JOIN LATERAL (SELECT b.msg_lo + (b.msg_hi - b.msg_lo) * (s.pos::float8 / (b.msg_k + 1)) AS at) t;

-- @step notifications
INSERT INTO notifications (id, user_id, type, title, body, data, read_at, created_at)
SELECT pg_temp.uid('notification', b.i * 10 + 1), b.consumer_id, 'booking_confirmed', 'Your booking is confirmed',
       b.p_first || ' accepted your booking for ' || to_char(b.scheduled_at, 'Mon DD at HH12:MI AM') || '.',
       jsonb_build_object('booking_id', b.id), NULL, b.t_acc
FROM demo_b b
WHERE b.path = 2 AND pg_temp.u(b.i, 2501) < 0.5
UNION ALL
SELECT pg_temp.uid('notification', b.i * 10 + 2), b.consumer_id, 'review_request', 'How did it go?',
       'Rate your experience with ' || b.p_first || '.', jsonb_build_object('booking_id', b.id),
       CASE WHEN pg_temp.u(b.i, 2502) < 0.5 THEN b.actual_end_at + (${as_of} - b.actual_end_at) / 2 END,
       b.actual_end_at + (${as_of} - b.actual_end_at) / 4
FROM demo_b b
WHERE b.path = 4 AND b.slice IN (2, 3) AND pg_temp.u(b.i, 2501) < 0.3
UNION ALL
SELECT pg_temp.uid('notification', b.i * 10 + 3), b.consumer_id, 'dispute_update', 'We received your dispute',
       'Our operations team will review it within 48 hours.', jsonb_build_object('booking_id', b.id),
       CASE WHEN b.t_review IS NOT NULL THEN b.t_review END, b.t_dispute
FROM demo_b b
WHERE b.path IN (8, 9)
UNION ALL
SELECT pg_temp.uid('notification', 1000000000 + p.i), p.user_id, 'verification',
       CASE p.cert WHEN 'pending' THEN 'We are reviewing your documents' ELSE 'Your verification needs attention' END,
       CASE p.cert WHEN 'pending' THEN 'Most reviews take one business day.'
                   ELSE 'One of your documents was rejected. Open the app to see why and upload a new one.' END,
       jsonb_build_object('provider_id', p.id), NULL, p.created_at + (${as_of} - p.created_at) / 10
FROM demo_provider p
WHERE p.cert IN ('pending', 'rejected');

-- @step analytics-events
INSERT INTO analytics_events (user_id, event_name, properties, occurred_at)
SELECT e.user_id, e.event_name, e.properties, e.occurred_at
FROM (
    SELECT b.consumer_id AS user_id, 'booking_created' AS event_name,
           jsonb_build_object('booking_id', b.id, 'category', b.category, 'price_total', b.price_total::text) AS properties,
           b.created_at AS occurred_at, b.i AS k
    FROM demo_b b
    WHERE b.slice IN (1, 2, 3)
    UNION ALL
    SELECT b.consumer_id, 'listing_viewed', jsonb_build_object('listing_id', b.listing_id, 'category', b.category),
           b.created_at - interval '1 minute' * (1 + 30 * pg_temp.u(b.i, 2601)), b.i
    FROM demo_b b
    WHERE b.slice IN (1, 2, 3)
    UNION ALL
    SELECT pg_temp.uid('person', n), 'search_performed',
           jsonb_build_object('query', pg_temp.pick(ARRAY['drone photos', 'grocery delivery', 'roof inspection', 'same day courier',
                                                          'legal documents', 'dinner delivery'], n, 2602)),
           ${as_of} - interval '1 minute' * (5 + 20000 * pg_temp.u(n, 2603)), -n
    FROM generate_series(1, ${customers} / 20) AS n
) e
ORDER BY e.occurred_at, e.k, e.event_name;
