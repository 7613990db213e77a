package org.datagora.app.labeling;

import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a requester decides when creating a task. Gold answers stay on the requester's machine (in
 * the vault) until revealed; only their Merkle root goes on chain.
 *
 * @param title           shown in the task list
 * @param schema          what to answer per item
 * @param items           the items, indexed 0..n-1 in order
 * @param gold            the secret correct answers of some items
 * @param batchSize       items per claim
 * @param labelsPerItem   how many labelers label each item
 * @param rewardPerLabel  paid per item of an accepted claim (token base units)
 * @param stakePerClaim   deposited per claim by labelers, and per vote by validators
 * @param validatorReward paid per majority vote; zero with votesPerClaim zero disables validation
 * @param votesPerClaim   most validator votes per claim
 * @param validationPool  reserved for validators
 * @param timeline        how long each window lasts
 */
public record TaskSpec(String title, LabelSchema schema, List<TaskItem> items, Map<Integer, Label> gold,
                       int batchSize, int labelsPerItem, BigInteger rewardPerLabel, BigInteger stakePerClaim,
                       BigInteger validatorReward, int votesPerClaim, BigInteger validationPool,
                       Timeline timeline) {

    /** Checks what the contract would reject, so the user hears about it before paying gas. */
    public TaskSpec {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(timeline, "timeline");
        items = List.copyOf(items);
        gold = Map.copyOf(gold);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("A task needs at least one item");
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).index() != i) {
                throw new IllegalArgumentException("Item " + i + " is numbered " + items.get(i).index());
            }
        }
        if (batchSize < 1 || labelsPerItem < 1) {
            throw new IllegalArgumentException("Batch size and labels per item must be at least 1");
        }
        for (Map.Entry<Integer, Label> entry : gold.entrySet()) {
            if (entry.getKey() < 0 || entry.getKey() >= items.size()) {
                throw new IllegalArgumentException("Gold item " + entry.getKey() + " is not one of the "
                        + items.size() + " items");
            }
            schema.check(entry.getValue());
        }
        if ((votesPerClaim == 0) != (validationPool.signum() == 0)) {
            throw new IllegalArgumentException("Validation needs both votes per claim and a validation pool, or neither");
        }
        if (votesPerClaim > 0 && (validatorReward.signum() <= 0 || validationPool.compareTo(validatorReward) < 0)) {
            throw new IllegalArgumentException("The validation pool must pay at least one validator reward");
        }
        if (votesPerClaim > 0 && timeline.voteReveal().isZero()) {
            throw new IllegalArgumentException("Validation needs a vote reveal window");
        }
    }

    /** The number of batches labelers can claim. */
    public int batchCount() {
        return (items.size() + batchSize - 1) / batchSize;
    }

    /**
     * How long each window lasts, each starting where the one before ends: claims, commits (after the
     * claim deadline), reveals, review, vote reveals.
     */
    public record Timeline(Duration claim, Duration commitAfterClaim, Duration reveal, Duration review,
                           Duration voteReveal) {
        /** Rejects windows the contract would refuse. */
        public Timeline {
            if (claim.isNegative() || claim.isZero() || commitAfterClaim.isNegative() || reveal.isZero()
                    || reveal.isNegative() || review.isZero() || review.isNegative() || voteReveal.isNegative()) {
                throw new IllegalArgumentException("Claim, reveal and review windows must be positive");
            }
        }
    }
}
