package dev.tower.connection;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A keyring in memory, for tests: what a desktop's Secret Service would keep, and whether it says yes. */
public final class MemoryKeyring implements SavedPasswords {
    private final Map<String, String> secrets = new HashMap<>();
    private boolean accepts = true;

    public MemoryKeyring refusing() {
        accepts = false;
        return this;
    }

    @Override
    public boolean available() { return true; }

    @Override
    public Optional<char[]> lookup(ConnectionProfile profile) {
        return Optional.ofNullable(secrets.get(profile.secretKey())).map(String::toCharArray);
    }

    @Override
    public boolean store(ConnectionProfile profile, char[] password) {
        if (accepts) {
            secrets.put(profile.secretKey(), new String(password));
        }
        return accepts;
    }

    public Map<String, String> secrets() { return Map.copyOf(secrets); }
}
