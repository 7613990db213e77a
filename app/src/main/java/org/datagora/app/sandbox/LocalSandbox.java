package org.datagora.app.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.devnet.AnvilNode;
import org.datagora.contracts.devnet.AnvilOptions;
import org.datagora.storage.ipfs.IpfsNode;
import org.datagora.storage.store.ContentStore;
import org.datagora.storage.store.EmbeddedContentStore;
import org.datagora.storage.store.IpfsContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;

/**
 * The built-in local network: its own anvil chain with the contracts deployed and its own IPFS node,
 * both child processes kept in one directory, so the app and the tests run without any outside service.
 * A start first stops whatever an earlier, killed run left behind; the chain's state survives.
 */
public final class LocalSandbox implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSandbox.class);
    private static final Duration LEFTOVER_GRACE = Duration.ofSeconds(10);
    static final String ANVIL = "anvil";
    static final String IPFS = "ipfs";
    static final String NETWORKS_FILE = "networks.json";

    private final Path directory;
    private final SandboxLock lock;
    private final ChildProcessRegistry registry;
    private final AnvilNode anvil;
    private final IpfsNode ipfs;
    private final ContentStore contentStore;
    private final NetworkAddresses addresses;

    private LocalSandbox(Path directory, SandboxLock lock, ChildProcessRegistry registry, AnvilNode anvil,
                         IpfsNode ipfs, ContentStore contentStore, NetworkAddresses addresses) {
        this.directory = directory;
        this.lock = lock;
        this.registry = registry;
        this.anvil = anvil;
        this.ipfs = ipfs;
        this.contentStore = contentStore;
        this.addresses = addresses;
    }

    /**
     * Starts the sandbox kept in {@code directory}, creating it on first use, with the content store
     * {@link ContentStoreMode#automatic()} picks.
     *
     * @param progress told each step in words, for a splash or a status line
     * @throws SandboxInUseException when another running app uses this sandbox
     */
    public static LocalSandbox start(Path directory, Consumer<String> progress) {
        return start(directory, ContentStoreMode.automatic(), progress);
    }

    /** Starts the sandbox kept in {@code directory} with the given kind of content store. */
    public static LocalSandbox start(Path directory, ContentStoreMode mode, Consumer<String> progress) {
        createDirectories(directory);
        SandboxLock lock = SandboxLock.tryAcquire(directory).orElseThrow(() -> new SandboxInUseException(directory,
                SandboxEndpoints.read(directory)));
        try {
            return startLocked(directory, lock, mode, progress);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Where the sandbox in {@code directory} listens, when it runs right now (in any process). */
    public static Optional<SandboxEndpoints> runningElsewhere(Path directory) {
        if (!Files.isDirectory(directory)) {
            return Optional.empty();
        }
        Optional<SandboxLock> free = SandboxLock.tryAcquire(directory);
        free.ifPresent(SandboxLock::close);
        return free.isPresent() ? Optional.empty() : SandboxEndpoints.read(directory);
    }

    private static LocalSandbox startLocked(Path directory, SandboxLock lock, ContentStoreMode mode,
                                            Consumer<String> progress) {
        ChildProcessRegistry registry = new ChildProcessRegistry(directory.resolve("pids"));
        registry.stopLeftover(ANVIL, LEFTOVER_GRACE);
        registry.stopLeftover(IPFS, LEFTOVER_GRACE);

        progress.accept("Starting the local chain");
        AnvilNode anvil = AnvilNode.start(AnvilOptions.persistent(directory.resolve("anvil-state.json"),
                directory.resolve("anvil.log")));
        registry.record(ANVIL, anvil.process());
        IpfsNode ipfs = null;
        try {
            progress.accept("Starting the content store");
            ContentStore store;
            if (mode == ContentStoreMode.IPFS_NODE) {
                ipfs = IpfsNode.start(directory.resolve("ipfs"));
                registry.record(IPFS, ipfs.process());
                store = new IpfsContentStore(ipfs.client());
            } else {
                store = new EmbeddedContentStore(directory.resolve("content"));
            }
            progress.accept("Deploying the marketplace contracts");
            NetworkAddresses addresses = SandboxDeployment.ensure(anvil, directory.resolve(NETWORKS_FILE));
            URI ipfsApi = ipfs == null ? null : ipfs.apiUrl();
            new SandboxEndpoints(anvil.rpcUrl(), ipfsApi).write(directory);
            LOG.info("Local sandbox ready: chain {} at {}, content store {}", anvil.chainId(), anvil.rpcUrl(),
                    ipfsApi == null ? "embedded in " + directory.resolve("content") : "IPFS at " + ipfsApi);
            return new LocalSandbox(directory, lock, registry, anvil, ipfs, store, addresses);
        } catch (IOException e) {
            stopQuietly(registry, ipfs);
            anvil.close();
            registry.forget(ANVIL);
            throw new UncheckedIOException("Cannot open the embedded content store in " + directory, e);
        } catch (RuntimeException e) {
            stopQuietly(registry, ipfs);
            anvil.close();
            registry.forget(ANVIL);
            throw e;
        }
    }

    /** The chain. */
    public AnvilNode chain() {
        return anvil;
    }

    /**
     * The sandbox's IPFS node.
     *
     * @throws IllegalStateException when this sandbox keeps content in the embedded store instead
     */
    public IpfsNode ipfs() {
        return ipfsNode().orElseThrow(() -> new IllegalStateException(
                "This sandbox keeps content in the embedded store; it runs no IPFS node"));
    }

    /** The sandbox's IPFS node, unless it uses the embedded store. */
    public Optional<IpfsNode> ipfsNode() {
        return Optional.ofNullable(ipfs);
    }

    /** Where the sandbox keeps dataset bytes: the IPFS node or the embedded store. */
    public ContentStore contentStore() {
        return contentStore;
    }

    /** The chain's JSON-RPC endpoint. */
    public URI rpcUrl() {
        return anvil.rpcUrl();
    }

    /** Where the contracts are. */
    public NetworkAddresses addresses() {
        return addresses;
    }

    /** The networks file that records the sandbox's contract addresses. */
    public Path networksFile() {
        return directory.resolve(NETWORKS_FILE);
    }

    /** The sandbox's directory. */
    public Path directory() {
        return directory;
    }

    /** The account that owns the contracts and may mint test tokens (the faucet). */
    public Credentials faucetAccount() {
        return anvil.devAccount(SandboxDeployment.ADMIN_ACCOUNT);
    }

    /** The funded development account {@code index}; account 0 also holds test tokens from the start. */
    public Credentials devAccount(int index) {
        return anvil.devAccount(index);
    }

    /** The test-token balance of {@code address}. */
    public BigInteger tokenBalance(String address) {
        return SandboxDeployment.tokenBalance(anvil, addresses, address);
    }

    /** Stops both nodes; the chain writes its state first. */
    @Override
    public void close() {
        SandboxEndpoints.delete(directory);
        stopQuietly(registry, ipfs);
        anvil.close();
        registry.forget(ANVIL);
        lock.close();
        LOG.info("Local sandbox stopped");
    }

    private static void stopQuietly(ChildProcessRegistry registry, IpfsNode ipfs) {
        if (ipfs != null) {
            try {
                ipfs.close();
            } finally {
                registry.forget(IPFS);
            }
        }
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the sandbox directory " + directory, e);
        }
    }
}
