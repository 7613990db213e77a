package org.datagora.app.labeling;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.datagora.contracts.generated.LabelingBounties;
import org.web3j.protocol.core.methods.response.Log;

/**
 * What an account earned over time as labeler and validator, from the contract's settlement events:
 * rewards count as earnings, stake refunds do not, slashed stakes count as losses.
 */
public final class EarningsService {

    private final LabelingChain chain;
    private final TaskCatalog catalog;

    public EarningsService(LabelingChain chain, TaskCatalog catalog) {
        this.chain = chain;
        this.catalog = catalog;
    }

    /** The roles in which an account earns. */
    public enum Role { LABELER, VALIDATOR }

    /**
     * One earning or loss.
     *
     * @param time   block timestamp (seconds)
     * @param amount net of the stake refund: positive for a reward, negative for a slashed stake
     */
    public record Earning(long time, BigInteger taskId, BigInteger claimId, Role role, BigInteger amount) {
    }

    /** A point of the running total, for a chart. */
    public record Point(long time, BigInteger total) {
    }

    /** Every earning and loss of {@code account}, oldest first. */
    public List<Earning> earnings(String account) {
        String me = account.toLowerCase();
        Map<BigInteger, BigInteger> stakes = new HashMap<>();
        List<Earning> earnings = new ArrayList<>();
        for (ClaimInfo claim : catalog.claimsOf(me)) {
            BigInteger stake = stakes.computeIfAbsent(claim.taskId(), id -> catalog.task(id).stakePerClaim());
            for (Log log : chain.logs(LabelingBounties.CLAIMSETTLED_EVENT, LabelingChain.topic(claim.claimId()))) {
                var e = LabelingBounties.getClaimSettledEventFromLog(log);
                BigInteger reward = e.paidToLabeler.subtract(e.paidToLabeler.signum() > 0 ? stake : BigInteger.ZERO);
                BigInteger net = e.outcome.intValue() == ClaimInfo.Status.FORFEITED.ordinal() ? stake.negate() : reward;
                earnings.add(new Earning(chain.blockTime(log.getBlockNumber()), claim.taskId(), claim.claimId(),
                        Role.LABELER, net));
            }
            for (Log log : chain.logs(LabelingBounties.CLAIMSLASHED_EVENT, LabelingChain.topic(claim.claimId()))) {
                var e = LabelingBounties.getClaimSlashedEventFromLog(log);
                earnings.add(new Earning(chain.blockTime(log.getBlockNumber()), claim.taskId(), claim.claimId(),
                        Role.LABELER, e.stake.negate()));
            }
        }
        for (Log log : chain.logs(LabelingBounties.VOTESETTLED_EVENT, null, LabelingChain.topic(me))) {
            var e = LabelingBounties.getVoteSettledEventFromLog(log);
            ClaimInfo claim = catalog.claim(e.claimId);
            BigInteger stake = stakes.computeIfAbsent(claim.taskId(), id -> catalog.task(id).stakePerClaim());
            BigInteger net = e.slashed.signum() > 0 ? e.slashed.negate() : e.paidToValidator.subtract(stake);
            earnings.add(new Earning(chain.blockTime(log.getBlockNumber()), claim.taskId(), e.claimId, Role.VALIDATOR, net));
        }
        earnings.sort(Comparator.comparingLong(Earning::time).thenComparing(Earning::claimId));
        return earnings;
    }

    /** The running total of {@code earnings}, one point per earning. */
    public static List<Point> cumulative(List<Earning> earnings) {
        List<Point> points = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (Earning earning : earnings) {
            total = total.add(earning.amount());
            points.add(new Point(earning.time(), total));
        }
        return points;
    }
}
