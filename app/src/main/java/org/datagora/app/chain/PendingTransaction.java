package org.datagora.app.chain;

/**
 * A signed transaction the node accepted, not yet known to be mined.
 *
 * @param hash its transaction hash
 * @param from the sender
 * @param nonce the sender's nonce it uses
 * @param request what it does
 * @param fees the fees it offers
 */
public record PendingTransaction(String hash, String from, java.math.BigInteger nonce, TransactionRequest request,
                                 FeeEstimate fees) {
}
