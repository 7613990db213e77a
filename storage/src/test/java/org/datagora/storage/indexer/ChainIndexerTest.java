package org.datagora.storage.indexer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.datagora.contracts.ContractsDeployer;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.bench.ListingPublisher;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.SearchQuery;
import org.datagora.storage.store.EmbeddedContentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.gas.DefaultGasProvider;

/**
 * The indexer against a real anvil and the real contracts: 10,000 listings, a restart, a reorg. The tests
 * share one chain and one cache and run in order, each starting from the state the previous one left.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ChainIndexerTest {
    static final int LISTINGS = 10_000;

    @TempDir
    static Path tmp;
    static AnvilNode anvil;
    static NetworkAddresses network;
    static EmbeddedContentStore store;
    static Credentials seller;
    static ListingPublisher publisher;
    static IndexerConfig config;

    @BeforeAll
    static void chain() throws Exception {
        anvil = AnvilNode.startEphemeral();
        Credentials admin = anvil.devAccount(0);
        network = ContractsDeployer.deploy(anvil.web3j(), anvil.transactionManager(admin), anvil.gasProvider(),
                admin.getAddress(), anvil.devAccount(9).getAddress());
        store = new EmbeddedContentStore(tmp.resolve("store"));
        seller = anvil.devAccount(1);
        publisher = new ListingPublisher(anvil.web3j(), anvil.chainId(), seller, network.marketplace());
        config = IndexerConfig.forNetwork(network).withPollInterval(Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() {
        anvil.close();
    }

    @Test
    @Order(1)
    void synchronizesTenThousandListingsThenCarriesOnFromItsCursorAfterARestart() throws Exception {
        publish("bulk", 0, LISTINGS);
        Path cacheDir = tmp.resolve("cache");
        long cursorBefore;
        try (CacheDatabase db = CacheDatabase.open(cacheDir, Optional.empty());
                ChainIndexer indexer = new ChainIndexer(db, anvil.web3j(), config, new StoreMetadataFetcher(store))) {
            indexer.start();
            ListingDao listings = db.dao(ListingDao.class);
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() ->
                    listings.countByMetadataState(Listing.MetadataState.VERIFIED) == LISTINGS);
            await().atMost(Duration.ofSeconds(30)).until(() ->
                    indexer.status().state() == IndexerStatus.State.UP_TO_DATE);
            assertThat(indexer.eventsApplied()).isEqualTo(LISTINGS);
            assertMatchesChain(db, List.of(1L, 4_321L, (long) LISTINGS));
            ListingSearch search = new ListingSearch(db);
            assertThat(search.search(SearchQuery.all().withText("bulk1234")).listings())
                    .singleElement().extracting(Listing::listingId).isEqualTo(1_235L);
            cursorBefore = indexer.cursorBlock();
        }

        publish("late", 0, 5);
        long head = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
        try (CacheDatabase db = CacheDatabase.open(cacheDir, Optional.empty());
                ChainIndexer indexer = new ChainIndexer(db, anvil.web3j(), config, new StoreMetadataFetcher(store))) {
            assertThat(indexer.cursorBlock()).isEqualTo(cursorBefore);
            indexer.syncToHead();
            // Only the blocks after the cursor were read, not the chain from its first block.
            assertThat(indexer.blocksRead()).isEqualTo(head - cursorBefore);
            assertThat(indexer.eventsApplied()).isEqualTo(5);
            assertThat(db.dao(ListingDao.class).count()).isEqualTo(LISTINGS + 5);
            assertThat(new ListingSearch(db).search(SearchQuery.all().withText("late")).listings()).hasSize(5);
        }
    }

    @Test
    @Order(2)
    void afterAReorgTheCacheMatchesTheChainAgain() throws Exception {
        Path cacheDir = tmp.resolve("cache");
        try (CacheDatabase db = CacheDatabase.open(cacheDir, Optional.empty());
                ChainIndexer indexer = new ChainIndexer(db, anvil.web3j(), config, new StoreMetadataFetcher(store))) {
            ListingSearch search = new ListingSearch(db);
            String snapshot = anvil.snapshot();
            publish("orphan", 0, 3);
            indexer.syncToHead();
            assertThat(search.search(SearchQuery.all().withText("orphan")).listings()).hasSize(3);

            anvil.revert(snapshot);
            publish("canonical", 0, 4);
            anvil.mine();
            indexer.syncToHead();

            assertThat(search.search(SearchQuery.all().withText("orphan")).listings()).isEmpty();
            assertThat(search.search(SearchQuery.all().withText("canonical")).listings()).hasSize(4);
            long onChain = marketplace().listingCount().send().longValueExact();
            assertThat(db.dao(ListingDao.class).count()).isEqualTo(onChain).isEqualTo(LISTINGS + 5 + 4);
            assertMatchesChain(db, List.of(onChain - 3, onChain));
        }
    }

    @Test
    @Order(3)
    void whenTheNodeIsDownSearchesStillAnswerAndTheStatusSaysWhy() throws Exception {
        AnvilNode own = AnvilNode.startEphemeral();
        Credentials admin = own.devAccount(0);
        NetworkAddresses ownNetwork = ContractsDeployer.deploy(own.web3j(), own.transactionManager(admin),
                own.gasProvider(), admin.getAddress(), own.devAccount(9).getAddress());
        ListingPublisher ownPublisher = new ListingPublisher(own.web3j(), own.chainId(), own.devAccount(1),
                ownNetwork.marketplace());
        BigInteger nonce = ownPublisher.send(drafts("offline", 0, 3));
        ownPublisher.mineUntil(nonce, own::mine);
        List<IndexerStatus> seen = new CopyOnWriteArrayList<>();
        IndexerConfig ownConfig = IndexerConfig.forNetwork(ownNetwork).withPollInterval(Duration.ofMillis(100))
                .withMaxBackoff(Duration.ofSeconds(2));
        try (CacheDatabase db = CacheDatabase.open(tmp.resolve("offline-cache"), Optional.empty());
                ChainIndexer indexer = new ChainIndexer(db, own.web3j(), ownConfig, new StoreMetadataFetcher(store))) {
            indexer.addListener(seen::add);
            indexer.start();
            ListingSearch search = new ListingSearch(db);
            await().atMost(Duration.ofSeconds(60)).until(() ->
                    search.search(SearchQuery.all().withText("offline")).listings().size() == 3);

            own.close();

            await().atMost(Duration.ofSeconds(30)).until(() -> indexer.status().state() == IndexerStatus.State.OFFLINE);
            assertThat(indexer.status().error()).startsWith("The chain node cannot be reached")
                    .contains("Showing what the cache holds");
            assertThat(seen).extracting(IndexerStatus::state).contains(IndexerStatus.State.OFFLINE);
            assertThat(search.search(SearchQuery.all().withText("offline")).listings()).hasSize(3);
            assertThat(search.search(SearchQuery.all().sortedBy(SearchQuery.Sort.PRICE_ASC)).listings()).hasSize(3);
        } finally {
            own.close();
        }
    }

    private static void assertMatchesChain(CacheDatabase db, List<Long> ids) throws Exception {
        DataMarketplace market = marketplace();
        for (long id : ids) {
            DataMarketplace.Listing onChain = market.getListing(BigInteger.valueOf(id)).send();
            Listing cached = db.dao(ListingDao.class).find(id).orElseThrow();
            assertThat(cached.seller()).isEqualToIgnoringCase(onChain.seller);
            assertThat(cached.price()).isEqualTo(onChain.price);
            assertThat(cached.license()).isEqualTo("license-" + onChain.licenseId);
            assertThat(cached.keyCommitment()).isEqualTo(org.web3j.utils.Numeric.toHexString(onChain.keyCommitment));
        }
    }

    private static DataMarketplace marketplace() {
        return DataMarketplace.load(network.marketplace(), anvil.web3j(),
                new ReadonlyTransactionManager(anvil.web3j(), seller.getAddress()), new DefaultGasProvider());
    }

    private static void publish(String word, int from, int count) throws IOException {
        anvil.setAutomine(false);
        try {
            publisher.publish(drafts(word, from, count), anvil::mine);
        } finally {
            anvil.setAutomine(true);
        }
    }

    /** Listings whose titles carry a word and a number ("bulk1234"), with metadata put in the real store. */
    static List<ListingPublisher.Draft> drafts(String word, int from, int count) throws IOException {
        List<ListingPublisher.Draft> drafts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            byte[] json = ListingPublisher.metadataJson(word + " dataset " + word + i,
                    "Generated listing number " + i + " for the indexer test.", List.of(word, "test"));
            String cid = store.put(new ByteArrayInputStream(json), n -> { });
            drafts.add(new ListingPublisher.Draft(cid, BigInteger.valueOf(1_000 + i), 1 + i % 4));
        }
        return drafts;
    }
}
