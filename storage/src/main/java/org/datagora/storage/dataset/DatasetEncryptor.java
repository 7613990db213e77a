package org.datagora.storage.dataset;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.DatasetStreamCipher;
import org.datagora.storage.crypto.KeyCommitment;

/**
 * Encrypts a file or folder into one container stream (see {@link DatasetFormat}) in constant memory:
 * every file is read once, hashed and encrypted on the way through.
 */
public final class DatasetEncryptor {

    static final int BUFFER_SIZE = 1 << 20;

    /**
     * Writes the encrypted container to {@code out} (which stays open) and returns the manifest.
     *
     * @param progress called with the number of file bytes encrypted so far, after every buffer
     * @throws IOException when a file cannot be read, or changed size while it was being encrypted;
     *                     the bytes written to {@code out} are then unusable and should be discarded
     */
    public DatasetManifest encrypt(DatasetSource source, DatasetKey key, OutputStream out, LongConsumer progress)
            throws IOException {
        byte[] header = DatasetFormat.header(KeyCommitment.of(key));
        out.write(header);
        DatasetStreamCipher.warmUpFor(source.totalSize());
        DatasetStreamCipher cipher = new DatasetStreamCipher(key);
        List<DatasetManifest.File> files = new ArrayList<>();
        try (OutputStream plaintext = cipher.encrypting(new KeepOpen(out), header)) {
            byte[] index = DatasetIndex.encode(source.entries());
            plaintext.write(ByteBuffer.allocate(4).putInt(index.length).array());
            plaintext.write(index);
            byte[] buffer = new byte[BUFFER_SIZE];
            long done = 0;
            for (DatasetSource.Entry entry : source.entries()) {
                byte[] digest = copyExactly(entry, plaintext, buffer, done, progress);
                done += entry.size();
                files.add(new DatasetManifest.File(entry.path(), entry.size(), digest));
            }
            for (DatasetManifest.File file : files) {
                plaintext.write(file.sha256());
            }
        }
        out.flush();
        return new DatasetManifest(files);
    }

    /** Same, without progress reports. */
    public DatasetManifest encrypt(DatasetSource source, DatasetKey key, OutputStream out) throws IOException {
        return encrypt(source, key, out, done -> { });
    }

    private static byte[] copyExactly(DatasetSource.Entry entry, OutputStream plaintext, byte[] buffer,
            long doneBefore, LongConsumer progress) throws IOException {
        MessageDigest sha256 = sha256();
        long remaining = entry.size();
        try (InputStream in = entry.opener().open()) {
            while (remaining > 0) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("Encryption was cancelled");
                }
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, remaining));
                if (n < 0) {
                    throw changed(entry);
                }
                sha256.update(buffer, 0, n);
                plaintext.write(buffer, 0, n);
                remaining -= n;
                progress.accept(doneBefore + entry.size() - remaining);
            }
            if (in.read() >= 0) {
                throw changed(entry);
            }
        }
        return sha256.digest();
    }

    private static IOException changed(DatasetSource.Entry entry) {
        return new IOException(entry.path() + " changed while it was being encrypted (it no longer has "
                + entry.size() + " bytes). Encrypt the dataset again once the file stays unchanged.");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    /** Lets Tink's stream close (which writes the last segment) without closing the caller's stream. */
    private static final class KeepOpen extends FilterOutputStream {
        KeepOpen(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
