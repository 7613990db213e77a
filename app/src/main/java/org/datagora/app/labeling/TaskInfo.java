package org.datagora.app.labeling;

import java.math.BigInteger;
import org.datagora.contracts.generated.LabelingBounties;

/**
 * A task as the chain holds it, with the CIDs of its manifest and schema.
 */
public record TaskInfo(BigInteger taskId, String requester, String manifestCid, String schemaCid, int itemCount,
                       int batchSize, int labelsPerItem, int goldCount, int goldRevealed, BigInteger rewardPerLabel,
                       BigInteger stakePerClaim, BigInteger validatorReward, int votesPerClaim, long claimDeadline,
                       long commitDeadline, long revealDeadline, long reviewDeadline, long voteRevealDeadline,
                       boolean closed, BigInteger rewardHeld, BigInteger claimedReward) {

    /** Reads the contract's struct. */
    static TaskInfo of(BigInteger taskId, LabelingBounties.Task t) {
        return new TaskInfo(taskId, t.requester.toLowerCase(), TaskContent.cid(t.manifestCodec.longValue(), t.manifestDigest),
                TaskContent.cid(t.schemaCodec.longValue(), t.schemaDigest), t.itemCount.intValue(), t.batchSize.intValue(),
                t.labelsPerItem.intValue(), t.goldCount.intValue(), t.goldRevealed.intValue(), t.rewardPerLabel,
                t.stakePerClaim, t.validatorReward, t.votesPerClaim.intValue(), t.claimDeadline.longValue(),
                t.commitDeadline.longValue(), t.revealDeadline.longValue(), t.reviewDeadline.longValue(),
                t.voteRevealDeadline.longValue(), t.closed, t.rewardHeld, t.claimedReward);
    }

    /** The number of batches. */
    public int batchCount() {
        return (itemCount + batchSize - 1) / batchSize;
    }

    /** The first item of a batch. */
    public int firstItem(int batchIndex) {
        return batchIndex * batchSize;
    }

    /** How many items a batch holds (the last may be shorter). */
    public int batchLength(int batchIndex) {
        return Math.min(batchSize, itemCount - firstItem(batchIndex));
    }

    /** Where the task stands at chain time {@code now}. */
    public Phase phase(long now) {
        if (closed) {
            return Phase.CLOSED;
        }
        if (now <= claimDeadline) {
            return Phase.CLAIMING;
        }
        if (now <= commitDeadline) {
            return Phase.COMMITTING;
        }
        if (now <= revealDeadline) {
            return Phase.REVEALING;
        }
        if (now <= reviewDeadline) {
            return Phase.REVIEWING;
        }
        if (now <= voteRevealDeadline) {
            return Phase.VOTE_REVEALING;
        }
        return Phase.SETTLING;
    }

    /** The windows of a task's life. */
    public enum Phase { CLAIMING, COMMITTING, REVEALING, REVIEWING, VOTE_REVEALING, SETTLING, CLOSED }
}
