package dev.tower.booking;

import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved views over plain JDBC: private or shared with the role, bad input refused, only the owner deletes. */
class BookingSavedViewFunctionsTest {
    private final TestDatabase db = TestDatabase.get();

    @Test
    void privateViewsStayPrivateAndSharedOnesReachTheRole() throws Exception {
        String mine = "cancelled today " + UUID.randomUUID().toString().substring(0, 6);
        String shared = "accepted not started " + UUID.randomUUID().toString().substring(0, 6);
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection admin = db.connectAsDemo("demo_admin");
             Connection analyst = db.connectAsDemo("demo_analyst")) {
            String privateId = SqlProbe.value(ops, "SELECT ops.save_booking_view('%s', '{\"status\": \"cancelled\"}', false)"
                    .formatted(mine));
            String sharedId = SqlProbe.value(admin, "SELECT ops.save_booking_view('%s', '{\"status\": \"accepted\", \"startedLateByHours\": 2}', true)"
                    .formatted(shared));
            assertThat(SqlProbe.column(ops, "SELECT name FROM booking_saved_views")).contains(mine).doesNotContain(shared);
            assertThat(SqlProbe.column(admin, "SELECT name FROM booking_saved_views")).contains(shared).doesNotContain(mine);
            assertThat(SqlProbe.value(admin, "SELECT shared_with_role FROM booking_saved_views WHERE id = '" + sharedId + "'"))
                    .isEqualTo("tower_admin");

            // saving again under the same name updates it
            assertThat(SqlProbe.value(ops, "SELECT ops.save_booking_view('%s', '{\"status\": \"pending\"}', false)".formatted(mine)))
                    .isEqualTo(privateId);
            assertThat(SqlProbe.value(ops, "SELECT filters->>'status' || ' v' || version FROM booking_saved_views WHERE id = '"
                    + privateId + "'")).isEqualTo("pending v2");

            assertThat(SqlProbe.messageOf(ops, "SELECT ops.save_booking_view('  ', '{}', false)")).contains("booking_view.name_required");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.save_booking_view('x', '[1]', false)")).contains("booking_view.bad_filters");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.save_booking_view('x', '{\"colour\": 1}', false)"))
                    .contains("booking_view.bad_filters: Unknown filter: colour.");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.delete_booking_view('" + privateId + "')"))
                    .contains("booking_view.not_yours");
            assertThat(SqlProbe.stateOf(analyst, "SELECT ops.save_booking_view('x', '{}', false)")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(analyst, "SELECT ops.delete_booking_view('" + privateId + "')")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(ops, "UPDATE booking_saved_views SET name = 'hijack'")).isEqualTo("42501");

            SqlProbe.value(ops, "SELECT ops.delete_booking_view('" + privateId + "')::text");
            assertThat(SqlProbe.column(ops, "SELECT name FROM booking_saved_views")).doesNotContain(mine);
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.delete_booking_view('" + privateId + "')"))
                    .contains("booking_view.not_found");
        }
    }
}
