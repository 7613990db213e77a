package org.datagora.app.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Marks a sandbox directory as in use by one process. The operating system drops the lock when that
 * process dies, even by SIGKILL, which is how the next start tells a crash from a sandbox still in use.
 */
final class SandboxLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private SandboxLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock, or returns empty when another process (or this one) holds it. */
    static Optional<SandboxLock> tryAcquire(Path directory) {
        try {
            FileChannel channel = FileChannel.open(directory.resolve(".lock"),
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                return Optional.of(new SandboxLock(channel, lock));
            } catch (OverlappingFileLockException e) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot lock the sandbox directory " + directory, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot release the sandbox lock", e);
        }
    }
}
