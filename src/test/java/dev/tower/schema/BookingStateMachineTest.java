package dev.tower.schema;

import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every (from, to) pair of booking_status, tried as the owner: the database itself allows exactly the edges of
 * booking_status_transitions, records each change with the real login, and refuses everything else with 23514.
 */
class BookingStateMachineTest {
    static final List<String> STATES = List.of("pending", "accepted", "in_progress", "completed", "cancelled", "disputed");

    /** 000's state diagram plus 'disputed' (DESIGN.md): the edges the table must hold, no more, no fewer. */
    static final Set<String> LEGAL = Set.of(
            "pending->accepted", "pending->cancelled",
            "accepted->in_progress", "accepted->cancelled",
            "in_progress->completed", "in_progress->cancelled", "in_progress->disputed",
            "completed->disputed",
            "disputed->completed", "disputed->cancelled");

    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    static Stream<Arguments> everyPair() {
        List<Arguments> pairs = new ArrayList<>();
        for (String from : STATES) {
            for (String to : STATES) {
                if (!from.equals(to)) {
                    pairs.add(Arguments.of(from, to));
                }
            }
        }
        return pairs.stream();
    }

    @Test
    void enumAndTransitionTableAreTheOnesThisTestCovers() throws Exception {
        assertThat(strings("SELECT unnest(enum_range(NULL::booking_status))::text")).containsExactlyElementsOf(STATES);
        assertThat(new HashSet<>(strings("SELECT from_status || '->' || to_status FROM booking_status_transitions")))
                .isEqualTo(LEGAL);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void everyPairIsAllowedExactlyWhenItIsATransition(String from, String to) throws Exception {
        TestRows.Chain chain = rows.chain(from);
        UUID booking = chain.booking();
        rows.update("UPDATE providers SET completed_jobs = 5 WHERE id = ?", chain.provider());
        boolean legal = LEGAL.contains(from + "->" + to);

        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            s.execute("SET ROLE tower_owner"); // as the owner, the way migrations and psql sessions would
            String sessionUser = string(c, "SELECT session_user");
            Snapshot before = snapshot(c, booking);
            long historyBefore = historyCount(c, booking);

            SQLException refused = catchThrowableOfType(SQLException.class,
                    () -> s.executeUpdate("UPDATE bookings SET status = '" + to + "' WHERE id = '" + booking + "'"));
            Snapshot after = snapshot(c, booking);

            if (legal) {
                assertThat((Throwable) refused).as("legal %s -> %s must succeed", from, to).isNull();
                assertThat(after.status).isEqualTo(to);
                assertThat(historyCount(c, booking)).isEqualTo(historyBefore + 1);
                try (ResultSet rs = s.executeQuery("""
                        SELECT from_status::text, to_status::text, changed_by FROM booking_status_history
                        WHERE booking_id = '%s' ORDER BY id DESC LIMIT 1""".formatted(booking))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo(from);
                    assertThat(rs.getString(2)).isEqualTo(to);
                    assertThat(rs.getString(3)).isEqualTo(sessionUser).isEqualTo("postgres");
                }
                if (to.equals("in_progress")) {
                    assertThat(after.actualStart).as("actual_start_at set on in_progress").isNotNull();
                }
                if (to.equals("completed")) {
                    assertThat(after.actualEnd).as("actual_end_at set on completed").isNotNull();
                }
                int expectedJobs = to.equals("completed") ? 6 : from.equals("completed") ? 4 : 5;
                assertThat(after.completedJobs).as("providers.completed_jobs").isEqualTo(expectedJobs);
            } else {
                assertThat((Throwable) refused).as("illegal %s -> %s must be refused", from, to).isNotNull();
                assertThat(refused.getSQLState()).isEqualTo("23514");
                assertThat(after).as("row unchanged").isEqualTo(before);
                assertThat(historyCount(c, booking)).isEqualTo(historyBefore);
            }
        }
    }

    @ParameterizedTest(name = "{0} -> {0} is no change")
    @MethodSource("states")
    void settingTheSameStatusIsNotATransition(String state) throws Exception {
        UUID booking = rows.chain(state).booking();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            long historyBefore = historyCount(c, booking);
            s.executeUpdate("UPDATE bookings SET status = '" + state + "' WHERE id = '" + booking + "'");
            assertThat(historyCount(c, booking)).isEqualTo(historyBefore);
            assertThat(snapshot(c, booking).status).isEqualTo(state);
        }
    }

    static Stream<String> states() {
        return STATES.stream();
    }

    @Test
    void aFullLifeCountsTheJobOnceAndRecordsEveryStep() throws Exception {
        TestRows.Chain chain = rows.chain("pending");
        UUID booking = chain.booking();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            for (String to : List.of("accepted", "in_progress", "completed", "disputed", "completed")) {
                s.executeUpdate("UPDATE bookings SET status = '" + to + "' WHERE id = '" + booking + "'");
                int jobs = snapshot(c, booking).completedJobs;
                assertThat(jobs).as("completed_jobs after -> %s", to).isEqualTo(to.equals("disputed") ? 0 : to.equals("completed") ? 1 : 0);
            }
            Snapshot end = snapshot(c, booking);
            assertThat(end.actualStart).isNotNull();
            assertThat(end.actualEnd).isNotNull().isAfterOrEqualTo(end.actualStart);
            assertThat(strings("SELECT coalesce(from_status::text, '*') || '->' || to_status FROM booking_status_history "
                    + "WHERE booking_id = '" + booking + "' ORDER BY id"))
                    .containsExactly("*->pending", "pending->accepted", "accepted->in_progress", "in_progress->completed",
                            "completed->disputed", "disputed->completed");
        }
    }

    @Test
    void aStatusChangeAlongsideOtherColumnsIsStillChecked() throws Exception {
        UUID booking = rows.chain("cancelled").booking();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement()) {
            SQLException e = catchThrowableOfType(SQLException.class, () -> s.executeUpdate(
                    "UPDATE bookings SET provider_notes = 'reopened', status = 'pending' WHERE id = '" + booking + "'"));
            assertThat((Throwable) e).isNotNull();
            assertThat(e.getSQLState()).isEqualTo("23514");
            assertThat(snapshot(c, booking).status).isEqualTo("cancelled");
        }
    }

    record Snapshot(String status, Timestamp updatedAt, Timestamp actualStart, Timestamp actualEnd, int completedJobs) {}

    private static Snapshot snapshot(Connection c, UUID booking) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT b.status::text, b.updated_at, b.actual_start_at, b.actual_end_at, p.completed_jobs
                FROM bookings b JOIN providers p ON p.id = b.provider_id WHERE b.id = ?""")) {
            ps.setObject(1, booking);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return new Snapshot(rs.getString(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getTimestamp(4), rs.getInt(5));
            }
        }
    }

    private static long historyCount(Connection c, UUID booking) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM booking_status_history WHERE booking_id = ?")) {
            ps.setObject(1, booking);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String string(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.superuser().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
