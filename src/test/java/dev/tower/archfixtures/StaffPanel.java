package dev.tower.archfixtures;

import javafx.scene.layout.VBox;

/** Violation 4: a view class without the View suffix holding a service. */
public final class StaffPanel extends VBox {
    private final FixtureService service;

    public StaffPanel(FixtureService service) {
        this.service = service;
    }
}
