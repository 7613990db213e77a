package org.datagora.app.labeling;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.DatasetKey;

/**
 * The labeling secrets kept in the vault, each under its own kind and a reference scoped to the labeling
 * contract: task keys, the requester's gold answers and review notes, and the salts of label and vote commitments (without
 * which a commitment can never be revealed).
 */
public final class LabelingSecrets {

    static final String TASK_KEY = "TASK_KEY";
    static final String GOLD = "TASK_GOLD";
    static final String LABELS_COMMIT = "LABELS_COMMIT";
    static final String VOTE_COMMIT = "VOTE_COMMIT";
    static final String KEY_SENT = "TASK_KEY_SENT";
    static final String REVIEWS = "TASK_REVIEWS";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SecretVault vault;
    private final String scope;

    /** Secrets of the tasks of the labeling contract at {@code labelingAddress}. */
    public LabelingSecrets(SecretVault vault, String labelingAddress) {
        this.vault = vault;
        this.scope = labelingAddress.toLowerCase();
    }

    /** The salt and root a labeler committed to, kept until the reveal. */
    public record LabelsCommitment(byte[] root, byte[] salt) {
    }

    /** A validator's committed vote and its salt. */
    public record VoteCommitment(boolean approve, byte[] salt) {
    }

    public void putTaskKey(BigInteger taskId, DatasetKey key) {
        byte[] raw = key.bytes();
        try {
            vault.put(TASK_KEY, ref(taskId), raw);
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    public Optional<DatasetKey> taskKey(BigInteger taskId) {
        return vault.get(TASK_KEY, ref(taskId)).map(raw -> {
            try {
                return DatasetKey.fromBytes(raw);
            } finally {
                Arrays.fill(raw, (byte) 0);
            }
        });
    }

    public void putGold(BigInteger taskId, Map<Integer, Label> gold) {
        Map<Integer, String> json = new java.util.TreeMap<>();
        gold.forEach((item, label) -> json.put(item, label.toJson()));
        vault.put(GOLD, ref(taskId), write(json));
    }

    public Optional<Map<Integer, Label>> gold(BigInteger taskId) {
        return vault.get(GOLD, ref(taskId)).map(bytes -> {
            Map<Integer, String> json = read(bytes, new TypeReference<Map<Integer, String>>() { });
            Map<Integer, Label> gold = new java.util.TreeMap<>();
            json.forEach((item, label) -> gold.put(item, Label.fromJson(label)));
            return gold;
        });
    }

    public void putLabelsCommitment(BigInteger claimId, LabelsCommitment commitment) {
        vault.put(LABELS_COMMIT, ref(claimId), write(commitment));
    }

    public Optional<LabelsCommitment> labelsCommitment(BigInteger claimId) {
        return vault.get(LABELS_COMMIT, ref(claimId)).map(b -> read(b, new TypeReference<LabelsCommitment>() { }));
    }

    public void putVote(BigInteger claimId, VoteCommitment vote) {
        vault.put(VOTE_COMMIT, ref(claimId), write(vote));
    }

    public Optional<VoteCommitment> vote(BigInteger claimId) {
        return vault.get(VOTE_COMMIT, ref(claimId)).map(b -> read(b, new TypeReference<VoteCommitment>() { }));
    }

    /** The requester's review decisions on a task, with rejection reasons. */
    public void putReviews(BigInteger taskId, java.util.List<RequesterService.Review> reviews) {
        try {
            vault.put(REVIEWS, ref(taskId), write(reviews));
        } catch (RuntimeException e) {
            throw new LabelingException("The review notes of task " + taskId + " are too long to keep; shorten the"
                    + " rejection reasons", e);
        }
    }

    public java.util.List<RequesterService.Review> reviews(BigInteger taskId) {
        return vault.get(REVIEWS, ref(taskId)).map(b -> read(b,
                new TypeReference<java.util.List<RequesterService.Review>>() { })).orElse(java.util.List.of());
    }

    /** Remembers that the task key was delivered for a claim, so it is sent once. */
    public void markKeySent(BigInteger claimId) {
        vault.put(KEY_SENT, ref(claimId), new byte[] {1});
    }

    public boolean keySent(BigInteger claimId) {
        return vault.get(KEY_SENT, ref(claimId)).isPresent();
    }

    private String ref(BigInteger id) {
        return scope + "/" + id;
    }

    private static byte[] write(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new IllegalStateException("A labeling secret could not be written", e);
        }
    }

    private static <T> T read(byte[] bytes, TypeReference<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new LabelingException("A labeling secret in the vault is not readable", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
