package org.datagora.app.session;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;

/**
 * Opens a {@link WalletSession} whenever both a network and an unlocked wallet are there, and closes it
 * when either goes away. Opening and closing run on the worker pool; listeners hear of every change.
 */
public final class SessionManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SessionManager.class);

    /** The network a session works on. */
    public record Network(Web3j web3j, NetworkAddresses addresses, ContentStore store) {
    }

    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private final Path cacheRoot;
    private final Duration backgroundPeriod;
    private final List<Consumer<Optional<WalletSession>>> listeners = new CopyOnWriteArrayList<>();
    private Network network;
    private Credentials wallet;
    private WalletSession current;

    public SessionManager(ExecutorService workers, ScheduledExecutorService scheduler, Path cacheRoot,
                          Duration backgroundPeriod) {
        this.workers = workers;
        this.scheduler = scheduler;
        this.cacheRoot = cacheRoot;
        this.backgroundPeriod = backgroundPeriod;
    }

    /** The network is connected (or replaced). */
    public synchronized void networkConnected(Network connected) {
        this.network = connected;
        reopenLater();
    }

    /** The open wallet changed: unlocked, switched, or locked (empty). */
    public synchronized void walletChanged(Optional<Credentials> active) {
        Credentials next = active.orElse(null);
        if (next == wallet || (next != null && wallet != null && next.getAddress().equals(wallet.getAddress()))) {
            return;
        }
        this.wallet = next;
        reopenLater();
    }

    /** The open session, if there is one. */
    public synchronized Optional<WalletSession> current() {
        return Optional.ofNullable(current);
    }

    /** Tells {@code listener} about the current session now and about each change later (on a worker thread). */
    public void addListener(Consumer<Optional<WalletSession>> listener) {
        listeners.add(listener);
        listener.accept(current());
    }

    /** Opens the session for the current wallet and network right now, on the caller's thread. */
    public synchronized Optional<WalletSession> reopen() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (network != null && wallet != null) {
            current = WalletSession.open(wallet, network.web3j(), network.addresses(), network.store(), cacheRoot);
            current.startBackgroundWork(scheduler, backgroundPeriod);
            LOG.info("Opened the session of {} on chain {}", wallet.getAddress(), network.addresses().chainId());
        }
        Optional<WalletSession> now = Optional.ofNullable(current);
        listeners.forEach(listener -> listener.accept(now));
        return now;
    }

    private void reopenLater() {
        workers.execute(() -> {
            try {
                reopen();
            } catch (RuntimeException e) {
                LOG.error("Could not open the wallet's session", e);
            }
        });
    }

    @Override
    public synchronized void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }
}
