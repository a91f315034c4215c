package dev.tower.signin;

import com.zaxxer.hikari.HikariDataSource;
import dev.tower.db.ConnectionSettings;
import dev.tower.db.DataSources;
import dev.tower.db.JdbiFactory;
import dev.tower.error.ErrorClassifier;
import dev.tower.error.SignInRefusedException;
import dev.tower.error.SignInRefusedException.Reason;
import dev.tower.error.TowerException;
import dev.tower.error.ValidationException;
import dev.tower.schema.SchemaCompatibility;
import dev.tower.security.Role;
import dev.tower.security.SchemaStanding;
import dev.tower.security.Session;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Signs a staff member in with their own PostgreSQL login: opens their connection pool, asks the
 * database which Tower group the login belongs to (admin wins over ops over analyst), and reads
 * their display name. The only service that runs without a session, so it has no permission check.
 */
public final class SignInService implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(SignInService.class);
    private static final String[] GROUP_ROLES = Arrays.stream(Role.values()).map(Role::groupRole).toArray(String[]::new);

    @Override
    public Session signIn(SignInRequest request) {
        if (request.login().isEmpty()) {
            throw new ValidationException("login_missing", "Enter your login.");
        }
        String jdbcUrl = DatabaseAddress.normalise(request.databaseAddress());
        String target = DatabaseAddress.target(jdbcUrl);
        String label = request.embedded() ? DatabaseAddress.EMBEDDED_LABEL : DatabaseAddress.describe(jdbcUrl);
        HikariDataSource pool = openPool(jdbcUrl, request, target, false);
        try {
            Jdbi jdbi = JdbiFactory.create(pool);
            Role role = roleOf(jdbi, request.login());
            String displayName = displayNameOf(jdbi, request.login());
            SchemaStanding schema = SchemaCompatibility.check(jdbi);
            if (!schema.writable() && role != Role.ADMIN) {
                // the schema does not match this build: the server refuses every write, not just the UI
                pool.close();
                pool = openPool(jdbcUrl, request, target, true);
                jdbi = JdbiFactory.create(pool);
            }
            LOG.info("{} signed in as {} to {} (schema {})", request.login(), role, label, schema.state());
            HikariDataSource opened = pool;
            return new Session(request.login(), displayName, role, label, opened, jdbi, opened::close, schema);
        } catch (RuntimeException e) {
            pool.close();
            throw withLogin(ErrorClassifier.classify(e, target), request.login());
        }
    }

    private static HikariDataSource openPool(String jdbcUrl, SignInRequest request, String target, boolean readOnly) {
        ConnectionSettings settings = new ConnectionSettings(jdbcUrl, request.login(), request.password());
        try {
            return DataSources.staffPool(settings, "tower-" + request.login(), readOnly);
        } catch (RuntimeException e) {
            throw withLogin(ErrorClassifier.classify(e, target), request.login());
        }
    }

    private static Role roleOf(Jdbi jdbi, String login) {
        return jdbi.withExtension(SignInDao.class, dao -> {
            if (dao.sessionUserIsSuperuser()) {
                throw new SignInRefusedException(Reason.SUPERUSER, login, null);
            }
            if (dao.sessionStartsAsAnotherRole()) {
                throw new SignInRefusedException(Reason.DEFAULT_ROLE_CHANGED, login, null);
            }
            List<String> groups = dao.groupsOfSessionUser(GROUP_ROLES);
            return Arrays.stream(Role.values())
                    .filter(role -> groups.contains(role.groupRole()))
                    .findFirst()
                    .orElseThrow(() -> new SignInRefusedException(Reason.UNKNOWN_ROLE, login, null));
        });
    }

    /** Display name from staff_members; the login itself where there is no row or no such table. */
    private static String displayNameOf(Jdbi jdbi, String login) {
        Optional<SignInDao.StaffRecord> staff;
        try {
            staff = jdbi.withExtension(SignInDao.class, SignInDao::staffRecordOfSessionUser);
        } catch (StatementException e) {
            if (!isMissingTableOrGrant(e)) {
                throw e;
            }
            LOG.info("No readable staff_members table; {} is shown by login ({})", login, e.getMessage());
            staff = Optional.empty();
        }
        if (staff.isPresent() && staff.get().disabled()) {
            throw new SignInRefusedException(Reason.LOGIN_DISABLED, login, null);
        }
        return staff.map(SignInDao.StaffRecord::displayName).filter(n -> !n.isBlank()).orElse(login);
    }

    private static boolean isMissingTableOrGrant(StatementException e) {
        return e.getCause() instanceof SQLException sql
                && ("42P01".equals(sql.getSQLState()) || "42501".equals(sql.getSQLState()));
    }

    /** The classifier does not know who was signing in; the unknown-role message names the login. */
    private static TowerException withLogin(TowerException e, String login) {
        if (e instanceof SignInRefusedException refused && refused.login() == null) {
            return new SignInRefusedException(refused.reason(), login, refused.getCause());
        }
        return e;
    }
}
