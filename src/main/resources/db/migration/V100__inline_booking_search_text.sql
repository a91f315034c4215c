-- The search document's text (V66) is computed for every booking the demo loads and every booking the
-- trigger fills. Declared with SET search_path it could not be inlined: each call went through the SQL
-- function executor and pushed and popped the setting, a third of the cost of writing 1M documents.
-- Without it the planner folds the expression into the caller. It names only pg_catalog functions,
-- schema-qualified, so a caller's search_path cannot change what it computes; it is not SECURITY DEFINER
-- and reads nothing.
CREATE OR REPLACE FUNCTION booking_search_text(p_order_number text, p_customer text, p_business text,
                                               p_provider_person text, p_pickup text, p_dropoff text)
RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
    SELECT pg_catalog.lower(pg_catalog.concat_ws(' ', p_order_number, p_customer, p_business, p_provider_person,
                                                 p_pickup, p_dropoff))
$$;
