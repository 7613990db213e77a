package org.datagora.app.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.datagora.contracts.devnet.ProcessStopper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers the node processes the sandbox started in pid files, so that after the app was killed
 * (SIGKILL leaves children running) the next start can find and stop them before starting its own.
 */
final class ChildProcessRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ChildProcessRegistry.class);

    private final Path directory;

    ChildProcessRegistry(Path directory) {
        this.directory = directory;
    }

    /** Records that {@code name} runs as {@code process}. */
    void record(String name, ProcessHandle process) {
        try {
            Files.createDirectories(directory);
            long started = process.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L);
            Files.writeString(pidFile(name), process.pid() + " " + started + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + pidFile(name), e);
        }
    }

    /** Forgets {@code name} after it was stopped cleanly. */
    void forget(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            LOG.warn("Could not delete {}", pidFile(name), e);
        }
    }

    /**
     * Stops the process a previous run left behind under {@code name}, if it still runs. The start time
     * recorded with the pid guards against stopping an unrelated process that got the same pid.
     */
    Optional<Long> stopLeftover(String name, Duration grace) {
        Path file = pidFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            String[] parts = Files.readString(file).trim().split("\\s+");
            long pid = Long.parseLong(parts[0]);
            long started = parts.length > 1 ? Long.parseLong(parts[1]) : 0L;
            Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().startInstant().map(i -> i.toEpochMilli()).orElse(0L) == started);
            leftover.ifPresent(p -> {
                LOG.info("Stopping {} (pid {}) left running by an earlier run", name, pid);
                ProcessStopper.stop(p, grace);
            });
            Files.deleteIfExists(file);
            return leftover.map(ProcessHandle::pid);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not read the pid file {}; ignoring it", file, e);
            return Optional.empty();
        }
    }

    private Path pidFile(String name) {
        return directory.resolve(name + ".pid");
    }
}
