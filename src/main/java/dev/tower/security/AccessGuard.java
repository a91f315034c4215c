package dev.tower.security;

import dev.tower.error.AccessDeniedException;

/** The check every service method starts with. The database repeats it; this one fails first and politely. */
public final class AccessGuard {
    private AccessGuard() {}

    public static void require(Session session, Permission permission) {
        if (session == null) {
            throw new IllegalStateException("No signed-in session for " + permission);
        }
        if (!session.has(permission)) {
            throw new AccessDeniedException(permission.description(), session.role().label());
        }
    }
}
