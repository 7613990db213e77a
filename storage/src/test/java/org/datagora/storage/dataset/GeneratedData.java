package org.datagora.storage.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic pseudo-random test data of any length, generated on the fly (xorshift64*), so large
 * round trips need neither memory nor a source file on disk.
 */
public final class GeneratedData extends InputStream {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private long remaining;
    private long state;
    private long word;
    private int wordBytes;

    public GeneratedData(long size, long seed) {
        this.remaining = size;
        this.state = seed * 0x9E3779B97F4A7C15L + 1;
    }

    /** The SHA-256 of the data {@code new GeneratedData(size, seed)} produces. */
    public static byte[] sha256(long size, long seed) throws IOException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = new GeneratedData(size, seed)) {
            byte[] buffer = new byte[1 << 20];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sha256.update(buffer, 0, n);
            }
        }
        return sha256.digest();
    }

    /** The whole stream as an array, for small sizes. */
    public static byte[] bytes(int size, long seed) throws IOException {
        try (InputStream in = new GeneratedData(size, seed)) {
            return in.readAllBytes();
        }
    }

    private long next() {
        state ^= state >>> 12;
        state ^= state << 25;
        state ^= state >>> 27;
        return state * 0x2545F4914F6CDD1DL;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (remaining == 0) {
            return len == 0 ? 0 : -1;
        }
        int n = (int) Math.min(len, remaining);
        int i = 0;
        while (i < n && wordBytes > 0) {
            b[off + i++] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        // Whole words at a time: the byte order matches the byte-by-byte path, so slicing never matters.
        while (n - i >= 8) {
            LONGS.set(b, off + i, next());
            i += 8;
        }
        while (i < n) {
            if (wordBytes == 0) {
                word = next();
                wordBytes = 8;
            }
            b[off + i++] = (byte) word;
            word >>>= 8;
            wordBytes--;
        }
        remaining -= n;
        return n;
    }
}
