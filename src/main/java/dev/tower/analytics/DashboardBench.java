package dev.tower.analytics;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchSql;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The analytics screen for {@code tower bench}: each dashboard's open over twelve months, read from its
 * materialized view as the analyst, beside the live aggregate of the raw tables (the naive way, as the
 * superuser, which no row-level security slows), unfiltered and again within the busiest service area
 * (".area") and within one category (".category"), since filtered dashboards read other rows or another
 * view; the whole screen's open, plain and filtered; each view's refresh through ops.refresh_analytics,
 * concurrent against plain; and the seed's provider_stats query as written against the rewritten view's refresh.
 */
public final class DashboardBench implements BenchOperations {
    /** The category the ".category" variants keep: the couriers', present in every demo market. */
    static final String BENCH_CATEGORY = "courier";

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        LocalDate to = LocalDate.now(AnalyticsFilter.MARKET_ZONE);
        AnalyticsFilter year = AnalyticsFilter.lastYear(to);
        Map<String, AnalyticsFilter> variants = new LinkedHashMap<>();
        variants.put("", year);
        busiestArea(context).ifPresent(area -> variants.put(".area",
                new AnalyticsFilter(year.from(), year.to(), area, null)));
        variants.put(".category", new AnalyticsFilter(year.from(), year.to(), null, BENCH_CATEGORY));
        List<BenchOperation> ops = new ArrayList<>();
        variants.forEach((suffix, f) -> {
            dashboard(ops, suffix, f, DashboardKind.REVENUE, "liveRevenue",
                    dao -> dao.dailySeries(f.from(), f.to(), f.areaId(), f.category()));
            dashboard(ops, suffix, f, DashboardKind.CATEGORIES, "liveCategories",
                    dao -> dao.byCategory(f.from(), f.to(), f.areaId(), f.category()));
            dashboard(ops, suffix, f, DashboardKind.AREAS, "liveAreas",
                    dao -> dao.byArea(f.from(), f.to(), f.areaId(), f.category()));
            dashboard(ops, suffix, f, DashboardKind.DISPUTES, "liveDisputes",
                    dao -> dao.weekly(f.from(), f.to(), f.areaId(), f.category()));
            dashboard(ops, suffix, f, DashboardKind.TOP_PROVIDERS, "liveTopProviders",
                    dao -> dao.bestProviders(f.from(), f.to(), f.areaId(), f.category(), AnalyticsService.TOP_PROVIDERS));
            dashboard(ops, suffix, f, DashboardKind.FUNNEL, "liveFunnel",
                    dao -> dao.funnel(f.from(), f.to(), f.areaId(), f.category()));
            ops.add(BenchOperation.of("analytics.screen.open" + suffix, Role.ANALYST, Permission.VIEW_ANALYTICS,
                    BenchTarget.DASHBOARD, s -> service(s).dashboards(f)));
        });

        List<String> views = service(context.session(Role.ANALYST)).viewNames();
        for (String view : views) {
            String name = "analytics.refresh." + view;
            ops.add(BenchOperation.of(name, Role.ANALYST, Permission.REFRESH_ANALYTICS, BenchTarget.CHECK,
                    s -> requireOk(service(s).refresh(view))).comparedWith(name + ".plain"));
            ops.add(BenchOperation.of(name + ".plain", Role.ANALYST, Permission.REFRESH_ANALYTICS, BenchTarget.BASELINE,
                    s -> requireOk(service(s).refreshBlocking(view))));
        }
        String seed = BenchSql.of(DashboardBench.class, "seedProviderStats");
        ops.add(BenchOperation.asSuperuser("analytics.refresh.provider_stats.seed_query",
                s -> s.jdbi().withHandle(h -> h.createQuery(seed).mapTo(Long.class).one())));
        return ops;
    }

    /** The area with the most bookings (read from the daily view), so ".area" is the heaviest area filter. */
    private static Optional<UUID> busiestArea(BenchContext context) {
        return context.superuser().withHandle(h -> h.createQuery(BenchSql.of(DashboardBench.class, "busiestArea"))
                .mapTo(UUID.class).findOne());
    }

    private static void dashboard(List<BenchOperation> ops, String suffix, AnalyticsFilter f, DashboardKind kind,
                                  String liveSql, Function<AnalyticsDao, List<?>> fromView) {
        String name = "analytics.dashboard." + kind.key() + suffix;
        String live = BenchSql.of(DashboardBench.class, liveSql);
        ops.add(BenchOperation.of(name, Role.ANALYST, Permission.VIEW_ANALYTICS, BenchTarget.DASHBOARD,
                s -> s.jdbi().withExtension(AnalyticsDao.class, fromView::apply)).comparedWith(name + ".live"));
        ops.add(BenchOperation.asSuperuser(name + ".live", s -> s.jdbi().withHandle(h -> h.createQuery(live)
                .bind("from", f.from()).bind("to", f.to()).bind("area", f.areaId()).bind("category", f.category())
                .mapToMap().list())));
    }

    private static AnalyticsService service(Session s) {
        return new AnalyticsService(s, AnalyticsSource.primaryOnly(s));
    }

    private static void requireOk(AnalyticsRows.RefreshOutcome outcome) {
        if (!outcome.ok()) {
            throw new IllegalStateException("Refreshing " + outcome.viewName() + " failed: " + outcome.error());
        }
    }
}
