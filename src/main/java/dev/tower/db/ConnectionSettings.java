package dev.tower.db;

import java.util.Objects;

/** Where to connect and as whom. The password is held only as long as the pool that needs it. */
public record ConnectionSettings(String jdbcUrl, String login, char[] password) {
    public ConnectionSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(login, "login");
        password = password == null ? new char[0] : password.clone();
    }

    @Override
    public String toString() {
        return "ConnectionSettings[" + jdbcUrl + " as " + login + "]";
    }
}
