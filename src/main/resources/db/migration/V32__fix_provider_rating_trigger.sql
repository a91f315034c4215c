-- V6's update_provider_rating() said avg(rating) with both reviews and providers in scope, so every
-- review inserted with triggers on (the marketplace app; a booking page test) failed with "column
-- reference rating is ambiguous". Same logic, qualified.
CREATE OR REPLACE FUNCTION update_provider_rating()
RETURNS trigger
LANGUAGE plpgsql
SECURITY DEFINER
SET search_path = public, pg_temp
AS $$
DECLARE
    provider_uuid uuid;
    avg_rating    numeric(3, 2);
    n_reviews     integer;
BEGIN
    SELECT p.id INTO provider_uuid
    FROM providers p
    JOIN profiles pr ON p.user_id = pr.id
    WHERE pr.id = NEW.reviewed_id AND p.user_id IS NOT NULL;

    IF provider_uuid IS NOT NULL THEN
        SELECT avg(r.rating), count(*) INTO avg_rating, n_reviews
        FROM reviews r
        JOIN profiles pr ON r.reviewed_id = pr.id
        JOIN providers p ON p.user_id = pr.id
        WHERE p.id = provider_uuid;

        UPDATE providers
        SET rating = coalesce(avg_rating, 0.00),
            review_count = n_reviews
        WHERE id = provider_uuid;
    END IF;

    RETURN NEW;
END;
$$;
