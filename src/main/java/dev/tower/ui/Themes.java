package dev.tower.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

import java.util.Objects;

/** Applies AtlantaFX's Primer theme (light or dark) to the whole app, plus Tower's few extra styles. */
public final class Themes {
    private static final String TOWER_CSS =
            Objects.requireNonNull(Themes.class.getResource("tower.css"), "tower.css").toExternalForm();

    private Themes() {}

    /** Applies the setting now and whenever it changes. Call on the FX thread. */
    public static void follow(ThemeSetting setting) {
        apply(setting.isDark());
        setting.darkProperty().addListener((obs, was, dark) -> apply(dark));
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** Adds Tower's stylesheet (what AtlantaFX styles do not cover) to a scene. */
    public static void style(Scene scene) {
        if (!scene.getStylesheets().contains(TOWER_CSS)) {
            scene.getStylesheets().add(TOWER_CSS);
        }
    }
}
