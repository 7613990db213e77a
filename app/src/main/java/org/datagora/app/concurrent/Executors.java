package org.datagora.app.concurrent;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The app's two thread pools: workers for network, chain and disk work, and a scheduler for polling.
 * Nothing of that kind ever runs on the JavaFX thread.
 */
public final class Executors implements AutoCloseable {

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;

    public Executors() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(4, 4, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                new NamedThreadFactory("datagora-worker"));
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.scheduler = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("datagora-poll"));
    }

    /** The pool for background work. */
    public ExecutorService workers() {
        return workers;
    }

    /** The pool for periodic checks. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            workers.shutdownNow();
        }
    }
}
