package dev.tower.booking;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.AllowUnusedBindings;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.customizer.Define;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.UUID;

/** Bookings in a {@link BookingSort} order, keyset-paged on (sort time, id), and the guarded transition functions. */
@UseClasspathSqlLocator
public interface BookingDao {
    /** @param c where the previous page ended; a cursor with null fields for the first page */
    @SqlQuery
    @RegisterConstructorMapper(BookingRow.class)
    List<BookingRow> page(@BindMethods("f") BookingFilter filter, @BindMethods("c") BookingCursor cursor,
                          @Bind("limit") int limit, @Define("sortColumn") String sortColumn,
                          @Define("direction") String direction, @Define("after") String after);

    /**
     * Like {@link #page} but only bookings matching the search: {@code source} and {@code match} are
     * {@link BookingSearch}'s constants (the walk's window, the trigram index, or the order-number prefix);
     * only the walk's source uses {@code window}.
     */
    @SqlQuery
    @AllowUnusedBindings
    @RegisterConstructorMapper(BookingRow.class)
    List<BookingRow> searchPage(@BindMethods("f") BookingFilter filter, @Bind("pattern") String pattern,
                                @Bind("window") int window, @Define("source") String source,
                                @Define("match") String match,
                                @BindMethods("c") BookingCursor cursor, @Bind("limit") int limit,
                                @Define("sortColumn") String sortColumn, @Define("direction") String direction,
                                @Define("after") String after);

    /** The planner's row estimate for the whole table (no count(*) over a million rows). */
    @SqlQuery
    long estimateAll();

    @SqlQuery
    @RegisterConstructorMapper(ServiceAreaChoice.class)
    List<ServiceAreaChoice> serviceAreas();

    @SqlQuery
    int version(@Bind("id") UUID id);

    @SqlQuery
    List<String> legalNextStates(@Bind("status") String status);

    @SqlQuery
    @RegisterConstructorMapper(CancelReason.class)
    List<CancelReason> cancelReasons();

    @SqlQuery
    int accept(@Bind("id") UUID id, @Bind("version") int version, @Bind("note") String note);

    @SqlQuery
    int start(@Bind("id") UUID id, @Bind("version") int version, @Bind("note") String note);

    @SqlQuery
    int complete(@Bind("id") UUID id, @Bind("version") int version, @Bind("note") String note);

    @SqlQuery
    int cancel(@Bind("id") UUID id, @Bind("version") int version, @Bind("reason") String reasonCode,
               @Bind("note") String note);

    @SqlQuery
    int markDisputed(@Bind("id") UUID id, @Bind("version") int version, @Bind("note") String note);
}
