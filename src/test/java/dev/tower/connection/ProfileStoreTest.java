package dev.tower.connection;

import dev.tower.error.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 14, profiles: a round trip keeps every field and writes no password anywhere in Tower's folder. */
class ProfileStoreTest {
    @TempDir
    Path home;

    @Test
    void aProfileRoundTripKeepsEveryFieldAndNoPasswordLandsOnDisk() throws Exception {
        String password = "Sup3r-secret-pw-" + System.nanoTime();
        ConnectionProfile own = new ConnectionProfile("Production", "db.example.com", 5433, "market", "alice",
                ConnectionProfile.TlsMode.VERIFY_FULL, "/home/alice/ca.pem", "replica.example.com");
        ConnectionProfile supa = ConnectionProfile.supabase("Supabase", "aws-0-eu-central-1.pooler.supabase.com", "postgres.abcd");
        ProfileStore store = new ProfileStore(home.resolve("profiles.properties"));
        store.save(List.of(own, supa));
        // the keyring is used only when there is one; here (no session bus) it refuses and nothing is written
        boolean kept = Keyring.store(own, password.toCharArray());
        assertThat(kept).isEqualTo(Keyring.available() && Keyring.lookup(own).isPresent());

        assertThat(store.load()).containsExactly(own, supa);
        assertThat(supa.tls()).isEqualTo(ConnectionProfile.TlsMode.REQUIRE);
        assertThat(supa.port()).isEqualTo(5432);
        assertThat(ConnectionProfile.SUPABASE_POOLER_NOTE).contains("6543").contains("5432");
        assertThat(own.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example.com:5433/market?sslmode=verify-full"
                + "&sslrootcert=/home/alice/ca.pem").doesNotContain("password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("profiles.properties"))))
                .isEqualTo("rw-------");
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password).doesNotContainIgnoringCase("password=");
            }
        }
    }

    @Test
    void badProfilesAreRefusedInPlainWords() {
        assertThatThrownBy(() -> new ConnectionProfile("", "h", 5432, "d", "u", null, null, null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new ConnectionProfile("x", "h", 0, "d", "u", null, null, null))
                .hasMessageContaining("port is a number");
        assertThatThrownBy(() -> new ConnectionProfile("x", "h; rm -rf", 5432, "d", "u", null, null, null))
                .hasMessageContaining("host");
        assertThatThrownBy(() -> new ConnectionProfile("x", "h", 5432, "d?ssl=off", "u", null, null, null))
                .hasMessageContaining("database name");
    }

    @Test
    void aPasswordKeptFromTheSignInScreenGoesToTheKeyringAndNeverToDisk() throws Exception {
        String password = "Kept-in-keyring-" + System.nanoTime();
        MemoryKeyring keyring = new MemoryKeyring();
        ProfileService service = new ProfileService(new ProfileStore(home.resolve("profiles.properties")), keyring);
        ConnectionProfile own = ConnectionProfile.fromInput("Production", "db.example.com", "5433", "market", "alice",
                ConnectionProfile.TlsMode.VERIFY_FULL, "", "");
        service.save(null, own, password.toCharArray());
        ConnectionProfile renamed = ConnectionProfile.fromInput("Prod", "db.example.com", "5433", "market", "alice",
                ConnectionProfile.TlsMode.VERIFY_FULL, "", "");
        service.save("Production", renamed);

        assertThat(service.list()).containsExactly(renamed);
        assertThat(service.savedPassword(renamed)).as("the keyring finds it by address, not by name")
                .hasValueSatisfying(pw -> assertThat(new String(pw)).isEqualTo(password));
        try (var files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password).doesNotContainIgnoringCase("password=");
            }
        }
        assertThatThrownBy(() -> ConnectionProfile.fromInput("x", "h", "port", "d", "u", null, "", ""))
                .hasMessageEndingWith("The port is a number from 1 to 65535.");
    }
}
