package dev.tower.connection;

import java.util.Optional;

/**
 * Where a profile's password may be kept instead of asking for it each time: the desktop keyring, or
 * nowhere. Never a file of Tower's. An interface so the sign-in screen can be tested without a session bus.
 */
public interface SavedPasswords {
    boolean available();

    Optional<char[]> lookup(ConnectionProfile profile);

    /** @return whether the keyring took it */
    boolean store(ConnectionProfile profile, char[] password);

    /** The desktop keyring (Secret Service) when this desktop has one. */
    static SavedPasswords desktopKeyring() {
        return new SavedPasswords() {
            @Override
            public boolean available() { return Keyring.available(); }

            @Override
            public Optional<char[]> lookup(ConnectionProfile profile) { return Keyring.lookup(profile); }

            @Override
            public boolean store(ConnectionProfile profile, char[] password) { return Keyring.store(profile, password); }
        };
    }
}
