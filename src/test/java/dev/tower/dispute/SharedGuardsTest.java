package dev.tower.dispute;

import dev.tower.refund.MoneyFixtures;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * V121's shared guards (tower_internal.require_note, tower_internal.lock_dispute) in the four functions that
 * use them: the same codes and words V70 gave, a refusal changes nothing, and no staff role reaches the
 * helpers (nor V120's outbox trigger function) directly.
 */
class SharedGuardsTest {
    private static final String TOO_LONG = "x".repeat(2001);

    private final TestDatabase db = TestDatabase.get();
    private final MoneyFixtures money = new MoneyFixtures(db);

    @Test
    void notesAreRequiredAndAtMost2000CharactersInTheWordsV70Used() throws Exception {
        MoneyFixtures.ensureExtraLogins(db);
        MoneyFixtures.Paid paid = money.paidBooking("disputed", "900.00", "100.00");
        UUID dispute = money.openDispute(paid);
        try (Connection ops = db.connectAsDemo("demo_ops"); Connection admin = db.connectAsDemo(MoneyFixtures.SECOND_ADMIN)) {
            assertThat(SqlProbe.messageOf(ops, issue(paid, "10.00", " "))).contains(
                    "refund.note_required: Write a short note saying why the money goes back.");
            assertThat(SqlProbe.messageOf(ops, issue(paid, "10.00", TOO_LONG))).contains(
                    "refund.note_too_long: The note can be at most 2000 characters.");
            assertThat(SqlProbe.messageOf(ops, DisputeFunctionsTest.resolve(dispute, "partial_refund", "20.00", "  "))).contains(
                    "dispute.note_required: Write a note explaining the resolution.");
            assertThat(SqlProbe.messageOf(ops, DisputeFunctionsTest.resolve(dispute, "no_refund", null, TOO_LONG))).contains(
                    "dispute.note_too_long: The note can be at most 2000 characters.");
            // nothing was recorded by the refusals
            assertThat(SqlProbe.value(ops, "SELECT count(*) FROM refunds WHERE booking_id = '%s'".formatted(paid.booking())))
                    .isEqualTo("0");
            assertThat(SqlProbe.value(ops, "SELECT status FROM disputes WHERE id = '%s'".formatted(dispute))).isEqualTo("opened");

            // above the approval limit, so it waits for an admin's decision
            SqlProbe.value(ops, issue(paid, "800.00", "Customer asked"));
            String refund = SqlProbe.value(ops, "SELECT id FROM refunds WHERE booking_id = '%s'".formatted(paid.booking()));
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_refund('%s', true, NULL)".formatted(refund))).contains(
                    "refund.note_required: Write a short note for the decision.");
            assertThat(SqlProbe.messageOf(admin, "SELECT ops.decide_refund('%s', true, '%s')".formatted(refund, TOO_LONG))).contains(
                    "refund.note_too_long: The note can be at most 2000 characters.");
            assertThat(SqlProbe.value(ops, "SELECT status FROM refunds WHERE id = '%s'".formatted(refund))).isEqualTo("awaiting_approval");
            // the note kept is the trimmed one
            assertThat(SqlProbe.value(admin, "SELECT ops.decide_refund('%s', false, '  Not supported by the evidence  ')"
                    .formatted(refund))).isEqualTo("rejected");
            assertThat(SqlProbe.value(ops, "SELECT '[' || decision_note || ']' FROM refunds WHERE id = '%s'".formatted(refund)))
                    .isEqualTo("[Not supported by the evidence]");
        }
    }

    @Test
    void bothDisputeFunctionsRefuseAnUnknownDisputeInTheSameWords() throws Exception {
        UUID nowhere = UUID.randomUUID();
        try (Connection ops = db.connectAsDemo("demo_ops")) {
            assertThat(SqlProbe.messageOf(ops, "SELECT ops.assign_dispute('%s', 'demo_ops')".formatted(nowhere))).contains(
                    "dispute.not_found: There is no dispute with id " + nowhere + ".");
            assertThat(SqlProbe.messageOf(ops, DisputeFunctionsTest.resolve(nowhere, "no_refund", null, "x"))).contains(
                    "dispute.not_found: There is no dispute with id " + nowhere + ".");
        }
    }

    @ParameterizedTest(name = "{0} cannot call the shared guards or the outbox trigger function")
    @ValueSource(strings = {"demo_admin", "demo_ops", "demo_analyst"})
    void noStaffRoleCallsTheHelpersDirectly(String login) throws Exception {
        try (Connection c = db.connectAsDemo(login)) {
            assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.require_note('a note', 'refund', 'x')")).isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.lock_dispute('%s')".formatted(UUID.randomUUID())))
                    .isEqualTo("42501");
            assertThat(SqlProbe.stateOf(c, "SELECT tower_internal.record_refund_outbox_event()")).isEqualTo("42501");
        }
    }

    private static String issue(MoneyFixtures.Paid paid, String amount, String note) {
        return "SELECT status FROM ops.issue_refund('%s', '%s', 'requested_by_customer', '%s', '%s')"
                .formatted(paid.booking(), amount, note, UUID.randomUUID());
    }
}
