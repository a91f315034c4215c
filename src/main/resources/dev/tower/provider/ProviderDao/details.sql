SELECT p.id,
       coalesce(p.business_name, pr.full_name, 'Provider ' || left(p.id::text, 8)) AS business_name,
       pr.full_name AS person_name,
       p.type::text AS type,
       p.certification_status,
       (p.certification_status = 'verified' AND EXISTS (
            SELECT 1 FROM provider_required_documents r
            WHERE r.provider_type = p.type
              AND NOT EXISTS (SELECT 1 FROM provider_documents d
                              WHERE d.provider_id = p.id AND d.kind = r.kind AND d.decision = 'approved'
                                AND (d.expires_on IS NULL OR d.expires_on >= current_date)))) AS needs_reverification,
       p.verification_version,
       p.submitted_for_verification_at AS submitted_at,
       p.business_phone, p.business_email, p.business_address, p.business_website,
       coalesce(p.certifications, '{}') AS certifications,
       coalesce(p.service_areas, '{}') AS service_areas,
       coalesce(p.rating, 0) AS rating,
       p.review_count,
       coalesce(p.completed_jobs, 0) AS completed_jobs,
       (SELECT count(*) FROM listings l WHERE l.provider_id = p.id)::int AS listings,
       b.bookings, b.open_bookings, b.booked_total,
       pay.bank_account_mask, pay.tax_id_mask
FROM providers p
JOIN profiles pr ON pr.id = p.user_id
-- the masks only: the encrypted details are not readable by staff (V21)
LEFT JOIN provider_payout_details pay ON pay.provider_id = p.id
CROSS JOIN LATERAL (
    SELECT count(*) AS bookings,
           count(*) FILTER (WHERE bk.status IN ('pending', 'accepted', 'in_progress', 'disputed')) AS open_bookings,
           coalesce(sum(bk.price_total) FILTER (WHERE bk.status = 'completed'), 0) AS booked_total
    FROM bookings bk WHERE bk.provider_id = p.id) b
WHERE p.id = :id
