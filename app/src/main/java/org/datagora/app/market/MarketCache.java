package org.datagora.app.market;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingMetadata;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.MetadataDao;
import org.datagora.storage.cache.PurchaseDao;

/**
 * Writes what the marketplace services learn (a listing just confirmed, a purchase just made) into the
 * local cache right away, in the same shape the chain indexer writes it, so views show it without waiting
 * for the next indexing pass. Writes are idempotent (MERGE), so the indexer seeing the same events is fine.
 */
public final class MarketCache {

    private final CacheDatabase database;

    public MarketCache(CacheDatabase database) {
        this.database = database;
    }

    public CacheDatabase database() {
        return database;
    }

    /** Records a listing with its verified metadata document and makes it searchable, in one transaction. */
    public void recordListing(long listingId, String seller, String contentCid, String metadataCid,
                              String keyCommitment, BigInteger price, int licenseId, long deliveryWindowSeconds,
                              Long previousListingId, long block, long time, byte[] metadataJson) {
        ListingMetadata searchable = ListingMetadata.parse(metadataJson);
        database.jdbi().useTransaction(handle -> {
            handle.attach(ListingDao.class).insertListed(listingId, lower(seller), contentCid, metadataCid,
                    keyCommitment, price, Licenses.name(licenseId), deliveryWindowSeconds, previousListingId, block, time);
            handle.attach(MetadataDao.class).put(metadataCid, searchable.title(), searchable.description(),
                    searchable.joinedTags(), metadataJson, System.currentTimeMillis());
            ListingSearch.index(handle, listingId, searchable);
        });
    }

    /** Records a purchase paid into escrow. */
    public void recordPurchase(long purchaseId, long listingId, String buyer, String seller, BigInteger price,
                               byte[] buyerPublicKey, long deadline, long block, long time) {
        database.dao(PurchaseDao.class).insertEscrowed(purchaseId, listingId, lower(buyer), lower(seller), price,
                buyerPublicKey, deadline, block, time);
    }

    /** Marks a purchase delivered with the wrapped key from the KeyDelivered event. */
    public void recordDelivery(long purchaseId, byte[] wrappedKey, long block, long time) {
        database.dao(PurchaseDao.class).markDelivered(purchaseId, wrappedKey, block, time);
    }

    public void recordRefund(long purchaseId, long block) {
        database.dao(PurchaseDao.class).markRefunded(purchaseId, block);
    }

    /** Records the buyer's rating of a purchase and adds it to the listing's average. */
    public void recordRating(long purchaseId, long listingId, int stars, long block) {
        database.jdbi().useTransaction(handle -> {
            if (handle.attach(PurchaseDao.class).find(purchaseId).map(p -> p.rating() == null).orElse(true)) {
                handle.attach(PurchaseDao.class).rate(purchaseId, stars, block);
                handle.attach(ListingDao.class).addRating(listingId, stars, block);
            }
        });
    }

    /** The metadata document cached for {@code metadataCid}. */
    public Optional<byte[]> metadata(String metadataCid) {
        return database.dao(MetadataDao.class).raw(metadataCid);
    }

    static String lower(String address) {
        return address == null ? null : address.toLowerCase(Locale.ROOT);
    }
}
