package dev.tower.booking;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The booking transition functions over plain JDBC, as psql would call them: every (from, function) pair
 * as ops, refusals for the analyst, missing cancel reasons, stale versions and two people at once.
 */
class BookingTransitionFunctionsTest {
    static final List<String> STATES = List.of("pending", "accepted", "in_progress", "completed", "cancelled", "disputed");
    /** function -> the status it moves to */
    static final Map<String, String> FUNCTIONS = Map.of(
            "accept_booking", "accepted", "start_booking", "in_progress", "complete_booking", "completed",
            "cancel_booking", "cancelled", "mark_booking_disputed", "disputed");
    static final Set<String> LEGAL = Set.of(
            "pending->accepted", "pending->cancelled", "accepted->in_progress", "accepted->cancelled",
            "in_progress->completed", "in_progress->cancelled", "in_progress->disputed", "completed->disputed",
            "disputed->completed", "disputed->cancelled");

    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    static Stream<Arguments> everyStateAndFunction() {
        List<Arguments> cases = new ArrayList<>();
        for (String from : STATES) {
            FUNCTIONS.keySet().stream().sorted().forEach(fn -> cases.add(Arguments.of(from, fn)));
        }
        return cases.stream();
    }

    static String call(String function, UUID booking, int version) {
        return switch (function) {
            case "cancel_booking" -> "SELECT ops.cancel_booking('%s', %d, 'customer_request', 'Customer called to cancel')"
                    .formatted(booking, version);
            case "mark_booking_disputed" -> "SELECT ops.mark_booking_disputed('%s', %d, 'Customer says the parcel never came')"
                    .formatted(booking, version);
            default -> "SELECT ops.%s('%s', %d)".formatted(function, booking, version);
        };
    }

    @ParameterizedTest(name = "{1} on a {0} booking")
    @MethodSource("everyStateAndFunction")
    void legalTransitionsPassAndIllegalOnesAreRefusedInPlainWords(String from, String function) throws Exception {
        UUID booking = rows.chain(from).booking();
        String to = FUNCTIONS.get(function);
        boolean legal = LEGAL.contains(from + "->" + to);
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            int version = version(ops, booking);
            long auditBefore = auditCount(booking);
            if (legal) {
                assertThat(SqlProbe.value(ops, call(function, booking, version))).isEqualTo(String.valueOf(version + 1));
                assertThat(status(ops, booking)).isEqualTo(to);
                assertThat(version(ops, booking)).isEqualTo(version + 1);
                assertThat(SqlProbe.value(ops, """
                        SELECT from_status || '->' || to_status || ' by ' || changed_by FROM booking_status_history
                        WHERE booking_id = '%s' ORDER BY id DESC LIMIT 1""".formatted(booking)))
                        .isEqualTo(from + "->" + to + " by demo_ops");
                assertThat(auditCount(booking)).isEqualTo(auditBefore + 1);
            } else {
                String message = SqlProbe.messageOf(ops, call(function, booking, version));
                assertThat(message).contains("booking.illegal_transition")
                        .contains("is " + from + " and cannot be moved to " + to);
                assertThat(status(ops, booking)).isEqualTo(from);
                assertThat(version(ops, booking)).isEqualTo(version);
                assertThat(auditCount(booking)).isEqualTo(auditBefore);
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"accept_booking", "start_booking", "complete_booking", "cancel_booking", "mark_booking_disputed"})
    void theAnalystIsRefusedAndTheAdminAllowed(String function) throws Exception {
        UUID booking = rows.chain("pending").booking();
        try (Connection analyst = db.connectAsDemo("demo_analyst"); Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.stateOf(analyst, call(function, booking, 1))).isEqualTo("42501");
            // The admin reaches the function: legal ones pass (rolled back), the rest get its own message.
            String state = SqlProbe.stateOf(admin, call(function, booking, 1));
            assertThat(state).isIn(null, "P0001");
        }
    }

    @Test
    void cancellingNeedsAKnownReasonAndANoteAndChangesNothingWithout() throws Exception {
        UUID booking = rows.chain("accepted").booking();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.cancel_booking('%s', 1, NULL, 'a note')".formatted(booking)))
                    .contains("booking.reason_required: Choose why the booking is cancelled.");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.cancel_booking('%s', 1, '  ', 'a note')".formatted(booking)))
                    .contains("booking.reason_required");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.cancel_booking('%s', 1, 'bored', 'a note')".formatted(booking)))
                    .contains("booking.unknown_reason: \"bored\" is not one of the cancellation reasons.");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.cancel_booking('%s', 1, 'weather', ' ')".formatted(booking)))
                    .contains("booking.note_required");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.cancel_booking('%s', 1, 'weather', '%s')"
                    .formatted(booking, "x".repeat(2001)))).contains("booking.note_too_long");
            assertThat(status(ops, booking)).isEqualTo("accepted");
            assertThat(version(ops, booking)).isEqualTo(1);

            assertThat(SqlProbe.value(ops, "SELECT ops.cancel_booking('%s', 1, 'weather', 'Storm over the river')"
                    .formatted(booking))).isEqualTo("2");
            assertThat(SqlProbe.value(ops, "SELECT cancellation_code || ' / ' || cancellation_reason FROM bookings WHERE id = '%s'"
                    .formatted(booking))).isEqualTo("weather / Storm over the river");
            assertThat(SqlProbe.value(ops, "SELECT note FROM booking_status_history WHERE booking_id = '%s' ORDER BY id DESC LIMIT 1"
                    .formatted(booking))).isEqualTo("Storm over the river");
            assertThat(auditValue("""
                    SELECT new_values->>'cancellation_code' FROM audit_logs
                    WHERE table_name = 'bookings' AND record_id = '%s' AND action_name = 'cancel_booking'""".formatted(booking)))
                    .isEqualTo("weather");
        }
    }

    @Test
    void badInputGetsPlainMessages() throws Exception {
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            UUID nowhere = UUID.randomUUID();
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.accept_booking('%s', 1)".formatted(nowhere)))
                    .contains("booking.not_found: There is no booking with id " + nowhere);
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.accept_booking(NULL, 1)")).contains("booking.not_found");
            UUID booking = rows.chain("pending").booking();
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.accept_booking('%s', NULL)".formatted(booking)))
                    .contains("booking.version_required");
        }
    }

    @Test
    void aStaleVersionIsAConflictNamingWhoChangedItAndWhen() throws Exception {
        UUID booking = rows.chain("pending").booking();
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection admin = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(ops, "SELECT ops.accept_booking('%s', 1)".formatted(booking))).isEqualTo("2");
            String message = SqlProbe.messageOf(admin,
                    "SELECT ops.cancel_booking('%s', 1, 'duplicate', 'Booked twice')".formatted(booking));
            assertThat(message).contains("booking.changed_meanwhile")
                    .contains("Olivia Ops moved it from pending to accepted at")
                    .contains("it is now accepted. Reload to see the change.");
            assertThat(status(admin, booking)).isEqualTo("accepted");
        }
    }

    @Test
    void twoPeopleAtOnceTheSecondWaitsThenGetsAConflict() throws Exception {
        UUID booking = rows.chain("accepted").booking();
        try (Connection first = db.connectAsDemo("demo_ops"); Connection second = db.connectAsDemo("demo_admin")) {
            first.setAutoCommit(false);
            assertThat(SqlProbe.value(first, "SELECT ops.start_booking('%s', 1)".formatted(booking))).isEqualTo("2");
            int secondPid = Integer.parseInt(SqlProbe.value(second, "SELECT pg_backend_pid()"));
            CompletableFuture<String> secondTry = CompletableFuture.supplyAsync(() ->
                    SqlProbe.messageOf(second, "SELECT ops.cancel_booking('%s', 1, 'weather', 'Fog')".formatted(booking)));
            try (Connection watcher = db.superuser().getConnection()) {
                while (!"Lock".equals(SqlProbe.value(watcher,
                        "SELECT wait_event_type FROM pg_stat_activity WHERE pid = " + secondPid))) {
                    Thread.onSpinWait();
                }
            }
            first.commit();
            String message = secondTry.get(30, TimeUnit.SECONDS);
            assertThat(message).contains("booking.changed_meanwhile").contains("Olivia Ops moved it from accepted to in_progress");
        }
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(status(ops, booking)).isEqualTo("in_progress");
            assertThat(version(ops, booking)).isEqualTo(2);
        }
    }

    @Test
    void everyTransitionFunctionDeclaresItsPermission() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT p.proname || ' ' || obj_description(p.oid, 'pg_proc') FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'ops' AND p.proname LIKE '%booking%' AND p.proname NOT LIKE '%view%' ORDER BY 1""")
            ).containsExactly("accept_booking permission: CHANGE_BOOKING_STATUS",
                    "cancel_booking permission: CHANGE_BOOKING_STATUS", "complete_booking permission: CHANGE_BOOKING_STATUS",
                    "mark_booking_disputed permission: CHANGE_BOOKING_STATUS", "start_booking permission: CHANGE_BOOKING_STATUS");
        }
    }

    private int version(Connection c, UUID booking) throws SQLException {
        return Integer.parseInt(SqlProbe.value(c, "SELECT version FROM bookings WHERE id = '" + booking + "'"));
    }

    private String status(Connection c, UUID booking) throws SQLException {
        return SqlProbe.value(c, "SELECT status FROM bookings WHERE id = '" + booking + "'");
    }

    private String auditValue(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return SqlProbe.value(c, sql);
        }
    }

    private long auditCount(UUID booking) throws SQLException {
        try (Connection c = db.superuser().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_logs WHERE record_id = ?")) {
            ps.setString(1, booking.toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
