package org.datagora.app.chain;

import java.math.BigInteger;

/** The account has too little ETH to pay for a transaction's gas (and any ETH it sends). */
public final class InsufficientGasFundsException extends ChainException {

    private final BigInteger needed;
    private final BigInteger available;

    public InsufficientGasFundsException(String what, String address, BigInteger needed, BigInteger available) {
        super(capitalize(what) + " needs about " + Amounts.formatEth(needed) + " ETH for fees; you have "
                + Amounts.formatEth(available) + " ETH. Add ETH to " + address + " and try again.");
        this.needed = needed;
        this.available = available;
    }

    /** The wei the transaction needs at most. */
    public BigInteger needed() {
        return needed;
    }

    /** The wei the account holds. */
    public BigInteger available() {
        return available;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
