package dev.tower.signin;

import dev.tower.error.ConnectionLostException;
import dev.tower.error.SignInRefusedException;
import dev.tower.security.Role;
import dev.tower.security.Session;
import dev.tower.testing.TestSessions;
import dev.tower.ui.ManualTaskExecutor;
import dev.tower.ui.SyncTaskExecutor;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SignInViewModelTest {
    private static final String EMBEDDED_URL = "jdbc:postgresql://localhost:5999/postgres";
    private final List<SignInRequest> requests = new ArrayList<>();
    private final List<Session> signedIn = new ArrayList<>();

    private SignInViewModel viewModel(Authenticator authenticator, String embeddedUrl) {
        return new SignInViewModel(request -> {
            requests.add(request);
            return authenticator.signIn(request);
        }, new SyncTaskExecutor(), embeddedUrl, null, signedIn::add);
    }

    @Test
    void signInIsEnabledOnlyWithLoginPasswordAndADatabase() {
        SignInViewModel vm = viewModel(r -> TestSessions.offline(Role.OPS), EMBEDDED_URL);
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.loginProperty().set("demo_ops");
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.passwordProperty().set("demo");
        assertThat(vm.canSignInProperty().get()).isTrue();
        vm.databaseChoiceProperty().set(DatabaseChoice.ADDRESS);
        assertThat(vm.canSignInProperty().get()).as("address chosen but empty").isFalse();
        vm.databaseUrlProperty().set("jdbc:postgresql://db:5432/tower");
        assertThat(vm.canSignInProperty().get()).isTrue();
        vm.loginProperty().set("   ");
        assertThat(vm.canSignInProperty().get()).isFalse();
    }

    @Test
    void withoutAnEmbeddedDatabaseTheAddressIsPreselectedAndRequired() {
        SignInViewModel vm = new SignInViewModel(r -> null, new SyncTaskExecutor(), null,
                "jdbc:postgresql://db:5432/tower", s -> { });
        assertThat(vm.embeddedAvailable()).isFalse();
        assertThat(vm.databaseChoiceProperty().get()).isEqualTo(DatabaseChoice.ADDRESS);
        assertThat(vm.databaseUrlProperty().get()).isEqualTo("jdbc:postgresql://db:5432/tower");
        vm.databaseChoiceProperty().set(DatabaseChoice.EMBEDDED);
        vm.loginProperty().set("a");
        vm.passwordProperty().set("b");
        assertThat(vm.canSignInProperty().get()).as("no embedded database to sign in to").isFalse();
    }

    @Test
    void successHandsTheSessionOnAndForgetsThePassword() {
        Session session = TestSessions.offline(Role.ADMIN);
        SignInViewModel vm = viewModel(r -> session, EMBEDDED_URL);
        vm.loginProperty().set(" demo_admin ");
        vm.passwordProperty().set("demo");
        vm.signIn();
        assertThat(signedIn).containsExactly(session);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.databaseAddress()).isEqualTo(EMBEDDED_URL);
            assertThat(r.embedded()).isTrue();
            assertThat(r.login()).isEqualTo("demo_admin");
            assertThat(new String(r.password())).isEqualTo("demo");
        });
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.errorProperty().get()).isNull();
    }

    @Test
    void addressChoiceSendsTheTypedAddress() {
        SignInViewModel vm = viewModel(r -> TestSessions.offline(Role.OPS), EMBEDDED_URL);
        vm.loginProperty().set("ops");
        vm.passwordProperty().set("pw");
        vm.databaseChoiceProperty().set(DatabaseChoice.ADDRESS);
        vm.databaseUrlProperty().set(" postgresql://db.example.com/tower ");
        vm.signIn();
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.databaseAddress()).isEqualTo("postgresql://db.example.com/tower");
            assertThat(r.embedded()).isFalse();
        });
    }

    @Test
    void wrongPasswordShowsPlainWordsAndClearsThePasswordOnly() {
        SignInViewModel vm = viewModel(r -> {
            throw new SignInRefusedException(SignInRefusedException.Reason.WRONG_LOGIN_OR_PASSWORD, r.login(), null);
        }, EMBEDDED_URL);
        vm.loginProperty().set("demo_ops");
        vm.passwordProperty().set("nope");
        vm.signIn();
        assertThat(signedIn).isEmpty();
        assertThat(vm.errorText()).isEqualTo("Wrong login or password.");
        assertThat(vm.loginProperty().get()).isEqualTo("demo_ops");
        assertThat(vm.passwordProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void unreachableDatabaseKeepsThePasswordForTheRetry() {
        SignInViewModel vm = viewModel(r -> {
            throw new ConnectionLostException("localhost:1", null);
        }, EMBEDDED_URL);
        vm.loginProperty().set("demo_ops");
        vm.passwordProperty().set("demo");
        vm.signIn();
        assertThat(vm.errorText()).contains("localhost:1");
        assertThat(vm.passwordProperty().get()).isEqualTo("demo");
    }

    @Test
    void whileBusyTheCommandIsDisabledAndProgressShows() {
        ManualTaskExecutor executor = new ManualTaskExecutor();
        SignInViewModel vm = new SignInViewModel(r -> TestSessions.offline(Role.OPS), executor, EMBEDDED_URL, null,
                signedIn::add);
        vm.loginProperty().set("demo_ops");
        vm.passwordProperty().set("demo");
        vm.signIn();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.busyMessageProperty().get()).isNotBlank();
        assertThat(vm.canSignInProperty().get()).isFalse();
        vm.signIn();
        assertThat(executor.pendingCount()).as("second click while busy does nothing").isEqualTo(1);
        executor.runAll();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(signedIn).hasSize(1);
    }

    @Test
    void aNewAttemptClearsTheOldError() {
        boolean[] fail = {true};
        SignInViewModel vm = viewModel(r -> {
            if (fail[0]) {
                throw new ConnectionLostException("localhost:1", null);
            }
            return TestSessions.offline(Role.OPS);
        }, EMBEDDED_URL);
        vm.loginProperty().set("demo_ops");
        vm.passwordProperty().set("demo");
        vm.signIn();
        assertThat(vm.errorProperty().get()).isNotNull();
        fail[0] = false;
        vm.signIn();
        assertThat(vm.errorProperty().get()).isNull();
    }
}
