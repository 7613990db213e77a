package org.datagora.app.chain;

import java.math.BigInteger;

/**
 * What a transaction should do, before it has fees, a nonce and a signature.
 *
 * @param to the contract or account called
 * @param data the ABI-encoded call ({@code 0x} for a plain ETH transfer)
 * @param value the wei sent along
 * @param description what it does in words, for messages ("sending 5 DGT")
 */
public record TransactionRequest(String to, String data, BigInteger value, String description) {

    /** A contract call that sends no ETH. */
    public static TransactionRequest call(String contract, String data, String description) {
        return new TransactionRequest(contract, data, BigInteger.ZERO, description);
    }

    /** A plain ETH transfer. */
    public static TransactionRequest ether(String to, BigInteger wei, String description) {
        return new TransactionRequest(to, "0x", wei, description);
    }
}
