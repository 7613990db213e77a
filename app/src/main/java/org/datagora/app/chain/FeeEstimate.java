package org.datagora.app.chain;

import java.math.BigInteger;

/**
 * The gas and EIP-1559 fees chosen for one transaction.
 *
 * @param gasLimit the estimate plus a safety margin
 * @param maxFeePerGas the most the sender pays per gas (twice the next base fee plus the tip)
 * @param maxPriorityFeePerGas the tip for the block producer
 */
public record FeeEstimate(BigInteger gasLimit, BigInteger maxFeePerGas, BigInteger maxPriorityFeePerGas) {

    /** The most the transaction can cost in fees, in wei. */
    public BigInteger maxCost() {
        return gasLimit.multiply(maxFeePerGas);
    }

    /** These fees raised by {@code percent} (a replacement must pay at least 10% more). */
    public FeeEstimate bumped(int percent) {
        BigInteger factor = BigInteger.valueOf(100L + percent);
        BigInteger hundred = BigInteger.valueOf(100);
        return new FeeEstimate(gasLimit, maxFeePerGas.multiply(factor).divide(hundred).add(BigInteger.ONE),
                maxPriorityFeePerGas.multiply(factor).divide(hundred).add(BigInteger.ONE));
    }

    /** The higher of each fee of this and {@code other}. */
    public FeeEstimate atLeast(FeeEstimate other) {
        return new FeeEstimate(gasLimit.max(other.gasLimit), maxFeePerGas.max(other.maxFeePerGas),
                maxPriorityFeePerGas.max(other.maxPriorityFeePerGas));
    }
}
