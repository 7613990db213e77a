package org.datagora.app.market;

import java.math.BigInteger;

/**
 * A transaction signed but perhaps not yet sent: kept (in a publish journal, for example) so that after a
 * crash exactly the same transaction is sent again, which the chain can include at most once.
 *
 * @param from  the sender
 * @param nonce the sender's nonce it uses
 * @param hash  its hash, by which its receipt is found
 * @param raw   the signed bytes as 0x hex, for eth_sendRawTransaction
 */
public record SignedTransaction(String from, BigInteger nonce, String hash, String raw) {
}
