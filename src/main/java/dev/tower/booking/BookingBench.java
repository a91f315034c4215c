package dev.tower.booking;

import dev.tower.bench.BenchContext;
import dev.tower.bench.BenchOperation;
import dev.tower.bench.BenchOperations;
import dev.tower.bench.BenchSql;
import dev.tower.bench.BenchTarget;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The bookings browser, booking page and transitions for {@code tower bench}, as ops: first page, a deep
 * keyset page against OFFSET, each filter, the search against one OR of ILIKE, the page open, and each
 * move. Moves run inside a transaction that is rolled back, so the demo data stays as it was.
 */
public final class BookingBench implements BenchOperations {
    private static final int PAGE = 60;

    record Fixtures(long deepOffset, OffsetDateTime deepCreatedAt, UUID deepId, UUID areaId, UUID providerId,
                    UUID customerId, String searchWord, String rareWord, String deepOrderNumber, UUID pendingId,
                    UUID acceptedId, UUID inProgressId, UUID completedId) {}

    @Override
    public List<BenchOperation> operations(BenchContext context) {
        Fixtures f = context.superuser().withHandle(h -> h.createQuery(BenchSql.of(BookingBench.class, "fixtures"))
                .map((rs, ctx) -> new Fixtures(rs.getLong(1), rs.getObject(2, OffsetDateTime.class),
                        rs.getObject(3, UUID.class), rs.getObject(4, UUID.class), rs.getObject(5, UUID.class),
                        rs.getObject(6, UUID.class), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getObject(10, UUID.class), rs.getObject(11, UUID.class), rs.getObject(12, UUID.class),
                        rs.getObject(13, UUID.class)))
                .one());
        if (f.deepId() == null) {
            context.note("Bookings: no bookings in this database; nothing to measure.");
            return List.of();
        }
        Instant weekAgo = f.deepCreatedAt().toInstant().minus(7, ChronoUnit.DAYS);
        String offsetPage = BenchSql.of(BookingBench.class, "offsetPage");
        String ilike = BenchSql.of(BookingBench.class, "ilikeSearch");
        List<BenchOperation> ops = new ArrayList<>(List.of(
                list("bookings.first_page", BookingFilter.ANY, null),
                list("bookings.deep_page", BookingFilter.ANY, new BookingCursor(f.deepCreatedAt(), f.deepId()))
                        .comparedWith("bookings.deep_page.offset"),
                BenchOperation.of("bookings.deep_page.offset", Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.BASELINE,
                        s -> s.jdbi().withHandle(h -> h.createQuery(offsetPage).bind("offset", f.deepOffset())
                                .bind("limit", PAGE + 1).mapToMap().list())),
                list("bookings.filter.status", BookingFilter.ANY.withStatus("disputed"), null),
                list("bookings.filter.payment_status", filter(null, "refunded", null, null, null, null, null), null),
                list("bookings.filter.period", filter(null, null, weekAgo, f.deepCreatedAt().toInstant(), null, null, null), null),
                list("bookings.filter.service_area", filter(null, null, null, null, f.areaId(), null, null), null),
                list("bookings.filter.category", new BookingFilter(null, null, null, null, null, "courier", null, null, null), null),
                list("bookings.filter.provider", filter(null, null, null, null, null, f.providerId(), null), null),
                list("bookings.filter.customer", filter(null, null, null, null, null, null, f.customerId()), null),
                BenchOperation.of("bookings.page_open", Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.DASHBOARD,
                        s -> new BookingPageService(s).open(f.deepId()))));
        ops.addAll(search("bookings.search", f.searchWord(), ilike));
        ops.addAll(search("bookings.search.rare", f.rareWord(), ilike));
        ops.addAll(search("bookings.search.order_number", f.deepOrderNumber(), ilike));
        move(ops, "bookings.move.accept", f.pendingId(), BookingTransition.ACCEPT);
        move(ops, "bookings.move.start", f.acceptedId(), BookingTransition.START);
        move(ops, "bookings.move.complete", f.inProgressId(), BookingTransition.COMPLETE);
        move(ops, "bookings.move.cancel", f.acceptedId(), BookingTransition.CANCEL);
        move(ops, "bookings.move.dispute", f.completedId(), BookingTransition.DISPUTE);
        return ops;
    }

    /**
     * The search for {@code term} as the console runs it, against one OR of ILIKE over every field: a common
     * term (a last name), a rare one (a street address) and an order number each, since the fast way differs.
     */
    private static List<BenchOperation> search(String name, String term, String ilike) {
        BookingFilter search = BookingFilter.ANY.withSearch(term);
        return List.of(
                BenchOperation.of(name, Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.SEARCH,
                        s -> new BookingService(s).read(search, null, PAGE + 1)).comparedWith(name + ".ilike"),
                BenchOperation.of(name + ".ilike", Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.BASELINE,
                        s -> s.jdbi().withHandle(h -> h.createQuery(ilike).bind("pattern", search.searchPattern())
                                .bind("limit", PAGE + 1).mapToMap().list())));
    }

    private static BookingFilter filter(String status, String payment, Instant from, Instant to, UUID area,
                                        UUID provider, UUID customer) {
        return new BookingFilter(status, payment, from, to, area, null, provider, customer, null);
    }

    private static BenchOperation list(String name, BookingFilter filter, BookingCursor after) {
        return BenchOperation.of(name, Role.OPS, Permission.VIEW_BOOKINGS, BenchTarget.LIST_PAGE,
                s -> new BookingService(s).read(filter, after, PAGE + 1));
    }

    /** One move through its guarded function, rolled back: the same booking and version every time. */
    private static void move(List<BenchOperation> ops, String name, UUID booking, BookingTransition move) {
        if (booking == null) {
            return;
        }
        ops.add(BenchOperation.of(name, Role.OPS, Permission.CHANGE_BOOKING_STATUS, BenchTarget.MUTATION,
                s -> rolledBack(s, booking, move)));
    }

    private static void rolledBack(Session s, UUID booking, BookingTransition move) {
        s.jdbi().useHandle(h -> {
            h.begin();
            try {
                BookingDao dao = h.attach(BookingDao.class);
                int version = dao.version(booking);
                switch (move) {
                    case ACCEPT -> dao.accept(booking, version, null);
                    case START -> dao.start(booking, version, null);
                    case COMPLETE -> dao.complete(booking, version, null);
                    case CANCEL -> dao.cancel(booking, version, "other", "Benchmark, rolled back");
                    case DISPUTE -> dao.markDisputed(booking, version, "Benchmark, rolled back");
                }
            } finally {
                h.rollback();
            }
        });
    }
}
