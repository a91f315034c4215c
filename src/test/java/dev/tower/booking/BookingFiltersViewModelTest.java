package dev.tower.booking;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every filter control reaches the query, and saved views save, count, apply and delete: one customer with
 * two bookings that differ in every filtered field, so each control must pick exactly one of them.
 */
class BookingFiltersViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    /** {@code fresh}: pending, paid, courier, in Downtown Detroit, created now, scheduled tomorrow. */
    private record Pair(UUID customer, UUID fresh, UUID late, UUID lateProvider) {}

    private Pair pair() {
        TestRows.Chain chain = rows.chain("pending");
        UUID otherProvider = rows.verifiedProvider("Quinn Quadcopter", "Downtown Detroit");
        UUID imaging = rows.listing(otherProvider, "aerial_imaging", "Roof survey", "Drone photos of a roof",
                new BigDecimal("90.00"));
        UUID late = rows.booking(chain.consumer(), otherProvider, imaging, "accepted");
        // accepted, due five hours ago and not started; unpaid, in no area, booked ten days ago
        rows.update("""
                UPDATE bookings SET scheduled_at = now() - interval '5 hours', payment_status = 'pending',
                       service_area_id = NULL, created_at = now() - interval '10 days' WHERE id = ?""", late);
        return new Pair(chain.consumer(), chain.booking(), late, otherProvider);
    }

    private static BookingsViewModel browser(AdminSession ops) {
        BookingsViewModel vm = new BookingsViewModel(new BookingService(ops.session()), ops.session(),
                new SyncTaskExecutor(), 50);
        vm.load();
        return vm;
    }

    @Test
    void eachFilterControlReachesTheQuery() {
        Pair p = pair();
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingsViewModel vm = browser(ops);
            BookingFilterForm f = vm.filters();
            vm.showCustomer(p.customer(), "Casey Consumer");
            assertThat(ids(vm)).containsExactlyInAnyOrder(p.fresh(), p.late());
            assertThat(f.customerProperty().get().name()).isEqualTo("Casey Consumer");

            f.statusProperty().set("pending");
            assertThat(applied(vm)).containsExactly(p.fresh());
            f.statusProperty().set(BookingFilterForm.ANY);

            f.paymentStatusProperty().set("pending");
            assertThat(applied(vm)).containsExactly(p.late());
            f.paymentStatusProperty().set(BookingFilterForm.ANY);

            f.categoryProperty().set("courier");
            assertThat(applied(vm)).containsExactly(p.fresh());
            f.categoryProperty().set(BookingFilterForm.ANY);

            ServiceAreaChoice downtown = f.areas().stream().filter(a -> "Downtown Detroit".equals(a.name()))
                    .findFirst().orElseThrow();
            f.areaProperty().set(downtown);
            assertThat(applied(vm)).containsExactly(p.fresh());
            f.areaProperty().set(BookingFilterForm.ANY_AREA);

            LocalDate today = LocalDate.now(ZoneId.systemDefault());
            f.fromDayProperty().set(today.minusDays(2));
            assertThat(applied(vm)).containsExactly(p.fresh());
            f.fromDayProperty().set(null);
            f.toDayProperty().set(today.minusDays(5));
            assertThat(applied(vm)).containsExactly(p.late());
            f.toDayProperty().set(null);

            f.lateHoursProperty().set(2);
            assertThat(applied(vm)).as("accepted but not started 2 h after schedule").containsExactly(p.late());
            f.lateHoursProperty().set(8);
            assertThat(applied(vm)).as("only five hours late").isEmpty();
            f.lateHoursProperty().set(0);

            f.searchProperty().set(orderNumber(p.fresh()));
            assertThat(applied(vm)).containsExactly(p.fresh());
            f.searchProperty().set("");

            vm.showProvider(p.lateProvider(), "Quinn Quadcopter");
            assertThat(ids(vm)).containsExactly(p.late());
            assertThat(f.customerProperty().get()).as("the party link clears the other filters").isNull();

            f.fromDayProperty().set(today);
            f.toDayProperty().set(today.minusDays(2));
            vm.applyFilters();
            assertThat(vm.state().error()).as("a period that ends before it starts").isNotNull();
            assertThat(vm.state().error().toString()).contains("The start of the period is after its end.");
        }
    }

    @Test
    void aSavedViewIsCountedAppliedInOneStepAndDeleted() {
        Pair p = pair();
        String name = "late for Casey " + UUID.randomUUID().toString().substring(0, 6);
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingsViewModel vm = browser(ops);
            vm.showCustomer(p.customer(), "Casey Consumer");
            vm.filters().lateHoursProperty().set(2);
            vm.applyFilters();
            SavedViewsModel views = vm.savedViews();
            assertThat(views.saveCommand().isExecutable()).as("no name yet").isFalse();
            views.name().setText(name);
            views.shareWithRoleProperty().set(true);
            assertThat(views.saveCommand().execute()).isTrue();
            assertThat(vm.state().notice()).contains("Saved the view \"" + name + "\", shared with your role.");
            SavedViewsModel.Line line = views.lines().stream().filter(l -> l.view().name().equals(name))
                    .findFirst().orElseThrow();
            assertThat(line.count()).isEqualTo("1");
            assertThat(line.view().shared()).isTrue();
            assertThat(line.view().mine()).isTrue();
            assertThat(line.label()).isEqualTo(name + " (shared)  1");

            vm.filters().clear();
            vm.applyFilters();
            assertThat(vm.list().rows()).hasSizeGreaterThan(1);
            views.apply(line);
            assertThat(ids(vm)).containsExactly(p.late());
            assertThat(vm.filters().lateHoursProperty().get()).isEqualTo(2);
            assertThat(vm.filters().customerProperty().get().id()).isEqualTo(p.customer());

            // a busy customer's view is counted only up to the cap
            TestRows.Chain busy = rows.chain("pending");
            for (int i = 0; i < SavedViewsModel.COUNT_CAP; i++) {
                rows.booking(busy.consumer(), busy.provider(), busy.listing(), "pending");
            }
            String everything = "busy customer " + UUID.randomUUID().toString().substring(0, 6);
            vm.showCustomer(busy.consumer(), "Busy Casey");
            views.name().setText(everything);
            views.shareWithRoleProperty().set(false);
            views.saveCommand().execute();
            SavedViewsModel.Line all = views.lines().stream().filter(l -> l.view().name().equals(everything))
                    .findFirst().orElseThrow();
            assertThat(all.count()).isEqualTo(SavedViewsModel.COUNT_CAP + "+");

            views.delete(line);
            views.delete(all);
            assertThat(views.lines()).extracting(l -> l.view().name()).doesNotContain(name, everything);
            assertThat(vm.state().notice()).isEqualTo("Deleted the view \"" + everything + "\".");
        }
    }

    @Test
    void anotherStaffMembersViewCannotBeDeletedAndSaysWhose() {
        String name = "admin only " + UUID.randomUUID().toString().substring(0, 6);
        try (var admin = AdminSession.open(); var ops = AdminSession.open("demo_ops", Role.OPS)) {
            new BookingService(admin.session()).saveView(name, BookingFilter.ANY.withStatus("cancelled"), false);
            BookingsViewModel opsVm = browser(ops);
            assertThat(opsVm.savedViews().lines()).extracting(l -> l.view().name()).doesNotContain(name);
            BookingsViewModel adminVm = browser(admin);
            SavedViewsModel.Line line = adminVm.savedViews().lines().stream()
                    .filter(l -> l.view().name().equals(name)).findFirst().orElseThrow();
            assertThat(line.view().filter().status()).isEqualTo("cancelled");
            opsVm.savedViews().delete(line);
            assertThat(opsVm.state().error()).isNotNull();
            assertThat(opsVm.state().error().toString()).contains("Only demo_admin, who saved the view \"" + name);
            adminVm.savedViews().delete(line);
            assertThat(adminVm.savedViews().lines()).extracting(l -> l.view().name()).doesNotContain(name);
        }
    }

    private static java.util.List<UUID> applied(BookingsViewModel vm) {
        vm.applyFilters();
        return ids(vm);
    }

    private static java.util.List<UUID> ids(BookingsViewModel vm) {
        assertThat(vm.state().error()).isNull();
        assertThat(vm.list().hasMore()).isFalse();
        return vm.list().rows().stream().map(BookingRow::id).toList();
    }

    private String orderNumber(UUID booking) {
        try (var c = db.superuser().getConnection()) {
            return dev.tower.testing.SqlProbe.value(c, "SELECT order_number FROM bookings WHERE id = '" + booking + "'");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
