package org.datagora.app.labeling;

import java.math.BigInteger;
import org.datagora.contracts.generated.LabelingBounties;

/** A labeler's claim on one batch, as the chain holds it. */
public record ClaimInfo(BigInteger claimId, BigInteger taskId, String labeler, int batchIndex, Status status,
                        boolean goldPassed, boolean rejectedByRequester, int votes, int approvals, int rejections,
                        byte[] commitmentOrRoot) {

    /** The contract's ClaimStatus, in its order. */
    public enum Status { NONE, CLAIMED, REVEALED, ACCEPTED, REJECTED, SLASHED, FORFEITED }

    static ClaimInfo of(BigInteger claimId, LabelingBounties.Claim c) {
        return new ClaimInfo(claimId, c.taskId, c.labeler.toLowerCase(), c.batchIndex.intValue(),
                Status.values()[c.status.intValue()], c.goldPassed, c.rejectedByRequester, c.votes.intValue(),
                c.approvals.intValue(), c.rejections.intValue(), c.commitmentOrRoot);
    }

    /** Whether the labeler committed and has not revealed yet. */
    public boolean committedNotRevealed() {
        return status == Status.CLAIMED && new BigInteger(1, commitmentOrRoot).signum() != 0;
    }

    /** Whether the claim is settled (paid, returned or forfeited). */
    public boolean settled() {
        return status == Status.ACCEPTED || status == Status.REJECTED || status == Status.SLASHED
                || status == Status.FORFEITED;
    }
}
