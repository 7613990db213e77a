package org.datagora.app.chain;

import java.math.BigInteger;

/** The account holds fewer tokens than the transaction moves. */
public final class InsufficientTokenBalanceException extends ChainException {

    public InsufficientTokenBalanceException(String symbol, BigInteger needed, BigInteger available) {
        super("You have " + Amounts.formatToken(available) + " " + symbol + " but this needs "
                + Amounts.formatToken(needed) + " " + symbol + ". Get more " + symbol
                + " or enter a smaller amount.");
    }
}
