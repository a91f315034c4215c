package dev.tower.booking;

import java.util.List;

/**
 * How one page of a search is read (V66's search document), so that a rare term and a common one are both
 * fast and the newest matches come first.
 *
 * <p>A common term (a frequent last name, a street) matches thousands of bookings: fetching and sorting all
 * of them before the first page is what made V31's union of per-field searches slow, while walking the
 * newest-first index and matching each row's document fills a page within a few hundred rows. A rare term
 * is the other way round: the walk would read the whole table, the trigram index finds its few rows at once.
 * The planner cannot tell the two apart for staff (row-level security withholds the column statistics from
 * LIKE, which is not leakproof, so every term gets the same default estimate); so the walk goes first over a
 * bounded window of {@link #WINDOW} rows, and only when that window holds less than a page does the trigram
 * index answer. A window holding a page's worth holds exactly the first matches, since it is the list's own
 * order from the cursor on. An order number ({@code SM-} and four or more digits) is read as a range of the
 * unique order-number index (see {@link BookingFilter#orderNumberBelow}).
 */
final class BookingSearch {
    /** Rows the walk reads at most: a term in more than one booking in {@value} / page fills a page there. */
    static final int WINDOW = 4000;

    /** The rows walked: the next WINDOW bookings in the list's order after the cursor, an index range. */
    private static final String WINDOW_SOURCE = """
            (SELECT * FROM bookings w
             WHERE (CAST(:c.at AS timestamptz) IS NULL OR (w.%1$s, w.id) %3$s (:c.at, :c.id))
             ORDER BY w.%1$s %2$s, w.id %2$s
             LIMIT :window)""";
    private static final String DOCUMENT_MATCH = "b.search_document LIKE lower(:pattern)";
    private static final String ORDER_NUMBER_MATCH =
            "b.order_number >= :f.orderNumberFrom AND b.order_number < :f.orderNumberBelow AND b.order_number LIKE :pattern";

    private BookingSearch() {}

    /** Up to {@code limit} bookings matching {@code f}'s search (not null), after {@code c} in {@code f}'s order. */
    static List<BookingRow> read(BookingDao dao, BookingFilter f, BookingCursor c, int limit) {
        return read(dao, f, c, limit, WINDOW);
    }

    /** With a walk of at most {@code window} rows (tests take both ways on a small demo). */
    static List<BookingRow> read(BookingDao dao, BookingFilter f, BookingCursor c, int limit, int window) {
        BookingSort s = f.sort();
        String prefix = f.orderNumberPrefix();
        if (prefix != null) {
            return dao.searchPage(f, prefix, 0, "bookings", ORDER_NUMBER_MATCH, c, limit, s.column(), s.direction(),
                    s.after());
        }
        String windowSource = WINDOW_SOURCE.formatted(s.column(), s.direction(), s.after());
        List<BookingRow> walked = dao.searchPage(f, f.searchPattern(), window, windowSource, DOCUMENT_MATCH, c, limit,
                s.column(), s.direction(), s.after());
        if (walked.size() >= limit) {
            return walked;
        }
        return dao.searchPage(f, f.searchPattern(), 0, "bookings", DOCUMENT_MATCH, c, limit, s.column(), s.direction(),
                s.after());
    }
}
