package org.datagora.storage.cid;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes bytes through while computing their CID, and fails the read that reaches the end of the stream
 * with {@link CidMismatchException} when they do not match the expected CID. Callers must treat
 * everything read as untrusted until that final read returned -1 (for instance by writing to a temporary
 * file that is moved into place only afterwards). {@code skip} is routed through {@code read} so no byte
 * escapes the hash; {@code mark/reset} are not supported.
 */
public final class CidVerifyingInputStream extends FilterInputStream {

    private final Cid expected;
    private final CidCalculator calculator;
    private boolean verified;
    private CidMismatchException mismatch;

    /** Verifies against {@code expected}, using IPFS's default chunking for that CID's version. */
    public CidVerifyingInputStream(InputStream in, Cid expected) {
        this(in, expected, UnixFsLayout.defaultFor(expected));
    }

    public CidVerifyingInputStream(InputStream in, Cid expected, UnixFsLayout layout) {
        super(in);
        this.expected = expected;
        this.calculator = new CidCalculator(layout, BlockListener.NONE);
    }

    /** Reads {@code in} to its end and throws {@link CidMismatchException} unless it matches {@code expected}. */
    public static void verify(InputStream in, Cid expected) throws IOException {
        try (CidVerifyingInputStream verifying = new CidVerifyingInputStream(in, expected)) {
            byte[] buffer = new byte[1 << 20];
            while (verifying.read(buffer) >= 0) {
                // Reading is the verification.
            }
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int n = in.read(b, off, len);
        if (n < 0) {
            checkAtEnd();
            return -1;
        }
        calculator.update(b, off, n);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[(int) Math.min(n, 64 * 1024)];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readlimit) {
        // Not supported: re-reading would hash bytes twice.
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset is not supported while verifying a CID");
    }

    /** True once the end of the stream was reached and the bytes matched. */
    public boolean isVerified() {
        return verified;
    }

    private void checkAtEnd() throws CidMismatchException {
        if (verified) {
            return;
        }
        if (mismatch == null) {
            Cid actual = calculator.finish();
            if (actual.equals(expected)) {
                verified = true;
                return;
            }
            mismatch = new CidMismatchException(expected, actual);
        }
        throw mismatch;
    }
}
