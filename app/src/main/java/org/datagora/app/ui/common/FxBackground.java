package org.datagora.app.ui.common;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the UI runs work in the background: the work runs on the app's worker pool, and its
 * outcome comes back on the JavaFX thread, e.g.
 * {@code background.run(() -> load()).onSuccess(view::show).onError(errors::show).start()}.
 * Work a user waits for (an upload, a download, a transaction) goes through {@link #track} instead, so the
 * activity panel lists it with its progress while it runs.
 */
public final class FxBackground {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);

    private final Executor workers;
    private final ActivityCenter activities;

    /** Runs work on {@code workers}; tracked work goes to an activity center nobody shows (views built alone in tests). */
    public FxBackground(Executor workers) {
        this(workers, new ActivityCenter());
    }

    public FxBackground(Executor workers, ActivityCenter activities) {
        this.workers = workers;
        this.activities = activities;
    }

    /** The work that is running now and that users see in the activity panel. */
    public ActivityCenter activities() {
        return activities;
    }

    /** Prepares {@code work}; nothing runs until {@link Job#start()}. */
    public <T> Job<T> run(Callable<T> work) {
        return new Job<>(null, progress -> work.call());
    }

    /**
     * Prepares {@code work} that the activity panel lists under {@code title} while it runs; the work reports
     * its progress through the {@link Progress} it is given. Nothing runs until {@link Job#start()}.
     */
    public <T> Job<T> track(String title, Tracked<T> work) {
        return new Job<>(title, work);
    }

    /** Prepares {@code work} that the activity panel lists under {@code title}, without a measure of progress. */
    public <T> Job<T> track(String title, Callable<T> work) {
        return new Job<>(title, progress -> work.call());
    }

    /** Work that reports its progress; runs on a worker thread. */
    @FunctionalInterface
    public interface Tracked<T> {
        T call(Progress progress) throws Exception;
    }

    /** Where tracked work says how far it got; callable from any thread. */
    @FunctionalInterface
    public interface Progress {
        /** {@code message} says what happens now; {@code fraction} is 0 to 1, or negative when unknown. */
        void update(String message, double fraction);
    }

    /** A piece of background work with its callbacks. */
    public final class Job<T> {
        private final String title;
        private final Tracked<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<Throwable> onError = error -> LOG.error("Background work failed", error);
        private Runnable andFinally = () -> { };
        private Runnable onCancel;

        private Job(String title, Tracked<T> work) {
            this.title = title;
            this.work = work;
        }

        /** Runs on the JavaFX thread with the result. */
        public Job<T> onSuccess(Consumer<? super T> callback) {
            this.onSuccess = callback;
            return this;
        }

        /** Runs on the JavaFX thread with the failure's cause. */
        public Job<T> onError(Consumer<Throwable> callback) {
            this.onError = callback;
            return this;
        }

        /** Runs on the JavaFX thread after either outcome. */
        public Job<T> andFinally(Runnable callback) {
            this.andFinally = callback;
            return this;
        }

        /**
         * Lets the activity panel's Cancel button ask the work to stop: {@code cancel} runs on the JavaFX
         * thread and the work ends on its own (e.g. after rolling back). Work without it cannot be cancelled there.
         */
        public Job<T> cancellable(Runnable cancel) {
            this.onCancel = cancel;
            return this;
        }

        /** Starts the work and returns its future (completed off the JavaFX thread). */
        public CompletableFuture<T> start() {
            CompletableFuture<T> future;
            if (title == null) {
                future = CompletableFuture.supplyAsync(() -> {
                    try {
                        return work.call((message, fraction) -> { });
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                }, workers);
            } else {
                future = new CompletableFuture<>();
                activities.start(new Activity<>(title, work, onCancel, future), workers);
            }
            future.whenComplete((result, error) -> Platform.runLater(() -> {
                try {
                    if (error == null) {
                        onSuccess.accept(result);
                    } else {
                        onError.accept(error instanceof CompletionException && error.getCause() != null
                                ? error.getCause() : error);
                    }
                } finally {
                    andFinally.run();
                }
            }));
            return future;
        }
    }
}
