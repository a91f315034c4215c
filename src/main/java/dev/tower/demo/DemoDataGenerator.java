package dev.tower.demo;

import dev.tower.db.DatabaseSetupException;
import dev.tower.db.SetupLogin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates a believable Detroit marketplace (customers, couriers and drone operators, their documents,
 * listings, a year of bookings with payments, refunds, disputes, reviews and message threads) into an
 * embedded Tower database, as its superuser.
 *
 * <p>Everything is made inside PostgreSQL by set-based SQL ({@code INSERT ... SELECT} over
 * {@code generate_series}, files under {@code /demo/}); only the verification document files are rendered
 * here, in Java. Every value is derived from row numbers by hashing, so a generation for the same
 * {@code asOf} instant produces identical rows. Dates are relative to {@code asOf} (by default the current
 * hour): a year of history behind it, upcoming bookings after it.
 *
 * <p>{@link #generate} first wipes the business data (see {@code 00_wipe.sql} for what is kept) and takes the
 * emptied tables' indexes, keys and foreign keys off ({@link DeferredKeys}), then loads with
 * {@code session_replication_role = replica} (no triggers, no foreign-key checks) in one transaction, fills
 * what the triggers would have (status history, search vectors, provider counters) itself, builds the indexes
 * and keys back once (checking every foreign key) and analyzes the tables. All of it in the wipe's
 * transaction, so at {@code wal_level=minimal} the loaded tables skip the WAL; a failure rolls everything
 * back. After the commit, the indexes PostgreSQL builds on one core only, the materialized views'
 * refreshes and the audit history run side by side on several connections ({@link AfterCommitWork}).
 */
public final class DemoDataGenerator {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDataGenerator.class);
    static final ZoneId DETROIT = ZoneId.of("America/Detroit");

    private static final List<String> BEFORE_DOCUMENTS =
            List.of("00_wipe.sql", "01_setup.sql", "02_people.sql", "03_providers.sql");
    private static final List<String> CORE_DOCUMENTS =
            List.of("04_documents.sql", "05_bookings.sql", "06_money.sql", "07_talk.sql", "08_finish.sql");
    /**
     * The features' scripts, in this order, after the core rows: they update bulk rows, so they run before the
     * keys and indexes go back. A new feature adds its script here.
     */
    private static final List<String> FEATURE_DOCUMENTS =
            List.of("20_provider_verification.sql", "30_bookings.sql", "60_areas.sql",
                    "70_disputes.sql");
    /** After every feature script: what triggers keep (derived columns), then statistics. */
    private static final List<String> FINAL_DOCUMENTS = List.of("08_search_documents.sql", "08_statistics.sql");
    /**
     * The audit history, after the load's commit in a transaction of its own beside the index builds and
     * view refreshes: it only reads the loaded rows, and it is the load's longest step after them.
     */
    private static final String AUDIT_DOCUMENT = "09_audit.sql";
    private static final List<String> AFTER_DOCUMENTS = java.util.stream.Stream.of(
            CORE_DOCUMENTS, FEATURE_DOCUMENTS, FINAL_DOCUMENTS).flatMap(List::stream).toList();
    /** The keys and indexes taken off after the wipe go back before this script: the bulk rows are in by then. */
    private static final String REBUILD_BEFORE = "08_statistics.sql";
    /**
     * Their keys stay during the load: the documents' load de-duplicates files with ON CONFLICT (sha256),
     * and the payout details are written ON CONFLICT (provider_id) by the verification script.
     */
    private static final java.util.Set<String> KEYS_KEPT_DURING_LOAD =
            java.util.Set.of("document_files", "provider_payout_details");

    /** Tables whose row counts a report lists, in this order. */
    public static final List<String> COUNTED_TABLES = List.of(
            "auth.users", "profiles", "user_profiles", "user_settings", "customer_profiles", "customer_preferences",
            "providers", "provider_schedules", "listings", "document_files", "provider_documents",
            "bookings", "booking_status_history", "payments", "refunds", "disputes",
            "reviews", "messages", "notifications", "analytics_events");

    private final DataSource superuser;
    private final Instant fixedAsOf;

    /** Dates relative to the current hour. */
    public DemoDataGenerator(DataSource superuser) {
        this(superuser, null);
    }

    /** Dates relative to {@code asOf} (null: the current hour at each generation). */
    public DemoDataGenerator(DataSource superuser, Instant asOf) {
        this.superuser = Objects.requireNonNull(superuser, "superuser");
        this.fixedAsOf = asOf;
    }

    /** The current hour: two generations within the same hour give identical data. */
    public static Instant defaultAsOf(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.HOURS);
    }

    /** Wipes the demo business data and generates it again at {@code scale}. */
    public DemoReport generate(DemoScale scale) {
        Objects.requireNonNull(scale, "scale");
        Instant asOf = fixedAsOf != null ? fixedAsOf : defaultAsOf(Clock.systemUTC());
        long started = System.nanoTime();
        Map<String, String> params = params(scale, asOf);
        LOG.info("Generating {} demo data as of {}", scale, asOf);
        // on a real login that is not a superuser: code planted on the owner's tables gains nothing
        try (SetupLogin setup = SetupLogin.open(superuser); Connection c = setup.dataSource().getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            try (Statement s = c.createStatement()) {
                // must precede the session's first use of a temporary table
                s.execute("SET temp_buffers = '" + (scale == DemoScale.LARGE ? "1GB" : "64MB") + "'");
            }
            c.setAutoCommit(false);
            StepTimer timer = new StepTimer(scale == DemoScale.LARGE);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SET LOCAL session_replication_role = replica");
                    s.execute("SET LOCAL synchronous_commit = off");
                    s.execute("SET LOCAL work_mem = '" + (scale == DemoScale.LARGE ? "256MB" : "32MB") + "'");
                    s.execute("SET LOCAL maintenance_work_mem = '" + (scale == DemoScale.LARGE ? "1GB" : "64MB") + "'");
                    // index builds and foreign-key checks after the load may use both cores
                    s.execute("SET LOCAL max_parallel_maintenance_workers = 2");
                    s.execute("SET LOCAL jit = off");
                    s.execute("SET LOCAL lock_timeout = '30s'");
                    s.execute("SET LOCAL search_path = public");
                    // dates and times in texts (notifications, booking days) are Detroit's
                    s.execute("SET LOCAL TimeZone = 'America/Detroit'");
                }
                Map<Long, Long> fileNodes = DeferredKeys.fileNodes(c);
                DeferredKeys deferred = null;
                for (String file : BEFORE_DOCUMENTS) {
                    runScript(c, file, params, timer);
                    if (deferred == null) { // right after the wipe
                        deferred = timer.call("load / defer keys and indexes",
                                () -> DeferredKeys.dropOnTruncated(c, fileNodes, KEYS_KEPT_DURING_LOAD));
                    }
                }
                timer.time("load / documents", () -> storeDocuments(c));
                for (String file : AFTER_DOCUMENTS) {
                    if (file.equals(REBUILD_BEFORE)) {
                        deferred.rebuild(c, timer);
                    }
                    runScript(c, file, params, timer);
                }
                timer.time("commit", c::commit);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                try (Statement s = c.createStatement()) {
                    s.execute("RESET temp_buffers");
                } catch (SQLException ignored) {
                    // temp_buffers cannot change once used; the connection is closed next anyway
                }
            }
            long afterCommit = System.nanoTime();
            AfterCommitWork.Task audit = new AfterCommitWork.Task("audit history", lane -> loadAuditHistory(lane, params, timer), true);
            new AfterCommitWork(setup.dataSource(), scale, AfterCommitWork.defaultLanes(), List.of(audit)).run(timer);
            LOG.info("{} demo indexes, views and audit history after the commit: {} ms", scale, (System.nanoTime() - afterCommit) / 1_000_000);
            Map<String, Long> counts = countRows(c);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            DemoReport report = new DemoReport(scale, counts, took, timer.steps());
            LOG.info("{} demo data generated in {} s: {}", scale, took.toMillis() / 1000.0, counts);
            LOG.info("{} demo time per group (ms): {}", scale, report.groupTimes().entrySet().stream()
                    .map(e -> e.getKey() + "=" + e.getValue().toMillis()).toList());
            return report;
        } catch (SQLException e) {
            throw new DatabaseSetupException("Could not generate the demo data: " + e.getMessage(), e);
        }
    }

    /**
     * Empties the audit log and loads the history the loaded rows record (09_audit.sql), in one transaction
     * on {@code lane}: with the owner's triggers off, as in the load (dating the demo staff back is not
     * staff work to audit).
     */
    private void loadAuditHistory(Connection lane, Map<String, String> params, StepTimer timer) throws SQLException {
        try {
            try (Statement s = lane.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            allowAuditReset(lane);
            runScript(lane, AUDIT_DOCUMENT, params, timer);
            lane.commit();
        } catch (SQLException | RuntimeException e) {
            lane.rollback();
            throw e;
        }
    }

    /**
     * Names this transaction, and no other, as the one that may empty the audit log and load its demo
     * history: migrations log in as tower_setup too, and code planted on owner tables runs in them.
     */
    private void allowAuditReset(Connection load) throws SQLException {
        String xact;
        try (Statement s = load.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text")) {
            rs.next();
            xact = rs.getString(1);
        }
        try (Connection su = superuser.getConnection();
             PreparedStatement p = su.prepareStatement("SELECT tower_audit.allow_demo_load(?::xid8)")) {
            p.setString(1, xact);
            p.execute();
        }
    }

    static Map<String, String> params(DemoScale scale, Instant asOf) {
        LocalDate detroitDay = asOf.atZone(DETROIT).toLocalDate();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("as_of", "'" + asOf + "'::timestamptz");
        p.put("as_of_date", "DATE '" + detroitDay + "'");
        p.put("customers", Integer.toString(scale.customers()));
        p.put("customers_old", Integer.toString(scale.customers() * 95 / 100));
        p.put("providers", Integer.toString(scale.providers()));
        p.put("bookings", Integer.toString(scale.bookings()));
        p.put("msg_base", Integer.toString(scale.messageBase()));
        p.put("msg_mod", Integer.toString(scale.messageSpread()));
        p.put("doc_pool", Integer.toString(scale.documentPool()));
        return p;
    }

    private static void runScript(Connection c, String file, Map<String, String> params, StepTimer timer)
            throws SQLException {
        for (DemoScript.Step step : DemoScript.load(file, params)) {
            timer.time(file + " / " + step.name(), () -> {
                try (Statement s = c.createStatement()) {
                    s.execute(step.sql());
                } catch (SQLException e) {
                    throw new SQLException("demo step " + file + " / " + step.name() + ": " + e.getMessage(),
                            e.getSQLState(), e);
                }
            });
        }
    }

    /**
     * Renders one file per (kind, slot) of the document plan (demo_doc), stores it content-addressed in
     * document_files and records which file each slot got in demo_file, for 04_documents.sql.
     */
    private static void storeDocuments(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        record Planned(String kind, long slot, OffsetDateTime uploadedAt, DemoDocuments.Spec spec) {}
        List<Planned> planned = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("""
                     SELECT DISTINCT ON (kind, slot) kind, slot, family, holder_name, business_name, holder_address,
                            doc_number, detail, detail2, issued_on, expires_on, uploaded_at
                     FROM demo_doc
                     ORDER BY kind, slot, dn""")) {
            while (rs.next()) {
                Date expires = rs.getDate("expires_on");
                planned.add(new Planned(rs.getString("kind"), rs.getLong("slot"), rs.getObject("uploaded_at", OffsetDateTime.class),
                        new DemoDocuments.Spec(rs.getString("kind"), rs.getString("family"), rs.getString("holder_name"),
                                rs.getString("business_name"), rs.getString("holder_address"), rs.getString("doc_number"),
                                rs.getString("detail"), rs.getString("detail2"), rs.getDate("issued_on").toLocalDate(),
                                expires == null ? null : expires.toLocalDate())));
            }
        }
        List<DemoDocuments.File> files = planned.parallelStream().map(p -> DemoDocuments.render(p.spec())).toList();
        long rendered = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE demo_file (kind text, slot bigint, sha256 text NOT NULL, PRIMARY KEY (kind, slot)) "
                    + "ON COMMIT DROP");
        }
        try (PreparedStatement file = c.prepareStatement(
                     "INSERT INTO document_files (sha256, content, created_at) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING");
             PreparedStatement slot = c.prepareStatement("INSERT INTO demo_file (kind, slot, sha256) VALUES (?, ?, ?)")) {
            long bytes = 0;
            for (int i = 0; i < planned.size(); i++) {
                Planned p = planned.get(i);
                DemoDocuments.File f = files.get(i);
                bytes += f.content().length;
                file.setString(1, f.sha256());
                file.setBytes(2, f.content());
                file.setObject(3, p.uploadedAt());
                file.addBatch();
                slot.setString(1, p.kind());
                slot.setLong(2, p.slot());
                slot.setString(3, f.sha256());
                slot.addBatch();
                if (i % 200 == 199) {
                    file.executeBatch();
                    slot.executeBatch();
                }
            }
            file.executeBatch();
            slot.executeBatch();
            LOG.info("demo documents: {} files ({} KiB) rendered in {} ms, stored in {} ms", planned.size(), bytes / 1024,
                    (rendered - t0) / 1_000_000, (System.nanoTime() - rendered) / 1_000_000);
        }
        try (Statement s = c.createStatement()) {
            s.execute("ANALYZE demo_file");
        }
    }

    private static Map<String, Long> countRows(Connection c) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : COUNTED_TABLES) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }
}
