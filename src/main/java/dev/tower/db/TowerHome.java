package dev.tower.db;

import java.nio.file.Path;

/** Where Tower keeps its per-user files: $TOWER_HOME, else $XDG_DATA_HOME/tower, else ~/.local/share/tower. */
public final class TowerHome {
    private TowerHome() {}

    public static Path resolve() {
        String explicit = System.getenv("TOWER_HOME");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("tower");
    }
}
