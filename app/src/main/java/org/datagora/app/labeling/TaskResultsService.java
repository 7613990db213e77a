package org.datagora.app.labeling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.datagora.contracts.generated.LabelingBounties;
import org.datagora.storage.crypto.DatasetKey;
import org.web3j.protocol.core.methods.response.Log;

/** Builds {@link TaskResults} for anyone holding the task key: the requester, or a labeler of the task. */
public final class TaskResultsService {

    private static final Set<ClaimInfo.Status> COUNTING = Set.of(ClaimInfo.Status.REVEALED, ClaimInfo.Status.ACCEPTED);

    private final LabelingChain chain;
    private final TaskCatalog catalog;
    private final TaskContent content;
    private final LabelingSecrets secrets;

    public TaskResultsService(LabelingChain chain, TaskCatalog catalog, TaskContent content, LabelingSecrets secrets) {
        this.chain = chain;
        this.catalog = catalog;
        this.content = content;
        this.secrets = secrets;
    }

    /** The results of a task as they stand now (consensus is final once the task is settled). */
    public TaskResults results(BigInteger taskId) {
        TaskInfo task = catalog.task(taskId);
        DatasetKey key = secrets.taskKey(taskId).orElseThrow(() -> new LabelingException(
                "The results of task " + taskId + " need its key, which this wallet does not hold"));
        List<TaskItem> items = content.items(catalog.manifest(task), key);
        LabelSchema schema = catalog.schema(task);
        Map<Integer, byte[]> gold = revealedGold(taskId);

        List<ClaimInfo> claims = catalog.claims(taskId);
        Set<BigInteger> claimIds = claims.stream().map(ClaimInfo::claimId).collect(Collectors.toSet());
        Map<BigInteger, BigInteger> paid = new HashMap<>();
        BigInteger returned = BigInteger.ZERO;
        for (Log log : chain.logs(LabelingBounties.CLAIMSETTLED_EVENT)) {
            var e = LabelingBounties.getClaimSettledEventFromLog(log);
            if (claimIds.contains(e.claimId)) {
                paid.put(e.claimId, e.paidToLabeler);
                returned = returned.add(e.returnedToRequester);
            }
        }
        Map<BigInteger, BigInteger> slashed = new HashMap<>();
        for (Log log : chain.logs(LabelingBounties.CLAIMSLASHED_EVENT)) {
            var e = LabelingBounties.getClaimSlashedEventFromLog(log);
            if (claimIds.contains(e.claimId)) {
                slashed.put(e.claimId, e.stake);
                returned = returned.add(e.rewardReturned);
            }
        }
        for (Log log : chain.logs(LabelingBounties.TASKCLOSED_EVENT, LabelingChain.topic(taskId))) {
            returned = returned.add(LabelingBounties.getTaskClosedEventFromLog(log).returnedToRequester);
        }

        List<Map<String, Integer>> votes = new ArrayList<>();
        for (int i = 0; i < task.itemCount(); i++) {
            votes.add(new LinkedHashMap<>());
        }
        Map<String, int[]> perLabeler = new TreeMap<>(); // goldChecked, goldCorrect, accepted
        Map<String, BigInteger[]> money = new TreeMap<>(); // reward, slashed
        List<TaskResults.ClaimOutcome> outcomes = new ArrayList<>();
        for (ClaimInfo claim : claims) {
            int[] stats = perLabeler.computeIfAbsent(claim.labeler(), l -> new int[3]);
            BigInteger[] cash = money.computeIfAbsent(claim.labeler(), l -> new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO});
            BigInteger paidOut = paid.getOrDefault(claim.claimId(), BigInteger.ZERO);
            BigInteger lost = slashed.getOrDefault(claim.claimId(), BigInteger.ZERO);
            if (claim.status() == ClaimInfo.Status.ACCEPTED) {
                cash[0] = cash[0].add(paidOut.subtract(task.stakePerClaim()));
                stats[2] += task.batchLength(claim.batchIndex());
            }
            cash[1] = cash[1].add(lost);
            outcomes.add(new TaskResults.ClaimOutcome(claim.claimId(), claim.labeler(), claim.batchIndex(),
                    claim.status(), paidOut, lost));
            var cid = catalog.labelsCid(claim.claimId());
            if (cid.isEmpty()) {
                continue;
            }
            LabelsFile file = content.labels(cid.get(), claim.claimId().longValueExact(), key);
            List<Label> labels = file.parsed();
            for (int k = 0; k < labels.size(); k++) {
                int item = file.firstItem() + k;
                byte[] goldHash = gold.get(item);
                if (goldHash != null) {
                    stats[0]++;
                    if (Arrays.equals(goldHash, labels.get(k).hash())) {
                        stats[1]++;
                    }
                }
                if (COUNTING.contains(claim.status())) {
                    votes.get(item).merge(labels.get(k).toJson(), 1, Integer::sum);
                }
            }
        }
        List<TaskResults.ItemConsensus> consensus = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            consensus.add(consensus(i, votes.get(i)));
        }
        List<TaskResults.LabelerSummary> labelers = new ArrayList<>();
        perLabeler.forEach((labeler, s) -> labelers.add(new TaskResults.LabelerSummary(labeler, s[0], s[1], s[2],
                money.get(labeler)[0], money.get(labeler)[1])));
        return new TaskResults(task, schema, items, consensus, labelers, outcomes, returned);
    }

    /** The most frequent label; ties go to the label given first, so the result is deterministic. */
    static TaskResults.ItemConsensus consensus(int item, Map<String, Integer> votes) {
        int total = votes.values().stream().mapToInt(Integer::intValue).sum();
        String best = null;
        int bestVotes = 0;
        for (Map.Entry<String, Integer> entry : votes.entrySet()) {
            if (entry.getValue() > bestVotes) {
                best = entry.getKey();
                bestVotes = entry.getValue();
            }
        }
        return new TaskResults.ItemConsensus(item, best == null ? null : Label.fromJson(best), bestVotes, total);
    }

    private Map<Integer, byte[]> revealedGold(BigInteger taskId) {
        Map<Integer, byte[]> gold = new HashMap<>();
        for (Log log : chain.logs(LabelingBounties.GOLDREVEALED_EVENT, LabelingChain.topic(taskId))) {
            var e = LabelingBounties.getGoldRevealedEventFromLog(log);
            gold.put(e.itemIndex.intValueExact(), e.labelHash);
        }
        return gold;
    }
}
