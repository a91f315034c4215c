package dev.tower.ui.controls;

import atlantafx.base.controls.Notification;
import atlantafx.base.theme.Styles;
import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Short-lived messages (AtlantaFX {@link Notification}) in a corner of a pane; each closes itself. */
public final class Toasts {
    private static final Duration SHOWN_FOR = Duration.seconds(4);

    private Toasts() {}

    public static Notification show(StackPane host, String text) {
        Notification toast = new Notification(text, new FontIcon(Feather.INFO));
        toast.getStyleClass().addAll(Styles.ELEVATED_1, "toast");
        toast.setId("toast");
        toast.setMaxSize(360, Region.USE_PREF_SIZE);
        StackPane.setAlignment(toast, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toast, new Insets(12));
        toast.setOnClose(e -> host.getChildren().remove(toast));
        host.getChildren().add(toast);
        PauseTransition later = new PauseTransition(SHOWN_FOR);
        later.setOnFinished(e -> host.getChildren().remove(toast));
        later.play();
        return toast;
    }
}
