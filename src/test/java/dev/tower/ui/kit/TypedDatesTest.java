package dev.tower.ui.kit;

import dev.tower.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TypedDatesTest {
    @Test
    void readsTheUsualFormsAndRefusesTheRest() {
        assertThat(TypedDates.parse("From", "2026-11-20")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(TypedDates.parse("From", "20/11/2026")).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(TypedDates.parse("From", " 1.2.2026 ")).isEqualTo(LocalDate.of(2026, 2, 1));
        assertThat(TypedDates.parse("From", "")).isNull();
        assertThatThrownBy(() -> TypedDates.parse("From", "32/13/2026")).isInstanceOf(ValidationException.class)
                .hasMessageContaining("From: \"32/13/2026\" is not a date. Type it like 2026-11-20");
        assertThatThrownBy(() -> TypedDates.parse("To", "2026-02-30")).isInstanceOf(ValidationException.class);
    }
}
