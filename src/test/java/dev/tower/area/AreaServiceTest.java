package dev.tower.area;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.ConflictException;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.testing.TestAreas;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The area service over the real database: counts, the demand layer, refusals and conflicts. */
class AreaServiceTest {
    @AfterAll
    static void removeTestAreas() {
        TestAreas.removeStartingWith("Svc ");
    }

    private final TestRows rows = TestRows.in(TestDatabase.get());

    @Test
    void listCountsProvidersRecentDropoffsInsideAndOverlaps() {
        try (var admin = AdminSession.open()) {
            AreaService service = new AreaService(admin.session());
            // far from Detroit (the equator at 10°E), so no other test's bookings fall inside
            UUID big = service.create(new AreaDraft("Svc Lagoon", new BigDecimal("0.10"), new BigDecimal("10.00"), 10)).id();
            UUID small = service.create(new AreaDraft("Svc Reef", new BigDecimal("0.15"), new BigDecimal("10.05"), 2)).id();
            service.create(new AreaDraft("Svc Far Isle", new BigDecimal("5.00"), new BigDecimal("15.00"), 3));
            rows.provider("Vera Verified", true, "Svc Lagoon");
            rows.provider("Ulla Unverified", false, "Svc Lagoon", "Svc Reef");
            dropoff(0.10, 10.00, "1 day");    // inside Lagoon
            dropoff(0.15, 10.05, "2 days");   // inside both
            dropoff(0.10, 10.00, "40 days");  // too old
            dropoff(1.50, 10.00, "3 days");   // outside every area

            List<ServiceArea> list = service.list();
            ServiceArea lagoon = list.stream().filter(a -> a.id().equals(big)).findFirst().orElseThrow();
            ServiceArea reef = list.stream().filter(a -> a.id().equals(small)).findFirst().orElseThrow();
            assertThat(lagoon.providersVerified()).isEqualTo(1);
            assertThat(lagoon.providersAll()).isEqualTo(2);
            assertThat(lagoon.recentDropoffs()).isEqualTo(2);
            assertThat(lagoon.overlaps()).containsExactly("Svc Reef");
            assertThat(reef.providersAll()).isEqualTo(1);
            assertThat(reef.recentDropoffs()).isEqualTo(1);
            assertThat(reef.overlaps()).containsExactly("Svc Lagoon");
            assertThat(list.stream().filter(a -> a.name().equals("Downtown Detroit")).findFirst().orElseThrow().overlaps())
                    .contains("Corktown", "Midtown Detroit");

            List<DemandCell> cells = service.demand(0.01, 0.01);
            DemandCell outside = cells.stream().filter(c -> Math.abs(c.lat() - 1.505) < 1e-9 && Math.abs(c.lng() - 10.005) < 1e-9)
                    .findFirst().orElseThrow();
            assertThat(outside.dropoffs()).isEqualTo(1);
            assertThat(outside.outside()).isEqualTo(1);
            DemandCell inside = cells.stream().filter(c -> Math.abs(c.lat() - 0.105) < 1e-9 && Math.abs(c.lng() - 10.005) < 1e-9)
                    .findFirst().orElseThrow();
            assertThat(inside.dropoffs()).isEqualTo(1);
            assertThat(inside.outside()).isZero();
        }
    }

    @Test
    void opsReadButCannotChangeAndAStaleVersionIsAConflict() {
        try (var admin = AdminSession.open(); var ops = AdminSession.open("demo_ops", Role.OPS)) {
            AreaService asAdmin = new AreaService(admin.session());
            AreaService asOps = new AreaService(ops.session());
            UUID id = asAdmin.create(new AreaDraft("Svc Stale", new BigDecimal("-10"), new BigDecimal("20"), 3)).id();
            assertThat(asOps.list()).extracting(ServiceArea::name).contains("Svc Stale");
            assertThatThrownBy(() -> asOps.edit(id, 1, new AreaDraft("Svc Ops", BigDecimal.ONE, BigDecimal.ONE, 1)))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> asOps.deactivate(id, 1, true)).isInstanceOf(AccessDeniedException.class);

            assertThat(asAdmin.edit(id, 1, new AreaDraft("Svc Stale", new BigDecimal("-10"), new BigDecimal("20"), 4))).isEqualTo(2);
            assertThatThrownBy(() -> asAdmin.edit(id, 1, new AreaDraft("Svc Stale", new BigDecimal("-10"), new BigDecimal("20"), 9)))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining("demo_admin changed the area \"Svc Stale\"");
            assertThatThrownBy(() -> asAdmin.create(new AreaDraft("svc stale", BigDecimal.ONE, BigDecimal.ONE, 1)))
                    .isInstanceOf(ValidationException.class)
                    .extracting(e -> ((ValidationException) e).code()).isEqualTo("area.name_taken");
        }
    }

    private void dropoff(double lat, double lng, String ago) {
        TestRows.Chain chain = rows.chain("completed");
        rows.update("UPDATE bookings SET dropoff_lat = ?, dropoff_lng = ?, created_at = now() - ?::interval WHERE id = ?",
                lat, lng, ago, chain.booking());
    }
}
