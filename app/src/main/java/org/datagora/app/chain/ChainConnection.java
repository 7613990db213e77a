package org.datagora.app.chain;

import java.util.Optional;

/**
 * The chain services of the network the app is connected to.
 *
 * @param transactions sends transactions and reads balances
 * @param token the payment token
 * @param faucet test tokens and ETH, only on the local sandbox
 */
public record ChainConnection(ChainTransactions transactions, TokenService token, Optional<Faucet> faucet) {
}
