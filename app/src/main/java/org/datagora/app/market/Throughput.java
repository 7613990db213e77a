package org.datagora.app.market;

/** Bytes per second since a start, for progress listeners. */
final class Throughput {

    private final long started = System.nanoTime();

    double bytesPerSecond(long bytes) {
        double seconds = (System.nanoTime() - started) / 1e9;
        return seconds <= 0 ? 0 : bytes / seconds;
    }

    static double fraction(long done, long total) {
        return total <= 0 ? 1 : Math.min(1, (double) done / total);
    }
}
