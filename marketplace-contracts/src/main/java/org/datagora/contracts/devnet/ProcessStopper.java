package org.datagora.contracts.devnet;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Stops a child process politely (SIGTERM), and forcibly when it does not go in time. */
public final class ProcessStopper {

    private ProcessStopper() {
    }

    /** Sends SIGTERM, waits up to {@code grace}, then SIGKILL; returns once the process is gone. */
    public static void stop(ProcessHandle process, Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            process.destroyForcibly();
            process.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        } catch (ExecutionException e) {
            process.destroyForcibly();
        }
    }
}
