package dev.tower.dispute;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The disputes queue (keyset on due time, id), one dispute, and the guarded dispute functions. */
@UseClasspathSqlLocator
public interface DisputeDao {
    @SqlQuery
    @RegisterConstructorMapper(DisputeRow.class)
    List<DisputeRow> queue(@BindMethods("f") DisputeFilter filter, @BindMethods("c") DisputeCursor after,
                           @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(DisputeDetail.class)
    Optional<DisputeDetail> detail(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(Choice.class)
    List<Choice> reasons();

    @SqlQuery
    @RegisterConstructorMapper(Choice.class)
    List<Choice> assignees();

    @SqlQuery
    @RegisterConstructorMapper(AreaChoice.class)
    List<AreaChoice> areas();

    /** @return who it is assigned to now (null: released) */
    @SqlQuery
    String assign(@Bind("id") UUID id, @Bind("assignee") String assignee);

    @SqlQuery
    UUID open(@Bind("booking") UUID booking, @Bind("version") int version, @Bind("reasonCode") String reasonCode,
              @Bind("note") String note);

    @SqlQuery
    @RegisterConstructorMapper(ResolutionOutcome.class)
    ResolutionOutcome resolve(@Bind("id") UUID id, @Bind("resolution") String resolution, @Bind("amount") String amount,
                              @Bind("reasonCode") String reasonCode, @Bind("note") String note, @Bind("key") String key);

    @SqlQuery
    @RegisterConstructorMapper(BookingRef.class)
    Optional<BookingRef> bookingByOrderNumber(@Bind("orderNumber") String orderNumber);

    @SqlQuery
    @RegisterConstructorMapper(ProviderDocumentSummary.class)
    List<ProviderDocumentSummary> providerDocuments(@Bind("booking") UUID booking);
}
