package org.datagora.app.cli.market;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.market.DownloadService;
import org.datagora.app.market.KeyDeliveryAgent;
import org.datagora.app.market.MarketCache;
import org.datagora.app.market.MarketChain;
import org.datagora.app.market.MarketException;
import org.datagora.app.market.MarketSync;
import org.datagora.app.market.PublishWorkflow;
import org.datagora.app.market.PurchaseService;
import org.datagora.app.market.SearchService;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.sandbox.SandboxEndpoints;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.NetworksFile;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.store.ContentStore;
import org.datagora.storage.store.EmbeddedContentStore;
import org.datagora.storage.store.IpfsContentStore;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Hash;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.utils.Numeric;

/**
 * Everything one marketplace command needs, opened from the options and closed when it ends: the
 * wallet, the network (the running local sandbox, one started for the command, or given endpoints), the
 * cache with its unlocked vault, and the services over them.
 */
final class MarketSession implements AutoCloseable {

    private static final String VAULT_DERIVATION_LABEL = "datagora/v1/cli-vault-password";

    private final DataDirectory dataDirectory;
    private final Credentials wallet;
    private final LocalSandbox startedSandbox;
    private final Web3j web3j;
    private final MarketChain chain;
    private final ContentStore store;
    private final CacheDatabase database;
    private final SecretVault vault;
    private final MarketCache cache;

    private MarketSession(DataDirectory dataDirectory, Credentials wallet, LocalSandbox startedSandbox, Web3j web3j,
                          MarketChain chain, ContentStore store, CacheDatabase database, SecretVault vault) {
        this.dataDirectory = dataDirectory;
        this.wallet = wallet;
        this.startedSandbox = startedSandbox;
        this.web3j = web3j;
        this.chain = chain;
        this.store = store;
        this.database = database;
        this.vault = vault;
        this.cache = new MarketCache(database);
    }

    /** Opens a session; {@code env} is the process environment (a function so tests and scripts agree). */
    static MarketSession open(DataDirectory dataDirectory, MarketOptions options, Function<String, String> env) {
        Credentials wallet = wallet(options, env);
        URI rpcUrl = options.rpcUrl;
        LocalSandbox started = null;
        Path networksPath = options.networksFile;
        ContentStore store;
        if (rpcUrl == null && options.ipfsUrl == null) {
            Path sandboxDir = dataDirectory.sandbox();
            Optional<SandboxEndpoints> running = LocalSandbox.runningElsewhere(sandboxDir);
            if (running.isPresent()) {
                rpcUrl = running.get().rpcUrl();
                store = running.get().ipfsApiUrl() != null
                        ? new IpfsContentStore(new IpfsClient(running.get().ipfsApiUrl()))
                        : embeddedStore(sandboxDir.resolve("content"));
            } else {
                started = LocalSandbox.start(sandboxDir, step -> { });
                rpcUrl = started.rpcUrl();
                store = started.contentStore();
            }
            networksPath = networksPath != null ? networksPath : sandboxDir.resolve("networks.json");
        } else if (rpcUrl == null || options.ipfsUrl == null || networksPath == null) {
            throw new IllegalArgumentException("Give --rpc-url, --ipfs-url and --networks-file together, or none of "
                    + "them to use the local sandbox.");
        } else {
            store = new IpfsContentStore(new IpfsClient(options.ipfsUrl));
        }
        Web3j web3j = Web3j.build(new HttpService(rpcUrl.toString()));
        CacheDatabase database = null;
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            Path networks = networksPath;
            NetworkAddresses addresses = new NetworksFile(networks).read(chainId).orElseThrow(() ->
                    new MarketException("The networks file " + networks + " has no marketplace for chain " + chainId
                            + ". Deploy the contracts or pass the right --networks-file."));
            MarketChain chain = new MarketChain(web3j, addresses);
            Optional<char[]> cachePassword = Optional.ofNullable(options.cachePasswordEnv)
                    .map(v -> required(env, v, "the cache password").toCharArray());
            database = CacheDatabase.open(dataDirectory.cache(), cachePassword);
            SecretVault vault = new SecretVault(database);
            vault.unlock(vaultPassword(options, env, wallet));
            return new MarketSession(dataDirectory, wallet, started, web3j, chain, store, database, vault);
        } catch (IOException e) {
            cleanUp(web3j, database, started);
            throw new MarketException("The chain at " + rpcUrl + " does not answer (" + e.getMessage() + "). Start it "
                    + "or pass another --rpc-url.", e);
        } catch (RuntimeException e) {
            cleanUp(web3j, database, started);
            throw e;
        }
    }

    private static ContentStore embeddedStore(Path directory) {
        try {
            return new EmbeddedContentStore(directory);
        } catch (IOException e) {
            throw new MarketException("Cannot open the sandbox's content store in " + directory + ": " + e.getMessage(), e);
        }
    }

    private static void cleanUp(Web3j web3j, CacheDatabase database, LocalSandbox started) {
        web3j.shutdown();
        if (database != null) {
            database.close();
        }
        if (started != null) {
            started.close();
        }
    }

    private static Credentials wallet(MarketOptions options, Function<String, String> env) {
        if (options.privateKeyEnv != null && options.keystore != null) {
            throw new IllegalArgumentException("Choose one wallet: --private-key-env or --keystore, not both.");
        }
        if (options.privateKeyEnv != null) {
            String key = required(env, options.privateKeyEnv, "the wallet's private key (hex)");
            if (!WalletUtils.isValidPrivateKey(key.strip())) {
                throw new IllegalArgumentException("The environment variable " + options.privateKeyEnv
                        + " does not hold a private key (64 hex digits).");
            }
            return Credentials.create(key.strip());
        }
        if (options.keystore != null) {
            if (options.passwordEnv == null) {
                throw new IllegalArgumentException("A keystore needs --password-env naming the variable with its password.");
            }
            try {
                return WalletUtils.loadCredentials(required(env, options.passwordEnv, "the keystore password"),
                        options.keystore.toFile());
            } catch (CipherException e) {
                throw new MarketException("The password does not open the keystore " + options.keystore + ".", e);
            } catch (IOException e) {
                throw new MarketException("Cannot read the keystore " + options.keystore + ": " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("Choose the wallet with --private-key-env VAR or --keystore FILE --password-env VAR.");
    }

    /**
     * The vault password: given, else the keystore's password, else derived from the private key, so a
     * script with only a key still finds the dataset keys it saved in an earlier run.
     */
    private static char[] vaultPassword(MarketOptions options, Function<String, String> env, Credentials wallet) {
        if (options.vaultPasswordEnv != null) {
            return required(env, options.vaultPasswordEnv, "the vault password").toCharArray();
        }
        if (options.passwordEnv != null) {
            return required(env, options.passwordEnv, "the keystore password").toCharArray();
        }
        byte[] key = Numeric.toBytesPadded(wallet.getEcKeyPair().getPrivateKey(), 32);
        byte[] label = VAULT_DERIVATION_LABEL.getBytes(StandardCharsets.US_ASCII);
        byte[] input = new byte[label.length + key.length];
        System.arraycopy(label, 0, input, 0, label.length);
        System.arraycopy(key, 0, input, label.length, key.length);
        java.util.Arrays.fill(key, (byte) 0);
        return Numeric.toHexStringNoPrefix(Hash.sha3(input)).toCharArray();
    }

    private static String required(Function<String, String> env, String variable, String what) {
        String value = env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The environment variable " + variable + " is not set; it must hold "
                    + what + ".");
        }
        return value;
    }

    Credentials wallet() {
        return wallet;
    }

    MarketChain chain() {
        return chain;
    }

    Path marketDirectory() {
        Path dir = dataDirectory.root().resolve("market");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new MarketException("Cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    PublishWorkflow publisher() {
        return new PublishWorkflow(chain, store, cache, vault, marketDirectory().resolve("publish"), wallet);
    }

    MarketSync sync() {
        return new MarketSync(chain, store, cache, marketDirectory().resolve("sync-" + chain.chainId() + "-" + chain.addresses().marketplace().toLowerCase(java.util.Locale.ROOT) + ".json"));
    }

    SearchService search() {
        return new SearchService(cache, store);
    }

    PurchaseService purchases() {
        return new PurchaseService(chain, cache, wallet);
    }

    KeyDeliveryAgent agent() {
        return new KeyDeliveryAgent(chain, cache, vault, wallet, marketDirectory());
    }

    DownloadService downloads() {
        return new DownloadService(chain, store, cache, wallet, marketDirectory());
    }

    BigInteger balance() {
        return chain.tokenBalance(wallet.getAddress());
    }

    @Override
    public void close() {
        vault.lock();
        cleanUp(web3j, database, startedSandbox);
    }
}
