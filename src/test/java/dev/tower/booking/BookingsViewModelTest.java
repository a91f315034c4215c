package dev.tower.booking;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.testing.TestSessions;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The browser, its filters and the transition form, on the real database with a synchronous executor. */
class BookingsViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @Test
    void findsABookingBySearchAndCancelsItOnlyWithAReasonAndANote() throws Exception {
        for (int i = 0; i < 5; i++) {
            rows.chain("pending"); // more than a page, however the test JVM's earlier tests left the table
        }
        UUID booking = rows.chain("accepted").booking();
        String order = orderNumber(booking);
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingsViewModel vm = new BookingsViewModel(new BookingService(ops.session()), ops.session(),
                    new SyncTaskExecutor(), 5);
            vm.load();
            assertThat(vm.list().rows()).hasSize(5);
            assertThat(vm.list().hasMore()).isTrue();
            assertThat(vm.reasons()).extracting(CancelReason::code).contains("weather");

            vm.searchProperty().set(order);
            vm.applyCommand().execute();
            assertThat(vm.list().rows()).extracting(BookingRow::id).containsExactly(booking);
            vm.selectedProperty().set(vm.list().rows().getFirst());
            assertThat(vm.moves()).containsExactly(BookingTransition.START, BookingTransition.CANCEL);
            assertThat(vm.begin(BookingTransition.COMPLETE)).as("not a legal move from accepted").isFalse();

            assertThat(vm.begin(BookingTransition.CANCEL)).isTrue();
            assertThat(vm.moveCommand().isExecutable()).as("no reason, no note").isFalse();
            vm.reasonProperty().set(vm.reasons().stream().filter(r -> r.code().equals("weather")).findFirst().orElseThrow());
            assertThat(vm.moveCommand().isExecutable()).as("no note").isFalse();
            vm.note().setText("Thunderstorm warning for the whole afternoon");
            assertThat(vm.moveCommand().execute()).isTrue();

            assertThat(vm.state().noticeProperty().get()).isEqualTo("Booking " + order + " is now cancelled.");
            assertThat(vm.list().rows()).extracting(BookingRow::status).containsExactly("cancelled");
            assertThat(vm.moveProperty().get()).isNull();
        }
    }

    @Test
    void aConflictSaysWhoChangedItAndShowsTheFreshRow() throws Exception {
        UUID booking = rows.chain("pending").booking();
        String order = orderNumber(booking);
        try (var ops = AdminSession.open("demo_ops", Role.OPS); var admin = AdminSession.open()) {
            BookingsViewModel vm = new BookingsViewModel(new BookingService(ops.session()), ops.session(),
                    new SyncTaskExecutor(), 5);
            vm.searchProperty().set(order);
            vm.applyFilters();
            vm.selectedProperty().set(vm.list().rows().getFirst());
            vm.begin(BookingTransition.ACCEPT);
            // meanwhile the admin cancels it
            new BookingService(admin.session()).move(booking, 1, BookingTransition.CANCEL, "duplicate", "Booked twice");
            assertThat(vm.moveCommand().execute()).isTrue();
            assertThat(vm.state().errorProperty().get()).isNotNull();
            assertThat(vm.state().errorProperty().get().toString()).contains("Alex Admin moved it from pending to cancelled");
            assertThat(vm.list().rows()).extracting(BookingRow::status).containsExactly("cancelled");
        }
    }

    @Test
    void filtersByStatusAndRefusesAMovesForRolesWithout() {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingsViewModel vm = new BookingsViewModel(new BookingService(ops.session()), ops.session(),
                    new SyncTaskExecutor(), 50);
            rows.chain("disputed");
            vm.statusProperty().set("disputed");
            vm.applyFilters();
            assertThat(vm.list().rows()).isNotEmpty().extracting(BookingRow::status).containsOnly("disputed");
        }
        var analyst = TestSessions.offline(Role.ANALYST);
        BookingsViewModel vm = new BookingsViewModel(new BookingService(analyst), analyst, new SyncTaskExecutor());
        assertThat(vm.applyCommand().isExecutable()).isFalse();
        assertThat(vm.moveCommand().isExecutable()).isFalse();
    }

    private String orderNumber(UUID booking) throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            return SqlProbe.value(c, "SELECT order_number FROM bookings WHERE id = '" + booking + "'");
        }
    }
}
