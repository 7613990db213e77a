package org.datagora.app.market;

import java.math.BigInteger;

/**
 * A purchase paid into escrow.
 *
 * @param purchaseId the purchase's id in the marketplace contract
 * @param listingId  the listing bought
 * @param price      the price paid
 * @param deadline   the last second (chain time) at which the seller may deliver
 * @param txHash     the buy transaction
 */
public record PurchaseResult(long purchaseId, long listingId, BigInteger price, long deadline, String txHash) {
}
