package dev.tower.demo;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rules the demo data must keep, each a query counting the rows that break it (0 = kept). Shared by the
 * SMALL tests and the opt-in LARGE run.
 */
final class DemoInvariants {
    private DemoInvariants() {}

    static final Map<String, String> RULES = new LinkedHashMap<>();
    static final String EARNINGS =
            "provider earnings = completed bookings' service price less the provider share of their issued refunds";

    static {
        RULES.put("every booking's search document is the one its trigger writes (V66)", """
                SELECT count(*) FROM bookings b
                WHERE b.search_document IS DISTINCT FROM booking_search_document_of(b.order_number, b.consumer_id,
                      b.provider_id, b.pickup_address, b.dropoff_address)""");
        RULES.put("verified agrees with certification_status", """
                SELECT count(*) FROM providers WHERE coalesce(verified, false) <> (certification_status = 'verified')""");
        RULES.put("issued and pending refunds never exceed captured payments; refund_amount = issued refunds", """
                SELECT count(*) FROM bookings b
                LEFT JOIN (SELECT order_id, sum(amount) AS captured FROM payments WHERE status = 'completed'
                           GROUP BY order_id) p ON p.order_id = b.id
                LEFT JOIN (SELECT booking_id, sum(amount) FILTER (WHERE status = 'issued') AS issued,
                                  sum(amount) FILTER (WHERE status IN ('issued', 'awaiting_approval')) AS committed
                           FROM refunds GROUP BY booking_id) r ON r.booking_id = b.id
                WHERE coalesce(r.committed, 0) > coalesce(p.captured, 0) OR b.refund_amount <> coalesce(r.issued, 0)""");
        RULES.put("payment_status agrees with payments and refunds", """
                SELECT count(*) FROM bookings b
                LEFT JOIN (SELECT order_id, sum(amount) FILTER (WHERE status = 'completed') AS captured,
                                  count(*) FILTER (WHERE status = 'failed') AS failed,
                                  count(*) FILTER (WHERE status = 'processing') AS processing
                           FROM payments GROUP BY order_id) p ON p.order_id = b.id
                WHERE CASE b.payment_status
                          WHEN 'paid' THEN p.captured IS DISTINCT FROM b.price_total OR b.refund_amount <> 0
                          WHEN 'refunded' THEN p.captured IS DISTINCT FROM b.price_total OR b.refund_amount <> b.price_total
                          WHEN 'partially_refunded' THEN p.captured IS DISTINCT FROM b.price_total
                                                         OR NOT (b.refund_amount > 0 AND b.refund_amount < b.price_total)
                          WHEN 'failed' THEN p.captured IS NOT NULL OR coalesce(p.failed, 0) = 0
                          WHEN 'processing' THEN p.captured IS NOT NULL OR coalesce(p.processing, 0) = 0
                          ELSE p.captured IS NOT NULL
                      END""");
        RULES.put("price_total = service_price + platform_fee + tax; fee = the configured percent", """
                SELECT count(*) FROM bookings b
                CROSS JOIN (SELECT (config_value #>> '{}')::numeric AS pct FROM system_config
                            WHERE config_key = 'platform.fee_percent') c
                WHERE b.price_total <> b.service_price + b.platform_fee + b.tax_amount
                   OR b.platform_fee <> round(b.service_price * c.pct / 100, 2)""");
        RULES.put("history starts pending, follows legal transitions, in time order", """
                WITH h AS (
                    SELECT booking_id, from_status, to_status, changed_at,
                           lag(to_status) OVER w AS prev_to, lag(changed_at) OVER w AS prev_at,
                           row_number() OVER w AS n
                    FROM booking_status_history
                    WINDOW w AS (PARTITION BY booking_id ORDER BY changed_at, id))
                SELECT count(*) FROM h
                LEFT JOIN booking_status_transitions t ON t.from_status = h.from_status AND t.to_status = h.to_status
                WHERE (h.n = 1 AND (h.from_status IS NOT NULL OR h.to_status <> 'pending'))
                   OR (h.n > 1 AND (h.from_status IS DISTINCT FROM h.prev_to OR h.changed_at < h.prev_at
                                    OR t.from_status IS NULL))""");
        RULES.put("history ends in the booking's current status", """
                SELECT count(*) FROM bookings b
                LEFT JOIN (SELECT DISTINCT ON (booking_id) booking_id, to_status FROM booking_status_history
                           ORDER BY booking_id, changed_at DESC, id DESC) h ON h.booking_id = b.id
                WHERE h.to_status IS DISTINCT FROM b.status""");
        RULES.put("disputed bookings, and only they, have an open dispute", """
                SELECT count(*) FROM bookings b
                LEFT JOIN (SELECT booking_id FROM disputes WHERE status <> 'resolved') d ON d.booking_id = b.id
                WHERE (b.status = 'disputed') <> (d.booking_id IS NOT NULL)""");
        RULES.put("resolutions agree with the booking and its refunds", """
                SELECT count(*) FROM disputes d
                JOIN bookings b ON b.id = d.booking_id
                LEFT JOIN (SELECT booking_id, sum(amount) AS asked FROM refunds WHERE status <> 'rejected'
                           GROUP BY booking_id) r ON r.booking_id = b.id
                WHERE d.status = 'resolved' AND CASE d.resolution
                          WHEN 'full_refund' THEN b.status <> 'cancelled' OR r.asked IS DISTINCT FROM b.price_total
                          WHEN 'partial_refund' THEN b.status <> 'completed' OR NOT (r.asked > 0 AND r.asked < b.price_total)
                          ELSE b.status <> 'completed' OR r.asked IS NOT NULL END""");
        RULES.put("dispute SLA is 48 hours after opening; times in order", """
                SELECT count(*) FROM disputes
                WHERE sla_due_at <> opened_at + interval '48 hours'
                   OR reviewed_at < opened_at OR resolved_at < reviewed_at
                   OR (status = 'opened') <> (reviewed_at IS NULL)""");
        RULES.put("awaiting approval only above the threshold; issued above it approved by someone else", """
                SELECT count(*) FROM refunds r
                CROSS JOIN (SELECT (config_value #>> '{}')::numeric AS lim FROM system_config
                            WHERE config_key = 'refund.second_approval_above') c
                WHERE (r.status = 'awaiting_approval' AND (r.amount <= c.lim OR r.approved_by IS NOT NULL))
                   OR (r.status = 'issued' AND r.amount > c.lim AND (r.approved_by IS NULL OR r.approved_by = r.requested_by))""");
        RULES.put("provider counters agree with bookings and reviews", """
                SELECT count(*) FROM providers p
                LEFT JOIN (SELECT provider_id, count(*) AS completed
                           FROM bookings WHERE status = 'completed' GROUP BY provider_id) b ON b.provider_id = p.id
                LEFT JOIN (SELECT reviewed_id, round(avg(rating), 2) AS rating, count(*) AS n
                           FROM reviews GROUP BY reviewed_id) r ON r.reviewed_id = p.user_id
                WHERE p.completed_jobs <> coalesce(b.completed, 0) OR p.total_orders <> coalesce(b.completed, 0)
                   OR p.rating <> coalesce(r.rating, 0) OR p.review_count <> coalesce(r.n, 0)""");
        // the provider's share of a booking is its service price (fee and tax are not theirs); of a refund,
        // the provider share the refund records (V70's split), never the whole refund
        RULES.put(EARNINGS, """
                SELECT count(*) FROM providers p
                LEFT JOIN (SELECT provider_id, sum(service_price) AS earned
                           FROM bookings WHERE status = 'completed' GROUP BY provider_id) b ON b.provider_id = p.id
                LEFT JOIN (SELECT bk.provider_id, sum(r.provider_share) AS clawed_back
                           FROM refunds r JOIN bookings bk ON bk.id = r.booking_id
                           WHERE r.status = 'issued' AND bk.status = 'completed' GROUP BY bk.provider_id) k
                       ON k.provider_id = p.id
                WHERE p.total_earnings <> coalesce(b.earned, 0) - coalesce(k.clawed_back, 0)""");
        RULES.put("each refund's outbox history (V120) ends in its current state: one send per attempt, in time order", """
                SELECT count(*) FROM refund_outbox o
                LEFT JOIN LATERAL (SELECT e.attempt, e.state, e.gateway_reference, e.failure_reason FROM refund_outbox_events e
                                   WHERE e.outbox_id = o.id ORDER BY e.at DESC, e.id DESC LIMIT 1) last ON true
                LEFT JOIN LATERAL (SELECT count(*) FILTER (WHERE e.state = 'requested') AS sends,
                                          bool_or(e.at < prev_at) AS back_in_time
                                   FROM (SELECT e.*, lag(e.at) OVER (ORDER BY e.id) AS prev_at FROM refund_outbox_events e
                                         WHERE e.outbox_id = o.id) e) h ON true
                WHERE last.state IS DISTINCT FROM o.state OR last.attempt IS DISTINCT FROM o.attempts
                   OR (o.state = 'succeeded' AND last.gateway_reference IS DISTINCT FROM o.gateway_reference)
                   OR (o.state = 'failed' AND last.failure_reason IS DISTINCT FROM o.failure_reason)
                   OR h.sends <> o.attempts OR h.back_in_time""");
        RULES.put("actual times agree with the status", """
                SELECT count(*) FROM bookings
                WHERE CASE status
                          WHEN 'pending' THEN actual_start_at IS NOT NULL OR actual_end_at IS NOT NULL
                          WHEN 'accepted' THEN actual_start_at IS NOT NULL OR actual_end_at IS NOT NULL
                          WHEN 'in_progress' THEN actual_start_at IS NULL OR actual_end_at IS NOT NULL
                          WHEN 'completed' THEN actual_start_at IS NULL OR actual_end_at IS NULL
                          WHEN 'disputed' THEN actual_start_at IS NULL
                          ELSE false END
                   OR created_at > updated_at""");
        RULES.put("reviews: completed bookings only, by the customer, about the provider, after the job", """
                SELECT count(*) FROM reviews r
                JOIN bookings b ON b.id = r.booking_id
                JOIN providers p ON p.id = b.provider_id
                WHERE b.status <> 'completed' OR r.reviewer_id <> b.consumer_id OR r.reviewed_id <> p.user_id
                   OR r.created_at < b.actual_end_at""");
        RULES.put("messages go between the booking's two parties, after it was made", """
                SELECT count(*) FROM messages m
                JOIN bookings b ON b.id = m.booking_id
                JOIN providers p ON p.id = b.provider_id
                WHERE NOT ((m.sender_id = b.consumer_id AND m.recipient_id = p.user_id)
                        OR (m.sender_id = p.user_id AND m.recipient_id = b.consumer_id))
                   OR m.created_at < b.created_at""");
        RULES.put("bookings go to verified providers' own listings, in a service area", """
                SELECT count(*) FROM bookings b
                JOIN providers p ON p.id = b.provider_id
                LEFT JOIN listings l ON l.id = b.listing_id
                -- suspended providers (20_provider_verification.sql) were verified when they were booked
                WHERE NOT (p.verified OR p.certification_status = 'suspended') OR l.provider_id IS DISTINCT FROM b.provider_id OR b.service_area_id IS NULL
                   OR NOT EXISTS (SELECT 1 FROM service_areas a WHERE a.id = b.service_area_id)""");
        RULES.put("every reference points at an existing row (loaded without FK checks)", """
                SELECT (SELECT count(*) FROM profiles pr LEFT JOIN auth.users u ON u.id = pr.id WHERE u.id IS NULL)
                     + (SELECT count(*) FROM providers p LEFT JOIN profiles pr ON pr.id = p.user_id WHERE pr.id IS NULL)
                     + (SELECT count(*) FROM bookings b LEFT JOIN profiles pr ON pr.id = b.consumer_id WHERE pr.id IS NULL)
                     + (SELECT count(*) FROM payments x LEFT JOIN bookings b ON b.id = x.order_id WHERE b.id IS NULL)
                     + (SELECT count(*) FROM refunds x LEFT JOIN payments p ON p.id = x.payment_id WHERE p.id IS NULL)
                     + (SELECT count(*) FROM messages x LEFT JOIN profiles pr ON pr.id = x.sender_id WHERE pr.id IS NULL)
                     + (SELECT count(*) FROM provider_documents x LEFT JOIN document_files f ON f.sha256 = x.sha256
                        WHERE f.sha256 IS NULL)
                     + (SELECT count(*) FROM customer_profiles x LEFT JOIN profiles pr ON pr.id = x.id WHERE pr.id IS NULL)
                     + (SELECT count(*) FROM listings l LEFT JOIN ref_codes r ON r.id = l.category_level2_id
                        WHERE r.id IS NULL OR r.parent_id <> l.category_level1_id
                           OR l.category_level1_id <> 'cat.' || l.category::text)""");
        RULES.put("listings and documents fit the provider's type", """
                SELECT (SELECT count(*) FROM listings l JOIN providers p ON p.id = l.provider_id
                        WHERE (p.type = 'courier') <> (l.category IN ('food_delivery', 'courier')))
                     + (SELECT count(*) FROM provider_documents d JOIN providers p ON p.id = d.provider_id
                        WHERE (p.type = 'courier' AND d.kind = 'faa_part_107')
                           OR (p.type = 'drone' AND d.kind IN ('drivers_licence', 'vehicle_registration')))
                     + (SELECT count(*) FROM providers p
                        WHERE NOT EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id AND d.kind = 'insurance')
                           OR NOT EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id
                                          AND d.kind = CASE p.type WHEN 'courier' THEN 'drivers_licence' ELSE 'faa_part_107' END))""");
        RULES.put("document decisions agree with the provider's certification", """
                SELECT count(*) FROM providers p
                WHERE CASE replace(p.certification_status, 'suspended', 'verified')  -- suspended after verification
                          WHEN 'verified' THEN EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id
                                                       AND (d.decision = 'rejected'
                                                            OR (d.decision = 'pending' AND d.kind <> 'insurance')))
                          WHEN 'pending' THEN EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id
                                                      AND d.decision <> 'pending')
                          ELSE NOT EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id
                                           AND d.decision = 'rejected' AND btrim(d.review_note) <> '')
                      END
                   OR EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id AND d.decision <> 'pending'
                              AND (d.reviewed_by <> 'demo_admin' OR d.reviewed_at < d.uploaded_at))""");
        RULES.put("the audit log is an unbroken chain in time order, one row per staff action in the data", """
                SELECT (SELECT count(*) FROM ops.verify_audit_chain() WHERE first_broken_seq IS NOT NULL)
                     + abs((SELECT count(*) FROM audit_logs WHERE table_name = 'provider_documents')
                           - (SELECT count(*) FROM provider_documents WHERE reviewed_by IS NOT NULL))
                     + abs((SELECT count(*) FROM audit_logs WHERE action_name = 'resolve_dispute')
                           - (SELECT count(*) FROM disputes WHERE resolved_by IS NOT NULL))
                     + abs((SELECT count(*) FROM audit_logs WHERE action_name IN ('approve_refund', 'reject_refund'))
                           - (SELECT count(*) FROM refunds WHERE approved_by IS NOT NULL))
                     + abs((SELECT count(*) FROM audit_logs WHERE action_name IN ('verify_provider', 'reject_provider'))
                           - (SELECT count(*) FROM providers p WHERE certification_status <> 'pending'
                              AND EXISTS (SELECT 1 FROM provider_documents d WHERE d.provider_id = p.id
                                          AND d.reviewed_by IS NOT NULL)))
                     + (SELECT count(*) FROM audit_logs WHERE action_name <> 'create_staff_login'
                        AND actor_login NOT IN (SELECT login FROM staff_members))
                     + (SELECT count(*) FROM (SELECT created_at < lag(created_at) OVER (ORDER BY seq) AS back_in_time
                                              FROM audit_logs) t WHERE back_in_time)""");
        RULES.put("people live in the service areas and have 313-555 phones and example.com emails", """
                SELECT (SELECT count(*) FROM profiles pr WHERE pr.detroit_zone NOT IN (SELECT name FROM service_areas)
                           OR pr.phone !~ '^313-555-[0-9]{4}$' OR pr.email !~ '@example\\.com$')
                     + (SELECT count(*) FROM providers p
                        WHERE cardinality(p.service_areas) = 0
                           OR NOT p.service_areas <@ (SELECT array_agg(name) FROM service_areas))""");
    }

    /** Rule name to number of offending rows, for every rule that is broken. */
    static Map<String, Long> broken(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return broken(c);
        }
    }

    static Map<String, Long> broken(Connection c) throws SQLException {
        Map<String, Long> broken = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (Map.Entry<String, String> rule : RULES.entrySet()) {
                try (ResultSet rs = s.executeQuery(rule.getValue())) {
                    rs.next();
                    long n = rs.getLong(1);
                    if (n != 0) {
                        broken.put(rule.getKey(), n);
                    }
                }
            }
        }
        return broken;
    }

    /** A digest of every row of the generated tables (ids, texts, amounts, times, file bytes). */
    static String checksum(DataSource ds) throws SQLException {
        StringBuilder all = new StringBuilder();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            for (String table : tables()) {
                try (ResultSet rs = s.executeQuery("SELECT '" + table + "=' || count(*) || ':' "
                        + "|| coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') FROM " + table + " t")) {
                    rs.next();
                    all.append(rs.getString(1)).append('\n');
                }
            }
        }
        return all.toString();
    }

    static List<String> tables() {
        return DemoDataGenerator.COUNTED_TABLES;
    }
}
