package org.datagora.storage.indexer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.contracts.generated.LabelingBounties;
import org.datagora.storage.cache.TaskClaim;
import org.datagora.storage.cid.Cid;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.datatypes.Event;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Turns raw logs of the DataMarketplace and LabelingBounties contracts into {@link ChainEvent}s through the
 * generated web3j bindings; the only class that knows the contracts' event layouts. Logs of events the cache
 * does not keep (fees, delivery agents, votes, gold answers) decode to empty.
 */
final class ContractEventDecoder {
    private final String marketplace;
    private final String labeling;
    private final Map<String, Function<Log, ChainEvent>> marketplaceEvents = new HashMap<>();
    private final Map<String, Function<Log, ChainEvent>> labelingEvents = new HashMap<>();

    ContractEventDecoder(String marketplace, String labeling) {
        this.marketplace = marketplace.toLowerCase(Locale.ROOT);
        this.labeling = labeling.toLowerCase(Locale.ROOT);
        on(marketplaceEvents, DataMarketplace.LISTED_EVENT, log -> {
            var e = DataMarketplace.getListedEventFromLog(log);
            return new ChainEvent.Listed(e.listingId.longValueExact(), address(e.seller),
                    e.previousListingId.longValueExact(), cid(e.contentCodec, e.contentDigest),
                    cid(e.metadataCodec, e.metadataDigest), hex(e.keyCommitment), e.price,
                    e.licenseId.intValueExact(), e.deliveryWindow.longValueExact());
        });
        on(marketplaceEvents, DataMarketplace.PRICECHANGED_EVENT, log -> {
            var e = DataMarketplace.getPriceChangedEventFromLog(log);
            return new ChainEvent.PriceChanged(e.listingId.longValueExact(), e.newPrice);
        });
        on(marketplaceEvents, DataMarketplace.PAUSEDCHANGED_EVENT, log -> {
            var e = DataMarketplace.getPausedChangedEventFromLog(log);
            return new ChainEvent.PausedChanged(e.listingId.longValueExact(), e.paused);
        });
        on(marketplaceEvents, DataMarketplace.DELISTED_EVENT, log ->
                new ChainEvent.Delisted(DataMarketplace.getDelistedEventFromLog(log).listingId.longValueExact()));
        on(marketplaceEvents, DataMarketplace.PURCHASED_EVENT, log -> {
            var e = DataMarketplace.getPurchasedEventFromLog(log);
            return new ChainEvent.Purchased(e.purchaseId.longValueExact(), e.listingId.longValueExact(),
                    address(e.buyer), e.buyerPublicKey, e.price, e.deadline.longValueExact());
        });
        on(marketplaceEvents, DataMarketplace.KEYDELIVERED_EVENT, log -> {
            var e = DataMarketplace.getKeyDeliveredEventFromLog(log);
            return new ChainEvent.KeyDelivered(e.purchaseId.longValueExact(), e.wrappedKey);
        });
        on(marketplaceEvents, DataMarketplace.REFUNDED_EVENT, log ->
                new ChainEvent.Refunded(DataMarketplace.getRefundedEventFromLog(log).purchaseId.longValueExact()));
        on(marketplaceEvents, DataMarketplace.RATED_EVENT, log -> {
            var e = DataMarketplace.getRatedEventFromLog(log);
            return new ChainEvent.Rated(e.purchaseId.longValueExact(), e.listingId.longValueExact(), address(e.seller),
                    e.stars.intValueExact());
        });
        on(marketplaceEvents, DataMarketplace.KEYMISMATCHFLAGGED_EVENT, log -> {
            var e = DataMarketplace.getKeyMismatchFlaggedEventFromLog(log);
            return new ChainEvent.KeyMismatchFlagged(e.purchaseId.longValueExact(), e.listingId.longValueExact(),
                    address(e.seller));
        });
        on(labelingEvents, LabelingBounties.TASKCREATED_EVENT, log -> {
            var e = LabelingBounties.getTaskCreatedEventFromLog(log);
            return new ChainEvent.TaskCreated(e.taskId.longValueExact(), address(e.requester), hex(e.manifestDigest),
                    hex(e.schemaDigest), e.itemCount.intValueExact(), e.batchSize.intValueExact(),
                    e.labelsPerItem.intValueExact(), e.totalReward, e.validationPool);
        });
        on(labelingEvents, LabelingBounties.BATCHCLAIMED_EVENT, log -> {
            var e = LabelingBounties.getBatchClaimedEventFromLog(log);
            return new ChainEvent.BatchClaimed(e.claimId.longValueExact(), e.taskId.longValueExact(),
                    address(e.labeler), e.batchIndex.intValueExact());
        });
        on(labelingEvents, LabelingBounties.LABELSCOMMITTED_EVENT, log -> {
            var e = LabelingBounties.getLabelsCommittedEventFromLog(log);
            return new ChainEvent.LabelsCommitted(e.claimId.longValueExact(), hex(e.commitment));
        });
        on(labelingEvents, LabelingBounties.LABELSREVEALED_EVENT, log -> {
            var e = LabelingBounties.getLabelsRevealedEventFromLog(log);
            return new ChainEvent.LabelsRevealed(e.claimId.longValueExact(), cid(e.labelsCodec, e.labelsDigest));
        });
        on(labelingEvents, LabelingBounties.CLAIMSLASHED_EVENT, log -> new ChainEvent.ClaimOutcome(
                LabelingBounties.getClaimSlashedEventFromLog(log).claimId.longValueExact(), TaskClaim.Status.SLASHED));
        on(labelingEvents, LabelingBounties.CLAIMREJECTED_EVENT, log -> new ChainEvent.ClaimOutcome(
                LabelingBounties.getClaimRejectedEventFromLog(log).claimId.longValueExact(), TaskClaim.Status.REJECTED));
        on(labelingEvents, LabelingBounties.CLAIMSETTLED_EVENT, log -> {
            var e = LabelingBounties.getClaimSettledEventFromLog(log);
            return new ChainEvent.ClaimOutcome(e.claimId.longValueExact(), outcome(e.outcome));
        });
        on(labelingEvents, LabelingBounties.TASKCLOSED_EVENT, log ->
                new ChainEvent.TaskClosed(LabelingBounties.getTaskClosedEventFromLog(log).taskId.longValueExact()));
    }

    /** The topic-0 values of the events the cache keeps, for the eth_getLogs filter. */
    java.util.List<String> topics() {
        java.util.List<String> topics = new java.util.ArrayList<>(marketplaceEvents.keySet());
        topics.addAll(labelingEvents.keySet());
        return topics;
    }

    Optional<ChainEvent> decode(Log log) {
        if (log.getTopics() == null || log.getTopics().isEmpty()) {
            return Optional.empty();
        }
        String address = log.getAddress().toLowerCase(Locale.ROOT);
        Map<String, Function<Log, ChainEvent>> events = address.equals(marketplace) ? marketplaceEvents
                : address.equals(labeling) ? labelingEvents : Map.of();
        Function<Log, ChainEvent> decoder = events.get(log.getTopics().get(0).toLowerCase(Locale.ROOT));
        return decoder == null ? Optional.empty() : Optional.of(decoder.apply(log));
    }

    private static void on(Map<String, Function<Log, ChainEvent>> events, Event event, Function<Log, ChainEvent> f) {
        events.put(EventEncoder.encode(event).toLowerCase(Locale.ROOT), f);
    }

    // ClaimStatus in ILabelingBounties: None, Claimed, Revealed, Accepted, Rejected, Slashed, Forfeited.
    private static TaskClaim.Status outcome(BigInteger status) {
        return switch (status.intValueExact()) {
            case 3 -> TaskClaim.Status.ACCEPTED;
            case 4 -> TaskClaim.Status.REJECTED;
            case 5 -> TaskClaim.Status.SLASHED;
            case 6 -> TaskClaim.Status.FORFEITED;
            default -> TaskClaim.Status.REVEALED;
        };
    }

    private static String cid(BigInteger codec, byte[] digest) {
        return Cid.v1(codec.intValueExact(), digest).toString();
    }

    private static String address(String value) {
        return value.toLowerCase(Locale.ROOT);
    }

    private static String hex(byte[] value) {
        return "0x" + HexFormat.of().formatHex(value);
    }
}
