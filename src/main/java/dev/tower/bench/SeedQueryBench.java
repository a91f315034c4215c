package dev.tower.bench;

import dev.tower.security.Permission;
import dev.tower.security.Role;
import org.jdbi.v3.core.statement.Query;

import java.sql.Types;
import java.util.List;
import java.util.UUID;

/**
 * The seeds' own example queries (nearby providers, a consumer's booking history, listing search), run
 * unchanged as the role that reads them in the console: ops for bookings and listings, admins for
 * providers (the nearby query selects {@code p.*}, bank and tax details included, which ops may not read).
 */
public final class SeedQueryBench implements BenchOperations {
    static final String NEARBY = "000_find_nearby_providers.sql";
    static final String HISTORY = "000_consumer_booking_history.sql";
    static final String SEARCH = "000_search_listings_with_filters.sql";

    record Fixtures(UUID consumer, String category, String word) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        Fixtures f = fixtures(context);
        String nearby = SeedQueries.forJdbi(NEARBY);
        String history = SeedQueries.forJdbi(HISTORY);
        String search = SeedQueries.forJdbi(SEARCH);
        return List.of(
                BenchOperation.of("seed.nearby_providers", Role.ADMIN, Permission.VIEW_PROVIDERS, BenchTarget.SEARCH,
                        s -> s.jdbi().withHandle(h -> h.createQuery(nearby).mapToMap().list())),
                BenchOperation.of("seed.booking_history", Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.LIST_PAGE,
                        s -> s.jdbi().withHandle(h -> untyped(h.createQuery(history), f.consumer().toString())
                                .mapToMap().list())),
                BenchOperation.of("seed.listing_search", Role.OPS, Permission.VIEW_PROVIDERS, BenchTarget.SEARCH,
                        s -> s.jdbi().withHandle(h -> untyped(h.createQuery(search), f.word(), f.category(), "0")
                                .mapToMap().list())));
    }

    static Fixtures fixtures(BenchContext context) {
        return context.superuser().withHandle(h -> h.createQuery(BenchSql.of(SeedQueryBench.class, "fixtures"))
                .map((rs, ctx) -> new Fixtures(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3)))
                .findOne().orElseThrow(() -> new IllegalStateException("The bench database has no active listing.")));
    }

    /** Binds p1, p2... as untyped text, as psql's PREPARE without types would take them. */
    static Query untyped(Query query, String... values) {
        for (int i = 0; i < values.length; i++) {
            query.bindBySqlType("p" + (i + 1), values[i], Types.OTHER);
        }
        return query;
    }
}
