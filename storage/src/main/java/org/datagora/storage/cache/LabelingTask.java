package org.datagora.storage.cache;

import java.math.BigInteger;

/** A labeling bounty posted on chain: items to label, the bounty paid and the stake a labeler puts up. */
public record LabelingTask(
        long taskId,
        String requester,
        Long listingId,
        String specCid,
        BigInteger bounty,
        BigInteger stake,
        int itemCount,
        long commitDeadline,
        long revealDeadline,
        Status status,
        long createdBlock,
        long updatedBlock) {

    /** Where the bounty stands. */
    public enum Status { OPEN, FINALIZED, CANCELLED }
}
