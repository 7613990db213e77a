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
 */
public final class FxBackground {

    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);

    private final Executor workers;

    public FxBackground(Executor workers) {
        this.workers = workers;
    }

    /** Prepares {@code work}; nothing runs until {@link Job#start()}. */
    public <T> Job<T> run(Callable<T> work) {
        return new Job<>(work);
    }

    /** A piece of background work with its callbacks. */
    public final class Job<T> {
        private final Callable<T> work;
        private Consumer<? super T> onSuccess = result -> { };
        private Consumer<Throwable> onError = error -> LOG.error("Background work failed", error);
        private Runnable andFinally = () -> { };

        private Job(Callable<T> work) {
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

        /** Starts the work and returns its future (completed off the JavaFX thread). */
        public CompletableFuture<T> start() {
            CompletableFuture<T> future = CompletableFuture.supplyAsync(() -> {
                try {
                    return work.call();
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }, workers);
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
