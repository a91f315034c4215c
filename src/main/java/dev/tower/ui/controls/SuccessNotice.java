package dev.tower.ui.controls;

import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * A short "it worked" line (a check mark and one sentence) bound to a ViewModel's notice text. Hidden,
 * and taking no space, while the text is empty. Ids: {@code <id>} for the box, {@code <id>Text} for the text.
 */
public final class SuccessNotice extends HBox {
    private final Label text = new Label();

    public SuccessNotice(String id) {
        setId(id);
        getStyleClass().add("success-notice");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        text.setId(id + "Text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        FontIcon icon = new FontIcon(Feather.CHECK_CIRCLE);
        icon.getStyleClass().add("success-icon");
        getChildren().setAll(icon, text);
        show("");
    }

    public void bind(ObservableStringValue notice) {
        show(notice.get());
        notice.addListener((obs, old, now) -> show(now));
    }

    private void show(String notice) {
        boolean present = notice != null && !notice.isBlank();
        setVisible(present);
        setManaged(present);
        text.setText(present ? notice : "");
    }
}
