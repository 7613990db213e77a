package org.datagora.storage.cache;

/** A labeler's claim on a task, through commit and reveal to payment or slashing. */
public record TaskClaim(
        long taskId,
        String labeler,
        String commitment,
        String revealedCid,
        Status status,
        long claimedBlock,
        long updatedBlock) {

    /** Where the claim stands. */
    public enum Status { CLAIMED, COMMITTED, REVEALED, PAID, SLASHED }
}
