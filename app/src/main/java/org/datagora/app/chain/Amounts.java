package org.datagora.app.chain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Converts between on-chain integer amounts (18 decimals for ETH and DGT) and what people read and type. */
public final class Amounts {

    /** Decimals of ETH and of the Datagora token. */
    public static final int DECIMALS = 18;

    private Amounts() {
    }

    /** A token amount in full precision without trailing zeros, e.g. {@code 1250.5}. */
    public static String formatToken(BigInteger units) {
        BigDecimal value = new BigDecimal(units, DECIMALS).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /** An ETH amount to six significant digits, e.g. {@code 0.000105}: enough to judge a fee. */
    public static String formatEth(BigInteger wei) {
        BigDecimal value = new BigDecimal(wei, DECIMALS).round(new MathContext(6, RoundingMode.HALF_UP)).stripTrailingZeros();
        return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
    }

    /**
     * Parses what a user typed ({@code 12}, {@code 0.5}) into units of 18 decimals.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is not a positive amount
     */
    public static BigInteger parse(String text) {
        String trimmed = text == null ? "" : text.trim().replace("_", "");
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("Enter an amount.");
        }
        BigDecimal value;
        try {
            value = new BigDecimal(trimmed);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Enter the amount as a number, like 12 or 0.5.");
        }
        if (value.signum() <= 0) {
            throw new IllegalArgumentException("Enter an amount greater than zero.");
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            throw new IllegalArgumentException("An amount can have at most " + DECIMALS + " decimals.");
        }
        return value.movePointRight(DECIMALS).toBigIntegerExact();
    }
}
