package dev.tower.booking;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class BookingPageViewModelTest {
    private final TestRows rows = TestRows.in(TestDatabase.get());

    @Test
    void opensABookingAndShowsItsFactsPriceAndTimelineInTheUsersZone() {
        UUID booking = rows.chain("pending").booking();
        rows.update("UPDATE bookings SET created_at = '2026-06-01T12:00:00Z' WHERE id = ?", booking);
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingPageViewModel vm = new BookingPageViewModel(new BookingPageService(ops.session()), new SyncTaskExecutor(),
                    ZoneId.of("America/Detroit"));
            vm.open(booking);
            assertThat(vm.state().errorProperty().get()).isNull();
            assertThat(vm.facts()).extracting(BookingPageViewModel.Line::label).contains("Status", "Customer", "Pick-up", "Drop-off");
            assertThat(vm.facts().getFirst().value()).isEqualTo("pending (version 2)");
            assertThat(vm.price()).extracting(BookingPageViewModel.Line::value).contains("$20.00", "$42.50");
            assertThat(vm.timeline()).isNotEmpty();
            assertThat(vm.timeline().getFirst().value()).startsWith("Booked as pending");

            vm.open(UUID.randomUUID());
            assertThat(vm.state().errorProperty().get()).isNotNull();
        }
    }
}
