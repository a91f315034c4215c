package dev.tower.staff;

import dev.tower.error.Retry;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Role;
import dev.tower.security.Session;
import org.postgresql.util.PasswordUtil;

import java.nio.CharBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Staff management (admin). Input is checked here first so people get the message before a round trip;
 * the ops.* functions check it all again, because a psql user skips this class.
 *
 * <p>Passwords are turned into a SCRAM-SHA-256 verifier here and the char arrays wiped: the clear text
 * never leaves this process, is never logged and never stored.
 */
public final class StaffService {
    /** Serialization failures and deadlocks are retried this many times in all (error/Retry). */
    static final int WRITE_ATTEMPTS = 3;
    private final Session session;

    public StaffService(Session session) {
        this.session = session;
    }

    public List<StaffMember> list() {
        AccessGuard.require(session, Permission.MANAGE_STAFF);
        return session.jdbi().withExtension(StaffDao.class, StaffDao::listStaff).stream()
                .map(r -> new StaffMember(r.login(), r.displayName(), Role.ofGroupRole(r.roleGroup()).orElseThrow(), r.disabled(),
                        r.canLogIn(), r.createdAt(), r.createdBy()))
                .toList();
    }

    public void create(String login, String displayName, Role role, char[] password) {
        AccessGuard.require(session, Permission.MANAGE_STAFF);
        try {
            String cleanLogin = checkLogin(login);
            refuseIf(StaffRules.nameProblem(displayName));
            requireRole(role);
            String verifier = verifier(cleanLogin, password);
            Retry.onConcurrentChange(WRITE_ATTEMPTS, () -> {
                session.jdbi().useExtension(StaffDao.class,
                        dao -> dao.createLogin(cleanLogin, displayName.strip(), role.groupRole(), verifier));
                return null;
            });
        } finally {
            wipe(password);
        }
    }

    public void changeRole(String login, Role role) {
        AccessGuard.require(session, Permission.MANAGE_STAFF);
        requireRole(role);
        if (session.login().equals(login)) {
            throw new ValidationException("staff.cannot_change_own_role",
                    "You cannot change your own role; ask another admin to do it.");
        }
        Retry.onConcurrentChange(WRITE_ATTEMPTS, () -> {
            session.jdbi().useExtension(StaffDao.class, dao -> dao.changeRole(login, role.groupRole()));
            return null;
        });
    }

    public void setDisabled(String login, boolean disabled) {
        AccessGuard.require(session, Permission.MANAGE_STAFF);
        if (disabled && session.login().equals(login)) {
            throw new ValidationException("staff.cannot_disable_self", "You cannot disable your own login.");
        }
        Retry.onConcurrentChange(WRITE_ATTEMPTS, () -> {
            session.jdbi().useExtension(StaffDao.class, dao -> dao.setDisabled(login, disabled));
            return null;
        });
    }

    public void resetPassword(String login, char[] password) {
        AccessGuard.require(session, Permission.MANAGE_STAFF);
        try {
            String verifier = verifier(login, password);
            Retry.onConcurrentChange(WRITE_ATTEMPTS, () -> {
                session.jdbi().useExtension(StaffDao.class, dao -> dao.resetPassword(login, verifier));
                return null;
            });
        } finally {
            wipe(password);
        }
    }

    static String checkLogin(String login) {
        refuseIf(StaffRules.loginProblem(login));
        return login.strip();
    }

    private static void requireRole(Role role) {
        if (role == null) {
            throw new ValidationException("staff.bad_role", "Choose a role: admin, ops or analyst.");
        }
    }

    private static String verifier(String login, char[] password) {
        refuseIf(StaffRules.passwordProblem(login, password == null ? null : CharBuffer.wrap(password)));
        return PasswordUtil.encodeScramSha256(password);
    }

    private static void refuseIf(Optional<ValidationException> problem) {
        if (problem.isPresent()) {
            throw problem.get();
        }
    }

    private static void wipe(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
