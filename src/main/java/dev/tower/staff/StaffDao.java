package dev.tower.staff;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.time.Instant;
import java.util.List;

/** Staff logins: read from staff_members and pg_roles, changed only through the ops.* staff functions. */
@UseClasspathSqlLocator
public interface StaffDao {
    record Row(String login, String displayName, String roleGroup, boolean disabled, boolean canLogIn,
               Instant createdAt, String createdBy) {}

    @SqlQuery
    @RegisterConstructorMapper(Row.class)
    List<Row> listStaff();

    @SqlQuery
    String createLogin(@Bind("login") String login, @Bind("displayName") String displayName,
                       @Bind("roleGroup") String roleGroup, @Bind("verifier") String passwordVerifier);

    @SqlQuery
    String changeRole(@Bind("login") String login, @Bind("roleGroup") String roleGroup);

    @SqlQuery
    String setDisabled(@Bind("login") String login, @Bind("disabled") boolean disabled);

    @SqlQuery
    String resetPassword(@Bind("login") String login, @Bind("verifier") String passwordVerifier);
}
