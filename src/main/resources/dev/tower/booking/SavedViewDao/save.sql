-- The filter becomes the view's jsonb with unset fields left out (the function refuses unknown keys).
SELECT ops.save_booking_view(:name, jsonb_strip_nulls(jsonb_build_object(
    'status', CAST(:f.status AS text),
    'paymentStatus', CAST(:f.paymentStatus AS text),
    'from', CAST(:f.from AS timestamptz),
    'to', CAST(:f.to AS timestamptz),
    'serviceAreaId', CAST(:f.serviceAreaId AS uuid),
    'category', CAST(:f.category AS text),
    'providerId', CAST(:f.providerId AS uuid),
    'customerId', CAST(:f.customerId AS uuid),
    'search', CAST(:f.search AS text),
    'startedLateByHours', CAST(:f.startedLateByHours AS integer))), :shared)
