package dev.tower.ui.controls;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A node as a PNG, as it is drawn now (a chart export). Call on the FX thread; writing the bytes is the caller's. */
public final class NodeImages {
    private NodeImages() {}

    public static byte[] png(Node node) {
        SnapshotParameters params = new SnapshotParameters();
        // the node's own background, not a transparent one, so a dark-theme chart stays readable
        params.setFill(javafx.scene.paint.Color.TRANSPARENT);
        WritableImage image = node.snapshot(params, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
