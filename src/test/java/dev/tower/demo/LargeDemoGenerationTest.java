package dev.tower.demo;

import dev.tower.testing.TestDatabase;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The LARGE scale, run by hand (minutes, not part of the build):
 * <pre>
 * mvn -q -B -Dtower.build.dir=target-demo test -Dtest=LargeDemoGenerationTest -Dtower.demo.large=true \
 *     -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * It generates into the test JVM's own fresh embedded cluster and prints the time it took.
 */
@Tag("large")
@EnabledIfSystemProperty(named = "tower.demo.large", matches = "true")
class LargeDemoGenerationTest {
    private static final Logger LOG = LoggerFactory.getLogger(LargeDemoGenerationTest.class);

    @Test
    void largeScaleLoadsAndKeepsTheInvariants() throws Exception {
        TestDatabase db = TestDatabase.get();
        java.util.List<String> migratedSchema = SchemaFingerprint.of(db.superuser());
        DemoReport report = new DemoDataGenerator(db.superuser()).generate(DemoScale.LARGE);
        LOG.info("LARGE took {} s: {}", report.took().toMillis() / 1000.0, report.rowCounts());
        LOG.info("LARGE time per group (ms): {}", report.groupTimes());
        assertThat(SchemaFingerprint.of(db.superuser())).containsExactlyElementsOf(migratedSchema);

        assertThat(report.rows("bookings")).isGreaterThanOrEqualTo(1_000_000);
        assertThat(report.rows("providers")).isGreaterThanOrEqualTo(100_000);
        assertThat(report.rows("messages")).isGreaterThanOrEqualTo(3_000_000);
        assertThat(report.rows("profiles")).isGreaterThanOrEqualTo(400_000);
        assertThat(report.rows("document_files")).isLessThanOrEqualTo(5L * DemoScale.LARGE.documentPool());

        long t0 = System.nanoTime();
        assertThat(DemoInvariants.broken(db.superuser())).isEmpty();
        LOG.info("LARGE invariants checked in {} s", (System.nanoTime() - t0) / 1_000_000_000.0);
    }
}
