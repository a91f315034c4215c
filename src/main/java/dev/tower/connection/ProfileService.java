package dev.tower.connection;

import dev.tower.error.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The saved connection profiles as the sign-in screen uses them: list, save (new or edited), delete, and
 * the profile's password from the keyring. Local files only, no session: plain synchronous Java, called
 * off the FX thread like every service.
 */
public final class ProfileService {
    private final ProfileStore store;
    private final SavedPasswords passwords;

    public ProfileService(ProfileStore store, SavedPasswords passwords) {
        this.store = Objects.requireNonNull(store);
        this.passwords = Objects.requireNonNull(passwords);
    }

    public List<ConnectionProfile> list() {
        return store.load();
    }

    /**
     * Saves {@code profile} in place of the one named {@code replacing} (null or unknown: a new one, last).
     *
     * @return the profiles as now saved
     */
    public List<ConnectionProfile> save(String replacing, ConnectionProfile profile) {
        return save(replacing, profile, new char[0]);
    }

    /**
     * Saves as {@link #save(String, ConnectionProfile)} does, and first hands {@code keyringPassword} (when
     * not empty) to the keyring: after the name is checked, so a refused profile leaves nothing anywhere, and
     * before the file, so a keyring that says no leaves the profiles as they were.
     */
    public List<ConnectionProfile> save(String replacing, ConnectionProfile profile, char[] keyringPassword) {
        List<ConnectionProfile> all = new ArrayList<>(store.load());
        for (ConnectionProfile other : all) {
            if (other.name().equalsIgnoreCase(profile.name()) && !other.name().equals(replacing)) {
                throw new ValidationException("profile.name",
                        "There is already a profile named " + other.name() + ": give this one another name.");
            }
        }
        if (keyringPassword.length > 0) {
            keepPassword(profile, keyringPassword);
        }
        int at = replacing == null ? -1 : indexOf(all, replacing);
        if (at < 0) {
            all.add(profile);
        } else {
            all.set(at, profile);
        }
        store.save(all);
        return List.copyOf(all);
    }

    /** @return the profiles as now saved */
    public List<ConnectionProfile> delete(String name) {
        List<ConnectionProfile> all = new ArrayList<>(store.load());
        int at = indexOf(all, name);
        if (at < 0) {
            throw new ValidationException("profile.name", "There is no saved profile named " + name + ".");
        }
        all.remove(at);
        store.save(all);
        return List.copyOf(all);
    }

    public boolean keyringAvailable() {
        return passwords.available();
    }

    /** The password the keyring keeps for this profile, when it keeps one. */
    public Optional<char[]> savedPassword(ConnectionProfile profile) {
        return passwords.lookup(profile);
    }

    /** Hands the password to the keyring; refuses in plain words when there is none or it says no. */
    public void keepPassword(ConnectionProfile profile, char[] password) {
        if (!passwords.store(profile, password)) {
            throw new ValidationException("profile.keyring", "The desktop keyring did not take the password;"
                    + " Tower will ask for it at each sign-in.");
        }
    }

    private static int indexOf(List<ConnectionProfile> all, String name) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
