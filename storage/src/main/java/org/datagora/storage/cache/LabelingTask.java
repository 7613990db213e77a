package org.datagora.storage.cache;

import java.math.BigInteger;

/** A labeling bounty posted on chain: items to label in batches, the reward escrowed and the validation pool. */
public record LabelingTask(
        long taskId,
        String requester,
        String manifestDigest,
        String schemaDigest,
        int itemCount,
        int batchSize,
        int labelsPerItem,
        BigInteger totalReward,
        BigInteger validationPool,
        Status status,
        long createdBlock,
        long createdTime,
        long updatedBlock) {

    /** Whether the task still takes claims and labels. */
    public enum Status { OPEN, CLOSED }
}
