package dev.tower.wall;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every mutation function and every staff role, over plain JDBC (no app in between): the call
 * is either allowed (it reaches the function's own validation) or refused with SQLSTATE 42501.
 * The list of functions is read from the catalog, so a new function without an entry here fails.
 */
class GuardedFunctionsTest {
    private static final String ADMIN = "demo_admin", OPS = "demo_ops", ANALYST = "demo_analyst";

    /** function -> (a call with harmless bad input, the logins allowed to call it) */
    private static final Map<String, Probe> PROBES = new TreeMap<>(Map.of(
            "verify_audit_chain", new Probe("SELECT * FROM ops.verify_audit_chain()", Set.of(ADMIN)),
            "set_system_setting", new Probe("SELECT ops.set_system_setting('no.such.setting', '1')", Set.of(ADMIN)),
            "create_staff_login", new Probe("SELECT ops.create_staff_login('Bad Login!', 'X', 'tower_ops', 'x')", Set.of(ADMIN)),
            "change_staff_role", new Probe("SELECT ops.change_staff_role('nobody_here', 'tower_ops')", Set.of(ADMIN)),
            "set_staff_disabled", new Probe("SELECT ops.set_staff_disabled('nobody_here', true)", Set.of(ADMIN)),
            "reset_staff_password", new Probe("SELECT ops.reset_staff_password('nobody_here', 'x')", Set.of(ADMIN)),
            "change_own_password", new Probe("SELECT ops.change_own_password('x')", Set.of(ADMIN, OPS, ANALYST))));

    static {
        // issue 11: booking transitions (a booking id that does not exist reaches the function's own check)
        for (String fn : List.of("accept_booking", "start_booking", "complete_booking")) {
            PROBES.put(fn, new Probe("SELECT ops." + fn + "('00000000-0000-0000-0000-000000000000', 1)", Set.of(ADMIN, OPS)));
        }
        PROBES.put("cancel_booking", new Probe(
                "SELECT ops.cancel_booking('00000000-0000-0000-0000-000000000000', 1, 'weather', 'x')", Set.of(ADMIN, OPS)));
        PROBES.put("mark_booking_disputed", new Probe(
                "SELECT ops.mark_booking_disputed('00000000-0000-0000-0000-000000000000', 1, 'x')", Set.of(ADMIN, OPS)));
        PROBES.put("save_booking_view", new Probe("SELECT ops.save_booking_view('', '{}', false)", Set.of(ADMIN, OPS)));
        PROBES.put("delete_booking_view", new Probe(
                "SELECT ops.delete_booking_view('00000000-0000-0000-0000-000000000000')", Set.of(ADMIN, OPS)));
    }

    static {
        // provider verification (issue 9)
        String noProvider = "'00000000-0000-0000-0000-000000000000'";
        PROBES.put("decide_provider_document", new Probe("SELECT ops.decide_provider_document(" + noProvider + ", 'maybe')", Set.of(ADMIN)));
        PROBES.put("verify_provider", new Probe("SELECT ops.verify_provider(" + noProvider + ", 0)", Set.of(ADMIN)));
        PROBES.put("reject_provider", new Probe("SELECT ops.reject_provider(" + noProvider + ", 0, 'x')", Set.of(ADMIN)));
        PROBES.put("suspend_provider", new Probe("SELECT ops.suspend_provider(" + noProvider + ", 0, 'x')", Set.of(ADMIN)));
        PROBES.put("reinstate_provider", new Probe("SELECT ops.reinstate_provider(" + noProvider + ", 0, 'x')", Set.of(ADMIN)));
        PROBES.put("bulk_verify_providers", new Probe("SELECT ops.bulk_verify_providers('{}'::uuid[])", Set.of(ADMIN)));
    }

    static {
        // issue 14: schema actions (V90) and database health (db/bootstrap/database_health.sql), bad input each
        PROBES.put("record_schema_action", new Probe("SELECT ops.record_schema_action('drop', 'succeeded', NULL)", Set.of(ADMIN)));
        PROBES.put("health_sessions", new Probe("SELECT count(*) FROM ops.health_sessions()", Set.of(ADMIN)));
        PROBES.put("health_slowest_statements", new Probe("SELECT * FROM ops.health_slowest_statements(0)", Set.of(ADMIN)));
        PROBES.put("analyze_table", new Probe("SELECT ops.analyze_table('no_such_table')", Set.of(ADMIN)));
        PROBES.put("cancel_statement", new Probe("SELECT ops.cancel_statement(-1)", Set.of(ADMIN)));
    }

    static {
        // service areas (V60): a blank name or an area that does not exist, refused before anything changes
        String nobody = "'00000000-0000-0000-0000-000000000000'";
        // analytics (issue 13): an unknown view and a blank export are refused by the functions themselves
        PROBES.put("refresh_analytics", new Probe("SELECT * FROM ops.refresh_analytics('no_such_view')", Set.of(ADMIN, ANALYST)));
        PROBES.put("record_analytics_export", new Probe("SELECT ops.record_analytics_export('', 'csv', 0, '{}')",
                Set.of(ADMIN, ANALYST)));
        PROBES.put("create_service_area", new Probe("SELECT * FROM ops.create_service_area('', 0, 0, 1)", Set.of(ADMIN)));
        PROBES.put("edit_service_area", new Probe("SELECT ops.edit_service_area(" + nobody + ", 1, 'x', 0, 0, 1)", Set.of(ADMIN)));
        PROBES.put("rename_service_area", new Probe("SELECT ops.rename_service_area(" + nobody + ", 1, 'x')", Set.of(ADMIN)));
        PROBES.put("deactivate_service_area", new Probe("SELECT ops.deactivate_service_area(" + nobody + ", 1)", Set.of(ADMIN)));
        PROBES.put("reactivate_service_area", new Probe("SELECT ops.reactivate_service_area(" + nobody + ", 1)", Set.of(ADMIN)));
    }

    static {
        // disputes and refunds (V70): ids that do not exist reach each function's own check
        String none = "'00000000-0000-0000-0000-000000000000'";
        PROBES.put("issue_refund", new Probe("SELECT * FROM ops.issue_refund(" + none + ", '1', 'other', 'x', 'probe-key')", Set.of(ADMIN, OPS)));
        PROBES.put("retry_refund", new Probe("SELECT ops.retry_refund(" + none + ")", Set.of(ADMIN, OPS)));
        PROBES.put("decide_refund", new Probe("SELECT ops.decide_refund(" + none + ", true, 'x')", Set.of(ADMIN)));
        PROBES.put("open_dispute", new Probe("SELECT ops.open_dispute(" + none + ", 1, 'late', 'x')", Set.of(ADMIN, OPS)));
        PROBES.put("assign_dispute", new Probe("SELECT ops.assign_dispute(" + none + ", NULL)", Set.of(ADMIN, OPS)));
        PROBES.put("resolve_dispute", new Probe("SELECT * FROM ops.resolve_dispute(" + none + ", 'no_refund', NULL, NULL, 'x', 'k')",
                Set.of(ADMIN, OPS)));
    }

    record Probe(String call, Set<String> allowed) {}

    private final TestDatabase db = TestDatabase.get();

    @Test
    void everyFunctionInOpsHasAnExpectation() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            List<String> functions = SqlProbe.column(c, """
                    SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'ops' ORDER BY 1""");
            assertThat(PROBES.keySet()).containsExactlyInAnyOrderElementsOf(functions);
        }
    }

    static Stream<Arguments> functionAndLogin() {
        List<Arguments> cases = new ArrayList<>();
        PROBES.forEach((fn, probe) -> {
            for (String login : List.of(ADMIN, OPS, ANALYST)) {
                cases.add(Arguments.of(fn, login));
            }
        });
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("functionAndLogin")
    void allowedOrRefusedWith42501(String function, String login) throws Exception {
        Probe probe = PROBES.get(function);
        try (Connection c = db.connectAsDemo(login)) {
            String state = SqlProbe.stateOf(c, probe.call());
            if (probe.allowed().contains(login)) {
                // reached the function body: it ran, or its own validation refused the bad input
                assertThat(state).as("%s as %s", function, login).isIn(null, "P0001");
            } else {
                assertThat(state).as("%s as %s", function, login).isEqualTo("42501");
            }
        }
    }

    @Test
    void badInputGetsACodedPlainMessage() throws Exception {
        try (Connection c = db.connectAsDemo(ADMIN)) {
            assertThat(SqlProbe.messageOf(c, "SELECT ops.create_staff_login('Bad Login!', 'X', 'tower_ops', 'x')"))
                    .contains("staff.bad_login: A login is 3 to 63 characters");
            assertThat(SqlProbe.messageOf(c, "SELECT ops.set_system_setting('dispute.sla_hours', 'soon')"))
                    .contains("settings.out_of_range: \"soon\" is not a whole number of hours");
            assertThat(SqlProbe.messageOf(c, "SELECT ops.set_system_setting('refund.second_approval_above', '12.345')"))
                    .contains("settings.not_an_amount");
        }
    }
}
