package dev.tower.refund;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.UUID;

/** Refunds: the approvals queue, a booking's refunds, and the guarded refund functions. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(RefundRow.class)
public interface RefundDao {
    @SqlQuery
    List<RefundRow> awaiting(@BindMethods("c") RefundCursor after, @Bind("limit") int limit);

    @SqlQuery
    List<RefundRow> ofBooking(@Bind("booking") UUID booking);

    @SqlQuery
    @RegisterConstructorMapper(IssuedRefund.class)
    IssuedRefund issue(@Bind("booking") UUID booking, @Bind("amount") String amount, @Bind("reasonCode") String reasonCode,
                       @Bind("note") String note, @Bind("key") String key);

    /** @return issued or rejected */
    @SqlQuery
    String decide(@Bind("id") UUID id, @Bind("approve") boolean approve, @Bind("note") String note);

    /** @return the attempt number now requested */
    @SqlQuery
    int retry(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(RefundReason.class)
    List<RefundReason> reasons();
}
