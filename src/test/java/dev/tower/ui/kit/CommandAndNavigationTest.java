package dev.tower.ui.kit;

import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CommandAndNavigationTest {
    @Test
    void commandIsExecutableOnlyWhenPermittedValidAndIdle() {
        SimpleBooleanProperty permitted = new SimpleBooleanProperty(true);
        SimpleBooleanProperty valid = new SimpleBooleanProperty(false);
        SimpleBooleanProperty busy = new SimpleBooleanProperty(false);
        AtomicInteger runs = new AtomicInteger();
        Command save = Command.of(new dev.tower.ui.WriteGate(), "Save", permitted, valid, busy, runs::incrementAndGet);

        assertThat(save.isExecutable()).isFalse();
        assertThat(save.execute()).isFalse();
        valid.set(true);
        assertThat(save.isExecutable()).isTrue();
        busy.set(true);
        assertThat(save.isExecutable()).isFalse();
        busy.set(false);
        permitted.set(false);
        assertThat(save.isExecutable()).isFalse();
        permitted.set(true);
        assertThat(save.execute()).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void navigationGoesToARecordAndBack() {
        Navigator nav = new Navigator(Place.section("staff"));
        assertThat(nav.canGoBack().get()).isFalse();
        nav.goTo(Place.of("bookings", 123));
        nav.goTo(Place.of("bookings", 123));
        nav.goTo(Place.section("audit"));

        assertThat(nav.back()).isTrue();
        assertThat(nav.current()).isEqualTo(new Place("bookings", "123"));
        assertThat(nav.current().record()).contains("123");
        assertThat(nav.back()).isTrue();
        assertThat(nav.current()).isEqualTo(Place.section("staff"));
        assertThat(nav.back()).isFalse();
    }

    @Test
    void confirmationRunsOnlyWhenAnsweredAndTypedWordMatches() {
        Confirmations confirmations = new Confirmations();
        AtomicInteger runs = new AtomicInteger();
        confirmations.ask(Confirmation.typed("Disable demo_ops?", "They can no longer sign in.", "Disable",
                "demo_ops", runs::incrementAndGet));

        assertThat(confirmations.pending().needsTyping()).isTrue();
        assertThat(confirmations.confirm("demo")).isFalse();
        assertThat(runs).hasValue(0);
        assertThat(confirmations.confirm("demo_ops")).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(confirmations.pending()).isNull();

        confirmations.ask(Confirmation.ask("Enable?", "They can sign in again.", "Enable", runs::incrementAndGet));
        confirmations.dismiss();
        assertThat(confirmations.confirm()).isFalse();
        assertThat(runs).hasValue(1);
    }
}
