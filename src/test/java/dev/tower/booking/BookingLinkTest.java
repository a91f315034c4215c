package dev.tower.booking;

import dev.tower.error.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BookingLinkTest {
    @Test
    void aDashboardLinkBecomesTheBrowsersFilterWithBothDaysIncluded() {
        UUID area = UUID.randomUUID();
        BookingFilter f = BookingLink.filter(Map.of("from", "2026-03-01", "to", "2026-03-07", "area", area.toString(),
                "category", "courier"), ZoneOffset.UTC);
        assertThat(f.from()).hasToString("2026-03-01T00:00:00Z");
        assertThat(f.to()).hasToString("2026-03-08T00:00:00Z");
        assertThat(f.serviceAreaId()).isEqualTo(area);
        assertThat(f.category()).isEqualTo("courier");
    }

    @Test
    void anUnreadableLinkIsRefusedInPlainWordsNotWidened() {
        assertThatThrownBy(() -> BookingLink.filter(Map.of("from", "2026-02-30"), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class).hasMessageContaining("a day that does not exist");
        assertThatThrownBy(() -> BookingLink.filter(Map.of("provider", "x'; DROP"), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not an id");
        assertThatThrownBy(() -> BookingLink.filter(Map.of("from", "2026-03-09", "to", "2026-03-01"), ZoneOffset.UTC))
                .isInstanceOf(ValidationException.class).hasMessageContaining("start of the period is after its end");
    }
}
