package dev.tower.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Light or dark, chosen once per app run and kept across sign-outs. A plain property so ViewModels can
 * flip it; {@link Themes} is what applies it to the toolkit.
 */
public final class ThemeSetting {
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark", false);

    public BooleanProperty darkProperty() { return dark; }

    public boolean isDark() { return dark.get(); }

    public void toggle() { dark.set(!dark.get()); }
}
