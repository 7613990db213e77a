package org.datagora.app.ui.common;

import java.util.concurrent.CompletableFuture;
import javafx.concurrent.Task;

/**
 * Tracked background work as the activity panel's TaskProgressView sees it: a JavaFX Task with a title,
 * the latest message and progress. Its outcome goes to the job's future, whose callbacks the view set.
 */
final class Activity<T> extends Task<T> implements FxBackground.Progress {

    private final FxBackground.Tracked<T> work;
    private final Runnable onCancel;
    private final CompletableFuture<T> outcome;

    Activity(String title, FxBackground.Tracked<T> work, Runnable onCancel, CompletableFuture<T> outcome) {
        this.work = work;
        this.onCancel = onCancel;
        this.outcome = outcome;
        updateTitle(title);
        updateMessage("Starting…");
        updateProgress(-1, 1);
    }

    @Override
    protected T call() throws Exception {
        try {
            T result = work.call(this);
            outcome.complete(result);
            return result;
        } catch (Throwable error) {
            outcome.completeExceptionally(error);
            throw error;
        }
    }

    @Override
    public void update(String message, double fraction) {
        if (message != null) {
            updateMessage(message);
        }
        updateProgress(fraction < 0 ? -1 : Math.min(1, fraction), 1);
    }

    /** Whether the work can be asked to stop. */
    boolean cancellable() {
        return onCancel != null;
    }

    /**
     * Asks the work to stop instead of interrupting its thread: a publish half done must roll back, and a
     * transaction already sent cannot be called back. The task ends when the work returns or throws.
     */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        if (onCancel == null || isDone()) {
            return false;
        }
        updateMessage("Cancelling…");
        onCancel.run();
        return true;
    }
}
