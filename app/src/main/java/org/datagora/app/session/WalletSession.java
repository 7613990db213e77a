package org.datagora.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.datagora.app.market.ChainUnavailableException;
import org.datagora.app.market.DeliveryReport;
import org.datagora.app.market.DownloadService;
import org.datagora.app.market.KeyDeliveryAgent;
import org.datagora.app.market.Licenses;
import org.datagora.app.market.MarketCache;
import org.datagora.app.market.MarketChain;
import org.datagora.app.market.PublishWorkflow;
import org.datagora.app.market.PurchaseService;
import org.datagora.app.market.SearchService;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.indexer.ChainIndexer;
import org.datagora.storage.indexer.IndexerConfig;
import org.datagora.storage.indexer.IndexerException;
import org.datagora.storage.indexer.StoreMetadataFetcher;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * Everything that belongs to one open wallet on one network: its encrypted cache and secret vault, and
 * the marketplace services acting for it. While it is open, the key-delivery agent and the chain indexer
 * (the one thing that fills the cache from the chain's events) run in the background; closing it stops
 * them and locks the vault.
 */
public final class WalletSession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WalletSession.class);

    private final Credentials wallet;
    private final CacheDatabase database;
    private final SecretVault vault;
    private final MarketChain chain;
    private final ContentStore store;
    private final MarketCache cache;
    private final Path directory;
    private final ChainIndexer indexer;
    private final KeyDeliveryAgent deliveryAgent;
    private final SearchService search;
    private final PurchaseService purchases;
    private final DownloadService downloads;
    private final List<Consumer<DeliveryReport>> deliveryListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> syncListeners = new CopyOnWriteArrayList<>();
    private AutoCloseable deliveryWatch;
    private ScheduledFuture<?> syncing;
    private SessionLabeling labeling;

    private WalletSession(Credentials wallet, CacheDatabase database, SecretVault vault, MarketChain chain,
                          ContentStore store, Path directory) {
        this.wallet = wallet;
        this.database = database;
        this.vault = vault;
        this.chain = chain;
        this.store = store;
        this.directory = directory;
        this.cache = new MarketCache(database);
        this.indexer = new ChainIndexer(database, chain.web3j(), indexerConfig(chain.addresses()),
                new StoreMetadataFetcher(store));
        forgetOldSyncCursor(directory);
        this.deliveryAgent = new KeyDeliveryAgent(chain, cache, vault, wallet, directory);
        this.search = new SearchService(cache, store);
        this.purchases = new PurchaseService(chain, cache, wallet);
        this.downloads = new DownloadService(chain, store, cache, wallet, directory);
    }

    /**
     * Opens the session of {@code wallet} on the network of {@code addresses}: its cache lives in
     * {@code cacheRoot}/{chain id}-{address}, encrypted with a password derived from the wallet key.
     */
    public static WalletSession open(Credentials wallet, Web3j web3j, NetworkAddresses addresses, ContentStore store,
                                     Path cacheRoot) {
        Path directory = cacheRoot.resolve(addresses.chainId() + "-" + wallet.getAddress().toLowerCase(Locale.ROOT));
        char[] password = CachePassword.of(wallet);
        try {
            CacheDatabase database = CacheDatabase.open(directory.resolve("db"), Optional.of(password.clone()));
            SecretVault vault = new SecretVault(database);
            vault.unlock(password.clone());
            return new WalletSession(wallet, database, vault, new MarketChain(web3j, addresses), store, directory);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** Starts the background work: syncing listings from the chain and delivering keys for sales. */
    public synchronized void startBackgroundWork(ScheduledExecutorService scheduler, Duration period) {
        if (syncing != null) {
            return;
        }
        syncing = scheduler.scheduleWithFixedDelay(() -> {
            try {
                syncNow();
            } catch (RuntimeException e) {
                LOG.warn("Indexing the chain failed; the cache keeps answering: {}", e.getMessage());
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        deliveryWatch = deliveryAgent.watch(scheduler, period, report -> deliveryListeners.forEach(l -> l.accept(report)),
                e -> LOG.warn("Delivering keys failed; will try again: {}", e.getMessage()));
    }

    /** Tells {@code listener} about every pass of the delivery agent. */
    public void onDeliveries(Consumer<DeliveryReport> listener) {
        deliveryListeners.add(listener);
    }

    /** Tells {@code listener} whenever a sync (in the background or {@link #syncNow()}) brought something new into the cache. */
    public void onSynced(Runnable listener) {
        syncListeners.add(listener);
    }

    /** The open wallet. */
    public Credentials wallet() {
        return wallet;
    }

    /** The wallet's address. */
    public String address() {
        return wallet.getAddress();
    }

    /** A new publish workflow (one per publish; it can be cancelled). */
    public PublishWorkflow newPublishWorkflow() {
        return new PublishWorkflow(chain, store, cache, vault, directory.resolve("publish"), wallet);
    }

    /**
     * Brings the cache up to date with the chain now (the indexer's pass: new events, then listing metadata
     * still to fetch) and tells the sync listeners when anything came in, whoever asked: a view that syncs
     * on its own (after a publish, say) must not leave the others stale.
     *
     * @return how many events and metadata documents came into the cache
     * @throws ChainUnavailableException when the chain's node cannot be reached; the cache is untouched
     */
    public int syncNow() {
        int changes;
        try {
            changes = indexer.syncToHead();
        } catch (IndexerException e) {
            throw new ChainUnavailableException(e.getMessage(), e);
        }
        if (changes > 0) {
            syncListeners.forEach(Runnable::run);
        }
        return changes;
    }

    /**
     * How the indexer reads this network: both contracts from their deployment block, and the app's license
     * table, so the cache names licenses as the publish form and the search filters do.
     */
    public static IndexerConfig indexerConfig(NetworkAddresses addresses) {
        return IndexerConfig.forNetwork(addresses).withLicenseNames(Licenses::name);
    }

    /**
     * Removes the cursor file of the app's former marketplace sync. The indexer keeps its own cursor in the
     * cache and, on a cache that sync filled, reads the chain once from the deployment block: its writes are
     * idempotent, so the rows come out the same.
     */
    private static void forgetOldSyncCursor(Path directory) {
        try {
            Files.deleteIfExists(directory.resolve("market-sync.json"));
        } catch (IOException e) {
            LOG.debug("The old sync cursor could not be removed; it is no longer read", e);
        }
    }

    public SearchService search() {
        return search;
    }

    public PurchaseService purchases() {
        return purchases;
    }

    public DownloadService downloads() {
        return downloads;
    }

    public KeyDeliveryAgent deliveryAgent() {
        return deliveryAgent;
    }

    public MarketChain chain() {
        return chain;
    }

    public MarketCache cache() {
        return cache;
    }

    public SecretVault vault() {
        return vault;
    }

    public ContentStore store() {
        return store;
    }

    /** The labeling services of this wallet, made on first use; their reveal pass runs until the session closes. */
    public synchronized SessionLabeling labeling() {
        if (labeling == null) {
            labeling = new SessionLabeling(wallet, chain.web3j(), chain.addresses(), store, database, vault);
        }
        return labeling;
    }

    /** Where this session keeps its files. */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        if (syncing != null) {
            syncing.cancel(false);
        }
        if (deliveryWatch != null) {
            try {
                deliveryWatch.close();
            } catch (Exception e) {
                LOG.warn("Stopping the delivery agent failed", e);
            }
        }
        if (labeling != null) {
            labeling.close();
        }
        indexer.close();
        vault.lock();
        database.close();
    }
}
