package org.datagora.app.labeling;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a task: per-item consensus with its agreement, per-labeler gold accuracy and money, and
 * per-claim outcomes, from the revealed labels files and the contract's events.
 */
public record TaskResults(TaskInfo task, LabelSchema schema, List<TaskItem> items, List<ItemConsensus> consensus,
                          List<LabelerSummary> labelers, List<ClaimOutcome> claims, BigInteger returnedToRequester) {

    /** The majority label of one item among the labels that count (claims not slashed, rejected or forfeited). */
    public record ItemConsensus(int itemIndex, Label label, int votes, int total) {
        /** The share of labelers who gave the consensus label, 0 to 1 (0 when nobody labeled the item). */
        public double agreement() {
            return total == 0 ? 0 : (double) votes / total;
        }

        /** The consensus label, if anyone labeled the item. */
        public Optional<Label> labelIfAny() {
            return Optional.ofNullable(label);
        }
    }

    /**
     * One labeler's record on the task.
     *
     * @param goldChecked    gold items among the labeler's revealed labels
     * @param goldCorrect    of those, how many matched the gold answer
     * @param acceptedLabels labels in claims that were accepted
     * @param rewardPaid     rewards received (stake refunds not counted)
     * @param stakeSlashed   stake lost to the treasury
     */
    public record LabelerSummary(String labeler, int goldChecked, int goldCorrect, int acceptedLabels,
                                 BigInteger rewardPaid, BigInteger stakeSlashed) {
        /** Gold accuracy, 0 to 1; 1 when no gold item was in the labeler's batches. */
        public double goldAccuracy() {
            return goldChecked == 0 ? 1 : (double) goldCorrect / goldChecked;
        }
    }

    /** One claim's outcome. */
    public record ClaimOutcome(BigInteger claimId, String labeler, int batchIndex, ClaimInfo.Status status,
                               BigInteger paidToLabeler, BigInteger stakeSlashed) {
    }

    /** The consensus of an item. */
    public ItemConsensus consensusOf(int itemIndex) {
        return consensus.get(itemIndex);
    }
}
