package org.datagora.app.ui.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** Reads and writes token amounts as people do: "12.5 DGT", not 12500000000000000000 wei. */
public final class Dgt {

    private static final int DECIMALS = 18;

    private Dgt() {
    }

    /** "12.5 DGT". */
    public static String format(BigInteger wei) {
        BigDecimal value = new BigDecimal(wei, DECIMALS).setScale(4, RoundingMode.DOWN).stripTrailingZeros();
        return value.toPlainString() + " DGT";
    }

    /** Parses "12.5" into wei; throws with a clear sentence when it is not an amount. */
    public static BigInteger parse(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim().replace(",", ""));
            if (value.signum() < 0) {
                throw new IllegalArgumentException("The amount cannot be negative.");
            }
            return value.movePointRight(DECIMALS).setScale(0, RoundingMode.UNNECESSARY).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("Enter an amount such as 12.5 (at most 18 decimals).", e);
        }
    }
}
