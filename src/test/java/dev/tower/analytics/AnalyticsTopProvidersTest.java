package dev.tower.analytics;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast top-providers query (each month's best, then only their months) agrees with summing everyone. */
class AnalyticsTopProvidersTest {
    @BeforeAll
    static void demoData() {
        TestDatabase.withDemoData();
    }

    @Test
    void theCandidateListIsExactAndMatchesTheFullSum() {
        LocalDate today = LocalDate.now(AnalyticsFilter.MARKET_ZONE);
        try (AdminSession analyst = AdminSession.open("demo_analyst", Role.ANALYST)) {
            for (LocalDate from : new LocalDate[] {today.minusYears(1), today.minusMonths(3), today.minusDays(20)}) {
                var exact = analyst.session().jdbi().withExtension(AnalyticsDao.class,
                        dao -> dao.topProvidersExact(from, today, AnalyticsService.TOP_PROVIDERS));
                var ranked = analyst.session().jdbi().withExtension(AnalyticsDao.class,
                        dao -> dao.topProviders(from, today, AnalyticsService.TOP_PROVIDERS));
                var best = analyst.session().jdbi().withExtension(AnalyticsDao.class,
                        dao -> dao.bestProviders(from, today, null, null, AnalyticsService.TOP_PROVIDERS));
                assertThat(exact).as("providers from %s", from).isNotEmpty();
                assertThat(ranked).allMatch(AnalyticsDao.RankedProvider::exact);
                assertThat(best).isEqualTo(exact);
            }
        }
    }
}
