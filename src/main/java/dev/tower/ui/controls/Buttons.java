package dev.tower.ui.controls;

import atlantafx.base.theme.Styles;
import dev.tower.ui.kit.Command;
import javafx.scene.control.Button;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.javafx.FontIcon;

/** Buttons for {@link Command}s: label, enabled state and action all come from the command. */
public final class Buttons {
    private Buttons() {}

    public static Button of(String id, Command command, Ikon icon) {
        Button button = icon == null ? new Button(command.label()) : new Button(command.label(), new FontIcon(icon));
        button.setId(id);
        button.setMinWidth(Button.USE_PREF_SIZE);
        button.disableProperty().bind(command.executable().not());
        button.setOnAction(e -> command.execute());
        return button;
    }

    public static Button accent(String id, Command command, Ikon icon) {
        return styled(id, command, icon, Styles.ACCENT);
    }

    /** A command's button with an AtlantaFX style ({@code Styles.FLAT}, {@code Styles.DANGER}, …). */
    public static Button styled(String id, Command command, Ikon icon, String style) {
        Button button = of(id, command, icon);
        button.getStyleClass().add(style);
        return button;
    }
}
