package org.datagora.app.ui.guide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.control.TableCell;
import org.awaitility.Awaitility;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.common.TestWindow;

/** The user guide's pictures and the patience of its walk-through: what the guide test shares. */
final class GuidePictures {

    /** How long a step may take on a busy two-core machine (chain, content store and seeding included). */
    static final Duration PATIENCE = Duration.ofSeconds(120);
    /** The guide's pictures, next to the guide (tests run in the app module's folder). */
    static final Path GUIDE_IMAGES = Path.of("..", "docs", "images");

    private GuidePictures() {
    }

    /** Waits until the window shows what {@code condition} checks. */
    static void await(Callable<Boolean> condition) {
        Awaitility.await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    /** Saves the window under target/screenshots and as the guide's picture docs/images/{name}.png. */
    static void shoot(TestWindow window, String name) {
        window.screenshot("guide-" + name);
        try {
            Files.createDirectories(GUIDE_IMAGES);
            Files.copy(Screenshots.DIRECTORY.resolve("guide-" + name + ".png"), GUIDE_IMAGES.resolve(name + ".png"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy the picture " + name + " into docs/images", e);
        }
    }

    /** The texts the cells of the table {@code query} finds show, as the user reads them. */
    static List<String> cellTexts(TestWindow window, String query) {
        window.robot().interact(() -> { });
        return window.robot().lookup(query + " .table-cell").queryAllAs(TableCell.class).stream()
                .map(TableCell::getText).filter(t -> t != null && !t.isEmpty()).toList();
    }
}
