package dev.tower.archfixtures;

import javafx.scene.layout.HBox;

/** Violation 3: a ViewModel building an HBox. */
public final class LayoutBuildingViewModel {
    public Object row() {
        return new HBox();
    }
}
