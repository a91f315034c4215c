package dev.tower.dispute;

import dev.tower.refund.MoneyFixtures;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispute functions over plain JDBC: opening, claiming, resolving once, and who may call them. */
class DisputeFunctionsTest {
    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @BeforeAll
    static void logins() {
        MoneyFixtures.ensureExtraLogins(TestDatabase.get());
    }

    static String resolve(UUID dispute, String resolution, String amount, String note) {
        return "SELECT resolution || ' ' || coalesce(refund_status, '-') || ' ' || coalesce(refund_amount::text, '-') || ' ' || booking_status"
                + " FROM ops.resolve_dispute('%s', '%s', %s, 'service_not_delivered', %s, '%s')".formatted(dispute, resolution,
                amount == null ? "NULL" : "'" + amount + "'", note == null ? "NULL" : "'" + note + "'", UUID.randomUUID());
    }

    @Test
    void opsOpenADisputeWhichMovesTheBookingAndSetsTheDueTimeFromSettings() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("completed", "80.00", "10.00");
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            int v = Integer.parseInt(SqlProbe.value(ops, "SELECT version FROM bookings WHERE id = '%s'".formatted(paid.booking())));
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.open_dispute('%s', 1, 'meh', 'x')".formatted(paid.booking())))
                    .contains("dispute.unknown_reason");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.open_dispute('%s', %d, 'late', ' ')".formatted(paid.booking(), v)))
                    .contains("dispute.note_required");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.open_dispute('%s', %d, 'late', repeat('x', 2001))".formatted(paid.booking(), v)))
                    .contains("dispute.note_too_long").contains("at most 2000 characters");
            assertThat(SqlProbe.value(ops, "SELECT status || ' ' || version FROM bookings WHERE id = '%s'".formatted(paid.booking())))
                    .as("a refused opening changes nothing").isEqualTo("completed " + v);
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.open_dispute('%s', %d, 'late', 'Customer called')".formatted(paid.booking(), v + 5)))
                    .contains("booking.changed_meanwhile");
            String dispute = SqlProbe.value(ops, "SELECT ops.open_dispute('%s', %d, 'late', 'Customer called: two hours late')"
                    .formatted(paid.booking(), v));
            assertThat(SqlProbe.value(ops, "SELECT status FROM bookings WHERE id = '%s'".formatted(paid.booking()))).isEqualTo("disputed");
            assertThat(SqlProbe.value(ops, """
                    SELECT status || ' ' || reason || ' ' || opened_by_login || ' '
                           || ((extract(epoch FROM sla_due_at - opened_at) / 3600)::int
                              = (SELECT config_value #>> '{}' FROM system_config WHERE config_key = 'dispute.sla_hours')::int)
                    FROM disputes WHERE id = '%s'""".formatted(dispute))).isEqualTo("opened Late demo_ops true");
            // one open dispute per booking
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.open_dispute('%s', %d, 'late', 'again')".formatted(paid.booking(), v + 1)))
                    .contains("booking.illegal_transition");
        }
    }

    @Test
    void claimAssignAndReleaseRefuseUnknownAssignees() throws Exception {
        UUID dispute = money.openDispute(money.paidBooking("disputed", "50.00", "5.00"));
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(ops, "SELECT ops.assign_dispute('%s', 'demo_ops')".formatted(dispute))).isEqualTo("demo_ops");
            assertThat(SqlProbe.value(ops, "SELECT status || ' ' || assigned_to FROM disputes WHERE id = '%s'".formatted(dispute)))
                    .isEqualTo("under_review demo_ops");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.assign_dispute('%s', 'demo_analyst')".formatted(dispute)))
                    .contains("dispute.unknown_assignee: \"demo_analyst\" is not an active ops or admin login");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.assign_dispute('%s', 'nobody_here')".formatted(dispute)))
                    .contains("dispute.unknown_assignee");
            assertThat(SqlProbe.value(ops, "SELECT ops.assign_dispute('%s', 'demo_admin')".formatted(dispute))).isEqualTo("demo_admin");
            assertThat(SqlProbe.value(ops, "SELECT ops.assign_dispute('%s', NULL)".formatted(dispute))).isNull();
            assertThat(SqlProbe.value(ops, "SELECT coalesce(assigned_to, 'nobody') FROM disputes WHERE id = '%s'".formatted(dispute)))
                    .isEqualTo("nobody");
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.assign_dispute('%s', NULL)".formatted(UUID.randomUUID())))
                    .contains("dispute.not_found");
        }
    }

    @Test
    void aPartialRefundCompletesTheBookingAndNotifiesBothParties() throws Exception {
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "80.00", "10.00");
        UUID dispute = money.openDispute(paid);
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, resolve(dispute, "partial_refund", "80.01", "Half was delivered")))
                    .contains("refund.more_than_remaining");
            assertThat(SqlProbe.messageOf(ops, resolve(dispute, "partial_refund", "abc", "Half was delivered")))
                    .contains("refund.amount_malformed");
            assertThat(SqlProbe.messageOf(ops, resolve(dispute, "partial_refund", "20", null))).contains("dispute.note_required");
            assertThat(SqlProbe.messageOf(ops, resolve(dispute, "store_credit", "20", "x"))).contains("dispute.unknown_resolution");
            assertThat(SqlProbe.value(ops, "SELECT status FROM disputes WHERE id = '%s'".formatted(dispute))).isEqualTo("opened");

            assertThat(SqlProbe.value(ops, resolve(dispute, "partial_refund", "20.00", "Half was delivered")))
                    .isEqualTo("partial_refund issued 20.00 completed");
            assertThat(SqlProbe.value(ops, """
                    SELECT d.status || ' ' || d.resolution || ' ' || d.resolved_by || ' ' || r.amount || ' ' || r.reason_code
                    FROM disputes d JOIN refunds r ON r.id = d.refund_id WHERE d.id = '%s'""".formatted(dispute)))
                    .isEqualTo("resolved partial_refund demo_ops 20.00 service_not_delivered");
            assertThat(SqlProbe.column(ops, """
                    SELECT (n.user_id = b.consumer_id) || ' ' || n.type FROM notifications n JOIN bookings b ON b.id = '%s'
                    WHERE n.data->>'dispute_id' = '%s' ORDER BY 1""".formatted(paid.booking(), dispute)))
                    .containsExactly("false dispute_resolved", "true dispute_resolved");
            assertThat(SqlProbe.value(ops, "SELECT payment_status FROM bookings WHERE id = '%s'".formatted(paid.booking())))
                    .isEqualTo("partially_refunded");
        }
    }

    @Test
    void aFullRefundCancelsTheBookingAndNoRefundCompletesIt() throws Exception {
        MoneyFixtures.Paid full = money.paidBooking("disputed", "80.00", "10.00");
        MoneyFixtures.Paid none = money.paidBooking("disputed", "80.00", "10.00");
        UUID fullDispute = money.openDispute(full);
        UUID noneDispute = money.openDispute(none);
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.value(ops, resolve(fullDispute, "full_refund", null, "Nothing arrived")))
                    .isEqualTo("full_refund issued 80.00 cancelled");
            assertThat(SqlProbe.value(ops, "SELECT payment_status FROM bookings WHERE id = '%s'".formatted(full.booking())))
                    .isEqualTo("refunded");
            assertThat(SqlProbe.value(ops, resolve(noneDispute, "no_refund", null, "Proof of delivery checks out")))
                    .isEqualTo("no_refund - - completed");
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(none.booking())))
                    .isEqualTo("0");
            // resolved once: a second try is told who won and how
            assertThat(SqlProbe.messageOf(ops, resolve(fullDispute, "no_refund", null, "again")))
                    .contains("dispute.already_resolved: Olivia Ops already resolved this dispute at").contains("full refund of 80.00");
        }
    }

    @RepeatedTest(5)
    void twoResolversAtTheSameMomentExactlyOneWinsAndTheOtherIsToldWhoAndHow() throws Exception {
        UUID dispute = money.openDispute(money.paidBooking("disputed", "80.00", "10.00"));
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection admin = db.connectAsDemo("demo_admin")) {
            CyclicBarrier start = new CyclicBarrier(2);
            // own threads: the common pool may have a single worker on a 2-core machine
            ExecutorService two = Executors.newFixedThreadPool(2);
            CompletableFuture<String> byOps = CompletableFuture.supplyAsync(() -> attempt(start, ops,
                    resolve(dispute, "partial_refund", "15.00", "Ops: partly delivered")), two);
            CompletableFuture<String> byAdmin = CompletableFuture.supplyAsync(() -> attempt(start, admin,
                    resolve(dispute, "no_refund", null, "Admin: delivered")), two);
            two.shutdown();
            List<String> outcomes = List.of(byOps.get(30, TimeUnit.SECONDS), byAdmin.get(30, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn(o -> o.startsWith("won")).hasSize(1);
            String loser = outcomes.stream().filter(o -> !o.startsWith("won")).findFirst().orElseThrow();
            String winnerName = outcomes.get(0).startsWith("won") ? "Olivia Ops" : "Alex Admin";
            String how = outcomes.get(0).startsWith("won") ? "partial refund of 15.00" : "no refund";
            assertThat(loser).contains("dispute.already_resolved: " + winnerName + " already resolved this dispute").contains(how);
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE dispute_id = '%s'".formatted(dispute)))
                    .isEqualTo(outcomes.get(0).startsWith("won") ? "1" : "0");
        }
    }

    @Test
    void theAnalystAndAnUnrelatedLoginAreRefused() throws Exception {
        UUID dispute = money.openDispute(money.paidBooking("disputed", "50.00", "5.00"));
        try (Connection analyst = db.connectAsDemo("demo_analyst"); Connection stranger = db.connect(MoneyFixtures.UNRELATED, "demo")) {
            for (Connection c : new Connection[] {analyst, stranger}) {
                assertThat(SqlProbe.stateOf(c, resolve(dispute, "no_refund", null, "x"))).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT ops.assign_dispute('%s', NULL)".formatted(dispute))).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "SELECT ops.open_dispute(gen_random_uuid(), 1, 'late', 'x')")).isEqualTo("42501");
                assertThat(SqlProbe.stateOf(c, "UPDATE disputes SET status = 'resolved'")).isEqualTo("42501");
            }
        }
    }

    @Test
    void everyDisputeFunctionDeclaresItsPermission() throws Exception {
        try (Connection c = db.superuser().getConnection()) {
            assertThat(SqlProbe.column(c, """
                    SELECT p.proname || ' ' || obj_description(p.oid, 'pg_proc') FROM pg_proc p
                    JOIN pg_namespace n ON n.oid = p.pronamespace
                    WHERE n.nspname = 'ops' AND p.proname LIKE '%dispute%' AND p.proname NOT LIKE '%booking%' ORDER BY 1"""))
                    .containsExactly("assign_dispute permission: RESOLVE_DISPUTE", "open_dispute permission: RESOLVE_DISPUTE",
                            "resolve_dispute permission: RESOLVE_DISPUTE");
        }
    }

    private static String attempt(CyclicBarrier start, Connection c, String sql) {
        try {
            start.await(10, TimeUnit.SECONDS);
            return "won " + SqlProbe.value(c, sql);
        } catch (SQLException e) {
            return e.getMessage();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
