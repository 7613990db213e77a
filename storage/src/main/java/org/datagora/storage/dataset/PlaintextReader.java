package org.datagora.storage.dataset;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the decrypted stream and turns Tink's terse failures into the one exception a user should see:
 * a failure of the underlying source (network, disk, CID mismatch) is rethrown as it was; an
 * authentication failure before any plaintext came out, with a key that does not match the container's
 * key commitment, means a wrong key; every other authentication failure or early end means tampering.
 */
final class PlaintextReader {

    private final InputStream decrypted;
    private final boolean keyMatchesHeader;
    private boolean anyPlaintext;

    PlaintextReader(InputStream decrypted, boolean keyMatchesHeader) {
        this.decrypted = decrypted;
        this.keyMatchesHeader = keyMatchesHeader;
    }

    /** Wraps the ciphertext source so its own failures can be told apart from authentication failures. */
    static InputStream guard(InputStream source) {
        return new SourceGuard(source);
    }

    void readFully(byte[] buffer, int offset, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = read(buffer, offset + done, length - done);
            if (n < 0) {
                throw new DatasetTamperedException("it ends too early: it was cut short", null);
            }
            done += n;
        }
    }

    int read(byte[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = decrypted.read(buffer, offset, length);
        } catch (IOException | RuntimeException e) {
            throw translate(e);
        }
        if (n > 0 && !anyPlaintext) {
            anyPlaintext = true;
            if (!keyMatchesHeader) {
                // The key opened the stream, so it is the right key: the clear header was altered.
                throw new DatasetTamperedException("its header was altered", null);
            }
        }
        return n;
    }

    /** Requires the end of the stream here; reading it is what authenticates the last segment. */
    void expectEnd() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        if (n >= 0) {
            throw new DatasetTamperedException("it holds unexpected data after its last file", null);
        }
    }

    private IOException translate(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SourceFailure failure) {
                return failure.original();
            }
        }
        if (!anyPlaintext && !keyMatchesHeader) {
            return new WrongKeyException(e);
        }
        return new DatasetTamperedException(anyPlaintext
                ? "a part of it does not authenticate, or parts are out of order or missing"
                : "its beginning does not authenticate", e);
    }

    /** Marks failures of the ciphertext source itself. */
    private static final class SourceFailure extends IOException {
        SourceFailure(IOException original) {
            super(original.getMessage(), original);
        }

        IOException original() {
            return (IOException) getCause();
        }
    }

    private static final class SourceGuard extends FilterInputStream {
        SourceGuard(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return in.read();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return in.read(b, off, len);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return in.skip(n);
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }

        @Override
        public int available() throws IOException {
            try {
                return in.available();
            } catch (IOException e) {
                throw new SourceFailure(e);
            }
        }
    }
}
