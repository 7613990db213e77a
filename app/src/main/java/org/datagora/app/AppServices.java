package org.datagora.app;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.datagora.app.chain.ChainConnection;
import org.datagora.app.chain.ChainTransactions;
import org.datagora.app.chain.Faucet;
import org.datagora.app.chain.TokenService;
import org.datagora.app.concurrent.Executors;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.config.SettingsStore;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.app.wallet.WalletService;
import org.datagora.contracts.RevertDecoder;
import org.datagora.app.config.Settings;
import org.datagora.app.network.NetworkStatusService;
import org.datagora.app.network.RemoteNetwork;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.samples.SampleSandbox;
import org.datagora.app.session.SessionManager;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's services, wired once at start-up and handed to the UI and the command line: constructor
 * injection from here on, no static look-ups anywhere.
 */
public final class AppServices implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AppServices.class);
    private static final Duration RECEIPT_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration RECEIPT_POLL = Duration.ofMillis(250);

    private final DataDirectory dataDirectory;
    private final Executors executors;
    private final NetworkStatusService networkStatus;
    private final SettingsStore settings;
    private final WalletService wallets;
    private final SessionManager sessions;
    private final CompletableFuture<ChainConnection> chain = new CompletableFuture<>();
    private final AtomicReference<LocalSandbox> sandbox = new AtomicReference<>();
    private volatile boolean ownsSandbox;
    private final AtomicReference<SampleSandbox> samples = new AtomicReference<>();

    public AppServices(DataDirectory dataDirectory) {
        this(dataDirectory, KeystoreKdf.STANDARD);
    }

    /** Lets tests that create many wallets use a lighter keystore KDF; the app always uses the standard one. */
    public AppServices(DataDirectory dataDirectory, KeystoreKdf keystoreKdf) {
        this.dataDirectory = dataDirectory.create();
        this.executors = new Executors();
        this.networkStatus = new NetworkStatusService(executors.scheduler(), Duration.ofMillis(500));
        this.settings = new SettingsStore(this.dataDirectory);
        this.wallets = new WalletService(this.dataDirectory.wallets(), keystoreKdf);
        this.sessions = new SessionManager(executors.workers(), executors.scheduler(), this.dataDirectory.cache(),
                Duration.ofSeconds(2));
        wallets.addListener(address -> sessions.walletChanged(wallets.active()));
    }

    /** Starts the local sandbox in the background; this instance stops it on {@link #close()}. */
    public CompletableFuture<LocalSandbox> startSandbox(Consumer<String> progress) {
        return CompletableFuture.supplyAsync(() -> {
            LocalSandbox started = LocalSandbox.start(dataDirectory.sandbox(), progress);
            ownsSandbox = true;
            attach(started);
            return started;
        }, executors.workers());
    }

    /**
     * Connects to the network Settings choose: the local sandbox (started here, stopped on {@link #close()}),
     * or a JSON-RPC endpoint with its networks file and content store.
     */
    public CompletableFuture<Void> startConfiguredNetwork(Consumer<String> progress) {
        Settings chosen = settings.load();
        if (chosen.network().kind() == Settings.NetworkKind.LOCAL_SANDBOX) {
            return startSandbox(progress).thenApply(started -> null);
        }
        return CompletableFuture.runAsync(() -> {
            progress.accept("Connecting to " + chosen.network().rpcUrl());
            attach(RemoteNetwork.connect(chosen, dataDirectory.root().resolve("content")));
        }, executors.workers());
    }

    /** Uses a network in the field. */
    public void attach(RemoteNetwork network) {
        IpfsClient kubo = network.kubo();
        networkStatus.watch(network.web3j(), network.storeName(),
                kubo == null ? () -> "embedded in the data directory" : () -> "IPFS " + kubo.version().version(),
                wallets::activeAddress);
        ChainTransactions transactions = new ChainTransactions(network.web3j(), network.addresses().chainId(),
                network.rpcUrl().toString(), RevertDecoder.forDatagoraContracts(), RECEIPT_TIMEOUT, RECEIPT_POLL);
        chain.complete(new ChainConnection(transactions, new TokenService(transactions, network.addresses().token()),
                Optional.empty()));
        sessions.networkConnected(new SessionManager.Network(network.web3j(), network.addresses(), network.store()));
    }

    /** Uses a sandbox someone else started and stops (tests share one across windows). */
    public void attach(LocalSandbox running) {
        sandbox.set(running);
        Optional<IpfsClient> ipfs = running.ipfsNode().map(IpfsNode::client);
        if (ipfs.isPresent()) {
            networkStatus.watch(running.chain().web3j(), "IPFS", () -> "IPFS " + ipfs.get().version().version(),
                    wallets::activeAddress);
        } else {
            networkStatus.watch(running.chain().web3j(), "Embedded store", () -> "embedded in the data directory",
                    wallets::activeAddress);
        }
        ChainTransactions transactions = new ChainTransactions(running.chain().web3j(), running.chain().chainId(),
                running.rpcUrl().toString(), RevertDecoder.forDatagoraContracts(), RECEIPT_TIMEOUT, RECEIPT_POLL);
        TokenService token = new TokenService(transactions, running.addresses().token());
        // The faucet account holds the token's faucet role; account 9 pays out ETH so that its nonces stay free.
        chain.complete(new ChainConnection(transactions, token,
                Optional.of(new Faucet(token, running.faucetAccount(), running.devAccount(9)))));
        samples.set(new SampleSandbox(running, executors.scheduler(), Duration.ofSeconds(2)));
        sessions.networkConnected(new SessionManager.Network(running.chain().web3j(), running.addresses(),
                running.contentStore()));
    }

    /** The sandbox's sample data and the sample seller and requester serving it, once the sandbox runs. */
    public Optional<SampleSandbox> samples() {
        return Optional.ofNullable(samples.get());
    }

    /** The open wallet's marketplace session, opened when a wallet is unlocked on a connected network. */
    public SessionManager sessions() {
        return sessions;
    }

    /** The chain services, once the network is connected. */
    public CompletableFuture<ChainConnection> chain() {
        return chain;
    }

    /** The user's wallets and the open one. */
    public WalletService wallets() {
        return wallets;
    }

    /** The saved settings. */
    public SettingsStore settings() {
        return settings;
    }

    /** The running sandbox, once it has started. */
    public Optional<LocalSandbox> sandbox() {
        return Optional.ofNullable(sandbox.get());
    }

    /** Where the app keeps its data. */
    public DataDirectory dataDirectory() {
        return dataDirectory;
    }

    /** The app's thread pools. */
    public Executors executors() {
        return executors;
    }

    /** What the status bar shows. */
    public NetworkStatusService networkStatus() {
        return networkStatus;
    }

    /** Stops the status polling, the thread pools and, if this instance started it, the sandbox. */
    @Override
    public void close() {
        wallets.lock();
        sessions.close();
        Optional.ofNullable(samples.getAndSet(null)).ifPresent(SampleSandbox::close);
        networkStatus.close();
        executors.close();
        LocalSandbox running = sandbox.getAndSet(null);
        if (running != null && ownsSandbox) {
            try {
                running.close();
            } catch (RuntimeException e) {
                LOG.error("Stopping the local sandbox failed", e);
            }
        }
    }
}
