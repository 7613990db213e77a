package org.datagora.app.chain;

/** Another transaction of the same account took the nonce of the one the app sent. */
public final class TransactionReplacedException extends ChainException {

    private final PendingTransaction replaced;

    public TransactionReplacedException(PendingTransaction replaced) {
        super("Your transaction for " + replaced.request().description() + " was replaced by another transaction "
                + "from the same account (nonce " + replaced.nonce() + "), perhaps sent from another wallet app. "
                + "Check your balances, then try again if it is still needed.");
        this.replaced = replaced;
    }

    /** The transaction that will never be mined. */
    public PendingTransaction replaced() {
        return replaced;
    }
}
