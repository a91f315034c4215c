package dev.tower.booking;

import dev.tower.error.AccessDeniedException;
import dev.tower.error.ConflictException;
import dev.tower.error.ValidationException;
import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.testing.TestSessions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The browser against brute-force answers on the small demo, keyset paging edge cases, and moves. */
class BookingServiceTest {
    private static TestDatabase db;
    private final TestRows rows = TestRows.in(db);

    @BeforeAll
    static void demo() {
        db = TestDatabase.withDemoData();
    }

    @Test
    void everyBookingOnceNewestFirstAcrossPages() throws Exception {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            List<UUID> walked = walk(new BookingService(ops.session()), BookingFilter.ANY, 97);
            List<UUID> brute = ids("SELECT id FROM bookings ORDER BY created_at DESC, id DESC");
            assertThat(brute).hasSizeGreaterThan(200);
            assertThat(walked).containsExactlyElementsOf(brute);
            assertThat(new BookingService(ops.session()).estimatedTotal()).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void equalTimestampsAreNeitherSkippedNorRepeated() throws Exception {
        TestRows.Chain chain = rows.chain("pending");
        for (int i = 0; i < 6; i++) {
            rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending");
        }
        rows.update("UPDATE bookings SET created_at = '2026-01-01T10:00:00Z' WHERE consumer_id = ?", chain.consumer());
        BookingFilter mine = new BookingFilter(null, null, null, null, null, null, null, chain.consumer(), null);
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            List<UUID> walked = walk(new BookingService(ops.session()), mine, 2);
            assertThat(walked).hasSize(7).doesNotHaveDuplicates()
                    .containsExactlyElementsOf(ids("SELECT id FROM bookings WHERE consumer_id = '" + chain.consumer()
                            + "' ORDER BY id DESC"));
        }
    }

    @Test
    void rowsInsertedWhilePagingDoNotShiftThePagesAfterTheCursor() throws Exception {
        TestRows.Chain chain = rows.chain("pending");
        for (int i = 0; i < 5; i++) {
            rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending");
        }
        rows.update("UPDATE bookings SET created_at = now() - interval '1 hour' WHERE consumer_id = ?", chain.consumer());
        List<UUID> before = ids("SELECT id FROM bookings WHERE consumer_id = '" + chain.consumer()
                + "' ORDER BY created_at DESC, id DESC");
        BookingFilter mine = new BookingFilter(null, null, null, null, null, null, null, chain.consumer(), null);
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingService service = new BookingService(ops.session());
            List<BookingRow> first = service.read(mine, null, 2);
            List<UUID> seen = new ArrayList<>(first.stream().map(BookingRow::id).toList());
            BookingCursor next = BookingCursor.after(first.getLast());
            // someone books meanwhile: one newer row and one at exactly the cursor's time
            rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending");
            UUID sameTime = rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending");
            rows.update("UPDATE bookings SET created_at = ? WHERE id = ?", next.at(), sameTime);
            while (next != null) {
                List<BookingRow> page = service.read(mine, next, 2);
                page.forEach(r -> seen.add(r.id()));
                next = page.size() < 2 ? null : BookingCursor.after(page.getLast());
            }
            assertThat(seen).doesNotHaveDuplicates().containsAll(before);
        }
    }

    @Test
    void everyFilterMatchesABruteForceAnswer() throws Exception {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingService service = new BookingService(ops.session());
            UUID area = UUID.fromString(one("SELECT service_area_id FROM bookings WHERE service_area_id IS NOT NULL LIMIT 1"));
            UUID provider = UUID.fromString(one("SELECT provider_id FROM bookings GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
            UUID customer = UUID.fromString(one("SELECT consumer_id FROM bookings GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"));
            String category = one("SELECT l.category FROM bookings b JOIN listings l ON l.id = b.listing_id LIMIT 1");
            Instant from = Instant.parse(one("SELECT to_char(percentile_disc(0.3) WITHIN GROUP (ORDER BY created_at) "
                    + "AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM bookings"));
            Instant to = Instant.parse(one("SELECT to_char(percentile_disc(0.6) WITHIN GROUP (ORDER BY created_at) "
                    + "AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM bookings"));
            String order = " ORDER BY b.created_at DESC, b.id DESC";

            check(service, new BookingFilter("cancelled", null, null, null, null, null, null, null, null),
                    "SELECT b.id FROM bookings b WHERE b.status = 'cancelled'" + order);
            check(service, new BookingFilter(null, "refunded", null, null, null, null, null, null, null),
                    "SELECT b.id FROM bookings b WHERE b.payment_status = 'refunded'" + order);
            check(service, new BookingFilter(null, null, from, to, null, null, null, null, null),
                    "SELECT b.id FROM bookings b WHERE b.created_at >= '" + from + "' AND b.created_at < '" + to + "'" + order);
            check(service, new BookingFilter(null, null, null, null, area, null, null, null, null),
                    "SELECT b.id FROM bookings b WHERE b.service_area_id = '" + area + "'" + order);
            check(service, new BookingFilter(null, null, null, null, null, category, null, null, null),
                    "SELECT b.id FROM bookings b JOIN listings l ON l.id = b.listing_id WHERE l.category = '" + category + "'" + order);
            check(service, new BookingFilter(null, null, null, null, null, null, provider, null, null),
                    "SELECT b.id FROM bookings b WHERE b.provider_id = '" + provider + "'" + order);
            check(service, new BookingFilter(null, null, null, null, null, null, null, customer, null),
                    "SELECT b.id FROM bookings b WHERE b.consumer_id = '" + customer + "'" + order);
            check(service, new BookingFilter("completed", null, null, null, area, category, null, null, null),
                    "SELECT b.id FROM bookings b JOIN listings l ON l.id = b.listing_id WHERE b.status = 'completed' "
                            + "AND b.service_area_id = '" + area + "' AND l.category = '" + category + "'" + order);
        }
    }

    @Test
    void searchMatchesAnOrOfIlikeOverEveryField() throws Exception {
        String orderNumber = one("SELECT order_number FROM bookings ORDER BY created_at DESC LIMIT 1");
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            BookingService service = new BookingService(ops.session());
            for (String term : searchTerms()) {
                List<UUID> walked = walk(service, BookingFilter.ANY.withSearch(term), 150);
                assertThat(walked).as("search %s", term).containsExactlyElementsOf(bruteSearch(term));
            }
            assertThat(walk(service, BookingFilter.ANY.withSearch(orderNumber), 10)).hasSize(1);
            assertThat(walk(service, BookingFilter.ANY.withSearch(orderNumber.toLowerCase().substring(0, 7)), 50))
                    .as("an order-number prefix").containsExactlyElementsOf(bruteSearch(orderNumber.substring(0, 7)));
        }
    }

    /**
     * The walk over a bounded window and the trigram index must give the same pages: with a window of one row
     * every page falls back to the index, with a window larger than the demo every page is walked.
     */
    @Test
    void theWalkAndTheTrigramIndexGiveTheSameAnswer() throws Exception {
        try (var ops = AdminSession.open("demo_ops", Role.OPS)) {
            for (String term : searchTerms()) {
                List<UUID> brute = bruteSearch(term);
                for (int window : List.of(1, 40, 1_000_000)) {
                    List<UUID> out = new ArrayList<>();
                    BookingCursor next = BookingCursor.FIRST;
                    BookingFilter filter = BookingFilter.ANY.withSearch(term);
                    while (next != null) {
                        BookingCursor at = next;
                        List<BookingRow> page = ops.session().jdbi().withExtension(BookingDao.class,
                                dao -> BookingSearch.read(dao, filter, at, 7, window));
                        page.forEach(r -> out.add(r.id()));
                        next = page.size() < 7 ? null : BookingCursor.after(page.getLast());
                    }
                    assertThat(out).as("search %s, window %d", term, window).containsExactlyElementsOf(brute);
                }
            }
        }
    }

    /** An order number, part of one, a common last name, a provider, a street, nothing, and LIKE's wildcards. */
    private static List<String> searchTerms() throws SQLException {
        String orderNumber = one("SELECT order_number FROM bookings ORDER BY created_at DESC LIMIT 1");
        String customer = one("SELECT split_part(p.full_name, ' ', 2) FROM bookings b JOIN profiles p ON p.id = b.consumer_id "
                + "WHERE p.full_name LIKE '% %' LIMIT 1");
        String provider = one("SELECT v.business_name FROM bookings b JOIN providers v ON v.id = b.provider_id "
                + "WHERE v.business_name IS NOT NULL LIMIT 1");
        String street = one("SELECT substr(dropoff_address, 3, 8) FROM bookings LIMIT 1");
        return List.of(orderNumber, orderNumber.substring(3), customer, provider.toUpperCase(), street,
                "zz-no-such-thing", "50%_off");
    }

    private static List<UUID> bruteSearch(String term) throws SQLException {
        return idsFor("""
                SELECT b.id FROM bookings b JOIN profiles c ON c.id = b.consumer_id
                JOIN providers v ON v.id = b.provider_id LEFT JOIN profiles pp ON pp.id = v.user_id
                WHERE strpos(lower(b.order_number), lower(?)) > 0 OR strpos(lower(b.dropoff_address), lower(?)) > 0
                   OR strpos(lower(coalesce(b.pickup_address, '')), lower(?)) > 0 OR strpos(lower(c.full_name), lower(?)) > 0
                   OR strpos(lower(coalesce(v.business_name, '')), lower(?)) > 0
                   OR strpos(lower(coalesce(pp.full_name, '')), lower(?)) > 0
                ORDER BY b.created_at DESC, b.id DESC""", term);
    }

    @Test
    void movesReturnTheNewVersionAndAStaleOneIsAConflict() {
        UUID booking = rows.chain("pending").booking();
        try (var ops = AdminSession.open("demo_ops", Role.OPS); var admin = AdminSession.open()) {
            BookingService service = new BookingService(ops.session());
            assertThat(service.legalNextStates("pending")).containsExactly("accepted", "cancelled");
            assertThat(service.legalNextStates("cancelled")).isEmpty();
            assertThat(service.cancelReasons()).extracting(CancelReason::code).contains("customer_request", "other");
            assertThat(service.move(booking, 1, BookingTransition.ACCEPT, null, null)).isEqualTo(2);
            assertThatThrownBy(() -> new BookingService(admin.session()).move(booking, 1, BookingTransition.CANCEL,
                    "duplicate", "twice"))
                    .isInstanceOf(ConflictException.class).hasMessageContaining("Olivia Ops moved it from pending to accepted");
            assertThatThrownBy(() -> service.move(booking, 2, BookingTransition.CANCEL, null, "no reason"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("Choose why the booking is cancelled");
            assertThat(service.move(booking, 2, BookingTransition.CANCEL, "duplicate", "Booked twice")).isEqualTo(3);
        }
    }

    @Test
    void theAnalystIsRefusedBeforeAnyRoundTrip() {
        BookingService analyst = new BookingService(TestSessions.offline(Role.ANALYST));
        assertThatThrownBy(() -> analyst.read(BookingFilter.ANY, null, 10)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> analyst.move(UUID.randomUUID(), 1, BookingTransition.ACCEPT, null, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> new BookingService(TestSessions.offline(Role.OPS)).read(BookingFilter.ANY, null, 0))
                .isInstanceOf(ValidationException.class);
    }

    private void check(BookingService service, BookingFilter filter, String bruteForce) throws SQLException {
        List<UUID> brute = ids(bruteForce);
        assertThat(brute).as("the demo has rows for %s", filter).isNotEmpty();
        assertThat(walk(service, filter, 60)).as("filter %s", filter).containsExactlyElementsOf(brute);
    }

    private static List<UUID> walk(BookingService service, BookingFilter filter, int size) {
        List<UUID> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        BookingCursor next = null;
        do {
            List<BookingRow> page = service.read(filter, next, size);
            for (BookingRow r : page) {
                assertThat(seen.add(r.id())).as("row %s repeated", r.orderNumber()).isTrue();
                out.add(r.id());
            }
            next = page.size() < size ? null : BookingCursor.after(page.getLast());
        } while (next != null);
        return out;
    }

    private static String one(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return SqlProbe.value(c, sql);
        }
    }

    private static List<UUID> ids(String sql) throws SQLException {
        try (Connection c = db.superuser().getConnection()) {
            return SqlProbe.column(c, sql).stream().map(UUID::fromString).toList();
        }
    }

    private static List<UUID> idsFor(String sql, String term) throws SQLException {
        try (Connection c = db.superuser().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= 6; i++) {
                ps.setString(i, term);
            }
            List<UUID> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getObject(1, UUID.class));
                }
            }
            return out;
        }
    }
}
