package dev.tower.signin;

import dev.tower.connection.ConnectionProfile;
import dev.tower.connection.MemoryKeyring;
import dev.tower.connection.ProfileService;
import dev.tower.connection.ProfileStore;
import dev.tower.security.Role;
import dev.tower.testing.TestSessions;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14, profiles at sign-in: chooser, editor and keyring, without a toolkit. */
class ProfilePickerViewModelTest {
    private static final String EMBEDDED_URL = "jdbc:postgresql://localhost:5999/postgres";
    private static final ConnectionProfile PRODUCTION = new ConnectionProfile("Production", "db.example.com", 5433,
            "market", "alice", ConnectionProfile.TlsMode.VERIFY_FULL, "", "replica.example.com");

    @TempDir
    Path home;
    private final MemoryKeyring keyring = new MemoryKeyring();
    private final SignInViewModel signIn = new SignInViewModel(r -> TestSessions.offline(Role.OPS),
            new SyncTaskExecutor(), EMBEDDED_URL, null, s -> { });

    private ProfileStore store() {
        return new ProfileStore(home.resolve("profiles.properties"));
    }

    private ProfilePickerViewModel picker(MemoryKeyring passwords) {
        return new ProfilePickerViewModel(new ProfileService(store(), passwords), signIn, new SyncTaskExecutor());
    }

    private static List<String> ids(ProfilePickerViewModel picker) {
        return picker.choices().stream().map(ProfilePickerViewModel.Choice::id).toList();
    }

    @Test
    void theChooserOffersEmbeddedThenEachSavedProfileThenAnAddress() {
        store().save(List.of(PRODUCTION));
        ProfilePickerViewModel picker = picker(keyring);
        assertThat(ids(picker)).containsExactly("embeddedDatabaseChoice", "profileChoice-Production", "addressDatabaseChoice");
        assertThat(picker.selectedProperty().get().kind()).isEqualTo(DatabaseChoice.EMBEDDED);
        assertThat(picker.edit().isExecutable()).as("the embedded database is no profile to edit").isFalse();
    }

    @Test
    void choosingAProfileFillsAddressAndLoginAndAsksForThePasswordWhenTheKeyringHasNone() {
        store().save(List.of(PRODUCTION));
        ProfilePickerViewModel picker = picker(keyring);
        signIn.passwordProperty().set("typed for another database");
        picker.choose("Production");
        assertThat(signIn.databaseChoiceProperty().get()).isEqualTo(DatabaseChoice.PROFILE);
        assertThat(signIn.databaseUrlProperty().get()).isEqualTo(PRODUCTION.jdbcUrl());
        assertThat(signIn.loginProperty().get()).isEqualTo("alice");
        assertThat(signIn.passwordProperty().get()).as("never carried over").isEmpty();
        assertThat(picker.passwordSourceProperty().get()).isEqualTo(ProfilePickerViewModel.ASKED);
        assertThat(signIn.canSignInProperty().get()).isFalse();
        signIn.passwordProperty().set("pw");
        assertThat(signIn.canSignInProperty().get()).isTrue();
        assertThat(picker.edit().isExecutable()).isTrue();
    }

    @Test
    void choosingAProfileTakesItsPasswordFromTheKeyringWhenItKeepsOne() {
        store().save(List.of(PRODUCTION));
        keyring.store(PRODUCTION, "from-keyring".toCharArray());
        ProfilePickerViewModel picker = picker(keyring);
        picker.choose("Production");
        assertThat(signIn.passwordProperty().get()).isEqualTo("from-keyring");
        assertThat(picker.passwordSourceProperty().get()).isEqualTo(ProfilePickerViewModel.FROM_KEYRING);
        picker.selectedProperty().set(picker.choices().get(0));
        assertThat(signIn.databaseChoiceProperty().get()).isEqualTo(DatabaseChoice.EMBEDDED);
        assertThat(picker.passwordSourceProperty().get()).isEmpty();
    }

    @Test
    void theSupabasePresetRequiresTlsAndExplainsThePoolerPort() {
        ProfilePickerViewModel picker = picker(keyring);
        picker.supabasePreset().execute();
        assertThat(picker.editingProperty().get()).isTrue();
        assertThat(picker.tlsProperty().get()).isEqualTo(ConnectionProfile.TlsMode.REQUIRE);
        assertThat(picker.port().text()).isEqualTo("5432");
        assertThat(picker.database().text()).isEqualTo("postgres");
        assertThat(picker.hintProperty().get()).contains("6543").contains("5432");
        assertThat(picker.save().isExecutable()).as("host and login still missing").isFalse();
        assertThat(picker.newProfile().isExecutable()).as("one profile at a time").isFalse();
        picker.host().setText("aws-0-eu-central-1.pooler.supabase.com");
        picker.login().setText("postgres.abcd");
        assertThat(picker.save().execute()).isTrue();
        assertThat(picker.editingProperty().get()).isFalse();
        assertThat(store().load()).singleElement().satisfies(p -> {
            assertThat(p.tls()).isEqualTo(ConnectionProfile.TlsMode.REQUIRE);
            assertThat(p.jdbcUrl()).isEqualTo("jdbc:postgresql://aws-0-eu-central-1.pooler.supabase.com:5432/postgres?sslmode=require");
        });
        assertThat(picker.selectedProperty().get().id()).isEqualTo("profileChoice-Supabase");
        assertThat(picker.state().notice()).isEqualTo("Saved the profile Supabase.");
    }

    @Test
    void editingKeepsEveryFieldAndRenamesInPlace() {
        ConnectionProfile other = new ConnectionProfile("Staging", "staging.example.com", 5432, "market", "bob",
                ConnectionProfile.TlsMode.REQUIRE, "", "");
        store().save(List.of(PRODUCTION, other));
        ProfilePickerViewModel picker = picker(keyring);
        picker.choose("Production");
        picker.edit().execute();
        assertThat(picker.readReplica().text()).isEqualTo("replica.example.com");
        assertThat(picker.delete().isExecutable()).isTrue();
        picker.name().setText("Production EU");
        picker.save().execute();
        assertThat(store().load()).extracting(ConnectionProfile::name).containsExactly("Production EU", "Staging");
        assertThat(store().load().get(0).readReplicaHost()).isEqualTo("replica.example.com");
        assertThat(ids(picker)).contains("profileChoice-Production-EU").doesNotContain("profileChoice-Production");
    }

    @Test
    void badInputIsRefusedInPlainWordsAndNothingIsSaved() throws Exception {
        store().save(List.of(PRODUCTION));
        String before = Files.readString(home.resolve("profiles.properties"));
        ProfilePickerViewModel picker = picker(keyring);
        picker.newProfile().execute();
        assertThat(picker.delete().isExecutable()).as("a new profile has nothing to delete").isFalse();
        picker.name().setText("Broken");
        picker.host().setText("db; rm -rf /");
        picker.database().setText("market");
        picker.login().setText("alice");
        picker.port().setText("99999x");
        assertThat(picker.port().problem().get()).isEqualTo("Port must be a number from 1 to 65535.");
        assertThat(picker.save().isExecutable()).isFalse();
        picker.port().setText("5432");
        picker.keyringPasswordProperty().set("secret");
        assertThat(picker.save().execute()).isTrue();
        assertThat(picker.state().error().text()).isEqualTo("Enter the database's host name or address.");
        assertThat(picker.editingProperty().get()).as("the form stays open to fix it").isTrue();
        picker.host().setText("db.example.com");
        picker.name().setText("production");
        picker.save().execute();
        assertThat(picker.state().error().text()).contains("already a profile named Production");
        assertThat(Files.readString(home.resolve("profiles.properties"))).isEqualTo(before);
        assertThat(keyring.secrets()).as("nothing handed to the keyring either").isEmpty();
    }

    @Test
    void aKeyringThatSaysNoLeavesTheProfilesAsTheyWere() {
        MemoryKeyring refusing = new MemoryKeyring().refusing();
        ProfilePickerViewModel picker = picker(refusing);
        picker.newProfile().execute();
        picker.name().setText("Prod");
        picker.host().setText("db.example.com");
        picker.database().setText("market");
        picker.login().setText("alice");
        picker.keyringPasswordProperty().set("secret");
        picker.save().execute();
        assertThat(picker.state().error().text()).contains("keyring did not take the password");
        assertThat(store().load()).isEmpty();
    }

    @Test
    void deletingAProfileTakesItOutOfTheChooserAndTheFile() {
        store().save(List.of(PRODUCTION));
        ProfilePickerViewModel picker = picker(keyring);
        picker.choose("Production");
        picker.edit().execute();
        picker.delete().execute();
        assertThat(store().load()).isEmpty();
        assertThat(ids(picker)).containsExactly("embeddedDatabaseChoice", "addressDatabaseChoice");
        assertThat(picker.state().notice()).isEqualTo("Deleted the profile Production.");
    }

    @Test
    void cancelLeavesTheFileAlone() {
        ProfilePickerViewModel picker = picker(keyring);
        picker.newProfile().execute();
        picker.name().setText("Half typed");
        picker.cancel().execute();
        assertThat(picker.editingProperty().get()).isFalse();
        assertThat(Files.exists(home.resolve("profiles.properties"))).isFalse();
        assertThat(picker.cancel().isExecutable()).isFalse();
    }
}
