-- Row level security: the seeds' own end-user policies (auth.uid()), unchanged in meaning, on the
-- merged tables; plus one read policy per table for Tower's staff groups, whose rights come from
-- their PostgreSQL role and never from a JWT claim a client could set.

ALTER TABLE profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE providers ENABLE ROW LEVEL SECURITY;
ALTER TABLE listings ENABLE ROW LEVEL SECURITY;
ALTER TABLE bookings ENABLE ROW LEVEL SECURITY;
ALTER TABLE reviews ENABLE ROW LEVEL SECURITY;
ALTER TABLE messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE user_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE provider_schedules ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_profiles ENABLE ROW LEVEL SECURITY;
ALTER TABLE customer_preferences ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;

-- ---- 000: profiles
CREATE POLICY "Public profiles are viewable by everyone" ON profiles
  FOR SELECT USING (true);
CREATE POLICY "Users can update own profile" ON profiles
  FOR UPDATE USING (auth.uid() = id);

-- ---- 000: providers
CREATE POLICY "Providers are viewable by everyone" ON providers
  FOR SELECT USING (true);
CREATE POLICY "Users can create own provider profile" ON providers
  FOR INSERT WITH CHECK (auth.uid() = user_id);
CREATE POLICY "Users can update own provider profile" ON providers
  FOR UPDATE USING (auth.uid() = user_id);
-- 001 provider_profiles (id there was the user's id, so it reads user_id here)
CREATE POLICY "Providers can manage own profile" ON providers
    FOR ALL USING (user_id = auth.uid());
CREATE POLICY "Anyone can view active provider profiles" ON providers
    FOR SELECT USING (is_active = true);

-- ---- 000: listings
CREATE POLICY "Active listings are viewable by everyone" ON listings
  FOR SELECT USING (active = true OR provider_id IN (
    SELECT id FROM providers WHERE user_id = auth.uid()
  ));
CREATE POLICY "Providers can create own listings" ON listings
  FOR INSERT WITH CHECK (provider_id IN (
    SELECT id FROM providers WHERE user_id = auth.uid()
  ));
CREATE POLICY "Providers can update own listings" ON listings
  FOR UPDATE USING (provider_id IN (
    SELECT id FROM providers WHERE user_id = auth.uid()
  ));
CREATE POLICY "Providers can delete own listings" ON listings
  FOR DELETE USING (provider_id IN (
    SELECT id FROM providers WHERE user_id = auth.uid()
  ));
-- 001 provider_services
CREATE POLICY "Providers can manage own services" ON listings
    FOR ALL USING (provider_id IN (
        SELECT id FROM providers WHERE user_id = auth.uid()
    ));
CREATE POLICY "Anyone can view active services" ON listings
    FOR SELECT USING (active = true);

-- ---- 000: bookings
CREATE POLICY "Users can view own bookings" ON bookings
  FOR SELECT USING (
    consumer_id = auth.uid() OR
    provider_id IN (SELECT id FROM providers WHERE user_id = auth.uid())
  );
CREATE POLICY "Consumers can create bookings" ON bookings
  FOR INSERT WITH CHECK (consumer_id = auth.uid());
CREATE POLICY "Users can update own bookings" ON bookings
  FOR UPDATE USING (
    consumer_id = auth.uid() OR
    provider_id IN (SELECT id FROM providers WHERE user_id = auth.uid())
  );
-- 001 orders
CREATE POLICY "Providers can view own orders" ON bookings
    FOR SELECT USING (provider_id IN (
        SELECT id FROM providers WHERE user_id = auth.uid()
    ));
CREATE POLICY "Providers can update own orders" ON bookings
    FOR UPDATE USING (provider_id IN (
        SELECT id FROM providers WHERE user_id = auth.uid()
    ));
CREATE POLICY "Customers can view own orders" ON bookings
    FOR SELECT USING (consumer_id = auth.uid());
CREATE POLICY "Customers can create orders" ON bookings
    FOR INSERT WITH CHECK (consumer_id = auth.uid());

-- ---- 000: reviews
CREATE POLICY "Reviews are viewable by everyone" ON reviews
  FOR SELECT USING (true);
CREATE POLICY "Users can create reviews for completed bookings" ON reviews
  FOR INSERT WITH CHECK (
    reviewer_id = auth.uid() AND
    booking_id IN (
      SELECT id FROM bookings
      WHERE status = 'completed'
      AND (consumer_id = auth.uid() OR provider_id IN (
        SELECT id FROM providers WHERE user_id = auth.uid()
      ))
    )
  );

-- ---- 000: messages
CREATE POLICY "Users can view own messages" ON messages
  FOR SELECT USING (
    sender_id = auth.uid() OR recipient_id = auth.uid()
  );
CREATE POLICY "Users can send messages" ON messages
  FOR INSERT WITH CHECK (
    sender_id = auth.uid() AND
    booking_id IN (
      SELECT id FROM bookings
      WHERE consumer_id = auth.uid() OR provider_id IN (
        SELECT id FROM providers WHERE user_id = auth.uid()
      )
    )
  );
CREATE POLICY "Recipients can mark messages as read" ON messages
  FOR UPDATE USING (recipient_id = auth.uid());

-- ---- 001: user_profiles
CREATE POLICY "Users can view own profile" ON user_profiles
    FOR SELECT USING (id = auth.uid());
CREATE POLICY "Users can update own profile" ON user_profiles
    FOR UPDATE USING (id = auth.uid());
CREATE POLICY "Users can insert own profile" ON user_profiles
    FOR INSERT WITH CHECK (id = auth.uid());

-- ---- Tower staff: read every row of the tables their grants let them read. Writes never go through
-- a policy: staff have no INSERT/UPDATE/DELETE privilege; they write through guarded functions.
DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['profiles', 'providers', 'listings', 'bookings', 'reviews', 'messages',
                             'user_profiles', 'user_settings', 'provider_schedules', 'customer_profiles',
                             'customer_preferences', 'order_items', 'payments'] LOOP
        EXECUTE format('CREATE POLICY tower_staff_read ON %I FOR SELECT
                        TO tower_admin, tower_ops, tower_analyst USING (true)', t);
    END LOOP;
END
$$;
