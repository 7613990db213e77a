package org.datagora.app.ui.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import javafx.concurrent.WorkerStateEvent;

/**
 * The uploads, downloads and transactions running now, as JavaFX Tasks: a task is listed from the moment
 * it starts and dropped when it succeeds, fails or is cancelled. Lives on the JavaFX thread.
 */
public final class ActivityCenter {

    private final ObservableList<Task<?>> running = FXCollections.observableArrayList();
    private final ObservableList<Task<?>> view = FXCollections.unmodifiableObservableList(running);

    /** The running tasks, oldest first; read on the JavaFX thread. */
    public ObservableList<Task<?>> running() {
        return view;
    }

    /** Whether the Cancel button of the activity panel may ask {@code task} to stop. */
    public static boolean cancellable(Task<?> task) {
        return task instanceof Activity<?> activity && activity.cancellable();
    }

    /** Lists {@code task}, then runs it on {@code workers}; callable from any thread. */
    void start(Task<?> task, Executor workers) {
        if (!Platform.isFxApplicationThread()) {
            Platform.runLater(() -> start(task, workers));
            return;
        }
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> running.remove(task));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> running.remove(task));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_CANCELLED, e -> running.remove(task));
        running.add(task);
        workers.execute(task);
    }
}
