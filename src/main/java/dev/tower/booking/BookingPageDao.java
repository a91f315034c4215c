package dev.tower.booking;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One booking's page; every query is by the booking's own index (no scans of payments or disputes). */
@UseClasspathSqlLocator
public interface BookingPageDao {
    @SqlQuery
    @RegisterConstructorMapper(BookingPage.class)
    Optional<BookingPage> booking(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(TimelineEvent.class)
    List<TimelineEvent> timeline(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(ThreadMessage.class)
    List<ThreadMessage> thread(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(BookingReview.class)
    List<BookingReview> reviews(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(CustomerContact.class)
    Optional<CustomerContact> contact(@Bind("id") UUID id);
}
