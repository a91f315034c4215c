package dev.tower.app;

import javafx.application.Application;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/** The JavaFX application. {@link #launchUi} is how the command line opens the window. */
public final class TowerApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(TowerApp.class);
    // Application.launch constructs this class itself, so the config can only be handed over statically.
    private static volatile AppConfig pendingConfig;

    private CompositionRoot root;

    /** Opens the Tower window and returns when it is closed. Call once per JVM (a JavaFX rule). */
    public static void launchUi(AppConfig config) {
        pendingConfig = Objects.requireNonNull(config, "config");
        Application.launch(TowerApp.class);
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler(
                (thread, failure) -> LOG.error("Uncaught failure on the UI thread", failure));
        root = new CompositionRoot(Objects.requireNonNull(pendingConfig, "launch through TowerApp.launchUi"));
        root.start(stage);
    }

    @Override
    public void stop() {
        if (root != null) {
            root.stop();
        }
    }
}
