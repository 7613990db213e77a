package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.datagora.storage.crypto.DatasetKey;

/**
 * The encrypted container as a stream to pull from, for consumers that read (an HTTP upload to IPFS):
 * encryption runs on the given executor and feeds a 4 MiB pipe, so encrypting and uploading overlap and
 * no container file is written. If encryption fails, the read that would have returned the end of the
 * stream throws instead, so a truncated container never looks like a finished upload.
 */
public final class EncryptingInputStream extends InputStream {

    private static final int PIPE_SIZE = 4 << 20;

    private final PipedInputStream pipe;
    private final CompletableFuture<DatasetManifest> manifest;

    private EncryptingInputStream(PipedInputStream pipe, CompletableFuture<DatasetManifest> manifest) {
        this.pipe = pipe;
        this.manifest = manifest;
    }

    /** Starts encrypting {@code source} on {@code executor}; read the container from the returned stream. */
    public static EncryptingInputStream start(DatasetEncryptor encryptor, DatasetSource source, DatasetKey key,
            Executor executor) throws IOException {
        PipedInputStream pipe = new PipedInputStream(PIPE_SIZE);
        PipedOutputStream out = new PipedOutputStream(pipe);
        CompletableFuture<DatasetManifest> manifest = new CompletableFuture<>();
        executor.execute(() -> {
            try {
                manifest.complete(encryptor.encrypt(source, key, out));
            } catch (IOException | RuntimeException e) {
                manifest.completeExceptionally(e);
            } finally {
                try {
                    out.close();
                } catch (IOException e) {
                    // The reader went away; the manifest future already says what happened.
                }
            }
        });
        return new EncryptingInputStream(pipe, manifest);
    }

    /** Completes with the manifest once the whole container was produced, or with the failure. */
    public CompletableFuture<DatasetManifest> manifest() {
        return manifest;
    }

    @Override
    public int read() throws IOException {
        int b = pipe.read();
        return b < 0 ? end() : b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = pipe.read(b, off, len);
        return n < 0 ? end() : n;
    }

    @Override
    public int available() throws IOException {
        return pipe.available();
    }

    /** Closing early stops the encryption (its next write fails). */
    @Override
    public void close() throws IOException {
        pipe.close();
    }

    private int end() throws IOException {
        try {
            manifest.get();
            return -1;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof IOException io ? io
                    : new IOException("Encrypting the dataset failed: " + cause.getMessage(), cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("Interrupted while the dataset was being encrypted");
        }
    }
}
