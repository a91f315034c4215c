package dev.tower.shell;

import atlantafx.base.theme.Styles;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;

/** Stands in for a section whose screen is not part of this version yet, and says what it will do. */
public final class PlaceholderView extends VBox {
    private static final double TEXT_WIDTH = 520;

    public PlaceholderView(Section section) {
        setId("placeholder-" + section.key());
        getStyleClass().add("placeholder-view");
        setAlignment(Pos.CENTER);
        setSpacing(12);

        FontIcon icon = new FontIcon(SectionIcons.of(section));
        icon.getStyleClass().add("placeholder-icon");
        Label status = new Label("Coming in a later version of Tower");
        status.getStyleClass().add(Styles.TITLE_3);
        Label summary = new Label(section.summary());
        summary.setId("placeholderSummary");
        summary.setWrapText(true);
        summary.setMaxWidth(TEXT_WIDTH);
        summary.getStyleClass().add("placeholder-summary");
        Label why = new Label("You see this section because your role may "
                + section.permission().description() + ".");
        why.setWrapText(true);
        why.setMaxWidth(TEXT_WIDTH);
        why.getStyleClass().addAll(Styles.TEXT_MUTED, "placeholder-note");
        getChildren().addAll(icon, status, summary, why);
    }
}
