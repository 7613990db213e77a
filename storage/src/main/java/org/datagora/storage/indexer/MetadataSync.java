package org.datagora.storage.indexer;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingMetadata;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.MetadataDao;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills in listings' titles, descriptions and tags: fetches each pending metadata CID once (several at a
 * time), keeps the verified document by CID, and indexes every listing that points to it. A document that
 * is not valid marks its listings INVALID; one that cannot be fetched now is tried again on a later pass.
 */
final class MetadataSync {
    private static final Logger LOG = LoggerFactory.getLogger(MetadataSync.class);

    private final CacheDatabase db;
    private final MetadataFetcher fetcher;
    private final ExecutorService fetchers;
    private final int batch;
    private final Clock clock;

    MetadataSync(CacheDatabase db, MetadataFetcher fetcher, ExecutorService fetchers, int batch, Clock clock) {
        this.db = db;
        this.fetcher = fetcher;
        this.fetchers = fetchers;
        this.batch = batch;
        this.clock = clock;
    }

    /** Tries every pending metadata CID once; returns how many listings got their metadata. */
    int pass() {
        int indexed = db.jdbi().inTransaction(CacheWriter::applyKnownMetadata);
        Set<String> tried = new HashSet<>();
        while (true) {
            List<Listing> pending = db.dao(ListingDao.class).pendingMetadata(batch);
            Map<String, List<Long>> byCid = new LinkedHashMap<>();
            for (Listing listing : pending) {
                if (!tried.contains(listing.metadataCid())) {
                    byCid.computeIfAbsent(listing.metadataCid(), c -> new ArrayList<>()).add(listing.listingId());
                }
            }
            if (byCid.isEmpty()) {
                return indexed;
            }
            tried.addAll(byCid.keySet());
            Map<String, CompletableFuture<Optional<byte[]>>> fetches = new LinkedHashMap<>();
            byCid.keySet().forEach(cid -> fetches.put(cid, CompletableFuture.supplyAsync(() -> fetchQuietly(cid), fetchers)));
            Map<Long, ListingMetadata> verified = new LinkedHashMap<>();
            List<Long> invalid = new ArrayList<>();
            List<Long> unavailable = new ArrayList<>();
            Map<String, Map.Entry<ListingMetadata, byte[]>> documents = new LinkedHashMap<>();
            for (Map.Entry<String, CompletableFuture<Optional<byte[]>>> entry : fetches.entrySet()) {
                Optional<byte[]> bytes = entry.getValue().join();
                List<Long> listings = byCid.get(entry.getKey());
                if (bytes.isEmpty()) {
                    unavailable.addAll(listings);
                    continue;
                }
                try {
                    ListingMetadata metadata = ListingMetadata.parse(bytes.get());
                    documents.put(entry.getKey(), Map.entry(metadata, bytes.get()));
                    listings.forEach(id -> verified.put(id, metadata));
                } catch (IllegalArgumentException e) {
                    LOG.info("Listing metadata {} is not usable: {}", entry.getKey(), e.getMessage());
                    invalid.addAll(listings);
                }
            }
            long now = clock.millis();
            db.jdbi().useTransaction(h -> {
                MetadataDao metadataDao = h.attach(MetadataDao.class);
                documents.forEach((cid, doc) -> metadataDao.put(cid, doc.getKey().title(), doc.getKey().description(),
                        doc.getKey().joinedTags(), doc.getValue(), now));
                ListingSearch.indexAll(h, verified);
                ListingDao listings = h.attach(ListingDao.class);
                invalid.forEach(id -> listings.markMetadata(id, Listing.MetadataState.INVALID));
                unavailable.forEach(id -> listings.markMetadata(id, Listing.MetadataState.PENDING));
            });
            indexed += verified.size();
        }
    }

    private Optional<byte[]> fetchQuietly(String cid) {
        try {
            return fetcher.fetch(cid);
        } catch (RuntimeException e) {
            LOG.warn("Fetching listing metadata {} failed: {}", cid, e.getMessage());
            return Optional.empty();
        }
    }
}
