package org.datagora.storage.cache;

import java.math.BigInteger;

/** One escrowed purchase of a listing, seen from either side: the buyer's purchase, the seller's sale. */
public record Purchase(
        long purchaseId,
        long listingId,
        String buyer,
        String seller,
        BigInteger price,
        Status status,
        byte[] buyerPublicKey,
        long deadline,
        byte[] wrappedKey,
        boolean keyMismatch,
        long purchasedBlock,
        long purchasedTime,
        Long deliveredBlock,
        Long deliveredTime,
        Long refundedBlock,
        Integer rating) {

    /** Where the escrow stands. */
    public enum Status { ESCROWED, DELIVERED, REFUNDED }
}
