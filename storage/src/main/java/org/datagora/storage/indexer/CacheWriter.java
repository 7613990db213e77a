package org.datagora.storage.indexer;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;
import org.datagora.storage.cache.LabelingTask;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingMetadata;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.Purchase;
import org.datagora.storage.cache.PurchaseDao;
import org.datagora.storage.cache.ReputationDao;
import org.datagora.storage.cache.TaskDao;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Applies contract events to the cache inside the caller's transaction. Every applied log is kept in
 * chain_event with the entity (a listing or a task) whose rows it feeds: a log seen twice is skipped, and a
 * reorg rewinds by rebuilding only the entities whose logs were dropped, from the logs that remain.
 */
final class CacheWriter {
    private static final Logger LOG = LoggerFactory.getLogger(CacheWriter.class);

    private record Entity(String kind, long id) {
    }

    private final ContractEventDecoder decoder;
    private final IntFunction<String> licenseName;

    CacheWriter(ContractEventDecoder decoder, IntFunction<String> licenseName) {
        this.decoder = decoder;
        this.licenseName = licenseName;
    }

    /** Applies one log unless it was applied before; returns whether it changed the cache. */
    boolean record(Handle h, Log log, long blockTime) {
        long block = log.getBlockNumber().longValueExact();
        int index = log.getLogIndex().intValueExact();
        boolean seen = h.createQuery("SELECT COUNT(*) FROM chain_event WHERE block_number = :b AND log_index = :i")
                .bind("b", block).bind("i", index).mapTo(Integer.class).one() > 0;
        if (seen) {
            return false;
        }
        Optional<ChainEvent> decoded = decoder.decode(log);
        if (decoded.isEmpty()) {
            return false;
        }
        ChainEvent event = decoded.get();
        Optional<Entity> entity = entityOf(h, event);
        if (entity.isEmpty()) {
            LOG.warn("Skipping {} in block {}: it refers to a purchase or claim the cache never saw", event, block);
            return false;
        }
        h.createUpdate("INSERT INTO chain_event (block_number, log_index, block_hash, tx_hash, contract, entity_kind,"
                + " entity_id, topics, data, block_time) VALUES (:b, :i, :hash, :tx, :contract, :kind, :id, :topics,"
                + " :data, :time)")
                .bind("b", block).bind("i", index).bind("hash", log.getBlockHash()).bind("tx", log.getTransactionHash())
                .bind("contract", log.getAddress().toLowerCase()).bind("kind", entity.get().kind())
                .bind("id", entity.get().id()).bind("topics", String.join(",", log.getTopics()))
                .bind("data", bytes(log.getData())).bind("time", blockTime).execute();
        apply(h, event, block, blockTime);
        return true;
    }

    /**
     * Forgets everything derived from blocks above {@code forkBlock}: drops their logs, then rebuilds each
     * listing or task they touched from its remaining logs, and re-applies metadata already verified.
     */
    int rewind(Handle h, long forkBlock) {
        List<Entity> touched = h.createQuery("SELECT DISTINCT entity_kind, entity_id FROM chain_event"
                + " WHERE block_number > :b").bind("b", forkBlock)
                .map((rs, ctx) -> new Entity(rs.getString(1), rs.getLong(2))).list();
        h.createUpdate("DELETE FROM chain_event WHERE block_number > :b").bind("b", forkBlock).execute();
        h.createUpdate("DELETE FROM indexer_block WHERE block_number > :b").bind("b", forkBlock).execute();
        for (Entity entity : touched) {
            deleteDerived(h, entity);
        }
        for (Entity entity : touched) {
            List<Map.Entry<Log, Long>> remaining = h.createQuery("SELECT block_number, log_index, block_hash, tx_hash,"
                    + " contract, topics, data, block_time FROM chain_event WHERE entity_kind = :kind AND entity_id = :id"
                    + " ORDER BY block_number, log_index")
                    .bind("kind", entity.kind()).bind("id", entity.id())
                    .map((rs, ctx) -> Map.entry(log(rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getBytes(7)), rs.getLong(8)))
                    .list();
            for (Map.Entry<Log, Long> entry : remaining) {
                long block = entry.getKey().getBlockNumber().longValueExact();
                decoder.decode(entry.getKey()).ifPresent(e -> apply(h, e, block, entry.getValue()));
            }
        }
        applyKnownMetadata(h);
        LOG.info("Rewound the cache to block {}: rebuilt {} listings and tasks", forkBlock, touched.size());
        return touched.size();
    }

    /** Copies metadata fetched before onto listings still waiting for it (after a rewind or a relisting). */
    static int applyKnownMetadata(Handle h) {
        Map<Long, ListingMetadata> known = new LinkedHashMap<>();
        h.createQuery("SELECT l.listing_id, m.title, m.description, m.tags FROM listing l"
                + " JOIN metadata m ON m.cid = l.metadata_cid WHERE l.metadata_state = 'PENDING'")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), new ListingMetadata(rs.getString(2), rs.getString(3),
                        rs.getString(4).isEmpty() ? List.of() : Arrays.asList(rs.getString(4).split(",")))))
                .forEach(e -> known.put(e.getKey(), e.getValue()));
        ListingSearch.indexAll(h, known);
        return known.size();
    }

    private Optional<Entity> entityOf(Handle h, ChainEvent event) {
        if (event instanceof ChainEvent.Listed e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.PriceChanged e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.PausedChanged e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.Delisted e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.Purchased e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.Rated e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.KeyMismatchFlagged e) {
            return listing(e.listingId());
        } else if (event instanceof ChainEvent.KeyDelivered e) {
            return h.attach(PurchaseDao.class).listingOf(e.purchaseId()).flatMap(this::listing);
        } else if (event instanceof ChainEvent.Refunded e) {
            return h.attach(PurchaseDao.class).listingOf(e.purchaseId()).flatMap(this::listing);
        } else if (event instanceof ChainEvent.TaskCreated e) {
            return task(e.taskId());
        } else if (event instanceof ChainEvent.TaskClosed e) {
            return task(e.taskId());
        } else if (event instanceof ChainEvent.BatchClaimed e) {
            return task(e.taskId());
        } else if (event instanceof ChainEvent.LabelsCommitted e) {
            return h.attach(TaskDao.class).taskOf(e.claimId()).flatMap(this::task);
        } else if (event instanceof ChainEvent.LabelsRevealed e) {
            return h.attach(TaskDao.class).taskOf(e.claimId()).flatMap(this::task);
        } else if (event instanceof ChainEvent.ClaimOutcome e) {
            return h.attach(TaskDao.class).taskOf(e.claimId()).flatMap(this::task);
        }
        throw new IllegalArgumentException("No entity for " + event);
    }

    private Optional<Entity> listing(long id) {
        return Optional.of(new Entity("LISTING", id));
    }

    private Optional<Entity> task(long id) {
        return Optional.of(new Entity("TASK", id));
    }

    private void apply(Handle h, ChainEvent event, long block, long time) {
        ListingDao listings = h.attach(ListingDao.class);
        PurchaseDao purchases = h.attach(PurchaseDao.class);
        TaskDao tasks = h.attach(TaskDao.class);
        if (event instanceof ChainEvent.Listed e) {
            listings.insertListed(e.listingId(), e.seller(), e.contentCid(), e.metadataCid(), e.keyCommitment(),
                    e.price(), licenseName.apply(e.licenseId()), e.deliveryWindow(),
                    e.previousListingId() == 0 ? null : e.previousListingId(), block, time);
        } else if (event instanceof ChainEvent.PriceChanged e) {
            listings.updatePrice(e.listingId(), e.newPrice(), block);
        } else if (event instanceof ChainEvent.PausedChanged e) {
            listings.updateStatus(e.listingId(), e.paused() ? Listing.Status.PAUSED : Listing.Status.ACTIVE, block);
        } else if (event instanceof ChainEvent.Delisted e) {
            listings.updateStatus(e.listingId(), Listing.Status.DELISTED, block);
        } else if (event instanceof ChainEvent.Purchased e) {
            String seller = listings.find(e.listingId()).map(Listing::seller).orElse("");
            purchases.insertEscrowed(e.purchaseId(), e.listingId(), e.buyer(), seller, e.price(), e.buyerPublicKey(),
                    e.deadline(), block, time);
        } else if (event instanceof ChainEvent.KeyDelivered e) {
            purchases.markDelivered(e.purchaseId(), e.wrappedKey(), block, time);
        } else if (event instanceof ChainEvent.Refunded e) {
            purchases.markRefunded(e.purchaseId(), block);
        } else if (event instanceof ChainEvent.Rated e) {
            // The app records a rating the moment its transaction is mined, and caches filled before this
            // indexer have none of their events in chain_event: a rating already there is not counted again.
            boolean counted = purchases.find(e.purchaseId()).map(p -> p.rating() != null).orElse(false);
            purchases.rate(e.purchaseId(), e.stars(), block);
            if (!counted) {
                listings.addRating(e.listingId(), e.stars(), block);
            }
        } else if (event instanceof ChainEvent.KeyMismatchFlagged e) {
            purchases.flagKeyMismatch(e.purchaseId(), block);
            String buyer = purchases.find(e.purchaseId()).map(Purchase::buyer).orElse("");
            h.attach(ReputationDao.class).flag(e.listingId(), buyer, e.seller(),
                    "The delivered key did not match the key commitment", block);
        } else if (event instanceof ChainEvent.TaskCreated e) {
            tasks.insertTask(e.taskId(), e.requester(), e.manifestDigest(), e.schemaDigest(), e.itemCount(),
                    e.batchSize(), e.labelsPerItem(), e.totalReward(), e.validationPool(), block, time);
        } else if (event instanceof ChainEvent.TaskClosed e) {
            tasks.updateTaskStatus(e.taskId(), LabelingTask.Status.CLOSED, block);
        } else if (event instanceof ChainEvent.BatchClaimed e) {
            tasks.insertClaim(e.claimId(), e.taskId(), e.labeler(), e.batchIndex(), block);
        } else if (event instanceof ChainEvent.LabelsCommitted e) {
            tasks.commit(e.claimId(), e.commitment(), block);
        } else if (event instanceof ChainEvent.LabelsRevealed e) {
            tasks.reveal(e.claimId(), e.labelsCid(), block);
        } else if (event instanceof ChainEvent.ClaimOutcome e) {
            tasks.settleClaim(e.claimId(), e.status(), block);
        }
    }

    private static void deleteDerived(Handle h, Entity entity) {
        if (entity.kind().equals("LISTING")) {
            h.createUpdate("DELETE FROM purchase WHERE listing_id = :id").bind("id", entity.id()).execute();
            h.createUpdate("DELETE FROM listing_flag WHERE listing_id = :id").bind("id", entity.id()).execute();
            h.createUpdate("DELETE FROM listing WHERE listing_id = :id").bind("id", entity.id()).execute();
        } else {
            h.createUpdate("DELETE FROM labeling_task WHERE task_id = :id").bind("id", entity.id()).execute();
        }
    }

    private static Log log(long block, int index, String blockHash, String txHash, String contract, String topics,
            byte[] data) {
        Log log = new Log();
        log.setBlockNumber("0x" + Long.toHexString(block));
        log.setLogIndex("0x" + Integer.toHexString(index));
        log.setBlockHash(blockHash);
        log.setTransactionHash(txHash);
        log.setAddress(contract);
        log.setTopics(List.of(topics.split(",")));
        log.setData("0x" + HexFormat.of().formatHex(data));
        return log;
    }

    private static byte[] bytes(String hex) {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        return HexFormat.of().parseHex(digits);
    }
}
