package dev.tower.app;

import atlantafx.base.theme.Styles;
import dev.tower.ui.Themes;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.concurrent.Callable;

/** The JavaFX application. {@link #launchUi} is how the command line opens the window. */
public final class TowerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TowerApp.class);
    // Application.launch constructs this class itself, so the start-up work can only be handed over statically.
    private static volatile Callable<AppConfig> pendingStartup;

    private CompositionRoot root;

    /** Opens the Tower window and returns when it is closed. Call once per JVM (a JavaFX rule). */
    public static void launchUi(AppConfig config) {
        Objects.requireNonNull(config, "config");
        launchUi(() -> config);
    }

    /**
     * Opens the window at once with a progress screen while {@code startup} runs off the UI thread
     * (starting and migrating the embedded database can take seconds), then shows sign-in.
     */
    public static void launchUi(Callable<AppConfig> startup) {
        pendingStartup = Objects.requireNonNull(startup, "startup");
        try {
            Application.launch(TowerApp.class);
        } catch (UnsupportedOperationException toolkitFailed) {
            // GTK's "Unable to open DISPLAY": DISPLAY is set but no display answers it, or GTK 3 is absent
            LOG.debug("The JavaFX toolkit could not start", toolkitFailed);
            throw new DesktopSession.NoDesktopException(DesktopSession.toolkitFailure());
        }
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler(
                (thread, failure) -> LOG.error("Uncaught failure on the UI thread", failure));
        Callable<AppConfig> startup = Objects.requireNonNull(pendingStartup, "launch through TowerApp.launchUi");
        Label status = new Label("Starting Tower's database…");
        status.setId("startupStatus");
        status.getStyleClass().add(Styles.TEXT_MUTED);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(48, 48);
        VBox progress = new VBox(16, spinner, status);
        progress.setAlignment(Pos.CENTER);
        Themes.apply(false);
        stage.setTitle("Tower");
        stage.setScene(new Scene(progress, 1180, 760));
        stage.show();

        Thread worker = new Thread(() -> {
            try {
                AppConfig config = startup.call();
                Platform.runLater(() -> {
                    root = new CompositionRoot(config);
                    root.start(stage);
                });
            } catch (Exception e) {
                LOG.error("Tower could not start its database", e);
                Platform.runLater(() -> showStartupFailure(progress, e));
            }
        }, "tower-startup");
        worker.setDaemon(true);
        worker.start();
    }

    private static void showStartupFailure(VBox progress, Exception e) {
        if (SmokeSignIn.asked()) { // a smoke run has nobody to press Quit
            Console.complain("smoke: FAILED: Tower could not start its database: " + e.getMessage());
            Platform.exit();
            return;
        }
        Label title = new Label("Tower could not start");
        title.getStyleClass().add(Styles.TITLE_3);
        Label reason = new Label(e.getMessage() == null ? e.toString() : e.getMessage());
        reason.setId("startupError");
        reason.setWrapText(true);
        reason.setMaxWidth(560);
        reason.getStyleClass().add(Styles.DANGER);
        Label hint = new Label("Details are in the log (~/.local/share/tower/logs/tower.log).");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        Button quit = new Button("Quit");
        quit.setId("startupQuit");
        quit.setOnAction(event -> Platform.exit());
        progress.getChildren().setAll(title, reason, hint, quit);
    }

    @Override
    public void stop() {
        if (root != null) {
            root.stop();
        }
    }
}
