package dev.tower.app;

import dev.tower.audit.AuditEntry;
import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell's navigation in the real window: an audit entry about a booking opens that booking's page in
 * the Bookings section, and Back returns to the audit log as it was left.
 */
class NavigationUiTest extends ConsoleUiTest {
    @Test
    void anAuditEntryOpensItsBookingAndBackReturnsToTheLog(FxRobot robot) throws Exception {
        TestDatabase db = TestDatabase.withDemoData();
        UUID booking = TestRows.in(db).chain("pending").booking();
        String order;
        try (Connection c = db.superuser().getConnection()) {
            order = SqlProbe.value(c, "SELECT order_number FROM bookings WHERE id = '" + booking + "'");
            String version = SqlProbe.value(c, "SELECT version FROM bookings WHERE id = '" + booking + "'");
            try (Connection ops = db.connectAsDemo("demo_ops"); Statement s = ops.createStatement()) {
                s.execute("SELECT ops.accept_booking('" + booking + "', " + version + ", 'on our way')");
            }
        }

        signInAsDemo(robot, "demo_admin");
        robot.clickOn("#nav-audit");
        robot.clickOn("#auditRecordFilter").write(booking.toString());
        robot.clickOn("#auditSearchButton");
        waitUntil(() -> auditTable(robot).getItems().size() == 1
                && auditTable(robot).getItems().getFirst().recordId().equals(booking.toString()));
        assertThat(robot.lookup("#auditOpenRecord").query().isDisabled()).as("nothing selected").isTrue();
        robot.clickOn(robot.lookup("#auditTable .table-row-cell").<TableRow<?>>match(r -> r.getItem() != null)
                .<TableRow<?>>query());
        waitUntil(() -> !robot.lookup("#auditOpenRecord").query().isDisabled());
        robot.clickOn("#auditOpenRecord");

        waitUntil(() -> robot.lookup("#bookingPageTitle").tryQuery().isPresent()
                && text(robot, "#bookingPageTitle").equals("Booking " + order));
        assertThat(text(robot, "#sectionTitle")).isEqualTo("Bookings");
        screenshot("navigation-booking-from-audit.png");

        robot.clickOn("#shellBack");
        waitFor(robot, "#auditView");
        assertThat(text(robot, "#sectionTitle")).isEqualTo("Audit log");
        assertThat(auditTable(robot).getItems()).extracting(AuditEntry::recordId).containsExactly(booking.toString());
    }

    @SuppressWarnings("unchecked")
    private static TableView<AuditEntry> auditTable(FxRobot robot) {
        return (TableView<AuditEntry>) robot.lookup("#auditTable").query();
    }
}
