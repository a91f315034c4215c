package dev.tower.booking;

import dev.tower.testing.ConsoleUiTest;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Signed in as demo_ops on the small demo: find a booking by its order number and cancel it with a reason. */
class BookingsUiTest extends ConsoleUiTest {
    @Test
    void findABookingBySearchAndCancelItWithAReason(FxRobot robot) throws Exception {
        TestDatabase db = TestDatabase.withDemoData();
        UUID booking = TestRows.in(db).chain("accepted").booking();
        String order;
        try (Connection c = db.superuser().getConnection()) {
            order = SqlProbe.value(c, "SELECT order_number FROM bookings WHERE id = '" + booking + "'");
        }
        signInAsDemo(robot, "demo_ops");
        robot.clickOn("#nav-bookings");
        waitUntil(() -> table(robot).getItems().size() > 10);
        robot.clickOn("#bookingsTable");
        robot.type(KeyCode.J).type(KeyCode.J);
        robot.write("?");
        waitUntil(() -> robot.lookup("#bookingsCheatSheet").query().isVisible());
        screenshot("bookings-browser.png");
        robot.type(KeyCode.ESCAPE);

        robot.write("/");
        robot.write(order).type(KeyCode.ENTER);
        waitUntil(() -> table(robot).getItems().size() == 1 && table(robot).getItems().getFirst().id().equals(booking));
        robot.clickOn(robot.lookup(".table-row-cell").<TableRow<?>>match(r -> r.getItem() != null).<TableRow<?>>query());
        waitFor(robot, "#move-cancel");
        robot.clickOn("#move-cancel");
        waitUntil(() -> robot.lookup("#cancelReason").query().isVisible());
        assertThat(robot.lookup("#confirmMove").query().isDisabled()).as("no reason or note yet").isTrue();
        robot.clickOn("#cancelReason");
        robot.clickOn("Weather or airspace closed");
        robot.clickOn("#moveNote").write("Storm warning all afternoon");
        screenshot("bookings-cancel-form.png");
        robot.clickOn("#confirmMove");
        waitUntil(() -> text(robot, "#bookingsNoticeText").equals("Booking " + order + " is now cancelled."));
        waitUntil(() -> table(robot).getItems().getFirst().status().equals("cancelled"));
        screenshot("bookings-cancelled.png");

        // the booking page: Enter opens it, Escape goes back
        robot.clickOn(robot.lookup(".table-row-cell").<TableRow<?>>match(r -> r.getItem() != null).<TableRow<?>>query());
        robot.type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#bookingPageTitle").tryQuery().isPresent()
                && text(robot, "#bookingPageTitle").equals("Booking " + order));
        waitUntil(() -> !((javafx.scene.layout.GridPane) robot.lookup("#bookingTimeline").query()).getChildren().isEmpty());
        screenshot("booking-page.png");

        // the customer's other bookings: the page's link narrows the browser to them
        robot.clickOn("#customerBookingsLink");
        waitFor(robot, "#bookingsTable");
        waitUntil(() -> robot.lookup("#bookingCustomerChip").query().isVisible()
                && table(robot).getItems().size() == 1 && table(robot).getItems().getFirst().id().equals(booking));

        // saved as a view, filters changed, and the view applied again with one click
        robot.clickOn("#savedViewName").write("Casey's bookings").type(KeyCode.ENTER);
        waitUntil(() -> text(robot, "#bookingsNoticeText").equals("Saved the view \"Casey's bookings\"."));
        robot.clickOn("#bookingCustomerChipClear");
        waitUntil(() -> table(robot).getItems().size() > 1);
        robot.interact(() -> robot.lookup("#bookingPaymentFilter").<javafx.scene.control.ChoiceBox<String>>query()
                .setValue("paid"));
        waitUntil(() -> !table(robot).getItems().isEmpty()
                && table(robot).getItems().stream().allMatch(r -> r.paymentStatus().equals("paid")));
        screenshot("bookings-filters.png");
        robot.clickOn(robot.lookup(".list-cell").<javafx.scene.control.ListCell<?>>match(
                cell -> cell.getText() != null && cell.getText().startsWith("Casey's bookings")).<javafx.scene.control.ListCell<?>>query());
        waitUntil(() -> table(robot).getItems().size() == 1 && table(robot).getItems().getFirst().id().equals(booking)
                && robot.lookup("#bookingCustomerChip").query().isVisible());
        assertThat(robot.lookup("#bookingPaymentFilter").<javafx.scene.control.ChoiceBox<String>>query().getValue())
                .as("the view's filters replace the ones set by hand").isEmpty();
        screenshot("bookings-saved-view.png");
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.value(c, "SELECT status || ' ' || cancellation_code || ' ' || version FROM bookings WHERE id = '"
                    + booking + "'")).isEqualTo("cancelled weather 2");
        }
    }

    @SuppressWarnings("unchecked")
    private static TableView<BookingRow> table(FxRobot robot) {
        return (TableView<BookingRow>) robot.lookup("#bookingsTable").query();
    }
}
