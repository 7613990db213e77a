package org.datagora.storage.indexer;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.datagora.storage.cache.CacheDatabase;
import org.jdbi.v3.core.Handle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.methods.response.Log;

/**
 * Fills the cache from the marketplace and labeling contracts' events: eth_getLogs over block ranges that
 * grow while the node copes and halve when it refuses, a cursor in the cache so a restart carries on where
 * it stopped, reorgs noticed by block hash and rewound, and listing metadata fetched and verified. When the
 * node cannot be reached the cache keeps answering, the status says OFFLINE with the reason, and the indexer
 * retries with growing pauses.
 */
public final class ChainIndexer implements AutoCloseable {
    /** How many recent block hashes the cursor keeps to find where a reorg forked. */
    static final int KEPT_BLOCK_HASHES = 256;
    private static final Logger LOG = LoggerFactory.getLogger(ChainIndexer.class);

    private final CacheDatabase db;
    private final ChainReader chain;
    private final IndexerConfig config;
    private final ContractEventDecoder decoder;
    private final CacheWriter writer;
    private final MetadataSync metadata;
    private final AdaptiveRange range;
    private final List<Consumer<IndexerStatus>> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService loop;
    private final ExecutorService fetchers;
    private volatile IndexerStatus status;
    private volatile boolean running;
    private Duration backoff = Duration.ZERO;
    private long eventsApplied;
    private long blocksRead;

    public ChainIndexer(CacheDatabase db, Web3j web3j, IndexerConfig config, MetadataFetcher fetcher) {
        this.db = db;
        this.chain = new ChainReader(web3j);
        this.config = config;
        this.decoder = new ContractEventDecoder(config.marketplace(), config.labeling());
        this.writer = new CacheWriter(decoder, config.licenseName());
        this.range = new AdaptiveRange(config.initialRange(), config.maxRange());
        this.loop = Executors.newSingleThreadScheduledExecutor(named("chain-indexer"));
        this.fetchers = Executors.newFixedThreadPool(4, named("metadata-fetch"));
        this.metadata = new MetadataSync(db, fetcher, fetchers, config.metadataBatch(), Clock.systemUTC());
        Cursor cursor = openCursor();
        this.status = IndexerStatus.syncing(cursor.block(), cursor.block());
    }

    /** Called on the indexer's thread at every change of state or progress; keep it quick. */
    public void addListener(Consumer<IndexerStatus> listener) {
        listeners.add(listener);
    }

    public IndexerStatus status() {
        return status;
    }

    /** The last block whose events are all in the cache. */
    public long cursorBlock() {
        return loadCursor().block();
    }

    /** Events applied since this indexer was made (not counting replays after a reorg). */
    public synchronized long eventsApplied() {
        return eventsApplied;
    }

    /** Blocks whose logs this indexer has read (after a restart: only those past the cursor). */
    public synchronized long blocksRead() {
        return blocksRead;
    }

    /** Runs the indexer in the background until {@link #close}. */
    public void start() {
        running = true;
        loop.execute(this::runOnce);
    }

    /**
     * Indexes on the caller's thread until the cache has caught up with the chain head as it was when called.
     *
     * @return how many events and listing metadata documents this call brought into the cache (0: nothing new)
     * @throws IndexerException if the node cannot be reached
     */
    public synchronized int syncToHead() {
        try {
            long head = chain.head();
            long before = eventsApplied;
            while (step(head)) {
                // keep going: step returns false once the cursor reached head
            }
            return Math.toIntExact(eventsApplied - before) + metadata.pass();
        } catch (IOException e) {
            throw offline(e);
        }
    }

    @Override
    public void close() {
        running = false;
        loop.shutdownNow();
        fetchers.shutdownNow();
        try {
            loop.awaitTermination(10, TimeUnit.SECONDS);
            fetchers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runOnce() {
        if (!running) {
            return;
        }
        Duration next;
        try {
            synchronized (this) {
                long head = chain.head();
                boolean more = step(head);
                if (!more) {
                    metadata.pass();
                }
                backoff = Duration.ZERO;
                next = more ? Duration.ZERO : config.pollInterval();
            }
        } catch (IOException | RuntimeException e) {
            IndexerException error = offline(e);
            backoff = backoff.isZero() ? Duration.ofMillis(Math.min(1000, config.maxBackoff().toMillis()))
                    : min(backoff.multipliedBy(2), config.maxBackoff());
            publish(IndexerStatus.offline(status.cursorBlock(), status.headBlock(),
                    error.getMessage() + " Showing what the cache holds; trying again in "
                            + Math.max(1, backoff.toSeconds()) + " s."));
            LOG.warn("Chain indexer: {}", error.getMessage(), e instanceof IOException ? null : e);
            next = backoff;
        }
        if (running) {
            try {
                loop.schedule(this::runOnce, next.toMillis(), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                // close() ran meanwhile: nothing more to do.
            }
        }
    }

    /** One range of blocks; returns whether blocks remain before {@code head}. */
    private boolean step(long head) throws IOException {
        Cursor cursor = loadCursor();
        if (!cursor.hash().isEmpty()) {
            Optional<ChainReader.Header> atCursor = chain.header(cursor.block());
            if (atCursor.isEmpty() || !atCursor.get().hash().equals(cursor.hash())) {
                rewind();
                return true;
            }
        }
        if (cursor.block() >= head) {
            publish(IndexerStatus.upToDate(cursor.block()));
            return false;
        }
        long from = cursor.block() + 1;
        long to = Math.min(head, from + range.size() - 1);
        Optional<ChainReader.Header> end = chain.header(to);
        if (end.isEmpty()) {
            return true;
        }
        List<Log> logs;
        try {
            logs = chain.logs(from, to, List.of(config.marketplace(), config.labeling()), decoder.topics());
        } catch (ChainReader.RefusedException e) {
            if (range.refused()) {
                LOG.debug("eth_getLogs refused {} blocks ({}); trying {}", to - from + 1, e.getMessage(), range.size());
                return true;
            }
            throw new IOException("the node refuses eth_getLogs even for one block: " + e.getMessage(), e);
        }
        TreeSet<Long> blocks = new TreeSet<>();
        logs.forEach(l -> blocks.add(l.getBlockNumber().longValueExact()));
        blocks.add(to);
        Map<Long, ChainReader.Header> headers = chain.headers(new ArrayList<>(blocks));
        // The chain must not have moved between the calls: every log's block and the range end as seen now.
        ChainReader.Header endNow = headers.get(to);
        if (endNow == null || !endNow.hash().equals(end.get().hash())
                || logs.stream().anyMatch(l -> !headers.containsKey(l.getBlockNumber().longValueExact())
                        || !headers.get(l.getBlockNumber().longValueExact()).hash().equals(l.getBlockHash()))) {
            LOG.info("The chain changed while blocks {} to {} were read; reading them again", from, to);
            return true;
        }
        int applied = db.jdbi().inTransaction(h -> {
            int count = 0;
            logs.sort((a, b) -> {
                int byBlock = a.getBlockNumber().compareTo(b.getBlockNumber());
                return byBlock != 0 ? byBlock : a.getLogIndex().compareTo(b.getLogIndex());
            });
            for (Log log : logs) {
                if (writer.record(h, log, headers.get(log.getBlockNumber().longValueExact()).timestamp())) {
                    count++;
                }
            }
            for (Long block : blocks) {
                h.createUpdate("MERGE INTO indexer_block (block_number, block_hash) KEY (block_number) VALUES (:n, :h)")
                        .bind("n", block).bind("h", headers.get(block).hash()).execute();
            }
            h.createUpdate("DELETE FROM indexer_block WHERE block_number < (SELECT MIN(block_number) FROM"
                    + " (SELECT block_number FROM indexer_block ORDER BY block_number DESC LIMIT :keep))")
                    .bind("keep", KEPT_BLOCK_HASHES).execute();
            saveCursor(h, to, endNow.hash());
            return count;
        });
        eventsApplied += applied;
        blocksRead += to - from + 1;
        range.succeeded();
        publish(to >= head ? IndexerStatus.upToDate(to) : IndexerStatus.syncing(to, head));
        return to < head;
    }

    /** Finds the newest kept block the chain still has, and forgets everything after it. */
    private void rewind() throws IOException {
        List<Map.Entry<Long, String>> kept = db.jdbi().withHandle(h -> h.createQuery(
                "SELECT block_number, block_hash FROM indexer_block ORDER BY block_number DESC")
                .map((rs, ctx) -> Map.entry(rs.getLong(1), rs.getString(2))).list());
        long fork = config.startBlock() - 1;
        String forkHash = "";
        Map<Long, ChainReader.Header> onChain = chain.headers(kept.stream().map(Map.Entry::getKey).toList());
        for (Map.Entry<Long, String> block : kept) {
            ChainReader.Header header = onChain.get(block.getKey());
            if (header != null && header.hash().equals(block.getValue())) {
                fork = block.getKey();
                forkHash = block.getValue();
                break;
            }
        }
        long forkBlock = fork;
        String hash = forkHash;
        LOG.info("Reorg: the chain no longer has the blocks after {}; rewinding the cache", forkBlock);
        db.jdbi().useTransaction(h -> {
            writer.rewind(h, forkBlock);
            saveCursor(h, forkBlock, hash);
        });
        publish(IndexerStatus.syncing(forkBlock, status.headBlock()));
    }

    private record Cursor(long block, String hash) {
    }

    /** Reads the cursor, starting afresh (keeping verified metadata) if the cache was filled from other contracts. */
    private Cursor openCursor() {
        return db.jdbi().inTransaction(h -> {
            Optional<String> contracts = h.createQuery("SELECT contracts FROM indexer_cursor WHERE id = 1")
                    .mapTo(String.class).findOne();
            if (contracts.isPresent() && !contracts.get().equals(config.contractsKey())) {
                LOG.info("The cache was filled from {}; starting again for {}", contracts.get(), config.contractsKey());
                for (String table : List.of("chain_event", "indexer_block", "indexer_cursor", "purchase",
                        "listing_flag", "listing", "labeling_task")) {
                    h.execute("DELETE FROM " + table);
                }
            }
            return loadCursor(h);
        });
    }

    private Cursor loadCursor() {
        return db.jdbi().withHandle(this::loadCursor);
    }

    private Cursor loadCursor(Handle h) {
        return h.createQuery("SELECT block_number, block_hash FROM indexer_cursor WHERE id = 1")
                .map((rs, ctx) -> new Cursor(rs.getLong(1), rs.getString(2))).findOne()
                .orElse(new Cursor(config.startBlock() - 1, ""));
    }

    private void saveCursor(Handle h, long block, String hash) {
        h.createUpdate("MERGE INTO indexer_cursor (id, chain_id, contracts, block_number, block_hash) KEY (id)"
                + " VALUES (1, :chain, :contracts, :block, :hash)")
                .bind("chain", config.chainId()).bind("contracts", config.contractsKey())
                .bind("block", block).bind("hash", hash).execute();
    }

    private void publish(IndexerStatus next) {
        IndexerStatus previous = status;
        status = next;
        if (previous.state() != next.state() || previous.cursorBlock() != next.cursorBlock()
                || !Objects.equals(previous.error(), next.error())) {
            for (Consumer<IndexerStatus> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.warn("An indexer status listener failed", e);
                }
            }
        }
    }

    private static IndexerException offline(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new IndexerException("The chain node cannot be reached (" + reason + ").", e);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
