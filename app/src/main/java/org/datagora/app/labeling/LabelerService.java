package org.datagora.app.labeling;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.datagora.contracts.LabelMerkle;
import org.datagora.storage.cache.LabelDraft;
import org.datagora.storage.cache.LabelDraftDao;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.datagora.storage.crypto.DatasetKey;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * The labeler's side of a task: claim a batch (staking), open a labeling session on it, submit (commit to
 * the labels' Merkle root with a secret salt kept in the vault) and, once the commit window has closed,
 * reveal: also long after, when the app was offline in between, as long as the reveal window is open.
 */
public final class LabelerService {

    private final LabelingChain chain;
    private final TaskCatalog catalog;
    private final TaskContent content;
    private final TaskKeyDesk keys;
    private final LabelingSecrets secrets;
    private final LabelDraftDao drafts;
    private final BuyerKeyPair deliveryKeys;
    private final SecureRandom random;
    private final Clock clock;

    /**
     * @param deliveryKeys the wallet's X25519 key pair (BuyerKeyPair.fromWalletPrivateKey) task keys are wrapped to
     */
    public LabelerService(LabelingChain chain, TaskCatalog catalog, TaskContent content, TaskKeyDesk keys,
                          LabelingSecrets secrets, LabelDraftDao drafts, BuyerKeyPair deliveryKeys,
                          SecureRandom random, Clock clock) {
        this.chain = chain;
        this.catalog = catalog;
        this.content = content;
        this.keys = keys;
        this.secrets = secrets;
        this.drafts = drafts;
        this.deliveryKeys = deliveryKeys;
        this.random = random;
        this.clock = clock;
    }

    /** The first batch of a task this account can still claim, or -1 when none is left. */
    public int nextOpenBatch(BigInteger taskId) {
        TaskInfo task = catalog.task(taskId);
        List<Integer> mine = myClaims().stream().filter(c -> c.taskId().equals(taskId)).map(ClaimInfo::batchIndex).toList();
        for (int batch = 0; batch < task.batchCount(); batch++) {
            int b = batch;
            BigInteger claims = chain.call("read batch claims",
                    () -> chain.labeling().batchClaims(taskId, BigInteger.valueOf(b)).send());
            if (claims.intValue() < task.labelsPerItem() && !mine.contains(batch)) {
                return batch;
            }
        }
        return -1;
    }

    /**
     * Claims a batch: approves and deposits the stake, and publishes this wallet's delivery key with the
     * claim so the requester can send the task key. Returns the claim id.
     */
    public BigInteger claim(BigInteger taskId, int batchIndex) {
        TaskInfo task = catalog.task(taskId);
        if (task.phase(chain.now()) != TaskInfo.Phase.CLAIMING) {
            throw new LabelingException("Task " + taskId + " no longer takes claims");
        }
        chain.ensureAllowance(task.stakePerClaim());
        TransactionReceipt receipt = chain.sendRaw("claim batch " + (batchIndex + 1) + " of task " + taskId,
                chain.labeling().getContractAddress(),
                TaskKeyDesk.claimCalldata(taskId, batchIndex, deliveryKeys.publicKey()));
        return chain.labeling().getBatchClaimedEvents(receipt).get(0).claimId;
    }

    /** Whether the task key has arrived (it is fetched from the chain and kept in the vault when it has). */
    public boolean hasTaskKey(BigInteger taskId) {
        return keys.receiveKey(taskId, deliveryKeys).isPresent();
    }

    /** Opens the labeling session of a claim, with its batch decrypted in memory and its drafts restored. */
    public LabelingSession openSession(BigInteger claimId) {
        ClaimInfo claim = catalog.claim(claimId);
        requireMine(claim);
        TaskInfo task = catalog.task(claim.taskId());
        DatasetKey key = keys.receiveKey(claim.taskId(), deliveryKeys).orElseThrow(() -> new LabelingException(
                "The requester has not sent the key of task " + claim.taskId() + " yet; try again in a moment"));
        List<TaskItem> all = content.items(catalog.manifest(task), key);
        int first = task.firstItem(claim.batchIndex());
        List<TaskItem> batch = all.subList(first, first + task.batchLength(claim.batchIndex()));
        return new LabelingSession(claim.taskId(), claimId, catalog.schema(task), batch, drafts, clock);
    }

    /**
     * Submits a complete session: commits to its labels root with a fresh salt. The salt and root go to the
     * vault before the transaction, so a crash right after it still allows the reveal.
     */
    public void submit(LabelingSession session) {
        ClaimInfo claim = catalog.claim(session.claimId());
        requireMine(claim);
        TaskInfo task = catalog.task(claim.taskId());
        List<byte[]> hashes = session.labels().stream().map(Label::hash).toList();
        byte[] root = LabelMerkle.batch(session.firstItem(), hashes, task.batchSize()).root();
        byte[] salt = new byte[32];
        random.nextBytes(salt);
        secrets.putLabelsCommitment(claim.claimId(), new LabelingSecrets.LabelsCommitment(root, salt));
        byte[] commitment = LabelMerkle.labelsCommitment(root, salt, chain.account(), claim.claimId());
        chain.call("commit the labels of claim " + claim.claimId(),
                () -> chain.labeling().commit(claim.claimId(), commitment).send());
    }

    /** What a pass over pending reveals did. */
    public record RevealReport(List<BigInteger> revealed, List<BigInteger> waiting, List<BigInteger> missed) {
    }

    /**
     * Reveals every committed claim of this account whose reveal window is open; claims whose commit window
     * is still open wait, claims whose reveal window passed are reported as missed. Safe to run any time.
     */
    public RevealReport revealDue() {
        long now = chain.now();
        List<BigInteger> revealed = new ArrayList<>();
        List<BigInteger> waiting = new ArrayList<>();
        List<BigInteger> missed = new ArrayList<>();
        for (ClaimInfo claim : myClaims()) {
            if (!claim.committedNotRevealed()) {
                continue;
            }
            TaskInfo task = catalog.task(claim.taskId());
            if (now <= task.commitDeadline()) {
                waiting.add(claim.claimId());
            } else if (now > task.revealDeadline()) {
                missed.add(claim.claimId());
            } else {
                reveal(task, claim);
                revealed.add(claim.claimId());
            }
        }
        return new RevealReport(revealed, waiting, missed);
    }

    private void reveal(TaskInfo task, ClaimInfo claim) {
        LabelingSecrets.LabelsCommitment commitment = secrets.labelsCommitment(claim.claimId()).orElseThrow(() ->
                new LabelingException("The salt of claim " + claim.claimId() + " is not in this wallet's vault;"
                        + " its labels cannot be revealed"));
        int first = task.firstItem(claim.batchIndex());
        int length = task.batchLength(claim.batchIndex());
        Map<Integer, String> saved = drafts.forTask(claim.taskId().longValueExact()).stream()
                .collect(Collectors.toMap(LabelDraft::itemIndex, LabelDraft::labelJson));
        List<String> labels = new ArrayList<>();
        for (int item = first; item < first + length; item++) {
            String json = saved.get(item);
            if (json == null || json.isEmpty()) {
                throw new LabelingException("The label of item " + item + " of claim " + claim.claimId()
                        + " is missing from the cache; the claim cannot be revealed");
            }
            labels.add(json);
        }
        List<byte[]> hashes = labels.stream().map(j -> Label.fromJson(j).hash()).toList();
        byte[] root = LabelMerkle.batch(first, hashes, task.batchSize()).root();
        if (!Arrays.equals(root, commitment.root())) {
            throw new LabelingException("The labels of claim " + claim.claimId()
                    + " changed after they were committed; they can no longer be revealed");
        }
        DatasetKey key = keys.receiveKey(claim.taskId(), deliveryKeys).orElseThrow(() -> new LabelingException(
                "The key of task " + claim.taskId() + " is missing"));
        String cid = content.putLabels(new LabelsFile(claim.taskId().longValueExact(), claim.claimId().longValueExact(),
                chain.account(), first, labels), key);
        var parsed = TaskContent.parse(cid);
        chain.call("reveal the labels of claim " + claim.claimId(), () -> chain.labeling().reveal(claim.claimId(),
                root, commitment.salt(), parsed.digest(), BigInteger.valueOf(parsed.codec())).send());
    }

    /** This account's claims on every task. */
    public List<ClaimInfo> myClaims() {
        return catalog.claimsOf(chain.account());
    }

    private void requireMine(ClaimInfo claim) {
        if (!claim.labeler().equalsIgnoreCase(chain.account())) {
            throw new LabelingException("Claim " + claim.claimId() + " belongs to " + claim.labeler()
                    + ", not to this wallet");
        }
    }
}
