package dev.tower.bench;

import dev.tower.demo.DemoScale;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** How the app's start-up rows are made from launches, without launching anything (no timing asserted). */
class AppStartupBenchTest {
    private final List<String> notes = new ArrayList<>();

    @Test
    void pairedLaunchesWithAndWithoutTheArchiveMakeFourRowsWithTheLaunchTargetAndBaselines() {
        AtomicInteger with = new AtomicInteger();
        AtomicInteger without = new AtomicInteger();
        List<BenchResult> rows = AppStartupBench.measure(launcher(Optional.empty(), archive -> {
            (archive ? with : without).incrementAndGet();
            return archive ? new AppStartupBench.Launch(1_000_000, 2_000_000) : new AppStartupBench.Launch(3_000_000, 8_000_000);
        }), "jdbc:postgresql://localhost/tower", options(null, 30), notes::add, r -> {});

        assertThat(with).as("one warm-up, then the timed ones").hasValue(1 + AppStartupBench.MAX_LAUNCHES);
        assertThat(without).hasValue(AppStartupBench.MAX_LAUNCHES);
        assertThat(rows).extracting(BenchResult::name).containsExactly(AppStartupBench.LAUNCH,
                AppStartupBench.LAUNCH_NO_ARCHIVE, AppStartupBench.FIRST_SCREEN, AppStartupBench.FIRST_SCREEN_NO_ARCHIVE);
        assertThat(rows.getFirst().targetMs()).hasValue(1500);
        assertThat(rows.getFirst().p50Ms()).isEqualTo(1.0);
        assertThat(rows.get(1).p50Ms()).isEqualTo(3.0);
        assertThat(rows.get(2).p50Ms()).isEqualTo(2.0);
        assertThat(rows.get(3).p50Ms()).isEqualTo(8.0);
        assertThat(notes).singleElement().asString().contains("--smoke-sign-in").contains("with and without")
                .contains("the test's archive");
    }

    @Test
    void aConsoleThatCannotStartHereIsANoteNotARow() {
        List<BenchResult> rows = AppStartupBench.measure(launcher(Optional.of("no display"), archive -> {
            throw new AssertionError("must not launch");
        }), "url", options(null, 2), notes::add, r -> {});

        assertThat(rows).isEmpty();
        assertThat(notes).singleElement().asString().contains("not measured: no display");
    }

    @Test
    void aLaunchThatFailsMarksBothRowsFailed() {
        List<BenchResult> rows = AppStartupBench.measure(launcher(Optional.empty(), archive -> {
            throw new IllegalStateException("the console exited 1");
        }), "url", options(null, 2), notes::add, r -> {});

        assertThat(rows).hasSize(4).allSatisfy(r -> assertThat(r.error()).isEqualTo("the console exited 1"));
    }

    @Test
    void onlyLaunchesWhenThePatternAsksForTheAppRows() {
        AppStartupBench.Launcher never = launcher(Optional.empty(), archive -> {
            throw new AssertionError("must not launch");
        });
        assertThat(AppStartupBench.measure(never, "url", options("audit", 2), notes::add, r -> {})).isEmpty();
        assertThat(AppStartupBench.measure(null, "url", options(null, 2), notes::add, r -> {})).isEmpty();
        assertThat(AppStartupBench.measure(launcher(Optional.empty(), archive -> new AppStartupBench.Launch(1, 1)),
                "url", options("app\\.launch", 2), notes::add, r -> {})).hasSize(4);
    }

    private static Bench.Options options(String only, int repeat) {
        return new Bench.Options(DemoScale.SMALL, Path.of("unused"), Path.of("unused"), only, repeat);
    }

    private interface LaunchBody {
        AppStartupBench.Launch launch(boolean withArchive) throws Exception;
    }

    private static AppStartupBench.Launcher launcher(Optional<String> unavailable, LaunchBody body) {
        return new AppStartupBench.Launcher() {
            @Override
            public Optional<String> unavailable() {
                return unavailable;
            }

            @Override
            public AppStartupBench.Launch launch(String jdbcUrl, Path home, boolean withArchive) throws Exception {
                return body.launch(withArchive);
            }

            @Override
            public String archiveKind() {
                return "the test's archive";
            }
        };
    }
}
