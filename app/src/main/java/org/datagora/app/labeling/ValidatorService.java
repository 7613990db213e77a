package org.datagora.app.labeling;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.datagora.contracts.LabelMerkle;
import org.datagora.contracts.generated.LabelingBounties;
import org.datagora.storage.crypto.DatasetKey;
import org.web3j.protocol.core.methods.response.Log;

/**
 * The validator's side: read a revealed claim's labels (with the task key, which validators hold as
 * labelers of the same task), commit a vote with a salt kept in the vault, and reveal it on its own once
 * the review window has closed, also after the app was offline.
 */
public final class ValidatorService {

    private final LabelingChain chain;
    private final TaskCatalog catalog;
    private final TaskContent content;
    private final LabelingSecrets secrets;
    private final SecureRandom random;

    public ValidatorService(LabelingChain chain, TaskCatalog catalog, TaskContent content, LabelingSecrets secrets,
                            SecureRandom random) {
        this.chain = chain;
        this.catalog = catalog;
        this.content = content;
        this.secrets = secrets;
        this.random = random;
    }

    /** Revealed claims of a task this account may vote on (not its own, not yet voted, votes left). */
    public List<ClaimInfo> claimsToReview(BigInteger taskId) {
        TaskInfo task = catalog.task(taskId);
        List<ClaimInfo> open = new ArrayList<>();
        for (ClaimInfo claim : catalog.claims(taskId)) {
            if (claim.status() == ClaimInfo.Status.REVEALED && !claim.labeler().equals(chain.account())
                    && !task.requester().equals(chain.account()) && claim.votes() < task.votesPerClaim()
                    && voteStatus(claim.claimId()) == 0) {
                open.add(claim);
            }
        }
        return open;
    }

    /** The labels of a revealed claim, to judge. */
    public LabelsFile labelsOf(BigInteger claimId) {
        ClaimInfo claim = catalog.claim(claimId);
        DatasetKey key = secrets.taskKey(claim.taskId()).orElseThrow(() -> new LabelingException(
                "Reviewing task " + claim.taskId() + " needs its key, which this wallet does not hold"));
        return content.labels(catalog.labelsCid(claimId).orElseThrow(() -> new LabelingException(
                "Claim " + claimId + " has not revealed its labels")), claimId.longValueExact(), key);
    }

    /** Commits a vote (review window), staking; the vote and salt go to the vault first. */
    public void vote(BigInteger claimId, boolean approve) {
        ClaimInfo claim = catalog.claim(claimId);
        TaskInfo task = catalog.task(claim.taskId());
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        secrets.putVote(claimId, new LabelingSecrets.VoteCommitment(approve, salt));
        chain.ensureAllowance(task.stakePerClaim());
        byte[] commitment = LabelMerkle.voteCommitment(claimId, approve, salt, chain.account());
        chain.call("commit a vote on claim " + claimId, () -> chain.labeling().commitVote(claimId, commitment).send());
    }

    /** Reveals every committed vote of this account whose reveal window is open; returns their claims. */
    public List<BigInteger> revealDue() {
        long now = chain.now();
        List<BigInteger> revealed = new ArrayList<>();
        for (Log log : chain.logs(LabelingBounties.VOTECOMMITTED_EVENT, null, LabelingChain.topic(chain.account()))) {
            BigInteger claimId = LabelingBounties.getVoteCommittedEventFromLog(log).claimId;
            if (voteStatus(claimId) != 1) {
                continue;
            }
            TaskInfo task = catalog.task(catalog.claim(claimId).taskId());
            if (now > task.reviewDeadline() && now <= task.voteRevealDeadline()) {
                LabelingSecrets.VoteCommitment vote = secrets.vote(claimId).orElseThrow(() -> new LabelingException(
                        "The salt of the vote on claim " + claimId + " is not in this wallet's vault"));
                chain.call("reveal the vote on claim " + claimId,
                        () -> chain.labeling().revealVote(claimId, vote.approve(), vote.salt()).send());
                revealed.add(claimId);
            }
        }
        return revealed;
    }

    private int voteStatus(BigInteger claimId) {
        return chain.call("read a vote", () -> chain.labeling().getVote(claimId, chain.account()).send()).status.intValue();
    }
}
