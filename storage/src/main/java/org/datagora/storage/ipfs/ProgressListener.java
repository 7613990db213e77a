package org.datagora.storage.ipfs;

/** Told how many bytes of an upload have been sent so far; called on the HTTP client's thread. */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores progress. */
    ProgressListener NONE = bytesSent -> { };

    /** {@code bytesSent} counts the payload only (not the multipart framing) and only grows. */
    void sent(long bytesSent);
}
