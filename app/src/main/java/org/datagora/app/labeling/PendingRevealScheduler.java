package org.datagora.app.labeling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends task keys to new claims of this account's tasks, and reveals committed labels and votes on its
 * own: once at start (catching up on whatever came due while the app was offline) and then every
 * {@code period}. Chain time decides what is due, so a reveal happens in
 * the first pass after the commit window closed.
 */
public final class PendingRevealScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PendingRevealScheduler.class);

    private final TaskKeyDesk keyDesk;
    private final LabelerService labeler;
    private final ValidatorService validator;
    private final ScheduledExecutorService scheduler;
    private final Consumer<String> notices;
    private ScheduledFuture<?> task;

    /**
     * @param notices told, in a sentence, about each reveal and each failure (e.g. the status bar)
     */
    public PendingRevealScheduler(TaskKeyDesk keyDesk, LabelerService labeler, ValidatorService validator,
                                  ScheduledExecutorService scheduler, Consumer<String> notices) {
        this.keyDesk = Objects.requireNonNull(keyDesk, "keyDesk");
        this.labeler = Objects.requireNonNull(labeler, "labeler");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.notices = Objects.requireNonNull(notices, "notices");
    }

    /** Runs a pass now and then every {@code period}. */
    public synchronized void start(Duration period) {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::runOnce, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** One pass over pending label and vote reveals; failures are reported and retried next pass. */
    public void runOnce() {
        try {
            int keys = keyDesk.deliverDue();
            if (keys > 0) {
                notices.accept("Sent the task key to " + keys + (keys == 1 ? " new claim" : " new claims"));
            }
            LabelerService.RevealReport report = labeler.revealDue();
            report.revealed().forEach(id -> notices.accept("Revealed the labels of claim " + id));
            report.missed().forEach(id -> notices.accept("The reveal window of claim " + id
                    + " closed while the app was offline; its stake is forfeited"));
            validator.revealDue().forEach(id -> notices.accept("Revealed the vote on claim " + id));
        } catch (RuntimeException e) {
            LOG.warn("A pass over pending reveals failed", e);
            notices.accept(e.getMessage());
        }
    }

    /** Stops the periodic passes (the executor belongs to the caller). */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel(false);
            task = null;
        }
    }
}
