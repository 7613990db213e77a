package org.datagora.app.market;

import java.math.BigDecimal;
import java.math.BigInteger;

/** DGT amounts between their smallest unit (18 decimals, "wei") and the decimal text users read and type. */
public final class TokenAmounts {

    /** DGT has 18 decimals, like ETH. */
    public static final int DECIMALS = 18;

    private TokenAmounts() {
    }

    /** "1.5" DGT as wei; refuses more than 18 decimals or a negative amount. */
    public static BigInteger parse(String dgt) {
        try {
            BigDecimal value = new BigDecimal(dgt.strip());
            if (value.signum() < 0) {
                throw new IllegalArgumentException("An amount cannot be negative: " + dgt);
            }
            return value.movePointRight(DECIMALS).toBigIntegerExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("\"" + dgt + "\" is not an amount of DGT (at most 18 decimals).", e);
        }
    }

    /** Wei as DGT text without trailing zeros, e.g. "1.5 DGT". */
    public static String format(BigInteger wei) {
        BigDecimal value = new BigDecimal(wei).movePointLeft(DECIMALS).stripTrailingZeros();
        return (value.signum() == 0 ? "0" : value.toPlainString()) + " DGT";
    }
}
