package org.datagora.app.labeling;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datagora.contracts.LabelMerkle;
import org.datagora.contracts.generated.LabelingBounties;
import org.datagora.storage.crypto.DatasetKey;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The requester's side of a task: the cost view, funding and creation, the gold reveal and gold checks,
 * the review (accept or reject with a reason, bulk accept) and settlement with the refund of what was not
 * spent. Rejections are decided locally and sent together by {@link #submitReview}.
 */
public final class RequesterService {

    private final LabelingChain chain;
    private final TaskContent content;
    private final TaskCatalog catalog;
    private final LabelingSecrets secrets;
    private final SecureRandom random;

    public RequesterService(LabelingChain chain, TaskContent content, TaskCatalog catalog, LabelingSecrets secrets,
                            SecureRandom random) {
        this.chain = chain;
        this.content = content;
        this.catalog = catalog;
        this.secrets = secrets;
        this.random = random;
    }

    /** A task just created. */
    public record CreatedTask(BigInteger taskId, String manifestCid, String schemaCid, TaskCost cost) {
    }

    /** A review decision on one claim. */
    public record Review(BigInteger claimId, boolean accept, String reason) {
    }

    /**
     * What a gold check round did.
     *
     * @param unverifiable claims whose labels file does not match the root they revealed: reject them
     */
    public record GoldCheckReport(List<BigInteger> passed, List<BigInteger> slashed, List<BigInteger> unverifiable) {
    }

    /** What the task will cost, before funding it. */
    public TaskCost quote(TaskSpec spec) {
        return TaskCost.of(spec);
    }

    /**
     * Stores the task's files, keeps the task key and gold answers in the vault, approves the escrow and
     * creates the task. The deadlines start from the chain's current time.
     */
    public CreatedTask create(TaskSpec spec) {
        TaskCost cost = quote(spec);
        DatasetKey key = DatasetKey.generate(random);
        TaskContent.Published published = content.publish(spec, key);
        byte[] goldRoot = new byte[32];
        if (!spec.gold().isEmpty()) {
            goldRoot = goldTree(spec.gold()).root();
        }
        long now = chain.now();
        TaskSpec.Timeline t = spec.timeline();
        long claim = now + t.claim().toSeconds();
        long commit = claim + t.commitAfterClaim().toSeconds();
        long reveal = commit + t.reveal().toSeconds();
        long review = reveal + t.review().toSeconds();
        long voteReveal = review + t.voteReveal().toSeconds();
        var manifestCid = TaskContent.parse(published.manifestCid());
        var schemaCid = TaskContent.parse(published.schemaCid());
        LabelingBounties.TaskParams params = new LabelingBounties.TaskParams(manifestCid.digest(), schemaCid.digest(),
                goldRoot, BigInteger.valueOf(manifestCid.codec()), BigInteger.valueOf(schemaCid.codec()),
                BigInteger.valueOf(spec.items().size()), BigInteger.valueOf(spec.batchSize()),
                BigInteger.valueOf(spec.labelsPerItem()), BigInteger.valueOf(spec.gold().size()), spec.rewardPerLabel(),
                spec.stakePerClaim(), spec.validatorReward(), spec.validationPool(),
                BigInteger.valueOf(spec.votesPerClaim()), BigInteger.valueOf(claim), BigInteger.valueOf(commit),
                BigInteger.valueOf(reveal), BigInteger.valueOf(review), BigInteger.valueOf(voteReveal));
        chain.ensureAllowance(cost.total());
        TransactionReceipt receipt = chain.call("create the task", () -> chain.labeling().createTask(params).send());
        BigInteger taskId = chain.labeling().getTaskCreatedEvents(receipt).get(0).taskId;
        // Kept before anything else can fail: without them the items stay locked and gold cannot be revealed.
        secrets.putTaskKey(taskId, key);
        secrets.putGold(taskId, spec.gold());
        key.destroy();
        return new CreatedTask(taskId, published.manifestCid(), published.schemaCid(), cost);
    }

    /** Reveals every gold answer of the task with its proof (review window). */
    public void revealGold(BigInteger taskId) {
        Map<Integer, Label> gold = gold(taskId);
        if (gold.isEmpty()) {
            return;
        }
        LabelMerkle.GoldTree tree = goldTree(gold);
        List<LabelingBounties.GoldAnswer> answers = new ArrayList<>();
        for (Map.Entry<Integer, Label> entry : gold.entrySet()) {
            byte[] onChain = chain.call("read a gold answer",
                    () -> chain.labeling().goldAnswer(taskId, BigInteger.valueOf(entry.getKey())).send());
            if (new BigInteger(1, onChain).signum() == 0) {
                answers.add(new LabelingBounties.GoldAnswer(BigInteger.valueOf(entry.getKey()), entry.getValue().hash(),
                        tree.proof(entry.getKey())));
            }
        }
        if (!answers.isEmpty()) {
            chain.call("reveal the gold answers", () -> chain.labeling().revealGold(taskId, answers).send());
        }
    }

    /**
     * Checks every revealed claim against every gold item in its batch, reading its labels file: a matching
     * label protects the claim, a wrong one slashes it. Claims whose file does not match their root are
     * reported as unverifiable, so they can be rejected.
     */
    public GoldCheckReport checkGold(BigInteger taskId) {
        TaskInfo task = catalog.task(taskId);
        Map<Integer, Label> gold = gold(taskId);
        DatasetKey key = taskKey(taskId);
        List<BigInteger> passed = new ArrayList<>();
        List<BigInteger> slashed = new ArrayList<>();
        List<BigInteger> unverifiable = new ArrayList<>();
        for (ClaimInfo claim : catalog.claims(taskId)) {
            if (claim.status() != ClaimInfo.Status.REVEALED) {
                continue;
            }
            int first = task.firstItem(claim.batchIndex());
            int length = task.batchLength(claim.batchIndex());
            List<Integer> goldItems = gold.keySet().stream().filter(i -> i >= first && i < first + length).toList();
            if (goldItems.isEmpty()) {
                continue;
            }
            List<byte[]> hashes;
            try {
                LabelsFile file = content.labels(catalog.labelsCid(claim.claimId()).orElseThrow(),
                        claim.claimId().longValue(), key);
                hashes = file.parsed().stream().map(Label::hash).toList();
            } catch (LabelingException | IllegalArgumentException e) {
                unverifiable.add(claim.claimId());
                continue;
            }
            LabelMerkle.BatchTree tree = hashes.size() == length ? LabelMerkle.batch(first, hashes, task.batchSize()) : null;
            if (tree == null || !java.util.Arrays.equals(tree.root(), claim.commitmentOrRoot())) {
                unverifiable.add(claim.claimId());
                continue;
            }
            boolean wrong = false;
            for (int item : goldItems) {
                byte[] hash = hashes.get(item - first);
                chain.call("check claim " + claim.claimId() + " against gold item " + item,
                        () -> chain.labeling().checkGold(claim.claimId(), BigInteger.valueOf(item), hash,
                                tree.proof(item)).send());
                if (!java.util.Arrays.equals(hash, gold.get(item).hash())) {
                    wrong = true;
                    break; // the claim is slashed now; further checks would revert
                }
            }
            (wrong ? slashed : passed).add(claim.claimId());
        }
        return new GoldCheckReport(passed, slashed, unverifiable);
    }

    /**
     * Records a decision on a claim, kept in the vault so a restart loses no review; nothing is sent until
     * {@link #submitReview}.
     */
    public synchronized void review(BigInteger taskId, BigInteger claimId, boolean accept, String reason) {
        if (!accept && (reason == null || reason.isBlank())) {
            throw new IllegalArgumentException("A rejection needs a reason the labeler can read");
        }
        Map<BigInteger, Review> decided = decisions(taskId);
        decided.put(claimId, new Review(claimId, accept, accept ? "" : reason.strip()));
        secrets.putReviews(taskId, List.copyOf(decided.values()));
    }

    /** Accepts every revealed claim not decided yet. */
    public synchronized void acceptAll(BigInteger taskId) {
        Map<BigInteger, Review> decided = decisions(taskId);
        for (ClaimInfo claim : catalog.claims(taskId)) {
            if (claim.status() == ClaimInfo.Status.REVEALED) {
                decided.putIfAbsent(claim.claimId(), new Review(claim.claimId(), true, ""));
            }
        }
        secrets.putReviews(taskId, List.copyOf(decided.values()));
    }

    /** The decisions recorded for a task. */
    public List<Review> reviews(BigInteger taskId) {
        return secrets.reviews(taskId);
    }

    private Map<BigInteger, Review> decisions(BigInteger taskId) {
        Map<BigInteger, Review> decided = new LinkedHashMap<>();
        secrets.reviews(taskId).forEach(r -> decided.put(r.claimId(), r));
        return decided;
    }

    /**
     * Sends the rejections (review window). Acceptance needs no transaction: the contract accepts every
     * revealed claim the requester does not reject and validators do not vote down.
     */
    public void submitReview(BigInteger taskId) {
        for (Review review : reviews(taskId)) {
            if (!review.accept()) {
                ClaimInfo claim = catalog.claim(review.claimId());
                if (claim.status() == ClaimInfo.Status.REVEALED && !claim.rejectedByRequester()) {
                    chain.call("reject claim " + review.claimId(), () -> chain.labeling().reject(review.claimId()).send());
                }
            }
        }
    }

    /**
     * Settles every unsettled claim and vote, then closes the task so unclaimed reward and unused pool come
     * back (after the vote reveal window). Safe to run again: settled parts are skipped.
     */
    public void settle(BigInteger taskId) {
        TaskInfo task = catalog.task(taskId);
        for (ClaimInfo claim : catalog.claims(taskId)) {
            if (!claim.settled()) {
                chain.call("settle claim " + claim.claimId(), () -> chain.labeling().settle(claim.claimId()).send());
            }
            for (var log : chain.logs(LabelingBounties.VOTECOMMITTED_EVENT, LabelingChain.topic(claim.claimId()))) {
                String validator = LabelingBounties.getVoteCommittedEventFromLog(log).validator;
                LabelingBounties.Vote vote = chain.call("read a vote",
                        () -> chain.labeling().getVote(claim.claimId(), validator).send());
                if (vote.status.intValue() == 1 || vote.status.intValue() == 2) {
                    chain.call("settle a vote", () -> chain.labeling().settleVote(claim.claimId(), validator).send());
                }
            }
        }
        if (!task.closed()) {
            chain.call("close task " + taskId, () -> chain.labeling().closeTask(taskId).send());
        }
    }

    /** The gold answers kept for a task. */
    public Map<Integer, Label> gold(BigInteger taskId) {
        return secrets.gold(taskId).orElseThrow(() -> new LabelingException(
                "The gold answers of task " + taskId + " are not in this wallet's vault"));
    }

    /** The task key kept for a task. */
    public DatasetKey taskKey(BigInteger taskId) {
        return secrets.taskKey(taskId).orElseThrow(() -> new LabelingException(
                "The key of task " + taskId + " is not in this wallet's vault"));
    }

    /** A reason recorded for a claim's rejection, if any. */
    public Optional<String> rejectionReason(BigInteger taskId, BigInteger claimId) {
        return reviews(taskId).stream().filter(r -> r.claimId().equals(claimId) && !r.accept())
                .map(Review::reason).findFirst();
    }

    static LabelMerkle.GoldTree goldTree(Map<Integer, Label> gold) {
        List<LabelMerkle.GoldEntry> entries = new java.util.TreeMap<>(gold).entrySet().stream()
                .map(e -> new LabelMerkle.GoldEntry(e.getKey(), e.getValue().hash())).toList();
        return LabelMerkle.gold(entries);
    }
}
