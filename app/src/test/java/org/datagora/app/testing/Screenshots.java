package org.datagora.app.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Saves what a window shows as a PNG under target/screenshots, so people can look at it. */
public final class Screenshots {

    /** Where the screenshots go. */
    public static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {
    }

    /** Renders {@code scene} and writes it to target/screenshots/{@code name}.png; returns the file. */
    public static Path save(FxRobot robot, Scene scene, String name) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = scene.snapshot(null));
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".png");
            ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save the screenshot " + name, e);
        }
    }
}
