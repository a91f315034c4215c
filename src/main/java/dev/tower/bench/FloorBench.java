package dev.tower.bench;

import dev.tower.security.Role;

import java.util.List;
import java.util.UUID;

/**
 * The floor, measured in the same run over the same pool: a round trip that does nothing and a
 * primary-key read, so every other figure can be read as a multiple of them. Any staff role may.
 */
public final class FloorBench implements BenchOperations {
    @Override
    public List<BenchOperation> operations(BenchContext context) {
        String selectOne = BenchSql.of(FloorBench.class, "selectOne");
        String pkRead = BenchSql.of(FloorBench.class, "pkRead");
        UUID id = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(FloorBench.class, "newestBooking"))
                .mapTo(UUID.class).findOne().orElse(new UUID(0, 0)));
        return List.of(
                BenchOperation.of("floor.select_1", Role.OPS, null, BenchTarget.FLOOR,
                        s -> s.jdbi().withHandle(h -> h.createQuery(selectOne).mapTo(Integer.class).one())),
                BenchOperation.of("floor.pk_read", Role.OPS, null, BenchTarget.FLOOR,
                        s -> s.jdbi().withHandle(h -> h.createQuery(pkRead).bind("id", id).mapToMap().findOne())));
    }
}
