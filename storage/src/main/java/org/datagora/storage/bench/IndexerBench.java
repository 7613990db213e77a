package org.datagora.storage.bench;

import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datagora.contracts.ContractsDeployer;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.indexer.ChainIndexer;
import org.datagora.storage.indexer.IndexerConfig;
import org.datagora.storage.indexer.StoreMetadataFetcher;
import org.datagora.storage.store.EmbeddedContentStore;
import org.web3j.crypto.Credentials;

/**
 * Measures how fast the chain indexer fills an empty cache: a local anvil with the real contracts and
 * N listings whose metadata sits in an embedded content store, indexed from the deployment block to head.
 */
public final class IndexerBench {
    /** The figures of one run. */
    public record Result(int events, double seconds) {
        public double eventsPerSecond() {
            return events / seconds;
        }
    }

    private final PrintStream out;

    public IndexerBench(PrintStream out) {
        this.out = out;
    }

    public Result run(Path dir, int listings) throws Exception {
        try (AnvilNode anvil = AnvilNode.startEphemeral()) {
            Credentials admin = anvil.devAccount(0);
            NetworkAddresses network = ContractsDeployer.deploy(anvil.web3j(), anvil.transactionManager(admin),
                    anvil.gasProvider(), admin.getAddress(), anvil.devAccount(9).getAddress());
            EmbeddedContentStore store = new EmbeddedContentStore(dir.resolve("store"));
            SyntheticListings words = new SyntheticListings(42);
            List<ListingPublisher.Draft> drafts = new ArrayList<>();
            for (int i = 0; i < listings; i++) {
                byte[] json = ListingPublisher.metadataJson(words.word() + " " + words.word() + " " + words.word(),
                        words.word() + " " + words.word() + " " + words.word() + " " + words.word(),
                        List.of(words.word(), words.word()));
                drafts.add(new ListingPublisher.Draft(store.put(new ByteArrayInputStream(json), n -> { }),
                        BigInteger.valueOf(1_000 + i), 1 + i % 4));
            }
            anvil.setAutomine(false);
            new ListingPublisher(anvil.web3j(), anvil.chainId(), anvil.devAccount(1), network.marketplace())
                    .publish(drafts, anvil::mine);
            anvil.setAutomine(true);
            long head = anvil.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
            out.printf("published %,d listings on anvil in blocks %d to %d%n", listings, network.deployedAtBlock(), head);

            try (CacheDatabase db = CacheDatabase.open(dir.resolve("cache"), Optional.empty());
                    ChainIndexer indexer = new ChainIndexer(db, anvil.web3j(), IndexerConfig.forNetwork(network),
                            new StoreMetadataFetcher(store))) {
                long start = System.nanoTime();
                indexer.syncToHead();
                double total = (System.nanoTime() - start) / 1e9;
                Result result = new Result((int) indexer.eventsApplied(), total);
                out.printf("indexer: %,d events (listings with verified metadata) in %.1f s: %,.0f events/s%n",
                        result.events(), total, result.eventsPerSecond());
                return result;
            }
        }
    }
}
