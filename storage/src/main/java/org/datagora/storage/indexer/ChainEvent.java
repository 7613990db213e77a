package org.datagora.storage.indexer;

import java.math.BigInteger;

/** The contract events the cache is built from, decoded; one record per event the cache cares about. */
sealed interface ChainEvent {

    /** A listing created, or a new version of one. */
    record Listed(long listingId, String seller, long previousListingId, String contentCid, String metadataCid,
            String keyCommitment, BigInteger price, int licenseId, long deliveryWindow) implements ChainEvent {
    }

    record PriceChanged(long listingId, BigInteger newPrice) implements ChainEvent {
    }

    record PausedChanged(long listingId, boolean paused) implements ChainEvent {
    }

    record Delisted(long listingId) implements ChainEvent {
    }

    record Purchased(long purchaseId, long listingId, String buyer, byte[] buyerPublicKey, BigInteger price,
            long deadline) implements ChainEvent {
    }

    record KeyDelivered(long purchaseId, byte[] wrappedKey) implements ChainEvent {
    }

    record Refunded(long purchaseId) implements ChainEvent {
    }

    record Rated(long purchaseId, long listingId, String seller, int stars) implements ChainEvent {
    }

    record KeyMismatchFlagged(long purchaseId, long listingId, String seller) implements ChainEvent {
    }

    record TaskCreated(long taskId, String requester, String manifestDigest, String schemaDigest, int itemCount,
            int batchSize, int labelsPerItem, BigInteger totalReward, BigInteger validationPool) implements ChainEvent {
    }

    record BatchClaimed(long claimId, long taskId, String labeler, int batchIndex) implements ChainEvent {
    }

    record LabelsCommitted(long claimId, String commitment) implements ChainEvent {
    }

    record LabelsRevealed(long claimId, String labelsCid) implements ChainEvent {
    }

    /** A claim's final outcome: slashed, rejected, or settled as accepted, rejected or forfeited. */
    record ClaimOutcome(long claimId, org.datagora.storage.cache.TaskClaim.Status status) implements ChainEvent {
    }

    record TaskClosed(long taskId) implements ChainEvent {
    }
}
