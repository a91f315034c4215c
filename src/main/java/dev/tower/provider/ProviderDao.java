package dev.tower.provider;

import dev.tower.ui.kit.DocumentBytes;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The verification queue, the provider page and the decision functions (ops.*). */
@UseClasspathSqlLocator
public interface ProviderDao {
    @SqlQuery
    @RegisterConstructorMapper(QueueRow.class)
    List<QueueRow> queue(@BindMethods("f") QueueFilter filter, @Bind("afterAt") Instant afterAt,
                         @Bind("afterId") UUID afterId, @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(StatusCount.class)
    List<StatusCount> statusCounts();

    @SqlQuery
    long reverificationCount();

    @SqlQuery
    @RegisterConstructorMapper(ProviderDetails.class)
    Optional<ProviderDetails> details(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(ProviderDocument.class)
    List<ProviderDocument> documents(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(ScheduleDay.class)
    List<ScheduleDay> schedule(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(ProviderListing.class)
    List<ProviderListing> listings(@Bind("id") UUID id, @Bind("limit") int limit);

    @SqlQuery
    @RegisterConstructorMapper(PastDecision.class)
    List<PastDecision> decisions(@Bind("id") UUID id);

    @SqlQuery
    @RegisterConstructorMapper(DocumentBytes.class)
    Optional<DocumentBytes> documentFile(@Bind("id") UUID id, @Bind("maxBytes") long maxBytes);

    @SqlQuery
    @RegisterConstructorMapper(RequiredDocument.class)
    List<RequiredDocument> requiredDocuments();

    /** @return the document's reviewed_at */
    @SqlQuery
    Instant decideDocument(@Bind("id") UUID id, @Bind("decision") String decision, @Bind("reason") String reason);

    /** The provider decisions return the provider's new verification_version. */
    @SqlQuery
    int verify(@Bind("id") UUID id, @Bind("version") int version);

    @SqlQuery
    int reject(@Bind("id") UUID id, @Bind("version") int version, @Bind("reason") String reason);

    @SqlQuery
    int suspend(@Bind("id") UUID id, @Bind("version") int version, @Bind("reason") String reason);

    @SqlQuery
    int reinstate(@Bind("id") UUID id, @Bind("version") int version, @Bind("reason") String reason);

    @SqlQuery
    int bulkVerify(@Bind("ids") UUID[] ids);
}
