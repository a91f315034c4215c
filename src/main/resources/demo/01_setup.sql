-- Demo data, step 1: helpers and vocabularies. Everything here is temporary (pg_temp, ON COMMIT DROP):
-- the generator leaves no object of its own in the database.
--
-- Determinism: every value is derived from a row number through hashint8extended(i, salt), never
-- from random(). Placeholders ${...} are replaced by DemoDataGenerator before the script runs.

-- @step helpers
-- uniform value in [0, 1) from (row number, salt): 53 bits of the 64-bit hash
CREATE FUNCTION pg_temp.u(i bigint, salt bigint) RETURNS double precision
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT ((hashint8extended(i, salt) >> 11) & 9007199254740991)::double precision / 9007199254740992.0 $$;

-- one element of an array, chosen by (row number, salt)
CREATE FUNCTION pg_temp.pick(a text[], i bigint, salt bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT a[1 + floor(pg_temp.u(i, salt) * cardinality(a))::int] $$;

-- an integer in [lo, hi]
CREATE FUNCTION pg_temp.between(i bigint, salt bigint, lo int, hi int) RETURNS int
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT lo + floor(pg_temp.u(i, salt) * (hi - lo + 1))::int $$;

-- stable ids: the same (namespace, number) gives the same uuid in every generation
CREATE FUNCTION pg_temp.uid(ns text, i bigint) RETURNS uuid
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT md5(ns || ':' || i)::uuid $$;

-- 313-555-xxxx (555 numbers are reserved for fiction)
CREATE FUNCTION pg_temp.phone(i bigint, salt bigint) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '313-555-' || lpad(floor(pg_temp.u(i, salt) * 10000)::int::text, 4, '0') $$;

-- @step zones
-- The service areas as they are now (an admin may have renamed or added some). Known areas get their
-- city, ZIP and streets; others fall back to generic Detroit streets. Neighbours are ordered by distance.
CREATE TEMP TABLE demo_zone_meta (name text PRIMARY KEY, ord int, weight float8, city text, zip text, streets text[])
    ON COMMIT DROP;
INSERT INTO demo_zone_meta VALUES
('Downtown Detroit', 1, 20, 'Detroit', '48226', ARRAY['Woodward Ave', 'Griswold St', 'Congress St', 'Larned St', 'Fort St',
    'Lafayette Blvd', 'Jefferson Ave', 'Washington Blvd', 'Shelby St', 'Bagley St']),
('Midtown Detroit', 2, 18, 'Detroit', '48201', ARRAY['Cass Ave', 'Second Ave', 'Woodward Ave', 'Warren Ave', 'Canfield St',
    'Forest Ave', 'Willis St', 'Selden St', 'Third St', 'John R St']),
('Corktown', 3, 8, 'Detroit', '48216', ARRAY['Michigan Ave', 'Trumbull St', 'Bagley St', 'Porter St', 'Church St',
    'Leverette St', 'Rosa Parks Blvd', '14th St', 'Brooklyn St', 'Harrison St']),
('Royal Oak', 4, 12, 'Royal Oak', '48067', ARRAY['Main St', 'Washington Ave', '11 Mile Rd', 'Catalpa Dr', 'Lafayette Ave',
    'Crooks Rd', 'Woodward Ave', 'Fourth St', 'Center St', 'Lincoln Ave']),
('Birmingham', 5, 8, 'Birmingham', '48009', ARRAY['Old Woodward Ave', 'Maple Rd', 'Pierce St', 'Brown St', 'Southfield Rd',
    'Lincoln St', 'Adams Rd', 'Townsend St', 'Hamilton Row', 'Merrill St']),
('Dearborn', 6, 14, 'Dearborn', '48126', ARRAY['Michigan Ave', 'Warren Ave', 'Schaefer Rd', 'Greenfield Rd', 'Ford Rd',
    'Oakwood Blvd', 'Telegraph Rd', 'Outer Dr', 'Military St', 'Monroe St']),
('Grosse Pointe', 7, 8, 'Grosse Pointe', '48230', ARRAY['Kercheval Ave', 'Mack Ave', 'Lake Shore Rd', 'Fisher Rd',
    'Cadieux Rd', 'Ridge Rd', 'Charlevoix St', 'Notre Dame St', 'St Clair Ave', 'Moross Rd']),
('Ferndale', 8, 12, 'Ferndale', '48220', ARRAY['9 Mile Rd', 'Woodward Ave', 'Livernois Ave', 'Hilton Rd', 'Pinecrest Dr',
    'Allen Rd', 'Withington St', 'Bermuda St', 'Planavon St', 'Academy St']);

CREATE TEMP TABLE demo_zone ON COMMIT DROP AS
WITH a AS (
    SELECT row_number() OVER (ORDER BY coalesce(m.ord, 100), sa.name)::int AS z,
           sa.id AS area_id, sa.name, sa.center_lat::float8 AS lat, sa.center_lng::float8 AS lng,
           sa.radius_miles::float8 AS radius,
           coalesce(m.weight, 8) AS weight, coalesce(m.city, 'Detroit') AS city, coalesce(m.zip, '48201') AS zip,
           coalesce(m.streets, ARRAY['Woodward Ave', 'Gratiot Ave', 'Grand River Ave', 'Michigan Ave', 'Jefferson Ave'])
               AS streets
    FROM service_areas sa
    LEFT JOIN demo_zone_meta m ON m.name = sa.name
)
SELECT a.*,
       (SELECT array_agg(b.z ORDER BY (b.lat - a.lat) ^ 2 + ((b.lng - a.lng) * 0.74) ^ 2, b.z) FROM a b) AS nb
FROM a;
CREATE UNIQUE INDEX ON demo_zone (z);
ANALYZE demo_zone;

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM demo_zone) THEN
        RAISE EXCEPTION 'Demo data needs at least one service area.';
    END IF;
END
$$;

-- @step vocabulary
-- One row of about 7 kB. Stored as is, PostgreSQL would compress its longest arrays to bring the row under
-- 2 kB, and then every pick() decompresses its array again: 15 s for two picks per row over a million rows,
-- against 0.5 s uncompressed. A toast target of a whole page leaves the row uncompressed.
CREATE TEMP TABLE demo_w WITH (toast_tuple_target = 8160) ON COMMIT DROP AS
SELECT
    (SELECT coalesce(array_agg(c ORDER BY z), '{}')
     FROM (SELECT z, sum(weight) OVER (ORDER BY z) / sum(weight) OVER () AS c FROM demo_zone) q
     WHERE z < (SELECT max(z) FROM demo_zone)) AS zone_cum,
    (SELECT count(*)::int FROM demo_zone) AS zone_count,
    ARRAY['James', 'Maria', 'DeShawn', 'Aaliyah', 'Mohammed', 'Fatima', 'Ali', 'Layla', 'Kevin', 'Jasmine',
          'Marcus', 'Keisha', 'Andre', 'Tanisha', 'Michael', 'Jennifer', 'David', 'Sarah', 'Christopher', 'Ashley',
          'Robert', 'Jessica', 'Daniel', 'Emily', 'Anthony', 'Olivia', 'Jose', 'Sofia', 'Luis', 'Camila',
          'Hassan', 'Zainab', 'Omar', 'Noor', 'Ahmed', 'Mariam', 'Kwame', 'Imani', 'Terrence', 'Shanice',
          'Tyrone', 'Monique', 'Brandon', 'Brittany', 'Jamal', 'Ebony', 'Tyler', 'Hannah', 'Ryan', 'Megan',
          'Kyle', 'Lauren', 'Nathan', 'Grace', 'Ethan', 'Chloe', 'Jacob', 'Ava', 'Noah', 'Mia',
          'Liam', 'Zoe', 'Elijah', 'Nia', 'Isaiah', 'Destiny', 'Xavier', 'Jada', 'Malik', 'Kiara',
          'Patrick', 'Colleen', 'Tomasz', 'Katarzyna', 'Piotr', 'Agnieszka', 'Giovanni', 'Rosa', 'Wei', 'Mei',
          'Raj', 'Priya', 'Samir', 'Rana', 'Darnell', 'Latoya', 'Victor', 'Elena', 'Hector', 'Lucia'] AS first_names,
    ARRAY['Johnson', 'Williams', 'Brown', 'Jones', 'Davis', 'Miller', 'Wilson', 'Moore', 'Taylor', 'Anderson',
          'Thomas', 'Jackson', 'White', 'Harris', 'Martin', 'Thompson', 'Robinson', 'Clark', 'Lewis', 'Walker',
          'Hall', 'Allen', 'Young', 'King', 'Wright', 'Scott', 'Green', 'Baker', 'Adams', 'Nelson',
          'Hill', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gonzalez', 'Hernandez', 'Lopez', 'Martinez', 'Rodriguez',
          'Garcia', 'Perez', 'Rivera', 'Haddad', 'Saleh', 'Hamoud', 'Bazzi', 'Beydoun', 'Fawaz', 'Jaber',
          'Nassar', 'Kowalski', 'Nowak', 'Wisniewski', 'Zielinski', 'Kaminski', 'Lewandowski', 'O''Brien', 'Murphy', 'Sullivan',
          'Kelly', 'Brennan', 'Washington', 'Freeman', 'Whitfield', 'Chen', 'Nguyen', 'Patel', 'Shah', 'Kim',
          'Park', 'Russo', 'Esposito', 'DeLuca', 'Reed', 'Brooks', 'Bell', 'Coleman', 'Hayes', 'Simmons'] AS last_names,
    ARRAY['Motor City', 'Woodward', 'Riverfront', 'Eastside', 'Westside', 'Cass Corridor', 'Renaissance', 'Belle Isle',
          'D-Town', 'Eight Mile', 'Greektown', 'Hamtramck', 'Penobscot', 'Lakeshore', 'Great Lakes', 'Fisher',
          'Gratiot', 'Grand River', 'Michigan Ave', 'Detroit Metro'] AS courier_prefix,
    ARRAY['Couriers', 'Express', 'Delivery Co.', 'Runners', 'Dash', 'Messenger Service', 'Logistics', 'Bike Couriers',
          'Errands', 'Same-Day'] AS courier_suffix,
    ARRAY['Great Lakes', 'SkyEye', 'Motor City', 'Riverfront', 'Skyline', 'Eagle Point', 'Lakeshore', 'Ambassador',
          'Northern Light', 'Wolverine', 'Huron', 'Renaissance', 'Aerial Edge', 'Zenith', 'Blue Water'] AS drone_prefix,
    ARRAY['Drone Works', 'Aerial', 'Aerial Imaging', 'Drone Services', 'Mapping', 'UAS', 'Air Media',
          'Survey Co.', 'Sky Photo'] AS drone_suffix,
    ARRAY['Cass Ave Deli', 'Riverwalk Pizza', 'Motown Noodle Bar', 'Greektown Gyro', 'Corktown Tacos', 'Woodward Pharmacy',
          'Midtown Print Shop', 'Eastern Market Produce', 'Lafayette Coney', 'Belle Isle Bakery', 'Renaissance Florist',
          'Griswold Legal Services', 'Penobscot Law Office', 'Campus Martius Cafe', 'Hamtramck Paczki House',
          'Dearborn Shawarma', 'Royal Oak Records', 'Ferndale Hardware', 'Birmingham Books', 'Kercheval Market']
        AS pickup_places,
    ARRAY['Leave at the front desk.', 'Call on arrival.', 'Gate code 4471.', 'Fragile: glass inside.',
          'Ring the side door.', 'Signature required.', 'Please use the loading dock.', 'Building buzzer 2210.']
        AS courier_instructions,
    ARRAY['Avoid flying over the neighbour''s pool.', 'Park in the rear lot.', 'Site contact: foreman on duty.',
          'Shoot the front elevation first.', 'Include the detached garage.', 'Gate is unlocked after 8 AM.']
        AS drone_instructions,
    ARRAY['Great Lakes Mutual', 'Wolverine Casualty Co.', 'Motor City Indemnity', 'Huron Valley Insurance']
        AS courier_insurers,
    ARRAY['Lakeshore Aviation Underwriters', 'Great Lakes Mutual', 'Skyward Aviation Insurance']
        AS drone_insurers,
    ARRAY['2019 Honda Civic', '2021 Toyota Corolla', '2018 Ford Transit Connect', '2020 Chevrolet Malibu',
          '2017 Ford Fusion', '2022 Hyundai Elantra', '2016 Jeep Cherokee', '2020 Chevrolet Equinox'] AS vehicles,
    ARRAY['The photo of the licence is blurry; the licence number cannot be read.',
          'The name on the document does not match the name on the account.',
          'The certificate has expired; please upload the current one.',
          'Only the first page was uploaded; we need the full certificate.',
          'The insurance does not cover commercial deliveries.',
          'The document appears to have been edited.'] AS reject_notes,
    ARRAY['Customer changed plans', 'No provider accepted in time', 'Booked by mistake',
          'Customer found another option'] AS cancel_before,
    ARRAY['Customer cancelled: plans changed', 'Provider cancelled: vehicle problem',
          'Customer cancelled: found another option', 'Provider cancelled: running too late'] AS cancel_courier,
    ARRAY['Customer cancelled: closing moved', 'Provider cancelled: wind above safe limits',
          'Provider cancelled: airspace authorization delayed', 'Customer cancelled: site not ready'] AS cancel_drone,
    ARRAY['Provider could not complete: vehicle breakdown', 'Recipient unreachable at drop-off',
          'Provider could not complete: order was not ready'] AS cancel_courier_live,
    ARRAY['Drone grounded: wind above safe limits', 'Flight stopped: unexpected temporary flight restriction',
          'Equipment failure on site'] AS cancel_drone_live,
    ARRAY['Courier marked it delivered but nothing arrived', 'Order arrived cold and over an hour late',
          'Package was damaged on arrival', 'Item missing from the order',
          'Charged for a delivery that never happened'] AS dispute_courier,
    ARRAY['Photos were blurry and unusable', 'Site map is missing part of the property',
          'Operator arrived two hours late', 'Footage was never delivered',
          'Drone flew over a neighbour''s property without consent'] AS dispute_drone,
    ARRAY['Fast and friendly, would book again.', 'Perfect, right on time.', 'Super professional and careful.',
          'Great communication the whole way.', 'Exactly what I needed, thank you!', 'Excellent work.',
          'Went above and beyond.'] AS review5,
    ARRAY['Good service, a few minutes late.', 'Solid job, would use again.', 'Friendly and reliable.',
          'Nice work, minor delay at the start.'] AS review4,
    ARRAY['It was okay.', 'Late, but it got done.', 'Average; communication could be better.'] AS review3,
    ARRAY['Late and hard to reach.', 'Not great, it took far too long.', 'Arrived damaged but usable.'] AS review2,
    ARRAY['Terrible experience.', 'Showed up very late and was rude.', 'Would not recommend.'] AS review1,
    ARRAY['male', 'female', 'other', 'prefer_not_to_say'] AS genders;

-- @step listing-templates
CREATE TEMP TABLE demo_tpl (
    category text, l2 int, l2_id text, titles text[], descriptions text[],
    price_lo numeric, price_hi numeric, mile_lo numeric, mile_hi numeric, dur_lo int, dur_hi int,
    pricing_type text, tags text[]
) ON COMMIT DROP;
INSERT INTO demo_tpl VALUES
('food_delivery', 1, 'cat.food_delivery.restaurant',
 ARRAY['Hot food delivery across {zone}', 'Restaurant pickup and drop-off in {zone}', 'Dinner runs from your favorite {zone} spots'],
 ARRAY['Insulated bags and contactless drop-off. Most orders arrive within 35 minutes anywhere in {zone}.',
       'I pick up from any restaurant that does takeout and bring it straight to your door, no detours.'],
 4, 8, 1.00, 1.75, 30, 45, 'fixed', ARRAY['food', 'restaurant', 'hot meals', 'contactless']),
('food_delivery', 2, 'cat.food_delivery.grocery',
 ARRAY['Grocery runs in {zone}', 'Same-day grocery delivery in {zone}', 'Eastern Market and supermarket shopping'],
 ARRAY['Send me your list: I shop, pay at the store and deliver within two hours. Receipts photographed.',
       'Cold items travel in coolers. Substitutions are confirmed by text before I check out.'],
 9, 19, 1.25, 2.00, 60, 120, 'fixed', ARRAY['groceries', 'same day', 'cold chain']),
('courier', 1, 'cat.courier.same_day',
 ARRAY['Same-day parcel courier, {zone}', 'Door-to-door packages across metro Detroit', 'Rush parcel delivery from {zone}'],
 ARRAY['Parcels up to 50 lb picked up within the hour and delivered the same day across metro Detroit.',
       'Photo proof of delivery and live updates. Ideal for small businesses shipping across town.'],
 12, 29, 1.50, 2.50, 45, 90, 'fixed', ARRAY['parcels', 'same day', 'small business']),
('courier', 2, 'cat.courier.documents',
 ARRAY['Legal document courier in {zone}', 'Court filings and signed contracts delivered', 'Confidential document delivery'],
 ARRAY['Chain-of-custody handling for contracts, closing packets and court filings. Signature on delivery.',
       'Sealed envelopes, hand-to-hand delivery and a timestamped receipt for your records.'],
 14, 34, 1.75, 2.50, 30, 75, 'fixed', ARRAY['legal', 'documents', 'signature', 'confidential']),
('aerial_imaging', 1, 'cat.aerial_imaging.real_estate',
 ARRAY['Real-estate drone photos in {zone}', 'Aerial listing photos and video', 'Twilight aerials for home listings'],
 ARRAY['25+ edited aerial photos and a 60-second video, delivered within 24 hours. FAA Part 107 certified and insured.',
       'Show the lot, the neighborhood and the skyline. MLS-ready files and a branded tour link.'],
 149, 399, NULL, NULL, 60, 120, 'fixed', ARRAY['real estate', 'aerial photos', 'video', 'MLS']),
('aerial_imaging', 2, 'cat.aerial_imaging.events',
 ARRAY['Event aerial coverage in {zone}', 'Drone video for weddings and festivals', 'Aerial highlights reel'],
 ARRAY['Cinematic 4K coverage of weddings, races and festivals, with a 3-minute highlights edit.',
       'Licensed pilot, liability insurance and airspace authorizations handled for you.'],
 299, 899, NULL, NULL, 120, 240, 'hourly', ARRAY['events', '4K video', 'weddings']),
('site_mapping', 1, 'cat.site_mapping.construction',
 ARRAY['Construction progress mapping', 'Weekly site survey and orthomosaic in {zone}', 'Drone topographic survey'],
 ARRAY['Orthomosaic maps, cut/fill volumes and progress photos for general contractors. Files in GeoTIFF and PDF.',
       'Repeatable flight plans, so every weekly map lines up with the last one.'],
 399, 1199, NULL, NULL, 90, 240, 'fixed', ARRAY['construction', 'orthomosaic', 'survey', 'GIS']),
('site_mapping', 2, 'cat.site_mapping.roof',
 ARRAY['Roof inspection by drone in {zone}', 'Roof and chimney condition report', 'Storm damage roof survey'],
 ARRAY['High-resolution roof imagery with a condition report, and no ladders on your roof.',
       'Close-up photos of shingles, flashing and gutters, delivered with an annotated PDF.'],
 179, 449, NULL, NULL, 45, 90, 'fixed', ARRAY['roof', 'inspection', 'insurance claims']);

-- @step message-scripts
-- Conversation scripts by family (courier/drone), group (what happened to the booking) and variant.
-- {c} = the customer's first name, {p} = the provider's first name. Lines are in the order they are sent.
CREATE TEMP TABLE demo_script (family text, grp text, variant int, pos int, from_consumer boolean, body text)
    ON COMMIT DROP;
INSERT INTO demo_script
SELECT s.family, s.grp, s.variant, l.pos::int, l.line LIKE 'c:%', substr(l.line, 3)
FROM (VALUES
 ('courier', 'pre', 1, ARRAY['c:Hi {p}, the building has a buzzer: unit 4B, code 2210.', 'p:Got it, thanks {c}. I''ll text when I''m close.',
   'c:Perfect. Please leave it with the front desk if I don''t answer.', 'p:Will do. Anything fragile in the order?',
   'c:Just the drinks, keep them upright please.', 'p:No problem, see you then.']),
 ('courier', 'pre', 2, ARRAY['c:Could you pick up a bit earlier if possible?', 'p:I can be there about 15 minutes early.',
   'c:Great, thank you!', 'p:Do you want me to call or knock on arrival?', 'c:Call please, the doorbell is broken.', 'p:Noted.']),
 ('courier', 'pre', 3, ARRAY['p:Hi {c}, confirming your delivery is booked.', 'c:Thanks! Is parking easy near the pickup?',
   'p:There''s a loading zone out front, all good.', 'c:Awesome.', 'p:I''ll send a photo at drop-off.', 'c:Sounds good.']),
 ('courier', 'live', 1, ARRAY['p:Picked up your order, heading your way now.', 'c:Great, thanks!',
   'p:Traffic on Woodward is slow, about 10 more minutes.', 'c:No worries.', 'p:Turning onto your street now.', 'c:I''ll come down.']),
 ('courier', 'live', 2, ARRAY['p:At the pickup, they''re finishing your order.', 'c:Okay, thanks for the update.',
   'p:Got it, on my way.', 'c:Thanks {p}!', 'p:Five minutes out.', 'c:See you soon.']),
 ('courier', 'done', 1, ARRAY['p:On my way with your order.', 'c:Thanks!', 'p:I''m outside, blue Civic.', 'c:Coming down now.',
   'p:Delivered, enjoy!', 'c:Got it, thanks {p}!']),
 ('courier', 'done', 2, ARRAY['c:Please leave it at the side door.', 'p:Will do.', 'p:Picked up, 12 minutes away.', 'c:Thank you.',
   'p:Left at the side door, photo attached.', 'c:Perfect, appreciate it.']),
 ('courier', 'done', 3, ARRAY['p:Hi {c}, I have your package.', 'c:Great, I''m home all afternoon.', 'p:Arriving in about 20 minutes.',
   'c:Sounds good.', 'p:Dropped off with the front desk, signed for by reception.', 'c:Thanks for the quick service!']),
 ('courier', 'cancel', 1, ARRAY['c:Hi, I need to cancel, sorry about that.', 'p:No problem, thanks for letting me know.',
   'c:Will the refund go back to my card?', 'p:Yes, the platform handles it automatically.', 'c:Great, thanks.', 'p:Have a good one.']),
 ('courier', 'cancel', 2, ARRAY['p:Sorry {c}, my car won''t start, I have to cancel this one.', 'c:Oh no, okay.',
   'p:You''ll get a full refund.', 'c:Can someone else take it?', 'p:Please rebook, another courier should pick it up quickly.',
   'c:Alright, thanks for telling me.']),
 ('courier', 'dispute', 1, ARRAY['p:Picked up your order, on my way.', 'c:Thanks.', 'p:Delivered, left at the door.',
   'c:There''s nothing at my door. Where did you leave it?', 'p:Front door of the address on the order, I have a photo.',
   'c:That photo isn''t my house. I want a refund.', 'p:I followed the pin on the map exactly.',
   'c:I''ve opened a dispute with support.']),
 ('courier', 'dispute', 2, ARRAY['p:On my way with your food.', 'c:It''s been over an hour, is it still coming?',
   'p:The restaurant was very late, sorry.', 'c:The food is cold and the drink spilled everywhere.',
   'p:I kept it in the insulated bag the whole time.', 'c:I''m not paying full price for this.',
   'p:I can''t control the restaurant''s delay.', 'c:I''ve asked the platform to step in.']),
 ('courier', 'dispute', 3, ARRAY['p:Package picked up, on my way.', 'c:The package was crushed when it arrived.',
   'p:It was fine when I picked it up.', 'c:The box is split open and the vase inside is broken.', 'p:Did you take photos?',
   'c:Yes, I sent them to support.', 'p:I handled it carefully, it may have been packed badly.',
   'c:You were the only one carrying it. Let support look at the photos.']),
 ('drone', 'pre', 1, ARRAY['c:Hi {p}, the property is the corner lot, gate code 4471.',
   'p:Thanks {c}. Any trees or power lines I should know about?', 'c:A big oak on the east side.',
   'p:Noted, I''ll plan the flight path around it.', 'c:Do you need me on site?', 'p:Not required, but I''ll call when I arrive.']),
 ('drone', 'pre', 2, ARRAY['p:Confirming the shoot; I''ll check the wind forecast the morning of.',
   'c:Great, what happens if it''s too windy?', 'p:We reschedule at no cost.', 'c:Perfect.',
   'p:Golden hour gives the best light, can we start at 6?', 'c:6 works.']),
 ('drone', 'live', 1, ARRAY['p:On site, doing the pre-flight checks now.', 'c:Great!', 'p:First battery up, the light is good.',
   'c:Can you get the backyard too?', 'p:Yes, adding a pass over the back.', 'c:Thank you.']),
 ('drone', 'live', 2, ARRAY['p:Arrived, laying out the ground control points.', 'c:Okay, the foreman knows you''re coming.',
   'p:Airspace authorization confirmed, launching now.', 'c:Great.', 'p:Halfway through the grid.', 'c:Thanks for the update.']),
 ('drone', 'done', 1, ARRAY['p:On site, starting the flight.', 'c:Thanks!', 'p:All done, the photos will be ready tonight.',
   'c:Can''t wait to see them.', 'p:Uploaded: 42 edited photos and a 60-second video.', 'c:These look fantastic, thank you {p}!']),
 ('drone', 'done', 2, ARRAY['p:Arrived, laying out the ground control points.', 'c:Okay.',
   'p:Mapping flight finished, processing the orthomosaic now.', 'c:When will the report be ready?',
   'p:Report and map delivered to your email.', 'c:Received, very clear. Thanks!']),
 ('drone', 'cancel', 1, ARRAY['p:Sorry {c}, winds are gusting over 25 mph, it isn''t safe to fly.', 'c:Understood.',
   'p:I''ve cancelled so you get a full refund; happy to rebook.', 'c:Let''s try next week.',
   'p:Book any slot and I''ll accept it.', 'c:Will do.']),
 ('drone', 'cancel', 2, ARRAY['c:The closing got moved, I need to cancel the shoot.', 'p:No problem.', 'c:Will I be refunded?',
   'p:Yes, the platform will process it.', 'c:Thanks.', 'p:Good luck with the sale!']),
 ('drone', 'dispute', 1, ARRAY['p:Flight done, uploading the photos tonight.', 'c:Thanks.', 'c:Half of these photos are blurry.',
   'p:They look sharp on my screen.', 'c:Zoom in on the front elevation, they''re unusable for the listing.',
   'p:The wind picked up; I can reshoot at a discount.', 'c:I need them by Friday. I want a refund.',
   'p:Then I''ll let support decide.']),
 ('drone', 'dispute', 2, ARRAY['c:You were supposed to be here at 9, it''s 11.', 'p:Sorry, the previous job ran over.',
   'c:Now the light is wrong for what I needed.', 'p:I can still fly the site now.',
   'c:The map you sent is missing the whole north lot.', 'p:The north lot is restricted airspace, I mentioned that.',
   'c:Nobody told me that before I booked.', 'p:Please take it up with support.'])
) AS s(family, grp, variant, lines)
CROSS JOIN LATERAL unnest(s.lines) WITH ORDINALITY AS l(line, pos);

CREATE TEMP TABLE demo_script_n ON COMMIT DROP AS
SELECT family, grp, max(variant) AS variants, min(len) AS min_len
FROM (SELECT family, grp, variant, count(*) AS len FROM demo_script GROUP BY 1, 2, 3) q
GROUP BY 1, 2;
