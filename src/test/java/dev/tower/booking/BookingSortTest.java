package dev.tower.booking;

import dev.tower.security.Role;
import dev.tower.testing.AdminSession;
import dev.tower.testing.SqlProbe;
import dev.tower.testing.TestDatabase;
import dev.tower.testing.TestRows;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every sort order, paged two rows at a time across equal times, against the database's own ORDER BY. */
class BookingSortTest {
    private final TestDatabase db = TestDatabase.get();
    private final TestRows rows = TestRows.in(db);

    @Test
    void eachSortPagesByKeysetWithoutSkippingOrRepeatingEqualTimes() throws Exception {
        TestRows.Chain chain = rows.chain("pending");
        for (int i = 0; i < 6; i++) {
            rows.booking(chain.consumer(), chain.provider(), chain.listing(), "pending");
        }
        // three scheduled times, three created times, each shared by several bookings
        rows.update("""
                UPDATE bookings SET scheduled_at = date_trunc('hour', now()) + (abs(hashtext(id::text)) % 3) * interval '1 hour',
                                    created_at = date_trunc('hour', now()) - (abs(hashtext(id::text)) % 3) * interval '1 day'
                WHERE consumer_id = ?""", chain.consumer());
        try (var ops = AdminSession.open("demo_ops", Role.OPS); Connection su = db.superuser().getConnection()) {
            BookingService service = new BookingService(ops.session());
            for (BookingSort sort : BookingSort.values()) {
                List<String> expected = SqlProbe.column(su, "SELECT id::text FROM bookings WHERE consumer_id = '"
                        + chain.consumer() + "' ORDER BY " + sort.column() + " " + sort.direction() + ", id " + sort.direction());
                BookingFilter byCustomer = BookingFilter.ofCustomer(chain.consumer()).withSort(sort);
                assertThat(walk(service, byCustomer, sort)).as(sort.name()).isEqualTo(expected);
                assertThat(walk(service, byCustomer.withSearch("Casey"), sort)).as(sort + " with a search").isEqualTo(expected);
            }

            // the ViewModel's sort control reaches the query, and "load more" keeps the order
            BookingsViewModel vm = new BookingsViewModel(service, ops.session(), new SyncTaskExecutor(), 2);
            vm.showCustomer(chain.consumer(), "Casey Consumer");
            vm.filters().sortProperty().set(BookingSort.EARLIEST_SCHEDULED);
            vm.filtersChanged();
            while (vm.list().hasMore()) {
                vm.list().loadMore();
            }
            assertThat(vm.list().rows()).extracting(r -> r.id().toString()).isEqualTo(SqlProbe.column(su,
                    "SELECT id::text FROM bookings WHERE consumer_id = '" + chain.consumer() + "' ORDER BY scheduled_at, id"));
        }
    }

    private static List<String> walk(BookingService service, BookingFilter filter, BookingSort sort) {
        List<String> seen = new ArrayList<>();
        BookingCursor next = null;
        while (true) {
            List<BookingRow> page = service.read(filter, next, 2);
            page.forEach(r -> seen.add(r.id().toString()));
            if (page.size() < 2) {
                return seen;
            }
            next = BookingCursor.after(page.getLast(), sort);
        }
    }
}
