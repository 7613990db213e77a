package org.datagora.app.labeling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.datagora.contracts.generated.LabelingBounties;
import org.web3j.protocol.core.methods.response.Log;

/** Reads tasks and claims from the chain, and a task's public files from the content store. */
public final class TaskCatalog {

    private final LabelingChain chain;
    private final TaskContent content;

    public TaskCatalog(LabelingChain chain, TaskContent content) {
        this.chain = chain;
        this.content = content;
    }

    /** The task with this id; fails clearly when there is none. */
    public TaskInfo task(BigInteger taskId) {
        LabelingBounties.Task t = chain.call("read task " + taskId, () -> chain.labeling().getTask(taskId).send());
        if (t.requester == null || new BigInteger(t.requester.substring(2), 16).signum() == 0) {
            throw new LabelingException("There is no labeling task " + taskId);
        }
        return TaskInfo.of(taskId, t);
    }

    /** Tasks still taking claims, newest first. */
    public List<TaskInfo> openTasks() {
        long now = chain.now();
        List<TaskInfo> open = new ArrayList<>();
        List<Log> logs = chain.logs(LabelingBounties.TASKCREATED_EVENT);
        for (int i = logs.size() - 1; i >= 0; i--) {
            TaskInfo task = task(LabelingBounties.getTaskCreatedEventFromLog(logs.get(i)).taskId);
            if (task.phase(now) == TaskInfo.Phase.CLAIMING) {
                open.add(task);
            }
        }
        return open;
    }

    /** The public manifest of a task. */
    public TaskManifest manifest(TaskInfo task) {
        return content.manifest(task.manifestCid());
    }

    /** The label schema of a task. */
    public LabelSchema schema(TaskInfo task) {
        return content.schema(task.schemaCid());
    }

    /** A claim as the chain holds it. */
    public ClaimInfo claim(BigInteger claimId) {
        LabelingBounties.Claim c = chain.call("read claim " + claimId, () -> chain.labeling().getClaim(claimId).send());
        return ClaimInfo.of(claimId, c);
    }

    /** Every claim on a task, in claim order. */
    public List<ClaimInfo> claims(BigInteger taskId) {
        List<ClaimInfo> claims = new ArrayList<>();
        for (Log log : chain.logs(LabelingBounties.BATCHCLAIMED_EVENT, null, LabelingChain.topic(taskId))) {
            claims.add(claim(LabelingBounties.getBatchClaimedEventFromLog(log).claimId));
        }
        return claims;
    }

    /** Every claim made by {@code labeler}, on any task. */
    public List<ClaimInfo> claimsOf(String labeler) {
        List<ClaimInfo> claims = new ArrayList<>();
        for (Log log : chain.logs(LabelingBounties.BATCHCLAIMED_EVENT, null, null, LabelingChain.topic(labeler))) {
            claims.add(claim(LabelingBounties.getBatchClaimedEventFromLog(log).claimId));
        }
        return claims;
    }

    /** Where the labels of a revealed claim are stored; empty until it was revealed. */
    public java.util.Optional<String> labelsCid(BigInteger claimId) {
        List<Log> logs = chain.logs(LabelingBounties.LABELSREVEALED_EVENT, LabelingChain.topic(claimId));
        if (logs.isEmpty()) {
            return java.util.Optional.empty();
        }
        LabelingBounties.LabelsRevealedEventResponse e = LabelingBounties.getLabelsRevealedEventFromLog(logs.get(0));
        return java.util.Optional.of(TaskContent.cid(e.labelsCodec.longValue(), e.labelsDigest));
    }

    /**
     * A requester's record, for labelers choosing a task: tasks created, and how their settled claims ended.
     *
     * @param rejected claims the requester's review (or the validators) turned down
     * @param slashed  claims that failed a gold check
     */
    public record RequesterRecord(String requester, int tasks, int accepted, int rejected, int slashed) {
        /** The share of settled claims that were paid, 0 to 1; 1 for a requester with no settled claim yet. */
        public double acceptanceRate() {
            int settled = accepted + rejected + slashed;
            return settled == 0 ? 1 : (double) accepted / settled;
        }
    }

    /** The record of {@code requester} across all its tasks. */
    public RequesterRecord requesterRecord(String requester) {
        int tasks = 0;
        int accepted = 0;
        int rejected = 0;
        int slashed = 0;
        for (Log log : chain.logs(LabelingBounties.TASKCREATED_EVENT, null, LabelingChain.topic(requester))) {
            tasks++;
            for (ClaimInfo claim : claims(LabelingBounties.getTaskCreatedEventFromLog(log).taskId)) {
                switch (claim.status()) {
                    case ACCEPTED -> accepted++;
                    case REJECTED -> rejected++;
                    case SLASHED -> slashed++;
                    default -> { }
                }
            }
        }
        return new RequesterRecord(requester.toLowerCase(), tasks, accepted, rejected, slashed);
    }

    /** The chain's clock. */
    public long now() {
        return chain.now();
    }
}
