package org.datagora.app.market;

import java.math.BigInteger;

/**
 * One sale of the seller's listings as the delivery agent tracks it, for the Sales view.
 *
 * @param purchaseId    the purchase
 * @param listingId     the listing sold
 * @param buyer         the buyer's address
 * @param buyerKey      the buyer's X25519 delivery key (hex) from the Purchased event
 * @param price         the price paid into escrow
 * @param deadline      the last second (chain time) to deliver
 * @param purchasedTime when it was bought (chain time, seconds)
 * @param state         where the sale stands
 * @param txHash        the deliverKey transaction once signed
 * @param rawTx         the signed deliverKey transaction, kept so a restart sends the same one again
 * @param sellerAmount  what the seller received on delivery
 * @param fee           what the treasury received on delivery
 * @param deliveredTime when the key was delivered (chain time, seconds)
 * @param lastError     why the last delivery attempt failed, if it did
 */
public record SaleRecord(long purchaseId, long listingId, String buyer, String buyerKey, BigInteger price,
                         long deadline, long purchasedTime, State state, String txHash, String rawTx,
                         BigInteger sellerAmount, BigInteger fee, Long deliveredTime, String lastError) {

    /** Where a sale stands. */
    public enum State {
        /** Paid into escrow, key not yet delivered. */
        PENDING,
        /** The deliverKey transaction was sent and awaits its receipt. */
        SENDING,
        /** The key was delivered and the escrow paid out. */
        DELIVERED,
        /** The buyer took the escrow back. */
        REFUNDED,
        /** The deadline passed before delivery; the buyer may take the escrow back. */
        EXPIRED
    }

    SaleRecord with(State newState, String newTxHash, String newRawTx, BigInteger newSellerAmount, BigInteger newFee,
                    Long newDeliveredTime, String error) {
        return new SaleRecord(purchaseId, listingId, buyer, buyerKey, price, deadline, purchasedTime, newState,
                newTxHash, newRawTx, newSellerAmount, newFee, newDeliveredTime, error);
    }

    SaleRecord failed(String error) {
        return with(state, txHash, rawTx, sellerAmount, fee, deliveredTime, error);
    }
}
