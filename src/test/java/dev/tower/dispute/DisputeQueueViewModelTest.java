package dev.tower.dispute;

import dev.tower.booking.BookingPageService;
import dev.tower.refund.MoneyFixtures;
import dev.tower.refund.RefundService;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.kit.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The disputes queue and the resolution form over the real database (small demo market), without a toolkit. */
class DisputeQueueViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);
    private final List<Place> opened = new ArrayList<>();

    @BeforeAll
    static void demoMarket() {
        TestDatabase.withDemoData();
    }

    private DisputeQueueViewModel viewModel(AdminSession s) {
        RefundService refunds = new RefundService(s.session());
        return new DisputeQueueViewModel(new DisputeService(s.session()), refunds,
                new EvidencePackService(s.session(), new BookingPageService(s.session()), refunds, Clock.systemUTC(), ZoneId.of("UTC")),
                new SyncTaskExecutor(), s.session().login(), true, true, Clock.systemUTC(), opened::add);
    }

    @Test
    void theQueueIsByDueTimeOverdueFirstAndMarkedAndTheFiltersNarrowIt() {
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            DisputeQueueViewModel vm = viewModel(ops);
            vm.load();
            assertThat(vm.state().error()).isNull();
            List<DisputeRow> rows = vm.rows();
            assertThat(rows).isNotEmpty();
            for (int i = 1; i < rows.size(); i++) {
                assertThat(rows.get(i).dueAt()).isAfterOrEqualTo(rows.get(i - 1).dueAt());
            }
            assertThat(rows).anyMatch(DisputeRow::overdue);
            int firstNotOverdue = (int) rows.stream().takeWhile(DisputeRow::overdue).count();
            assertThat(rows.subList(firstNotOverdue, rows.size())).noneMatch(DisputeRow::overdue);
            assertThat(vm.dueText(rows.getFirst())).startsWith("overdue by ");
            assertThat(vm.reasons()).extracting(Choice::code).contains("not_delivered", "late");

            vm.unassignedOnlyProperty().set(true);
            vm.applyFilters().execute();
            assertThat(vm.rows()).allMatch(r -> r.assignedTo() == null);

            vm.unassignedOnlyProperty().set(false);
            vm.dueWithin().setText("abc");
            assertThat(vm.applyFilters().isExecutable()).isFalse();
            vm.dueWithin().setText("0");
            vm.applyFilters().execute();
            assertThat(vm.rows()).allMatch(DisputeRow::overdue);

            vm.dueWithin().setText("");
            vm.reasonProperty().set(vm.reasons().stream().filter(c -> c.code().equals("late")).findFirst().orElseThrow());
            vm.applyFilters().execute();
            assertThat(vm.rows()).allMatch(r -> r.reasonCode().equals("late"));
        }
    }

    @Test
    void claimingAndReleasingAndTheLinkToTheBooking() {
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "60.00", "7.50");
        UUID dispute = money.openDispute(paid);
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            DisputeQueueViewModel vm = viewModel(ops);
            vm.load();
            vm.showDetail(dispute);
            assertThat(vm.claim().isExecutable()).isTrue();
            assertThat(vm.release().isExecutable()).isFalse();
            vm.claim().execute();
            assertThat(vm.state().notice()).isEqualTo("Claimed " + vm.detailProperty().get().orderNumber() + ".");
            assertThat(vm.detailProperty().get().assignedTo()).isEqualTo("demo_ops");
            assertThat(vm.detailProperty().get().status()).isEqualTo("under_review");
            assertThat(vm.claim().isExecutable()).isFalse();
            vm.release().execute();
            assertThat(vm.detailProperty().get().assignedTo()).isNull();
            vm.openBooking().execute();
            assertThat(opened).containsExactly(Place.of("bookings", paid.booking()));
        }
    }

    @Test
    void theResolutionFormChecksTheAmountShowsTheSplitAndResolvesOnce() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "80.00", "10.00");
        UUID dispute = money.openDispute(paid);
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS); AdminSession admin = AdminSession.open()) {
            DisputeQueueViewModel vm = viewModel(ops);
            vm.load();
            vm.showDetail(dispute);
            ResolutionForm form = vm.resolution();
            assertThat(form.resolve().isExecutable()).as("nothing chosen yet").isFalse();
            form.resolutionProperty().set(Resolution.PARTIAL_REFUND);
            assertThat(form.amountProblemBinding().get()).isEqualTo("The refund amount is required.");
            form.amount().setText("80.01");
            assertThat(form.amountProblemBinding().get()).contains("out of range").contains("$80.00");
            form.amount().setText("12.345");
            assertThat(form.amountProblemBinding().get()).contains("more than 2 decimals");
            form.amount().setText("20");
            assertThat(form.amountProblemBinding().get()).isEmpty();
            assertThat(form.splitTextBinding().get())
                    .isEqualTo("Refund $20.00: the platform gives back $2.50 of its fee and $17.50 is clawed back from the provider.");
            assertThat(form.resolve().isExecutable()).as("no note yet").isFalse();
            form.note().setText("Half the order arrived");
            assertThat(form.resolve().isExecutable()).isTrue();
            String key = form.idempotencyKey();

            // someone else resolves it first: the form is told who and how, and nothing is refunded twice
            DisputeQueueViewModel other = viewModel(admin);
            other.showDetail(dispute);
            other.resolution().resolutionProperty().set(Resolution.NO_REFUND);
            other.resolution().note().setText("Delivered as booked");
            other.resolution().resolve().execute();
            assertThat(other.state().notice()).isEqualTo("Resolved " + other.detailProperty().get().orderNumber()
                    + ": no refund; the booking is completed.");

            form.resolve().execute();
            assertThat(vm.state().error()).isNotNull();
            assertThat(vm.state().error().toString()).contains("Alex Admin already resolved this dispute").contains("no refund");
            assertThat(form.idempotencyKey()).isEqualTo(key);
            try (Connection c = db.superuser().getConnection()) {
                assertThat(SqlProbe.value(c, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(paid.booking())))
                        .isEqualTo("0");
            }
        }
    }

    @Test
    void aPartialRefundResolvesAndTheRefundShowsWithItsState() {
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "80.00", "10.00");
        UUID dispute = money.openDispute(paid);
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            DisputeQueueViewModel vm = viewModel(ops);
            vm.load();
            vm.showDetail(dispute);
            ResolutionForm form = vm.resolution();
            form.resolutionProperty().set(Resolution.PARTIAL_REFUND);
            form.amount().setText("30.00");
            form.note().setText("A third of the job was not done");
            form.resolve().execute();
            assertThat(vm.state().error()).isNull();
            assertThat(vm.state().notice()).isEqualTo("Resolved " + vm.detailProperty().get().orderNumber()
                    + ": $30.00 refund issued; the booking is completed.");
            assertThat(vm.detailProperty().get().resolved()).isTrue();
            assertThat(vm.bookingRefunds()).singleElement().satisfies(r -> {
                assertThat(r.stateText()).isEqualTo("sent to the payment service");
                assertThat(r.platformFeeShare()).isEqualByComparingTo("3.75");
            });
            assertThat(vm.rows()).noneMatch(r -> r.id().equals(dispute));
            assertThat(form.resolve().isExecutable()).isFalse();
        }
    }

    @Test
    void anAnalystCannotUseTheQueue() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            DisputeQueueViewModel vm = viewModel(analyst);
            vm.load();
            assertThat(vm.state().error()).isNotNull();
            assertThat(vm.rows()).isEmpty();
        }
    }
}
