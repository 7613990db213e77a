package org.datagora.app.labeling;

import java.math.BigInteger;

/**
 * What creating a task costs, shown before the requester funds it. LabelingBounties takes no protocol fee,
 * so {@code fees} is zero on the current contracts; it stays in the view so a fee shows up if one is added.
 * Unclaimed rewards, rewards of rejected or slashed claims and unused pool come back after settlement.
 *
 * @param rewards        items x labels per item x reward per label, escrowed
 * @param validationPool reserved for validators, escrowed
 * @param fees           protocol fees (none on LabelingBounties)
 * @param total          what leaves the requester's wallet at creation
 * @param stakePerClaim  what each labeler deposits per claim (not paid by the requester)
 */
public record TaskCost(BigInteger rewards, BigInteger validationPool, BigInteger fees, BigInteger total,
                       BigInteger stakePerClaim) {

    /** The cost of a task. */
    public static TaskCost of(TaskSpec spec) {
        BigInteger rewards = spec.rewardPerLabel().multiply(BigInteger.valueOf(spec.items().size()))
                .multiply(BigInteger.valueOf(spec.labelsPerItem()));
        BigInteger fees = BigInteger.ZERO;
        return new TaskCost(rewards, spec.validationPool(), fees, rewards.add(spec.validationPool()).add(fees),
                spec.stakePerClaim());
    }
}
