package dev.tower.booking;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.UUID;

/** Saved booking views: read under the table's row policy, written only through the ops functions. */
@UseClasspathSqlLocator
public interface SavedViewDao {
    @SqlQuery
    @RegisterConstructorMapper(SavedView.class)
    List<SavedView> visible();

    @SqlQuery
    UUID save(@Bind("name") String name, @BindMethods("f") BookingFilter filter, @Bind("shared") boolean shared);

    @SqlQuery
    String delete(@Bind("id") UUID id);
}
