package org.datagora.storage.cache;

/** A labeler's claim on one batch of a task, through commit and reveal to its outcome. */
public record TaskClaim(
        long claimId,
        long taskId,
        String labeler,
        int batchIndex,
        String commitment,
        String labelsCid,
        Status status,
        long claimedBlock,
        long updatedBlock) {

    /** Where the claim stands; the last four are outcomes of settlement. */
    public enum Status { CLAIMED, COMMITTED, REVEALED, ACCEPTED, REJECTED, SLASHED, FORFEITED }
}
