package org.datagora.storage.indexer;

import java.time.Instant;

/**
 * What the chain indexer is doing, for the UI to show: catching up, caught up, or unable to reach the chain
 * (the cache still answers; {@code error} then says why, in a sentence).
 */
public record IndexerStatus(State state, long cursorBlock, long headBlock, String error, Instant at) {

    /** The indexer's three states. */
    public enum State { SYNCING, UP_TO_DATE, OFFLINE }

    static IndexerStatus syncing(long cursor, long head) {
        return new IndexerStatus(State.SYNCING, cursor, head, null, Instant.now());
    }

    static IndexerStatus upToDate(long cursor) {
        return new IndexerStatus(State.UP_TO_DATE, cursor, cursor, null, Instant.now());
    }

    static IndexerStatus offline(long cursor, long head, String error) {
        return new IndexerStatus(State.OFFLINE, cursor, head, error, Instant.now());
    }
}
