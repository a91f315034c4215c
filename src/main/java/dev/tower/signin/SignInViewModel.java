package dev.tower.signin;

import dev.tower.error.ErrorText;
import dev.tower.error.SignInRefusedException;
import dev.tower.error.TowerException;
import dev.tower.error.UserMessage;
import dev.tower.security.Session;
import dev.tower.ui.BackgroundTask;
import dev.tower.ui.TaskExecutor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.Objects;
import java.util.function.Consumer;

/** State and the one command of the sign-in screen. */
public final class SignInViewModel {
    private final Authenticator authenticator;
    private final TaskExecutor executor;
    private final String embeddedJdbcUrl;
    private final Consumer<Session> onSignedIn;

    private final StringProperty login = new SimpleStringProperty(this, "login", "");
    private final StringProperty password = new SimpleStringProperty(this, "password", "");
    private final StringProperty databaseUrl = new SimpleStringProperty(this, "databaseUrl", "");
    private final ObjectProperty<DatabaseChoice> databaseChoice = new SimpleObjectProperty<>(this, "databaseChoice");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final ReadOnlyStringWrapper busyMessage = new ReadOnlyStringWrapper(this, "busyMessage", "");
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final BooleanBinding canSignIn;

    /**
     * @param embeddedJdbcUrl the embedded database's URL, or null when Tower started without one
     * @param initialUrl      address to prefill for another database (from the command line), may be null
     * @param onSignedIn      receives the open session, on the UI thread
     */
    public SignInViewModel(Authenticator authenticator, TaskExecutor executor, String embeddedJdbcUrl,
                           String initialUrl, Consumer<Session> onSignedIn) {
        this.authenticator = Objects.requireNonNull(authenticator);
        this.executor = Objects.requireNonNull(executor);
        this.embeddedJdbcUrl = embeddedJdbcUrl;
        this.onSignedIn = Objects.requireNonNull(onSignedIn);
        databaseUrl.set(initialUrl == null ? "" : initialUrl);
        databaseChoice.set(embeddedAvailable() ? DatabaseChoice.EMBEDDED : DatabaseChoice.ADDRESS);
        canSignIn = Bindings.createBooleanBinding(this::inputsComplete, login, password, databaseUrl, databaseChoice, busy);
    }

    private boolean inputsComplete() {
        boolean databaseGiven = databaseChoice.get() == DatabaseChoice.EMBEDDED
                ? embeddedAvailable()
                : !databaseUrl.get().isBlank();
        return !busy.get() && !login.get().isBlank() && !password.get().isEmpty() && databaseGiven;
    }

    public void signIn() {
        if (!canSignIn.get()) {
            return;
        }
        error.set(null);
        boolean embedded = databaseChoice.get() == DatabaseChoice.EMBEDDED;
        String url = embedded ? embeddedJdbcUrl : databaseUrl.get().strip();
        SignInRequest request = new SignInRequest(url, login.get(), password.get().toCharArray(), embedded);
        busyMessage.set("Signing in\u2026");
        executor.execute(BackgroundTask.of("Sign in as " + request.login(), busy, () -> authenticator.signIn(request))
                .onSuccess(this::signedIn)
                .onFailure(this::failed));
    }

    private void signedIn(Session session) {
        password.set("");
        onSignedIn.accept(session);
    }

    private void failed(TowerException failure) {
        if (failure instanceof SignInRefusedException refused
                && refused.reason() == SignInRefusedException.Reason.WRONG_LOGIN_OR_PASSWORD) {
            password.set("");
        }
        error.set(ErrorText.describe(failure));
    }

    public boolean embeddedAvailable() { return embeddedJdbcUrl != null; }

    public StringProperty loginProperty() { return login; }

    public StringProperty passwordProperty() { return password; }

    public StringProperty databaseUrlProperty() { return databaseUrl; }

    public ObjectProperty<DatabaseChoice> databaseChoiceProperty() { return databaseChoice; }

    public ReadOnlyBooleanProperty busyProperty() { return busy; }

    public ReadOnlyStringProperty busyMessageProperty() { return busyMessage.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<UserMessage> errorProperty() { return error.getReadOnlyProperty(); }

    /** The error's plain sentence, or empty when there is none. */
    public String errorText() {
        return error.get() == null ? "" : error.get().text();
    }

    public BooleanBinding canSignInProperty() { return canSignIn; }
}
