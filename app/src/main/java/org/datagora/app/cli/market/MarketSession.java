package org.datagora.app.cli.market;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.market.DownloadService;
import org.datagora.app.market.KeyDeliveryAgent;
import org.datagora.app.market.MarketChain;
import org.datagora.app.market.MarketException;
import org.datagora.app.market.PublishWorkflow;
import org.datagora.app.market.PurchaseService;
import org.datagora.app.market.SearchService;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.sandbox.SandboxEndpoints;
import org.datagora.app.session.WalletSession;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.NetworksFile;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.store.ContentStore;
import org.datagora.storage.store.EmbeddedContentStore;
import org.datagora.storage.store.IpfsContentStore;
import org.web3j.crypto.exception.CipherException;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.WalletUtils;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/**
 * Everything one marketplace command needs, opened from the options and closed when it ends: the
 * wallet, the network (the running local sandbox, one started for the command, or given endpoints), and
 * the same {@link WalletSession} the app opens for that wallet (its cache, vault, journals and records),
 * so the command line and the window share one state.
 */
final class MarketSession implements AutoCloseable {

    private final WalletSession session;
    private final LocalSandbox startedSandbox;
    private final Web3j web3j;

    private MarketSession(WalletSession session, LocalSandbox startedSandbox, Web3j web3j) {
        this.session = session;
        this.startedSandbox = startedSandbox;
        this.web3j = web3j;
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
        try {
            long chainId = web3j.ethChainId().send().getChainId().longValueExact();
            Path networks = networksPath;
            NetworkAddresses addresses = new NetworksFile(networks).read(chainId).orElseThrow(() ->
                    new MarketException("The networks file " + networks + " has no marketplace for chain " + chainId
                            + ". Deploy the contracts or pass the right --networks-file."));
            return new MarketSession(WalletSession.open(wallet, web3j, addresses, store, dataDirectory.cache()),
                    started, web3j);
        } catch (IOException e) {
            cleanUp(web3j, started);
            throw new MarketException("The chain at " + rpcUrl + " does not answer (" + e.getMessage() + "). Start it "
                    + "or pass another --rpc-url.", e);
        } catch (RuntimeException e) {
            cleanUp(web3j, started);
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

    private static void cleanUp(Web3j web3j, LocalSandbox started) {
        web3j.shutdown();
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

    private static String required(Function<String, String> env, String variable, String what) {
        String value = env.apply(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("The environment variable " + variable + " is not set; it must hold "
                    + what + ".");
        }
        return value;
    }

    Credentials wallet() {
        return session.wallet();
    }

    MarketChain chain() {
        return session.chain();
    }

    PublishWorkflow publisher() {
        return session.newPublishWorkflow();
    }

    int sync() {
        return session.syncNow();
    }

    SearchService search() {
        return session.search();
    }

    PurchaseService purchases() {
        return session.purchases();
    }

    KeyDeliveryAgent agent() {
        return session.deliveryAgent();
    }

    DownloadService downloads() {
        return session.downloads();
    }

    @Override
    public void close() {
        session.close();
        cleanUp(web3j, startedSandbox);
    }
}
