package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;

/** A dataset offered for sale, as the cache knows it: the chain's facts plus its verified metadata. */
public record Listing(
        long listingId,
        String seller,
        String contentCid,
        String metadataCid,
        String keyCommitment,
        BigInteger price,
        String license,
        long deliveryWindow,
        Status status,
        int version,
        Long previousListingId,
        long createdBlock,
        long createdTime,
        long updatedBlock,
        String title,
        String description,
        String tags,
        MetadataState metadataState,
        int ratingCount,
        int ratingSum) {

    /** Where a listing stands on chain. */
    public enum Status { ACTIVE, PAUSED, DELISTED }

    /** Whether the listing's metadata has been fetched and verified yet. */
    public enum MetadataState { PENDING, VERIFIED, INVALID }

    public List<String> tagList() {
        return tags == null || tags.isEmpty() ? List.of() : Arrays.asList(tags.split(","));
    }

    /** Mean rating, 0 when unrated. */
    public double rating() {
        return ratingCount == 0 ? 0 : (double) ratingSum / ratingCount;
    }
}
