package dev.tower.refund;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The approvals queue: oldest first, four eyes in the ViewModel (courtesy) and in the database (wall). */
class ApprovalsViewModelTest {
    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @BeforeAll
    static void logins() {
        MoneyFixtures.ensureExtraLogins(TestDatabase.get());
    }

    @Test
    void anotherAdminApprovesWhatTheRequesterCannot() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "900.00", "100.00");
        String key = IdempotencyKeys.next();
        try (Connection c = db.connectAsDemo("demo_admin")) {
            assertThat(SqlProbe.value(c, RefundFunctionsTest.issue(paid.booking(), "850.00", key))).startsWith("awaiting_approval");
        }
        try (AdminSession requester = AdminSession.open(); AdminSession second = AdminSession.open(MoneyFixtures.SECOND_ADMIN, Role.ADMIN)) {
            ApprovalsViewModel own = new ApprovalsViewModel(new RefundService(requester.session()), new SyncTaskExecutor(), true, "demo_admin");
            own.load();
            RefundRow mine = find(own, key);
            for (int i = 1; i < own.rows().size(); i++) {
                assertThat(own.rows().get(i).requestedAt()).isAfterOrEqualTo(own.rows().get(i - 1).requestedAt());
            }
            own.selectedProperty().set(mine);
            own.note().setText("Fine by me");
            assertThat(own.whyNotBinding().get()).isEqualTo("You asked for this refund, so another admin has to approve or decline it.");
            assertThat(own.approve().isExecutable()).isFalse();

            ApprovalsViewModel other = new ApprovalsViewModel(new RefundService(second.session()), new SyncTaskExecutor(), true,
                    MoneyFixtures.SECOND_ADMIN);
            other.load();
            other.selectedProperty().set(find(other, key));
            assertThat(other.approve().isExecutable()).as("a note is required").isFalse();
            other.note().setText("Photos confirm the damage");
            other.approve().execute();
            assertThat(other.state().error()).isNull();
            assertThat(other.state().notice()).startsWith("Approved the refund of 850.00 on ");
            assertThat(other.rows()).noneMatch(r -> r.id().equals(mine.id()));

            // the stale screen of a third person: told it was decided, by whom
            RefundService service = new RefundService(second.session());
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> service.decide(mine.id(), false, "late")))
                    .hasMessageContaining("already approved by Sam Second-Admin");
        }
    }

    @Test
    void opsSeeTheQueueButCannotDecide() {
        try (AdminSession ops = AdminSession.open("demo_ops", Role.OPS)) {
            ApprovalsViewModel vm = new ApprovalsViewModel(new RefundService(ops.session()), new SyncTaskExecutor(), false, "demo_ops");
            vm.load();
            assertThat(vm.state().error()).isNull();
            assertThat(vm.whyNotBinding().get()).isEqualTo("Only admins approve refunds above the limit.");
            assertThat(vm.approve().isExecutable()).isFalse();
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() ->
                    new RefundService(ops.session()).decide(UUID.randomUUID(), true, "x")))
                    .isInstanceOf(dev.tower.error.AccessDeniedException.class);
        }
    }

    /** The fixture's refund (the only one of 850.00, and the newest): pages until it shows. */
    private static RefundRow find(ApprovalsViewModel vm, String key) {
        while (vm.list().hasMore()) {
            vm.list().loadMore();
        }
        return vm.rows().stream().filter(r -> r.amount().toPlainString().equals("850.00") && r.requestedBy().equals("demo_admin"))
                .reduce((a, b) -> b).orElseThrow(() -> new AssertionError("refund " + key + " is not in the queue"));
    }
}
