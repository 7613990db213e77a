package org.datagora.app.market;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.PurchaseDao;
import org.datagora.storage.cache.ReputationDao;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Brings the local cache up to date with the marketplace's events since the last pass (listings with
 * their metadata fetched from the content store and verified against its CID, purchases, deliveries,
 * refunds, ratings, flags), from a cursor kept in the data directory. Every write is idempotent, so a
 * pass interrupted midway is simply run again. It is the marketplace part of what the chain indexer does,
 * and steps aside for it: the cache tables are the same.
 */
public final class MarketSync {

    private static final Logger LOG = LoggerFactory.getLogger(MarketSync.class);
    private static final int MAX_METADATA_BYTES = 64 * 1024;
    private static final long BLOCKS_PER_QUERY = 5_000;

    private final MarketChain chain;
    private final ContentStore store;
    private final MarketCache cache;
    private final StateFile<Cursor> cursor;

    /** @param stateFile where the last block applied is kept */
    public MarketSync(MarketChain chain, ContentStore store, MarketCache cache, java.nio.file.Path stateFile) {
        this.chain = chain;
        this.store = store;
        this.cache = cache;
        this.cursor = new StateFile<>(stateFile, Cursor.class, () -> new Cursor(chain.addresses().deployedAtBlock() - 1));
    }

    /** The last block applied. */
    record Cursor(long block) {
    }

    /** Applies every marketplace event up to the latest block; returns how many events it applied. */
    public synchronized int sync() {
        long latest = chain.latestBlock();
        long from = cursor.read().block() + 1;
        int applied = 0;
        Map<Long, Long> blockTimes = new HashMap<>();
        while (from <= latest) {
            long to = Math.min(latest, from + BLOCKS_PER_QUERY - 1);
            for (Log log : chain.marketplaceLogs(from, to)) {
                if (apply(log, blockTimes)) {
                    applied++;
                }
            }
            cursor.write(new Cursor(to));
            from = to + 1;
        }
        retryPendingMetadata();
        return applied;
    }

    private boolean apply(Log log, Map<Long, Long> blockTimes) {
        String topic = log.getTopics().get(0);
        long block = log.getBlockNumber().longValueExact();
        long time = blockTimes.computeIfAbsent(block, chain::blockTime);
        if (topic.equals(EventEncoder.encode(DataMarketplace.LISTED_EVENT))) {
            DataMarketplace.ListedEventResponse e = DataMarketplace.getListedEventFromLog(log);
            applyListing(e, block, time);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.PURCHASED_EVENT))) {
            DataMarketplace.PurchasedEventResponse e = DataMarketplace.getPurchasedEventFromLog(log);
            long listingId = e.listingId.longValueExact();
            String seller = cache.database().dao(ListingDao.class).find(listingId).map(l -> l.seller())
                    .orElseGet(() -> ChainListing.read(chain, listingId).seller());
            cache.recordPurchase(e.purchaseId.longValueExact(), listingId, e.buyer, seller, e.price, e.buyerPublicKey,
                    e.deadline.longValueExact(), block, time);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.KEYDELIVERED_EVENT))) {
            DataMarketplace.KeyDeliveredEventResponse e = DataMarketplace.getKeyDeliveredEventFromLog(log);
            cache.recordDelivery(e.purchaseId.longValueExact(), e.wrappedKey, block, time);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.REFUNDED_EVENT))) {
            cache.recordRefund(DataMarketplace.getRefundedEventFromLog(log).purchaseId.longValueExact(), block);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.RATED_EVENT))) {
            DataMarketplace.RatedEventResponse e = DataMarketplace.getRatedEventFromLog(log);
            cache.recordRating(e.purchaseId.longValueExact(), e.listingId.longValueExact(), e.stars.intValue(), block);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.KEYMISMATCHFLAGGED_EVENT))) {
            DataMarketplace.KeyMismatchFlaggedEventResponse e = DataMarketplace.getKeyMismatchFlaggedEventFromLog(log);
            String buyer = cache.database().dao(PurchaseDao.class).find(e.purchaseId.longValueExact())
                    .map(p -> p.buyer()).orElse("0x0000000000000000000000000000000000000000");
            cache.database().dao(ReputationDao.class).flag(e.listingId.longValueExact(), buyer,
                    MarketCache.lower(e.seller), "The delivered key did not match the key commitment", block);
            cache.database().dao(PurchaseDao.class).flagKeyMismatch(e.purchaseId.longValueExact(), block);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.PRICECHANGED_EVENT))) {
            DataMarketplace.PriceChangedEventResponse e = DataMarketplace.getPriceChangedEventFromLog(log);
            cache.database().dao(ListingDao.class).updatePrice(e.listingId.longValueExact(), e.newPrice, block);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.PAUSEDCHANGED_EVENT))) {
            DataMarketplace.PausedChangedEventResponse e = DataMarketplace.getPausedChangedEventFromLog(log);
            cache.database().dao(ListingDao.class).updateStatus(e.listingId.longValueExact(), e.paused
                    ? org.datagora.storage.cache.Listing.Status.PAUSED : org.datagora.storage.cache.Listing.Status.ACTIVE,
                    block);
        } else if (topic.equals(EventEncoder.encode(DataMarketplace.DELISTED_EVENT))) {
            cache.database().dao(ListingDao.class).updateStatus(
                    DataMarketplace.getDelistedEventFromLog(log).listingId.longValueExact(),
                    org.datagora.storage.cache.Listing.Status.DELISTED, block);
        } else {
            return false;
        }
        return true;
    }

    private void applyListing(DataMarketplace.ListedEventResponse e, long block, long time) {
        long listingId = e.listingId.longValueExact();
        String contentCid = ChainListing.cid(e.contentCodec, e.contentDigest);
        String metadataCid = ChainListing.cid(e.metadataCodec, e.metadataDigest);
        Long previous = e.previousListingId.signum() == 0 ? null : e.previousListingId.longValueExact();
        String commitment = Numeric.toHexString(e.keyCommitment);
        Optional<byte[]> metadata = fetchMetadata(metadataCid);
        if (metadata.isPresent()) {
            try {
                cache.recordListing(listingId, e.seller, contentCid, metadataCid, commitment, e.price,
                        e.licenseId.intValue(), e.deliveryWindow.longValue(), previous, block, time, metadata.get());
                return;
            } catch (IllegalArgumentException invalid) {
                LOG.warn("Listing {} has invalid metadata {}: {}", listingId, metadataCid, invalid.getMessage());
                insertBare(listingId, e, contentCid, metadataCid, commitment, previous, block, time);
                cache.database().dao(ListingDao.class).markMetadata(listingId,
                        org.datagora.storage.cache.Listing.MetadataState.INVALID);
                return;
            }
        }
        insertBare(listingId, e, contentCid, metadataCid, commitment, previous, block, time);
    }

    private void insertBare(long listingId, DataMarketplace.ListedEventResponse e, String contentCid, String metadataCid,
                            String commitment, Long previous, long block, long time) {
        cache.database().dao(ListingDao.class).insertListed(listingId, MarketCache.lower(e.seller), contentCid,
                metadataCid, commitment, e.price, Licenses.name(e.licenseId.intValue()), e.deliveryWindow.longValue(),
                previous, block, time);
    }

    private void retryPendingMetadata() {
        List<org.datagora.storage.cache.Listing> pending = cache.database().dao(ListingDao.class).pendingMetadata(50);
        for (var listing : pending) {
            Optional<byte[]> metadata = fetchMetadata(listing.metadataCid());
            if (metadata.isPresent()) {
                try {
                    cache.recordListing(listing.listingId(), listing.seller(), listing.contentCid(),
                            listing.metadataCid(), listing.keyCommitment(), listing.price(), Licenses.idOf(listing.license()),
                            listing.deliveryWindow(), listing.previousListingId(), listing.createdBlock(), listing.createdTime(), metadata.get());
                } catch (IllegalArgumentException invalid) {
                    cache.database().dao(ListingDao.class).markMetadata(listing.listingId(),
                            org.datagora.storage.cache.Listing.MetadataState.INVALID);
                }
            }
        }
    }

    /** The metadata document, read from the store and checked against its CID; empty when unavailable. */
    private Optional<byte[]> fetchMetadata(String metadataCid) {
        Optional<byte[]> cached = cache.metadata(metadataCid);
        if (cached.isPresent()) {
            return cached;
        }
        try (InputStream in = new CidVerifyingInputStream(store.get(metadataCid), Cid.parse(metadataCid))) {
            byte[] bytes = in.readNBytes(MAX_METADATA_BYTES + 1);
            if (bytes.length > MAX_METADATA_BYTES) {
                LOG.warn("Metadata {} is larger than {} bytes; ignored", metadataCid, MAX_METADATA_BYTES);
                return Optional.empty();
            }
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return Optional.of(bytes);
        } catch (IOException e) {
            LOG.info("Metadata {} not available yet: {}", metadataCid, e.getMessage());
            return Optional.empty();
        }
    }
}
