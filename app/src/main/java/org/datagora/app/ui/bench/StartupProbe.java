package org.datagora.app.ui.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.ui.DatagoraApplication;

/**
 * One start of a window, measured from the JVM's start to the first frame after the window is shown:
 * {@code bare} is the smallest JavaFX window, {@code app} is Datagora's first window. Prints one line
 * {@code STARTUP_MS <kind> <millis>} and exits. Run by {@link StartupBench}.
 */
public final class StartupProbe {

    private static String kind = "bare";

    private StartupProbe() {
    }

    public static void main(String[] args) {
        // The main class must not extend Application when JavaFX is on the class path.
        kind = args.length > 0 ? args[0] : "bare";
        Application.launch(Window.class);
    }

    /** The window being timed. */
    public static final class Window extends Application {
        @Override
        public void start(Stage stage) throws Exception {
            if ("app".equals(kind)) {
                Path dataDir = Files.createTempDirectory("datagora-startup-");
                AppServices services = new AppServices(new DataDirectory(dataDir));
                new DatagoraApplication(services).start(stage);
            } else {
                stage.setScene(new Scene(new Label("Hello"), 1180, 760));
                stage.show();
            }
            // The first pulse after show() has laid out and rendered the scene: the window answers input.
            Platform.runLater(() -> Platform.runLater(() -> {
                long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.println("STARTUP_MS " + kind + " " + millis);
                System.out.flush();
                Runtime.getRuntime().halt(0);
            }));
        }
    }
}
