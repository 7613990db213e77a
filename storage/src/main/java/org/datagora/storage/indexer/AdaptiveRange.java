package org.datagora.storage.indexer;

/**
 * The number of blocks the next eth_getLogs call asks for: doubles after a success, halves after a refusal
 * ("too many results", a timeout), so the indexer goes fast over empty stretches and still gets through busy ones.
 */
final class AdaptiveRange {
    private final int max;
    private int size;

    AdaptiveRange(int initial, int max) {
        this.size = initial;
        this.max = max;
    }

    int size() {
        return size;
    }

    void succeeded() {
        size = (int) Math.min(max, (long) size * 2);
    }

    /** Returns false when the range is already one block: halving cannot help any more. */
    boolean refused() {
        if (size == 1) {
            return false;
        }
        size = Math.max(1, size / 2);
        return true;
    }
}
