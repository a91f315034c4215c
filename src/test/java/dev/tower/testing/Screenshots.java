package dev.tower.testing;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** PNG snapshots of test windows, saved to {@code <build dir>/screenshots/} for people to look at. */
public final class Screenshots {
    public static final Path DIRECTORY = Path.of(System.getProperty("tower.test.dataDir", "target/test-pg"))
            .toAbsolutePath().getParent().resolve("screenshots");

    private Screenshots() {}

    public static Path save(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        Files.createDirectories(DIRECTORY);
        Path file = DIRECTORY.resolve(name);
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
