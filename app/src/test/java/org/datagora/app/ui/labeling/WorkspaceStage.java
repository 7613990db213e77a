package org.datagora.app.ui.labeling;

import java.math.BigInteger;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingSession;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.FxBackground;
import org.datagora.storage.cache.LabelDraftDao;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/** A headless window showing one workspace on a real labeling session (no chain needed), for tests and the benchmark. */
public final class WorkspaceStage {

    private final FxRobot robot = new FxRobot();
    private final Stage stage;
    private final StackPane root = new StackPane();

    public WorkspaceStage() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        robot.interact(() -> {
            Theme.LIGHT.apply();
            Scene scene = new Scene(root, 1180, 760);
            scene.getStylesheets().add(Theme.APP_STYLESHEET);
            stage.setScene(scene);
            stage.show();
            stage.toFront();
        });
    }

    /** Opens a session on {@code items} and shows its workspace; {@code submit} gets the complete session. */
    public Workspace show(long taskId, LabelSchema schema, List<TaskItem> items, LabelDraftDao drafts,
                          Workspace.Submit submit) {
        LabelingSession session = new LabelingSession(BigInteger.valueOf(taskId), BigInteger.ONE, schema, items, drafts,
                Clock.systemUTC());
        Workspace[] shown = new Workspace[1];
        robot.interact(() -> {
            shown[0] = new Workspace(session, "Task " + taskId, new FxBackground(ForkJoinPool.commonPool()), submit,
                    () -> { }, () -> { });
            root.getChildren().setAll(shown[0]);
            shown[0].requestFocus();
        });
        return shown[0];
    }

    public FxRobot robot() {
        return robot;
    }

    public Stage stage() {
        return stage;
    }

    public void close() throws TimeoutException {
        FxToolkit.cleanupStages();
    }
}
