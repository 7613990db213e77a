package org.datagora.app.market;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.indexer.ChainIndexer;
import org.datagora.storage.indexer.StoreMetadataFetcher;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.store.ContentStore;
import org.datagora.storage.store.IpfsContentStore;
import org.web3j.crypto.Credentials;

/**
 * The sandbox's marketplace for tests (dev account 0 holds the token's faucet role), and one "app" per
 * wallet with its own data directory, cache, vault and services, as two people's machines would have.
 */
final class MarketFixture {

    static final BigInteger DGT = BigInteger.TEN.pow(18);
    static final String VAULT_PASSWORD = "correct horse battery staple";

    final LocalSandbox sandbox;
    final NetworkAddresses addresses;
    final MarketChain chain;
    final ContentStore ipfsStore;

    MarketFixture(LocalSandbox sandbox) {
        this.sandbox = sandbox;
        addresses = sandbox.addresses();
        chain = new MarketChain(sandbox.chain().web3j(), addresses);
        ipfsStore = new IpfsContentStore(new IpfsClient(sandbox.ipfs().apiUrl()));
    }

    /** Gives {@code account} DGT from the faucet account. */
    void fund(String account, BigInteger amount) {
        try {
            DatagoraToken.load(addresses.token(), sandbox.chain().web3j(),
                    sandbox.chain().transactionManager(sandbox.devAccount(0)), sandbox.chain().gasProvider())
                    .mint(account, amount).send();
        } catch (Exception e) {
            throw new IllegalStateException("Could not fund " + account, e);
        }
    }

    BigInteger balance(String account) {
        return chain.tokenBalance(account);
    }

    /** One user's app: a data directory with its cache and unlocked vault, and the services for a wallet. */
    App app(Path dataDir, Credentials wallet, ContentStore store) {
        return new App(dataDir, wallet, store);
    }

    final class App implements AutoCloseable {
        final Path dataDir;
        final Credentials wallet;
        final CacheDatabase database;
        final SecretVault vault;
        final MarketCache cache;
        final ContentStore store;
        private ChainIndexer indexer;

        App(Path dataDir, Credentials wallet, ContentStore store) {
            this.dataDir = dataDir;
            this.wallet = wallet;
            this.store = store;
            try {
                Files.createDirectories(dataDir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            database = CacheDatabase.open(dataDir.resolve("cache"), Optional.empty());
            vault = new SecretVault(database);
            vault.unlock(VAULT_PASSWORD.toCharArray());
            cache = new MarketCache(database);
        }

        PublishWorkflow publisher() {
            return publisher(store);
        }

        PublishWorkflow publisher(ContentStore withStore) {
            return new PublishWorkflow(chain, withStore, cache, vault, dataDir.resolve("publish"), wallet);
        }

        /** Brings this app's cache up to date with the chain, as the session does; returns what came in. */
        int sync() {
            return indexer().syncToHead();
        }

        /** This app's indexer, wired as {@link WalletSession} wires it; made on first use. */
        ChainIndexer indexer() {
            if (indexer == null) {
                indexer = new ChainIndexer(database, chain.web3j(), WalletSession.indexerConfig(addresses),
                        new StoreMetadataFetcher(store));
            }
            return indexer;
        }

        /** Closes the indexer, so the next {@link #sync()} starts a new one on the same cache (a restart). */
        void restartIndexer() {
            if (indexer != null) {
                indexer.close();
                indexer = null;
            }
        }

        SearchService search() {
            return new SearchService(cache, store);
        }

        PurchaseService purchases() {
            return new PurchaseService(chain, cache, wallet);
        }

        KeyDeliveryAgent agent() {
            return new KeyDeliveryAgent(chain, cache, vault, wallet, dataDir.resolve("market"));
        }

        DownloadService downloads() {
            return new DownloadService(chain, store, cache, wallet, dataDir.resolve("market"));
        }

        @Override
        public void close() {
            restartIndexer();
            database.close();
        }
    }

    /** A small folder of a few files of different kinds and sizes (one spans several IPFS chunks). */
    static Path sampleFolder(Path parent, String name) throws IOException {
        Path folder = Files.createDirectories(parent.resolve(name));
        Files.writeString(folder.resolve("README.md"), "# Weather stations\nHourly readings, 2024.\n");
        Files.createDirectories(folder.resolve("data"));
        StringBuilder csv = new StringBuilder("station,hour,temperature\n");
        for (int i = 0; i < 4000; i++) {
            csv.append("S").append(i % 17).append(',').append(i % 24).append(',').append((i * 37) % 400 / 10.0).append('\n');
        }
        Files.writeString(folder.resolve("data/readings.csv"), csv);
        byte[] binary = new byte[600_000];
        new java.util.Random(42).nextBytes(binary);
        Files.write(folder.resolve("data/raw.bin"), binary);
        return folder;
    }

    static List<String> relativeFiles(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }
}
