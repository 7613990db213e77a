package org.datagora.app.market;

/** Hears a download's progress; called on the thread running it. */
@FunctionalInterface
public interface DownloadListener {

    /** Does nothing. */
    DownloadListener NONE = (step, fraction, bytesPerSecond) -> { };

    /** Progress within {@code step}: fraction 0 to 1, throughput in bytes per second for FETCH and DECRYPT. */
    void onProgress(DownloadStep step, double fraction, double bytesPerSecond);
}
