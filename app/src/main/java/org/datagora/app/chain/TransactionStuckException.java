package org.datagora.app.chain;

import java.time.Duration;

/**
 * A transaction was not mined within the timeout, usually because its fees are too low for the network
 * right now; {@link ChainTransactions#speedUp} re-sends it with higher fees.
 */
public final class TransactionStuckException extends ChainException {

    private final PendingTransaction pending;

    public TransactionStuckException(PendingTransaction pending, Duration waited) {
        super("Your transaction for " + pending.request().description() + " was not confirmed within "
                + waited.toSeconds() + " seconds. It may still go through; speed it up to re-send it with higher fees.");
        this.pending = pending;
    }

    /** The transaction still waiting, to speed up. */
    public PendingTransaction pending() {
        return pending;
    }
}
