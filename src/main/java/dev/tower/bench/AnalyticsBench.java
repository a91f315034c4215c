package dev.tower.bench;

import dev.tower.security.Permission;
import dev.tower.security.Role;

import java.util.List;

/**
 * Baselines of issue 8, item 4 that belong to no screen yet: the materialized view against the live
 * aggregate it stores, REFRESH ... CONCURRENTLY against a plain refresh (as the superuser until the
 * analytics feature has its refresh function), and indexed listing search against ILIKE '%term%'.
 */
public final class AnalyticsBench implements BenchOperations {
    @Override
    public List<BenchOperation> operations(BenchContext context) {
        String top = BenchSql.of(AnalyticsBench.class, "statsTop");
        String live = "SELECT * FROM (" + SeedQueries.forJdbi("000_provider_stats_query.sql")
                + ") s ORDER BY s.jobs_last_30_days DESC, s.id LIMIT 20";
        String concurrently = BenchSql.of(AnalyticsBench.class, "refreshConcurrently");
        String plain = BenchSql.of(AnalyticsBench.class, "refreshPlain");
        String indexed = BenchSql.of(AnalyticsBench.class, "searchIndexed");
        String ilike = BenchSql.of(AnalyticsBench.class, "searchIlike");
        String word = SeedQueryBench.fixtures(context).word();
        return List.of(
                BenchOperation.of("analytics.provider_stats_top", Role.ANALYST, Permission.VIEW_ANALYTICS,
                                BenchTarget.DASHBOARD, s -> s.jdbi().withHandle(h -> h.createQuery(top).mapToMap().list()))
                        .comparedWith("analytics.provider_stats_top.live"),
                BenchOperation.of("analytics.provider_stats_top.live", Role.ANALYST, Permission.VIEW_ANALYTICS,
                        BenchTarget.BASELINE, s -> s.jdbi().withHandle(h -> h.createQuery(live).mapToMap().list())),
                BenchOperation.asSuperuser("analytics.refresh_concurrently",
                        s -> s.jdbi().useHandle(h -> h.execute(concurrently))).comparedWith("analytics.refresh_plain"),
                BenchOperation.asSuperuser("analytics.refresh_plain", s -> s.jdbi().useHandle(h -> h.execute(plain))),
                BenchOperation.of("listings.search", Role.OPS, Permission.VIEW_PROVIDERS, BenchTarget.SEARCH,
                                s -> s.jdbi().withHandle(h -> h.createQuery(indexed).bind("term", word).mapToMap().list()))
                        .comparedWith("listings.search.ilike"),
                BenchOperation.of("listings.search.ilike", Role.OPS, Permission.VIEW_PROVIDERS, BenchTarget.BASELINE,
                        s -> s.jdbi().withHandle(h -> h.createQuery(ilike).bind("term", word).mapToMap().list())));
    }
}
