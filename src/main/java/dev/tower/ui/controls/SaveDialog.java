package dev.tower.ui.controls;

import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Asks where to save an export. Views take one in their constructor: the system's save dialog in the app,
 * a fixed folder in UI tests (no native dialog runs headless).
 */
@FunctionalInterface
public interface SaveDialog {
    /**
     * @param suggestedName a file name without folder, e.g. "revenue-2026-01-01.csv"
     * @param extension     "csv" or "png"; the dialog offers only that type
     */
    Optional<Path> choose(Window owner, String suggestedName, String extension);

    static SaveDialog system() {
        return (owner, suggestedName, extension) -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle("Save " + extension.toUpperCase());
            chooser.setInitialFileName(suggestedName);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(
                    extension.toUpperCase() + " files", "*." + extension));
            File file = chooser.showSaveDialog(owner);
            return Optional.ofNullable(file).map(File::toPath);
        };
    }

    /** Every export goes to {@code folder} under its suggested name (tests). */
    static SaveDialog into(Path folder) {
        return (owner, suggestedName, extension) -> Optional.of(folder.resolve(suggestedName));
    }
}
