SELECT 
    pp.id as provider_id,
    pp.business_name,
    COUNT(DISTINCT o.id) as total_orders,
    COUNT(DISTINCT CASE WHEN o.order_status = 'completed' THEN o.id END) as completed_orders,
    COUNT(DISTINCT CASE WHEN o.order_status = 'pending_acceptance' THEN o.id END) as pending_orders,
    SUM(CASE WHEN o.payment_status = 'completed' THEN o.total_price ELSE 0 END) as total_earnings,
    AVG(CASE WHEN o.order_status = 'completed' THEN o.total_price END) as avg_order_value,
    pp.rating,
    pp.review_count
FROM provider_profiles pp
LEFT JOIN orders o ON pp.id = o.provider_id
WHERE pp.is_active = true
GROUP BY pp.id, pp.business_name, pp.rating, pp.review_count;
