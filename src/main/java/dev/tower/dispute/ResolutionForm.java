package dev.tower.dispute;

import dev.tower.refund.RefundReason;
import dev.tower.refund.IdempotencyKeys;
import dev.tower.refund.RefundSplit;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.Money;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The resolution form of one dispute: full, partial or no refund, the amount for a partial one, the
 * refund's reason, a required note, and how the refund splits between the platform's fee and the
 * provider's share. The idempotency key is made when a dispute is bound and kept until it is resolved,
 * so sending again after a lost answer gives back the first refund instead of a second.
 */
public final class ResolutionForm {
    private final DisputeService disputes;
    private final ScreenState state;
    private final Consumer<UUID> onResolved;
    private final ObjectProperty<DisputeDetail> dispute = new SimpleObjectProperty<>(this, "dispute");
    private final ObjectProperty<Resolution> resolution = new SimpleObjectProperty<>(this, "resolution");
    private final Field amount = new Field("Refund amount", "");
    private final ObjectProperty<RefundReason> reason = new SimpleObjectProperty<>(this, "reason");
    private final Field note = new Field("Note", "", FieldRule.required("A note"), FieldRule.length("The note", 1, 2000));
    private final ObservableList<RefundReason> reasons = FXCollections.observableArrayList();
    private final StringBinding amountProblem;
    private final StringBinding splitText;
    private final Command resolve;
    private String idempotencyKey = IdempotencyKeys.next();

    ResolutionForm(DisputeService disputes, ScreenState state, boolean permitted, Consumer<UUID> onResolved) {
        this.disputes = disputes;
        this.state = state;
        this.onResolved = onResolved;
        amountProblem = Bindings.createStringBinding(() -> amountProblem().orElse(""),
                amount.textProperty(), resolution, dispute);
        splitText = Bindings.createStringBinding(this::split, amount.textProperty(), resolution, dispute);
        BooleanBinding valid = Bindings.createBooleanBinding(() -> dispute.get() != null && !dispute.get().resolved()
                        && resolution.get() != null && amountProblem.get().isEmpty() && note.isValid()
                        && (resolution.get() == Resolution.NO_REFUND || reason.get() != null),
                dispute, resolution, amountProblem, note.valid(), reason);
        resolve = Command.of(state.gate(), "Resolve", new SimpleBooleanProperty(permitted), valid, state.busyFlag(), this::submit);
    }

    /** Shows {@code detail}; a different dispute starts a clean form with a new key. */
    void bind(DisputeDetail detail) {
        DisputeDetail before = dispute.get();
        dispute.set(detail);
        if (before == null || !before.id().equals(detail.id()) || detail.resolved()) {
            idempotencyKey = IdempotencyKeys.next();
            resolution.set(null);
            amount.setText("");
            note.setText("");
            reason.set(reasons.stream().filter(r -> r.code().equals("service_not_delivered")).findFirst().orElse(null));
        }
    }

    private Optional<String> amountProblem() {
        DisputeDetail d = dispute.get();
        if (resolution.get() != Resolution.PARTIAL_REFUND || d == null) {
            return Optional.empty();
        }
        Money remaining = Money.rounded(d.remaining(), Money.USD);
        if (remaining.amount().signum() <= 0) {
            return Optional.of("Nothing is left to refund on this booking.");
        }
        String text = amount.text();
        Optional<String> p = FieldRule.required("The refund amount").check(text)
                .or(() -> FieldRule.money("The refund amount", Money.usd("0.01"), remaining).check(text));
        if (p.isEmpty() && Money.parse(text, Money.USD).compareTo(remaining) == 0) {
            return Optional.of("That is everything left to refund; choose a full refund instead.");
        }
        return p;
    }

    private String split() {
        DisputeDetail d = dispute.get();
        if (d == null || d.resolved() || resolution.get() == null || resolution.get() == Resolution.NO_REFUND) {
            return "";
        }
        BigDecimal value;
        if (resolution.get() == Resolution.FULL_REFUND) {
            value = d.remaining();
        } else if (amountProblem().isEmpty() && !amount.value().isEmpty()) {
            value = Money.parse(amount.value(), Money.USD).amount();
        } else {
            return "";
        }
        if (value.signum() <= 0) {
            return "Nothing is left to refund.";
        }
        RefundSplit s = RefundSplit.of(value, d.captured(), d.platformFee(), d.reserved(), d.feeReserved());
        return "Refund " + Money.rounded(value, Money.USD).display() + ": the platform gives back "
                + Money.rounded(s.platformFeeShare(), Money.USD).display() + " of its fee and "
                + Money.rounded(s.providerShare(), Money.USD).display() + " is clawed back from the provider.";
    }

    private void submit() {
        DisputeDetail d = dispute.get();
        Resolution how = resolution.get();
        String typed = how == Resolution.PARTIAL_REFUND ? Money.parse(amount.value(), Money.USD).amount().toPlainString() : null;
        String why = reason.get() == null ? null : reason.get().code();
        String text = note.value();
        String key = idempotencyKey;
        state.run("change", "Resolving " + d.orderNumber() + "…",
                () -> disputes.resolve(d.id(), how, typed, why, text, key), outcome -> {
                    onResolved.accept(d.id()); // reloads first: starting them clears the screen's messages
                    state.notice(describe(d, outcome));
                });
    }

    static String describe(DisputeDetail d, ResolutionOutcome o) {
        String refund = o.refundId() == null ? "no refund"
                : Money.rounded(o.refundAmount(), Money.USD).display() + " refund "
                + ("awaiting_approval".equals(o.refundStatus()) ? "waits for an admin's approval" : "issued");
        return "Resolved " + d.orderNumber() + ": " + refund + "; the booking is " + o.bookingStatus() + ".";
    }

    public ObjectProperty<DisputeDetail> disputeProperty() { return dispute; }

    public ObjectProperty<Resolution> resolutionProperty() { return resolution; }

    public Field amount() { return amount; }

    public StringBinding amountProblemBinding() { return amountProblem; }

    public ObjectProperty<RefundReason> reasonProperty() { return reason; }

    public ObservableList<RefundReason> reasons() { return reasons; }

    public Field note() { return note; }

    public StringBinding splitTextBinding() { return splitText; }

    public Command resolve() { return resolve; }

    /** The key the next submission sends (the same one again after a failed attempt). */
    public String idempotencyKey() { return idempotencyKey; }
}
