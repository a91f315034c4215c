package dev.tower.ui.controls;

import javafx.scene.Node;

/** Lifecycle hooks shared by the section views. */
public final class ViewLifecycle {
    private ViewLifecycle() {
    }

    /**
     * Runs {@code action} each time {@code view} is put into a scene, which is each time the shell shows
     * its section: the data changes through other screens and other staff, so a screen never shows what
     * it read the last time. The listener lives exactly as long as the view, so nothing needs removing.
     */
    public static void onEachShow(Node view, Runnable action) {
        view.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null) {
                action.run();
            }
        });
    }
}
