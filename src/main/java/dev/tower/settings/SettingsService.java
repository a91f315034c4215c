package dev.tower.settings;

import dev.tower.error.Retry;
import dev.tower.error.ValidationException;
import dev.tower.security.AccessGuard;
import dev.tower.security.Permission;
import dev.tower.security.Session;

import java.time.Instant;
import java.util.List;

/** System settings editor (admin): typed values, optimistic concurrency, audited by the database. */
public final class SettingsService {
    /** Serialization failures and deadlocks are retried this many times in all (error/Retry). */
    static final int WRITE_ATTEMPTS = 3;
    private final Session session;

    public SettingsService(Session session) {
        this.session = session;
    }

    public List<SystemSetting> list() {
        AccessGuard.require(session, Permission.MANAGE_SETTINGS);
        return session.jdbi().withExtension(SettingsDao.class, SettingsDao::listSettings).stream()
                .flatMap(r -> SettingKind.ofKey(r.configKey()).stream()
                        .map(kind -> new SystemSetting(kind, r.value(), r.description(), r.updatedAt())))
                .toList();
    }

    /**
     * @param expectedUpdatedAt when the value shown to the admin was read; the change is refused if
     *                          someone else changed it since
     * @return when it was updated (pass it to the next call)
     */
    public Instant update(SettingKind kind, String value, Instant expectedUpdatedAt) {
        AccessGuard.require(session, Permission.MANAGE_SETTINGS);
        if (kind == null) {
            throw new ValidationException("settings.unknown_key", "Choose which setting to change.");
        }
        String normalised = kind.normalise(value);
        return Retry.onConcurrentChange(WRITE_ATTEMPTS, () -> session.jdbi().withExtension(SettingsDao.class,
                dao -> dao.set(kind.key(), normalised, expectedUpdatedAt))).updatedAt();
    }
}
