package dev.tower.refund;

import dev.tower.ui.TaskExecutor;
import dev.tower.ui.kit.Command;
import dev.tower.ui.kit.Field;
import dev.tower.ui.kit.FieldRule;
import dev.tower.ui.kit.KeysetList;
import dev.tower.ui.kit.ScreenState;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ObservableList;

/**
 * The approvals queue: refunds above the limit waiting for a second admin, oldest first, with approve
 * and decline (each with a note). Your own requests are shown but cannot be decided by you; the
 * database refuses that too, whatever the role.
 */
public final class ApprovalsViewModel {
    public static final int PAGE_SIZE = 50;

    private final RefundService refunds;
    private final String login;
    private final ScreenState state;
    private final KeysetList<Void, RefundCursor, RefundRow> list;
    private final ObjectProperty<RefundRow> selected = new SimpleObjectProperty<>(this, "selected");
    private final Field note = new Field("Decision note", "", FieldRule.required("A note"), FieldRule.length("The note", 1, 2000));
    private final StringBinding whyNot;
    private final Command approve;
    private final Command decline;

    public ApprovalsViewModel(RefundService refunds, TaskExecutor executor, boolean canApprove, String login) {
        this.refunds = refunds;
        this.login = login;
        this.state = new ScreenState(executor);
        this.list = new KeysetList<>(state, "refunds awaiting approval", PAGE_SIZE, null,
                (filter, after, limit) -> refunds.awaitingApproval(after, limit), RefundCursor::after);
        whyNot = Bindings.createStringBinding(() -> {
            RefundRow r = selected.get();
            if (!canApprove) {
                return "Only admins approve refunds above the limit.";
            }
            if (r != null && r.requestedBy().equals(login)) {
                return "You asked for this refund, so another admin has to approve or decline it.";
            }
            return "";
        }, selected);
        BooleanBinding decidable = Bindings.createBooleanBinding(() -> selected.get() != null && whyNot.get().isEmpty()
                && note.isValid(), selected, whyNot, note.valid());
        SimpleBooleanProperty permitted = new SimpleBooleanProperty(canApprove);
        approve = Command.of(state.gate(), "Approve", permitted, decidable, state.busyFlag(), () -> decide(true));
        decline = Command.of(state.gate(), "Decline", permitted, decidable, state.busyFlag(), () -> decide(false));
    }

    public void load() {
        list.reload();
    }

    private void decide(boolean yes) {
        RefundRow r = selected.get();
        String text = note.value();
        state.run("change", (yes ? "Approving" : "Declining") + " the refund…", () -> refunds.decide(r.id(), yes, text),
                status -> {
                    note.setText("");
                    selected.set(null);
                    list.reload(); // first: starting it clears the screen's messages
                    state.notice((yes ? "Approved" : "Declined") + " the refund of " + r.amount() + " on " + r.orderNumber()
                            + (yes ? "; it goes to the payment service." : "."));
                });
    }

    public ScreenState state() { return state; }

    public KeysetList<Void, RefundCursor, RefundRow> list() { return list; }

    public ObservableList<RefundRow> rows() { return list.rows(); }

    public ObjectProperty<RefundRow> selectedProperty() { return selected; }

    public Field note() { return note; }

    /** Why the selected refund cannot be decided by you, or empty. */
    public StringBinding whyNotBinding() { return whyNot; }

    public Command approve() { return approve; }

    public Command decline() { return decline; }

    public String login() { return login; }
}
