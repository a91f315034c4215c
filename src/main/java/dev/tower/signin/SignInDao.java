package dev.tower.signin;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

import java.util.List;
import java.util.Optional;

/** What the database says about the login that just connected (always {@code session_user}). */
@UseClasspathSqlLocator
public interface SignInDao {
    /** Which of the given group roles the login is a member of, directly or through other roles. */
    @SqlQuery
    List<String> groupsOfSessionUser(@Bind("groups") String[] groups);

    @SqlQuery
    boolean sessionUserIsSuperuser();

    /** The login's sessions start as another role ({@code ALTER ROLE self SET role ...}). */
    @SqlQuery
    boolean sessionStartsAsAnotherRole();

    @SqlQuery
    @RegisterConstructorMapper(StaffRecord.class)
    Optional<StaffRecord> staffRecordOfSessionUser();

    /** The login's row in {@code staff_members}. */
    record StaffRecord(String displayName, boolean disabled) {}
}
