package dev.tower.analytics;

import dev.tower.analytics.AnalyticsRows.AreaChoice;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import dev.tower.ui.SyncTaskExecutor;
import dev.tower.ui.kit.Place;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics screen's filters, staleness, schedule and click-through, on the real database without a toolkit. */
class AnalyticsViewModelTest {
    @BeforeAll
    static void demoData() {
        TestDatabase.withDemoData();
    }

    @Test
    void theFiltersNarrowEveryDashboardAndABadPeriodIsRefusedInPlainWords() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            AnalyticsViewModel vm = model(analyst, Clock.systemUTC(), new ArrayList<>(), false);
            vm.open();
            Dashboards all = vm.dashboardsProperty().get();
            assertThat(all.daily()).isNotEmpty();
            long allBookings = all.daily().stream().mapToLong(AnalyticsRows.DailyPoint::bookings).sum();

            vm.categoryProperty().set("courier");
            vm.applyCommand().execute();
            Dashboards courier = vm.dashboardsProperty().get();
            assertThat(courier.filter().category()).isEqualTo("courier");
            assertThat(courier.categories()).extracting(AnalyticsRows.CategoryTotal::category).containsOnly("courier");
            long courierBookings = courier.daily().stream().mapToLong(AnalyticsRows.DailyPoint::bookings).sum();
            assertThat(courierBookings).isPositive().isLessThan(allBookings);

            long allSubmitted = all.funnel().stream().mapToLong(AnalyticsRows.FunnelRow::submitted).sum();
            long courierSubmitted = courier.funnel().stream().mapToLong(AnalyticsRows.FunnelRow::submitted).sum();
            assertThat(courierSubmitted).as("the funnel honours the category").isPositive().isLessThan(allSubmitted);
            assertThat(courier.topProviders()).as("top providers honour the category").isNotEmpty()
                    .isNotEqualTo(all.topProviders());
            long courierTopBookings = courier.topProviders().stream().mapToLong(AnalyticsRows.TopProvider::bookings).sum();
            assertThat(courierTopBookings).isLessThanOrEqualTo(courierBookings);

            AreaChoice downtown = vm.areas().stream().filter(a -> "Downtown Detroit".equals(a.name())).findFirst().orElseThrow();
            vm.areaProperty().set(downtown);
            vm.categoryProperty().set("");
            vm.applyCommand().execute();
            Dashboards inDowntown = vm.dashboardsProperty().get();
            assertThat(inDowntown.areas()).extracting(AnalyticsRows.AreaTotal::areaId).containsOnly(downtown.id());
            assertThat(inDowntown.funnel().stream().mapToLong(AnalyticsRows.FunnelRow::submitted).sum())
                    .as("the funnel honours the area").isPositive().isLessThan(allSubmitted);
            assertThat(inDowntown.topProviders()).as("top providers honour the area").isNotEmpty()
                    .isNotEqualTo(all.topProviders());
            assertThat(vm.ageProperty(DashboardKind.TOP_PROVIDERS).get()).as("age of the view it read")
                    .startsWith("Data as of");

            LocalDate last = vm.toDayProperty().get();
            vm.fromDayProperty().set(last.minusDays(6));
            vm.areaProperty().set(AnalyticsViewModel.ANY_AREA);
            vm.applyCommand().execute();
            assertThat(vm.dashboardsProperty().get().daily()).allSatisfy(p -> assertThat(p.day()).isBetween(last.minusDays(6), last));

            Dashboards shown = vm.dashboardsProperty().get();
            vm.fromDayProperty().set(last.plusDays(3));
            vm.load();
            assertThat(vm.state().error().text()).contains("The first day is after the last day");
            assertThat(vm.dashboardsProperty().get()).as("nothing changed").isSameAs(shown);
            vm.fromDayProperty().set(null);
            assertThat(vm.applyCommand().isExecutable()).isFalse();
        }
    }

    @Test
    void eachDashboardSaysHowOldItsDataIsAndTheScheduleRefreshesWhenDue() {
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            MutableClock clock = new MutableClock(Instant.now());
            AnalyticsViewModel vm = model(analyst, clock, new ArrayList<>(), false);
            vm.open();
            assertThat(vm.ageProperty(DashboardKind.REVENUE).get()).startsWith("Data as of");
            clock.now = clock.now.plusSeconds(3 * 3600);
            vm.tick();
            assertThat(vm.ageProperty(DashboardKind.REVENUE).get()).startsWith("Data as of 3 hours ago");

            vm.scheduleMinutesProperty().set(15);
            clock.now = clock.now.plusSeconds(14 * 60);
            vm.tick();
            assertThat(vm.ageProperty(DashboardKind.REVENUE).get()).as("not due yet").startsWith("Data as of 3 hours ago");
            clock.now = clock.now.plusSeconds(60);
            vm.tick(); // due: every view refreshed as demo_analyst, then the dashboards read again
            assertThat(vm.state().notice()).startsWith("Refreshed 7 views");
            assertThat(vm.freshness()).allSatisfy(f -> assertThat(f.refreshedBy()).isEqualTo("demo_analyst"));
        }
    }

    @Test
    void aClickOpensTheBookingsBrowserFilteredOnlyForRolesThatSeeBookings() {
        try (AdminSession admin = AdminSession.open()) {
            List<Place> opened = new ArrayList<>();
            AnalyticsViewModel vm = model(admin, Clock.systemUTC(), opened, true);
            vm.categoryProperty().set("courier");
            vm.open();
            Dashboards d = vm.dashboardsProperty().get();
            AnalyticsRows.DailyPoint day = d.daily().getFirst();
            vm.openBookings(DashboardKind.REVENUE, day);
            assertThat(opened).hasSize(1);
            assertThat(opened.getFirst().section()).isEqualTo("bookings");
            assertThat(opened.getFirst().queryParameters().orElseThrow())
                    .containsEntry("from", day.day().toString()).containsEntry("to", day.day().toString())
                    .containsEntry("category", "courier").doesNotContainKey("area");
            AnalyticsRows.TopProvider top = d.topProviders().getFirst();
            vm.openBookings(DashboardKind.TOP_PROVIDERS, top);
            assertThat(opened.get(1).queryParameters().orElseThrow())
                    .containsEntry("provider", top.providerId().toString())
                    .as("its numbers were counted within the category").containsEntry("category", "courier");
        }
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            List<Place> opened = new ArrayList<>();
            AnalyticsViewModel vm = model(analyst, Clock.systemUTC(), opened, false);
            vm.open();
            vm.openBookings(DashboardKind.REVENUE, vm.dashboardsProperty().get().daily().getFirst());
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void aFunnelStageOpensTheProviderQueueOnItsTabInTheAreaOnlyForRolesThatSeeProviders() {
        try (AdminSession admin = AdminSession.open()) {
            List<Place> opened = new ArrayList<>();
            AnalyticsViewModel vm = model(admin, Clock.systemUTC(), opened, true);
            vm.open();
            AreaChoice downtown = vm.areas().stream().filter(a -> "Downtown Detroit".equals(a.name())).findFirst().orElseThrow();
            vm.areaProperty().set(downtown);
            vm.applyCommand().execute();
            List<AnalyticsRows.FunnelStage> stages = AnalyticsRows.FunnelStage.of(vm.dashboardsProperty().get().funnel());
            assertThat(vm.mayOpen(DashboardKind.FUNNEL)).isTrue();
            vm.open(DashboardKind.FUNNEL, stages.get(1)); // Verified
            assertThat(opened).hasSize(1);
            assertThat(opened.getFirst().section()).isEqualTo("providers");
            assertThat(opened.getFirst().queryParameters().orElseThrow())
                    .containsOnly(org.assertj.core.api.Assertions.entry("status", "verified"),
                            org.assertj.core.api.Assertions.entry("area", "Downtown Detroit"));
            vm.open(DashboardKind.FUNNEL, stages.getFirst()); // Submitted is every status: no single tab
            assertThat(opened).hasSize(1);
            vm.open(DashboardKind.FUNNEL, stages.getLast()); // Waiting
            assertThat(opened.get(1).queryParameters().orElseThrow()).containsEntry("status", "pending");
        }
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            List<Place> opened = new ArrayList<>();
            AnalyticsViewModel vm = model(analyst, Clock.systemUTC(), opened, false);
            vm.open();
            assertThat(vm.mayOpen(DashboardKind.FUNNEL)).isFalse();
            vm.open(DashboardKind.FUNNEL, AnalyticsRows.FunnelStage.of(vm.dashboardsProperty().get().funnel()).get(1));
            assertThat(opened).isEmpty();
        }
    }

    @Test
    void theReplicaLineSaysWhereTheDataComesFromAndHowFarBehind() {
        assertThat(AnalyticsViewModel.describe(new AnalyticsRows.ReadStatus(false, "This computer (embedded)", null, null)))
                .isEqualTo("Reading from This computer (embedded)");
        assertThat(AnalyticsViewModel.describe(new AnalyticsRows.ReadStatus(true, "replica db2:5432", 0L, 0.0)))
                .isEqualTo("Reading from replica db2:5432, up to date with the primary");
        assertThat(AnalyticsViewModel.describe(new AnalyticsRows.ReadStatus(true, "replica db2:5432", 16384L, 2.5)))
                .isEqualTo("Reading from replica db2:5432, 2.5 s behind the primary (16,384 bytes to replay)");
    }

    private static AnalyticsViewModel model(AdminSession s, Clock clock, List<Place> opened, boolean mayOpenBookings) {
        AnalyticsService service = new AnalyticsService(s.session(), AnalyticsSource.primaryOnly(s.session()));
        return new AnalyticsViewModel(service, new SyncTaskExecutor(), clock, true, true, mayOpenBookings, mayOpenBookings,
                opened::add);
    }

    private static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override
        public Clock withZone(java.time.ZoneId zone) { return this; }

        @Override
        public Instant instant() { return now; }
    }
}
