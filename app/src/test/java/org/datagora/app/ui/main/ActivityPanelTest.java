package org.datagora.app.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.concurrent.Task;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.controlsfx.control.TaskProgressView;
import org.datagora.app.AppServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.SignedInApp;
import org.datagora.app.ui.common.TestWindow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.Credentials;

/**
 * The activity panel lists a real publish on the local sandbox while it runs and drops it when it is done.
 * Mining is paused so the publish waits, visibly, for its list transaction's confirmation.
 */
@ExtendWith(LocalSandboxExtension.class)
class ActivityPanelTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private AppServices app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aRunningPublishIsListedWithItsStepAndDroppedWhenListed(LocalSandbox sandbox, @TempDir Path temp) throws Exception {
        Path dataset = Files.createDirectories(temp.resolve("weather"));
        Files.writeString(dataset.resolve("weather.csv"), "date,temp\n2026-01-01,3.5\n2026-01-02,4.1\n");
        app = SignedInApp.open(sandbox, temp.resolve("data"), sandbox.devAccount(3));
        try (TestWindow window = TestWindow.open(app)) {
            ToggleButton button = window.robot().lookup("#activity-button").queryAs(ToggleButton.class);
            assertThat(button.getText()).isEqualTo("Nothing running");
            assertThat(window.shows("#activity-panel")).isFalse();
            window.click("#activity-button");
            await().atMost(PATIENCE).until(() -> window.shows("#activity-panel"));
            assertThat(window.shows(".activity-panel .empty-state")).isTrue();
            window.screenshot("activity-panel-empty-light");
            window.click("#activity-close");
            assertThat(window.shows("#activity-panel")).isFalse();

            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-source"));
            window.fill("#publish-source", dataset.toString());
            window.fill("#publish-title", "Winter temperatures");
            window.fill("#publish-description", "Two days of readings.");
            window.fill("#publish-tags", "weather, csv");
            window.fill("#publish-price", "4");
            sandbox.chain().setAutomine(false);
            try {
                window.click("#publish-start");
                await().atMost(PATIENCE).until(() -> button.getText().equals("1 running"));
                window.click("#activity-button");
                TaskProgressView<?> view = window.robot().lookup("#activity-tasks").queryAs(TaskProgressView.class);
                await().atMost(PATIENCE).until(() -> onFx(() -> view.getTasks().size() == 1
                        && ((Task<?>) view.getTasks().get(0)).getMessage().startsWith("Waiting for confirmation")));
                Task<?> publish = onFx(() -> (Task<?>) view.getTasks().get(0));
                assertThat(onFx(publish::getTitle)).isEqualTo("Publishing Winter temperatures");
                assertThat(onFx(publish::isRunning)).isTrue();
                assertThat(onFx(publish::getProgress)).isBetween(0.5, 1.0);
                await().atMost(PATIENCE).until(() -> window.robot().lookup(".task-title").queryAll().stream()
                        .anyMatch(n -> "Publishing Winter temperatures".equals(((Label) n).getText())));
                window.screenshot("activity-panel-publishing-light");
            } finally {
                sandbox.chain().setAutomine(true);
            }
            sandbox.chain().mine();

            await().atMost(PATIENCE).until(() -> window.text("#publish-resume-message").startsWith("Listed as #"));
            TaskProgressView<?> view = window.robot().lookup("#activity-tasks").queryAs(TaskProgressView.class);
            await().atMost(PATIENCE).until(() -> onFx(() -> view.getTasks().isEmpty()
                    && button.getText().equals("Nothing running")));
            assertThat(window.shows(".activity-panel .empty-state")).isTrue();
        }
    }

    /** Tasks and their view may only be read on the JavaFX thread. */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }
}
