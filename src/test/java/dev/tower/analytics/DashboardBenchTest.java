package dev.tower.analytics;

import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchSessions;
import dev.tower.db.ConnectionSettings;
import dev.tower.db.EmbeddedDatabase;
import dev.tower.demo.DemoScale;
import dev.tower.testing.AdminSession;
import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * The analytics rows of {@code tower bench}: every dashboard is measured unfiltered and filtered (area,
 * category), each beside its live aggregate with the same filter, and each row runs on the small demo
 * market as its role. No timing is asserted.
 */
class DashboardBenchTest {
    @Test
    void everyDashboardHasFilteredVariantsBesideTheirLiveAggregatesAndEachRuns() {
        TestDatabase db = TestDatabase.withDemoData();
        try (BenchSessions sessions = new BenchSessions(DemoScale.SMALL, new ConnectionSettings(db.jdbcUrl(),
                EmbeddedDatabase.SUPERUSER, db.superuserPassword().toCharArray()),
                (url, role) -> AdminSession.open("demo_" + role.name().toLowerCase(), role).session())) {
            List<BenchOperation> ops = new DashboardBench().operations(sessions);
            Map<String, BenchOperation> byName = ops.stream()
                    .collect(Collectors.toMap(BenchOperation::name, Function.identity()));
            for (DashboardKind kind : DashboardKind.values()) {
                for (String suffix : List.of("", ".area", ".category")) {
                    String name = "analytics.dashboard." + kind.key() + suffix;
                    assertThat(byName).as(name).containsKey(name);
                    assertThat(byName.get(name).baseline()).isEqualTo(name + ".live");
                    assertThat(byName).containsKey(name + ".live");
                }
            }
            assertThat(byName).containsKeys("analytics.screen.open", "analytics.screen.open.area",
                    "analytics.screen.open.category", "analytics.refresh.analytics_provider_running_totals");
            for (BenchOperation op : ops) {
                assertThatCode(() -> op.run(sessions.sessionFor(op))).as(op.name()).doesNotThrowAnyException();
            }
        }
    }
}
