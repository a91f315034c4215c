package dev.tower.demo;

import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.DatabaseSetupException;
import dev.tower.demo.DemoLogins;
import dev.tower.testing.TestDatabase;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import javax.sql.DataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Generates SMALL once for the class and checks what it produced against the real schema. */
class DemoDataGeneratorTest {
    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private static TestDatabase db;
    private static Instant asOf;
    private static DemoReport report;
    private static String checksum;
    private static java.util.List<String> migratedSchema;

    /** Keys and indexes a later migration might add, which the generator must take off and put back too. */
    private static final String[] LATER_MIGRATION = {
            "CREATE INDEX test_later_messages_body ON messages (booking_id, lower(content)) WHERE content <> ''",
            "COMMENT ON INDEX test_later_messages_body IS 'added by a later migration'",
            "ALTER TABLE reviews ADD CONSTRAINT test_later_reviews_once UNIQUE (booking_id, reviewer_id)",
            "COMMENT ON CONSTRAINT test_later_reviews_once ON reviews IS 'one review per booking and reviewer'",
            "ALTER TABLE messages ADD CONSTRAINT test_later_messages_sender FOREIGN KEY (sender_id) REFERENCES profiles (id) "
                    + "ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED",
            // a view grouping by the primary key depends on it: that key cannot go during the load
            "CREATE VIEW test_later_provider_listings AS SELECT p.id, p.business_name, count(l.id) AS listings "
                    + "FROM providers p LEFT JOIN listings l ON l.provider_id = p.id GROUP BY p.id"};

    @BeforeAll
    static void generateSmall() throws Exception {
        db = TestDatabase.get();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE tower_owner");
            for (String ddl : LATER_MIGRATION) {
                s.execute(ddl);
            }
        }
        migratedSchema = SchemaFingerprint.of(db.superuser());
        asOf = DemoDataGenerator.defaultAsOf(Clock.systemUTC());
        report = new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL);
        checksum = DemoInvariants.checksum(db.superuser());
    }

    @org.junit.jupiter.api.AfterAll
    static void dropTheLaterMigration() throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP VIEW IF EXISTS test_later_provider_listings");
            s.execute("DROP INDEX IF EXISTS test_later_messages_body");
            s.execute("ALTER TABLE reviews DROP CONSTRAINT IF EXISTS test_later_reviews_once");
            s.execute("ALTER TABLE messages DROP CONSTRAINT IF EXISTS test_later_messages_sender");
        }
    }

    @Test
    void theSchemaIsExactlyTheMigratedOne() throws Exception {
        List<String> generated = SchemaFingerprint.of(db.superuser());
        assertThat(generated).containsExactlyElementsOf(migratedSchema);
        assertThat(migratedSchema).anyMatch(r -> r.contains("test_later_messages_body") && r.contains("added by a later"))
                .anyMatch(r -> r.contains("test_later_reviews_once") && r.contains("one review per booking"))
                .anyMatch(r -> r.contains("test_later_messages_sender") && r.contains("DEFERRABLE INITIALLY DEFERRED"));
        assertThat(report.stepTimes()).doesNotContainKey("rebuild / key providers_pkey");
        assertThat(count("SELECT count(*) FROM test_later_provider_listings WHERE listings > 0")).isPositive();
        assertThat(report.stepTimes()).containsKeys("load / defer keys and indexes", "05_bookings.sql / bookings",
                "rebuild / key bookings_pkey", "rebuild / foreign key messages_booking_id_fkey");
    }

    @Test
    void theLoadChecksEveryForeignKeyItPutsBack() throws Exception {
        // a generation whose rows broke a foreign key fails and leaves the previous data and schema alone;
        // the key is one no data can satisfy, marked valid behind PostgreSQL's back so it is put back checked
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE messages ADD CONSTRAINT test_later_messages_first FOREIGN KEY (id) REFERENCES bookings (id) "
                    + "NOT VALID");
            s.execute("UPDATE pg_constraint SET convalidated = true WHERE conname = 'test_later_messages_first'");
        }
        try {
            assertThatThrownBy(() -> new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL))
                    .isInstanceOf(DatabaseSetupException.class)
                    .hasMessageContaining("test_later_messages_first");
        } finally {
            try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
                s.execute("ALTER TABLE messages DROP CONSTRAINT test_later_messages_first");
            }
        }
        assertThat(SchemaFingerprint.of(db.superuser())).containsExactlyElementsOf(migratedSchema);
        assertThat(DemoInvariants.checksum(db.superuser())).isEqualTo(checksum);
    }

    @Test
    void smallHasTheAdvertisedSize() {
        assertThat(report.scale()).isEqualTo(DemoScale.SMALL);
        assertThat(report.rowCounts().keySet()).containsExactlyElementsOf(DemoDataGenerator.COUNTED_TABLES);
        assertThat(report.rows("auth.users")).isEqualTo(1_650);
        assertThat(report.rows("profiles")).isEqualTo(1_650);
        assertThat(report.rows("providers")).isEqualTo(150);
        assertThat(report.rows("bookings")).isEqualTo(6_000);
        assertThat(report.rows("messages")).isBetween(DemoScale.SMALL.baseMessages(), 18_000L);
        assertThat(report.rows("booking_status_history")).isGreaterThan(3 * 6_000L);
        assertThat(report.rows("listings")).isBetween(150L, 450L);
        assertThat(report.rows("provider_documents")).isEqualTo(report.rows("document_files"));
        assertThat(report.took()).isPositive();
    }

    @Test
    void everyStateIsThere() throws Exception {
        assertThat(values("SELECT DISTINCT status::text FROM bookings"))
                .containsExactlyInAnyOrder("pending", "accepted", "in_progress", "completed", "cancelled", "disputed");
        assertThat(values("SELECT DISTINCT payment_status::text FROM bookings"))
                .containsExactlyInAnyOrder("pending", "processing", "paid", "failed", "refunded", "partially_refunded");
        assertThat(values("SELECT DISTINCT certification_status FROM providers"))
                .containsExactlyInAnyOrder("pending", "verified", "rejected", "suspended");
        // verified providers needing re-verification: a required document expired, or expiring within 30 days
        assertThat(values("""
                SELECT DISTINCT CASE WHEN d.expires_on < ${today} THEN 'expired' ELSE 'expiring' END
                FROM providers p
                JOIN provider_required_documents r ON r.provider_type = p.type
                JOIN provider_documents d ON d.provider_id = p.id AND d.kind = r.kind AND d.decision = 'approved'
                WHERE p.certification_status = 'verified' AND d.expires_on < ${today} + 30""".replace("${today}",
                "current_date")))
                .containsExactlyInAnyOrder("expired", "expiring");
        // bank and tax details only encrypted, with their masks, for verified and suspended providers
        assertThat(count("""
                SELECT count(*) FROM provider_payout_details x JOIN providers p ON p.id = x.provider_id
                WHERE p.certification_status IN ('verified', 'suspended') AND x.bank_account_mask LIKE '•••• ____'
                  AND x.tax_id_mask LIKE '•••• ____' AND x.bank_account_pgp IS NOT NULL""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM providers p LEFT JOIN provider_payout_details x ON x.provider_id = p.id
                WHERE (p.certification_status IN ('verified', 'suspended')) <> (x.provider_id IS NOT NULL)""")).isZero();
        assertThat(values("SELECT DISTINCT type::text FROM providers")).containsExactlyInAnyOrder("courier", "drone");
        assertThat(values("SELECT DISTINCT decision FROM provider_documents"))
                .containsExactlyInAnyOrder("pending", "approved", "rejected");
        assertThat(values("SELECT DISTINCT kind FROM provider_documents")).containsExactlyInAnyOrder(
                "drivers_licence", "insurance", "vehicle_registration", "faa_part_107", "background_check");
        assertThat(values("SELECT DISTINCT status FROM disputes"))
                .containsExactlyInAnyOrder("opened", "under_review", "resolved");
        assertThat(values("SELECT DISTINCT resolution FROM disputes WHERE resolution IS NOT NULL"))
                .containsExactlyInAnyOrder("full_refund", "partial_refund", "no_refund");
        assertThat(values("SELECT DISTINCT status FROM refunds"))
                .containsExactlyInAnyOrder("issued", "awaiting_approval", "rejected");
        assertThat(values("SELECT DISTINCT status FROM payments")).contains("completed", "failed");
        assertThat(values("SELECT DISTINCT category::text FROM listings"))
                .containsExactlyInAnyOrder("food_delivery", "courier", "aerial_imaging", "site_mapping");
        assertThat(values("SELECT DISTINCT status FROM profiles"))
                .containsExactlyInAnyOrder("active", "inactive", "suspended", "banned");
        assertThat(values("SELECT DISTINCT detroit_zone FROM profiles")).hasSize(8);
        assertThat(values("SELECT DISTINCT is_active::text FROM providers")).containsExactlyInAnyOrder("true", "false");
        assertThat(values("SELECT DISTINCT action_name FROM audit_logs")).contains(
                "create_staff_login", "approve_provider_document", "reject_provider_document", "verify_provider",
                "reject_provider", "request_refund", "approve_refund", "reject_refund", "start_dispute_review",
                "resolve_dispute");
        assertThat(values("SELECT DISTINCT actor_login FROM audit_logs WHERE action_name <> 'create_staff_login'"))
                .containsExactlyInAnyOrder("demo_admin", "demo_ops");
    }

    @Test
    void timeIsSpreadAroundTheAsOfInstant() throws Exception {
        assertThat(count("SELECT count(*) FROM bookings WHERE scheduled_at > ?")).isPositive();
        assertThat(count("SELECT count(*) FROM bookings WHERE scheduled_at < ? - interval '300 days'")).isPositive();
        assertThat(count("SELECT count(*) FROM bookings WHERE created_at > ?")).isZero();
        assertThat(count("SELECT count(*) FROM booking_status_history WHERE changed_at > ?")).isZero();
        assertThat(count("SELECT count(*) FROM messages WHERE created_at > ?")).isZero();
        assertThat(count("SELECT count(*) FROM bookings WHERE scheduled_at < ? - interval '370 days'")).isZero();
        // the dispute queue has work past its SLA and work still within it
        assertThat(count("SELECT count(*) FROM disputes WHERE status <> 'resolved' AND sla_due_at < ?")).isPositive();
        assertThat(count("SELECT count(*) FROM disputes WHERE status <> 'resolved' AND sla_due_at >= ?")).isPositive();
        // insurance: some expired, some running out within 30 days
        assertThat(count("""
                SELECT count(*) FROM provider_documents d JOIN providers p ON p.id = d.provider_id
                WHERE p.verified AND d.kind = 'insurance' AND d.decision = 'approved' AND d.expires_on < ?::date""")).isPositive();
        assertThat(count("""
                SELECT count(*) FROM provider_documents d JOIN providers p ON p.id = d.provider_id
                WHERE p.verified AND d.kind = 'insurance' AND d.decision = 'approved'
                  AND d.expires_on BETWEEN ?::date AND ?::date + 30""", 2)).isPositive();
    }

    @Test
    void invariantsHold() throws Exception {
        assertThat(DemoInvariants.broken(db.superuser())).isEmpty();
    }

    @Test
    void providerEarningsLoseOnlyTheProviderShareOfARefund() throws Exception {
        // not vacuous: some completed bookings have issued refunds in which the platform gives back a fee share
        assertThat(count("""
                SELECT count(*) FROM refunds r JOIN bookings b ON b.id = r.booking_id
                WHERE r.status = 'issued' AND b.status = 'completed' AND r.platform_fee_share > 0""")).isPositive();
        assertThat(DemoInvariants.broken(db.superuser())).doesNotContainKey(DemoInvariants.EARNINGS);
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                // earnings the way the demo used to compute them: the whole refund off the service price
                s.executeUpdate("""
                        UPDATE providers p SET total_earnings = b.earnings
                        FROM (SELECT provider_id, sum(service_price - least(refund_amount, service_price)) AS earnings
                              FROM bookings WHERE status = 'completed' GROUP BY provider_id) b
                        WHERE b.provider_id = p.id""");
                assertThat(DemoInvariants.broken(c)).containsKey(DemoInvariants.EARNINGS);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theInvariantChecksCatchBrokenData() throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                s.execute("SET LOCAL session_replication_role = replica");
                // a counter off by one
                s.executeUpdate("UPDATE providers SET completed_jobs = completed_jobs + 1 "
                        + "WHERE id = (SELECT id FROM providers WHERE verified ORDER BY id LIMIT 1)");
                // more refunded than was captured
                s.executeUpdate("""
                        INSERT INTO refunds (booking_id, payment_id, amount, reason, idempotency_key, requested_by)
                        SELECT b.id, p.id, b.price_total, 'test', 'test-overrefund', 'demo_ops'
                        FROM bookings b JOIN payments p ON p.order_id = b.id AND p.status = 'completed'
                        WHERE b.payment_status = 'refunded' ORDER BY b.id LIMIT 1""");
                // a jump the state machine does not allow
                s.executeUpdate("""
                        INSERT INTO booking_status_history (booking_id, from_status, to_status, changed_at, changed_by)
                        SELECT id, 'pending', 'completed', created_at + interval '1 minute', 'test'
                        FROM bookings WHERE status = 'pending' ORDER BY id LIMIT 1""");
                // a disputed booking without a dispute
                s.executeUpdate("DELETE FROM disputes WHERE id = (SELECT id FROM disputes WHERE status = 'opened' ORDER BY id LIMIT 1)");
                // an audit entry edited after the fact (replica mode gets past the append-only trigger, not the chain)
                s.executeUpdate("UPDATE audit_logs SET actor_login = 'demo_ops' WHERE seq = 2");
                assertThat(DemoInvariants.broken(c).keySet()).contains(
                        "provider counters agree with bookings and reviews",
                        "issued and pending refunds never exceed captured payments; refund_amount = issued refunds",
                        "history starts pending, follows legal transitions, in time order",
                        "history ends in the booking's current status",
                        "disputed bookings, and only they, have an open dispute",
                        "the audit log is an unbroken chain in time order, one row per staff action in the data");
            } finally {
                c.rollback();
            }
        }
        assertThat(DemoInvariants.broken(db.superuser())).isEmpty();
    }

    @Test
    void documentsAreRealFilesWithTheHoldersName() throws Exception {
        int pngs = 0;
        int pdfs = 0;
        Map<String, Integer> pdfsPerKind = new HashMap<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT d.kind, d.content_type, d.file_name, f.sha256, f.content, f.byte_size, pr.full_name
                     FROM provider_documents d
                     JOIN document_files f ON f.sha256 = d.sha256
                     JOIN providers p ON p.id = d.provider_id
                     JOIN profiles pr ON pr.id = p.user_id
                     ORDER BY d.id""")) {
            while (rs.next()) {
                byte[] content = rs.getBytes("content");
                String type = rs.getString("content_type");
                assertThat(DemoDocuments.sha256(content)).isEqualTo(rs.getString("sha256"));
                assertThat(content).hasSize(rs.getInt("byte_size"));
                if (type.equals("image/png")) {
                    pngs++;
                    assertThat(Arrays.copyOf(content, 8)).isEqualTo(PNG_MAGIC);
                    assertThat(rs.getString("file_name")).endsWith(".png");
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
                    assertThat(image).isNotNull();
                    assertThat(image.getWidth()).isEqualTo(640);
                    assertThat(image.getHeight()).isEqualTo(404);
                } else {
                    pdfs++;
                    assertThat(type).isEqualTo("application/pdf");
                    assertThat(new String(content, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
                    assertThat(rs.getString("file_name")).endsWith(".pdf");
                    // parse a dozen of each kind in full: text with the holder's name
                    if (pdfsPerKind.merge(rs.getString("kind"), 1, Integer::sum) <= 12) {
                        try (PDDocument pdf = Loader.loadPDF(content)) {
                            assertThat(pdf.getNumberOfPages()).isEqualTo(1);
                            String text = new PDFTextStripper().getText(pdf);
                            assertThat(text).contains(rs.getString("full_name")).contains("DEMO DOCUMENT");
                        }
                    }
                }
            }
        }
        assertThat(pngs).isGreaterThan(100);
        assertThat(pdfs).isGreaterThan(150);
        assertThat(pdfsPerKind).containsOnlyKeys("insurance", "vehicle_registration", "background_check");
    }

    @Test
    void renderingIsAPureFunctionOfTheSpec() {
        DemoDocuments.Spec spec = new DemoDocuments.Spec("insurance", "courier", "Maria Gonzalez", "Woodward Express",
                "1200 Woodward Ave, Detroit, MI 48226", "CA-00012345", "Great Lakes Mutual",
                "Commercial auto liability, $1,000,000 combined single limit",
                java.time.LocalDate.of(2025, 3, 1), java.time.LocalDate.of(2026, 3, 1));
        assertThat(DemoDocuments.render(spec).content()).isEqualTo(DemoDocuments.render(spec).content());
        DemoDocuments.Spec card = new DemoDocuments.Spec("drivers_licence", "courier", "Maria Gonzalez", "Woodward Express",
                "1200 Woodward Ave, Detroit, MI 48226", "G 123 456 789 012", "Class D", null,
                java.time.LocalDate.of(2024, 5, 2), java.time.LocalDate.of(2028, 5, 2));
        assertThat(DemoDocuments.render(card).sha256()).isEqualTo(DemoDocuments.render(card).sha256());
        assertThat(DemoDocuments.render(card).sha256()).isNotEqualTo(DemoDocuments.render(spec).sha256());
    }

    @Test
    void regeneratingWipesAndGivesIdenticalRows() throws Exception {
        // disturb the data the way a session of the console would, and add a stranger
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("DELETE FROM messages WHERE id IN (SELECT id FROM messages ORDER BY id LIMIT 10)");
            s.executeUpdate("UPDATE providers SET certification_status = 'verified', verified = true "
                    + "WHERE certification_status = 'pending'");
            s.executeUpdate("INSERT INTO auth.users (id, email) VALUES ('00000000-0000-0000-0000-00000000beef', 'x@example.org')");
            s.executeUpdate("INSERT INTO profiles (id, email) VALUES ('00000000-0000-0000-0000-00000000beef', 'x@example.org')");
        }
        assertThat(DemoInvariants.checksum(db.superuser())).isNotEqualTo(checksum);

        DemoReport again = new DemoDataGenerator(db.superuser(), asOf).generate(DemoScale.SMALL);

        assertThat(again.rowCounts()).isEqualTo(report.rowCounts());
        assertThat(DemoInvariants.checksum(db.superuser())).isEqualTo(checksum);
        assertThat(count("SELECT count(*) FROM profiles WHERE email = 'x@example.org'")).isZero();
    }

    @Test
    void theKeptTablesAreKeptAndNothingIsLeftBehind() throws Exception {
        assertThat(count("SELECT count(*) FROM service_areas")).isEqualTo(8);
        assertThat(count("SELECT count(*) FROM booking_status_transitions")).isEqualTo(10);
        assertThat(count("SELECT count(*) FROM staff_members WHERE login LIKE 'demo\\_%'")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM ref_codes WHERE type_code = 'service_category'")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM ref_codes WHERE type_code = 'booking_cancel_reason'")).isEqualTo(7);
        // generation logs in as tower_setup, never as the superuser (db/SetupLogin)
        assertThat(values("SELECT view_name FROM mv_refresh_log WHERE refreshed_by = 'tower_setup'"))
                .contains("provider_stats", "provider_dashboard_stats");
        assertThat(count("SELECT count(*) FROM provider_stats WHERE completed_jobs > 0")).isPositive();
        assertThat(count("SELECT count(*) FROM provider_dashboard_stats WHERE total_orders > 0")).isPositive();
        // no helper table or function of the generator survives it, and everything stays the owner's
        assertThat(values("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND (c.relname LIKE 'demo\\_%' OR pg_get_userbyid(c.relowner) <> 'tower_owner')
                  -- the read-only views of the audit log and staff registry (db/bootstrap/*.sql)
                  AND c.relname NOT IN ('audit_logs', 'staff_members')""")).isEmpty();
        assertThat(values("""
                SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> 'tower_owner'""")).isEmpty();
        // the search vector the trigger would have written
        assertThat(count("""
                SELECT count(*) FROM listings
                WHERE search_vector IS DISTINCT FROM setweight(to_tsvector('english', title), 'A')
                      || setweight(to_tsvector('english', coalesce(description, '')), 'B')""")).isZero();
        assertThat(count("SELECT count(*) FROM listings WHERE search_vector @@ plainto_tsquery('english', 'roof')"))
                .isPositive();
    }

    @Test
    void onlyTheSuperuserMayGenerate() throws Exception {
        DataSource ops = DataSources.simple(new ConnectionSettings(db.jdbcUrl(), "demo_ops", DemoLogins.PASSWORD.toCharArray()));
        assertThatThrownBy(() -> new DemoDataGenerator(ops, asOf).generate(DemoScale.SMALL))
                .isInstanceOf(DatabaseSetupException.class)
                .hasMessageContaining("superuser");
        assertThat(count("SELECT count(*) FROM bookings")).isEqualTo(6_000);
    }

    @Test
    void scalesAreWhatTheBriefAsks() {
        assertThat(DemoScale.LARGE.bookings()).isGreaterThanOrEqualTo(1_000_000);
        assertThat(DemoScale.LARGE.providers()).isGreaterThanOrEqualTo(100_000);
        assertThat(DemoScale.LARGE.customers()).isGreaterThanOrEqualTo(300_000);
        assertThat(DemoScale.LARGE.baseMessages()).isGreaterThanOrEqualTo(3_000_000);
        assertThat(DemoScale.SMALL.baseMessages()).isEqualTo(15_000);
    }

    // ---------------------------------------------------------------- helpers

    private static Set<String> values(String sql) throws Exception {
        Set<String> out = new TreeSet<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Runs {@code sql} with every {@code ?} bound to the as-of instant. */
    private static long count(String sql) throws Exception {
        return count(sql, (int) sql.chars().filter(ch -> ch == '?').count());
    }

    private static long count(String sql, int params) throws Exception {
        try (Connection c = db.superuser().getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 1; i <= params; i++) {
                p.setObject(i, asOf.atOffset(java.time.ZoneOffset.UTC));
            }
            try (ResultSet rs = p.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
