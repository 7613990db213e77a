package org.datagora.app.network;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.Web3j;

/**
 * Watches the chain and the content store and tells its listeners what it sees, once at start and then
 * whenever something changes. It polls on the given scheduler, never on the caller's thread.
 */
public final class NetworkStatusService implements AutoCloseable {

    /** Answers whether the content store is up, with its version, or throws when it is not. */
    @FunctionalInterface
    public interface ContentStoreProbe {
        String version() throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(NetworkStatusService.class);

    private final ScheduledExecutorService scheduler;
    private final Duration interval;
    private final List<Consumer<NetworkStatus>> listeners = new CopyOnWriteArrayList<>();
    private volatile Web3j web3j;
    private volatile ContentStoreProbe contentStore;
    private volatile String contentStoreName = "IPFS";
    private volatile Supplier<Optional<String>> account = Optional::empty;
    private volatile NetworkStatus current = NetworkStatus.starting();
    private ScheduledFuture<?> polling;

    public NetworkStatusService(ScheduledExecutorService scheduler, Duration interval) {
        this.scheduler = scheduler;
        this.interval = interval;
    }

    /** Points the service at the chain and content store to watch, and starts watching. */
    public synchronized void watch(Web3j chain, String storeName, ContentStoreProbe store,
                                   Supplier<Optional<String>> activeAccount) {
        this.web3j = chain;
        this.contentStoreName = storeName;
        this.contentStore = store;
        this.account = activeAccount;
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(this::poll, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Tells {@code listener} the current status now and every change from then on. */
    public void addListener(Consumer<NetworkStatus> listener) {
        listeners.add(listener);
        listener.accept(current);
    }

    /** The latest status. */
    public NetworkStatus current() {
        return current;
    }

    /** Reads the status at once (used after an action that changes it, and by the command line). */
    public NetworkStatus refresh() {
        poll();
        return current;
    }

    /** Tells the listeners that the network could not be reached at all, in one sentence. */
    public void reportStartFailure(String sentence) {
        NetworkStatus failed = new NetworkStatus(Optional.empty(), Optional.empty(), account.get(), "Content store",
                NetworkStatus.ContentStoreState.OFFLINE, sentence);
        current = failed;
        listeners.forEach(listener -> listener.accept(failed));
    }

    private void poll() {
        Web3j chain = web3j;
        ContentStoreProbe store = contentStore;
        if (chain == null || store == null) {
            return;
        }
        Optional<Long> chainId = Optional.empty();
        Optional<BigInteger> height = Optional.empty();
        StringBuilder detail = new StringBuilder();
        try {
            chainId = Optional.of(chain.ethChainId().send().getChainId().longValueExact());
            height = Optional.of(chain.ethBlockNumber().send().getBlockNumber());
        } catch (IOException | RuntimeException e) {
            detail.append("The chain's RPC endpoint is not answering. ");
        }
        NetworkStatus.ContentStoreState ipfs;
        try {
            detail.append("Content store ").append(store.version()).append('.');
            ipfs = NetworkStatus.ContentStoreState.ONLINE;
        } catch (IOException | RuntimeException e) {
            detail.append("The content store is not answering.");
            ipfs = NetworkStatus.ContentStoreState.OFFLINE;
        }
        NetworkStatus next = new NetworkStatus(chainId, height, account.get(), contentStoreName, ipfs,
                detail.toString().trim());
        if (!next.equals(current)) {
            current = next;
            for (Consumer<NetworkStatus> listener : listeners) {
                try {
                    listener.accept(next);
                } catch (RuntimeException e) {
                    LOG.error("A network status listener failed", e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        if (polling != null) {
            polling.cancel(false);
            polling = null;
        }
    }
}
