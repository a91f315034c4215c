package dev.tower.analytics;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.kit.CsvExport;
import dev.tower.ui.kit.ExportTable;
import dev.tower.error.ValidationException;
import dev.tower.error.AccessDeniedException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Contact details never enter the materialized views nor an analyst's exports, checked column by column
 * and against the demo market's real customer emails, phones and addresses; exports are audited.
 */
class AnalyticsContactDetailsTest {
    private static final Pattern CONTACT_COLUMN =
            Pattern.compile("(e-?mail|phone|address|_lat$|_lng$|latitude|longitude|notes|instructions|avatar|full_name)");
    private static TestDatabase db;

    @BeforeAll
    static void demoData() {
        db = TestDatabase.withDemoData();
    }

    @Test
    void noColumnOfAnyMaterializedViewIsOrHoldsAContactDetail() throws Exception {
        Set<String> contacts = customerContacts();
        assertThat(contacts).as("the demo market has customers with contact details").hasSizeGreaterThan(10);
        List<String> problems = new ArrayList<>();
        int views = 0;
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod)
                    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                    JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                    WHERE c.relkind = 'm' AND n.nspname = 'public' ORDER BY 1, a.attnum""")) {
                while (rs.next()) {
                    columns.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            Set<String> seen = new HashSet<>();
            for (String[] col : columns) {
                if (seen.add(col[0])) {
                    views++;
                }
                if (CONTACT_COLUMN.matcher(col[1]).find()) {
                    problems.add(col[0] + "." + col[1] + " is named like a contact detail");
                }
                if (col[2].equals("text")) {
                    try (ResultSet rs = s.executeQuery("SELECT DISTINCT \"" + col[1] + "\" FROM " + col[0])) {
                        while (rs.next()) {
                            String v = rs.getString(1);
                            if (v != null && (contacts.contains(v) || v.contains("@"))) {
                                problems.add(col[0] + "." + col[1] + " holds " + v);
                            }
                        }
                    }
                }
            }
        }
        assertThat(views).as("every analytics view was looked at").isGreaterThanOrEqualTo(6);
        assertThat(problems).isEmpty();
    }

    @Test
    void anAnalystsExportOfEveryDashboardHoldsNoContactDetailAndIsAudited() throws Exception {
        Set<String> contacts = customerContacts();
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            Dashboards d = service.dashboards(new AnalyticsFilter(LocalDate.now().minusYears(2), LocalDate.now().plusDays(1), null, null));
            for (DashboardKind kind : DashboardKind.values()) {
                ExportTable table = DashboardTables.of(kind, d);
                assertThat(table.rows()).as(kind + " has rows on the demo market").isNotEmpty();
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                CsvExport.write(table, out);
                String csv = out.toString(StandardCharsets.UTF_8);
                assertThat(csv).doesNotContain("@");
                for (String contact : contacts) {
                    assertThat(csv).as(kind.title()).doesNotContain(contact);
                }
                long id = service.recordExport(table.name(), "csv", table.rows().size(), table.columns());
                assertThat(scalar("SELECT count(*) FROM audit_logs WHERE action_name = 'export_analytics' AND record_id = '"
                        + id + "' AND actor_login = 'demo_analyst' AND new_values->>'rows' = '" + table.rows().size() + "'"))
                        .isEqualTo(1);
            }
        }
    }

    @Test
    void badExportRecordsAreRefusedInPlainWordsAndChangeNothing() throws Exception {
        long before = scalar("SELECT count(*) FROM analytics_exports");
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            AnalyticsService service = new AnalyticsService(analyst.session(), AnalyticsSource.primaryOnly(analyst.session()));
            assertThatThrownBy(() -> service.recordExport(" ", "csv", 1, List.of("a")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("Say which table or chart");
            assertThatThrownBy(() -> service.recordExport("x", "xlsx", 1, List.of("a")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("CSV or PNG");
            assertThatThrownBy(() -> service.recordExport("x", "csv", -1, List.of("a")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("zero or more rows");
            assertThatThrownBy(() -> service.recordExport("x", "csv", 1, List.of("Day", "Customer email")))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("looks like contact details");
        }
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            AnalyticsService service = new AnalyticsService(ops.session(), AnalyticsSource.primaryOnly(ops.session()));
            assertThatThrownBy(() -> service.recordExport("x", "csv", 1, List.of("a"))).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> service.dashboards(AnalyticsFilter.lastYear(LocalDate.now())))
                    .isInstanceOf(AccessDeniedException.class);
        }
        try (Connection c = db.connectAsDemo("demo_ops"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT ops.record_analytics_export('x', 'csv', 1, '{}')"))
                    .hasMessageContaining("permission denied");
        }
        try (Connection c = db.connectAsDemo("demo_analyst"); Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("INSERT INTO analytics_exports (what, format, row_count) VALUES ('x', 'csv', 0)"))
                    .hasMessageContaining("permission denied");
            assertThatThrownBy(() -> s.execute("DELETE FROM mv_refresh_log"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(scalar("SELECT count(*) FROM analytics_exports")).isEqualTo(before);
    }

    private static Set<String> customerContacts() throws Exception {
        Set<String> out = new HashSet<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT p.email, p.phone FROM profiles p WHERE p.role = 'consumer' "
                     + "UNION ALL SELECT b.dropoff_address, b.pickup_address FROM bookings b LIMIT 2000")) {
            while (rs.next()) {
                for (int i = 1; i <= 2; i++) {
                    String v = rs.getString(i);
                    if (v != null && v.length() >= 6) {
                        out.add(v);
                    }
                }
            }
        }
        return out;
    }

    private static long scalar(String sql) throws Exception {
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
