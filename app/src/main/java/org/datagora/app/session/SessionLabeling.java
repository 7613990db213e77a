package org.datagora.app.session;

import java.io.IOException;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;
import org.datagora.app.concurrent.NamedThreadFactory;
import org.datagora.app.labeling.LabelingException;
import org.datagora.app.labeling.LabelingServices;
import org.datagora.app.labeling.PendingRevealScheduler;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.datagora.storage.store.ContentStore;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.gas.ContractEIP1559GasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;

/**
 * The labeling services of one open wallet session, and the background pass that sends task keys and
 * reveals labels and votes on its own while the session is open (also catching up after the app was
 * offline). Closed with its session.
 */
public final class SessionLabeling implements AutoCloseable {

    /** How often the reveal pass runs while the session is open. */
    public static final Duration REVEAL_PERIOD = Duration.ofSeconds(5);
    private static final int NOTICES_KEPT = 50;

    private final LabelingServices services;
    private final ScheduledExecutorService executor;
    private final PendingRevealScheduler reveals;
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
    private final List<String> notices = new ArrayList<>();

    SessionLabeling(Credentials wallet, Web3j web3j, NetworkAddresses addresses, ContentStore store,
                    CacheDatabase database, SecretVault vault) {
        RawTransactionManager transactions = new RawTransactionManager(web3j, wallet, addresses.chainId(),
                new PollingTransactionReceiptProcessor(web3j, 100, 1_200));
        this.services = LabelingServices.create(web3j, transactions, new ChainFees(web3j, addresses.chainId()),
                addresses, store, database, vault,
                BuyerKeyPair.fromWalletPrivateKey(wallet.getEcKeyPair().getPrivateKey()), Clock.systemUTC());
        // Its own thread: a reveal waits for receipts, which must not hold up the market sync's poll thread.
        this.executor = new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("datagora-labeling"));
        this.reveals = new PendingRevealScheduler(services.keyDesk(), services.labeler(), services.validator(),
                executor, this::notice);
        reveals.start(REVEAL_PERIOD);
    }

    /** The wallet's labeling services: requester, labeler, validator, results and earnings. */
    public LabelingServices services() {
        return services;
    }

    /** Tells {@code listener} each sentence the background pass reports (a reveal, a key sent, a failure). */
    public void onNotice(Consumer<String> listener) {
        listeners.add(listener);
    }

    /** The latest sentences of the background pass, oldest first. */
    public synchronized List<String> notices() {
        return List.copyOf(notices);
    }

    /** Runs a pass of key delivery and reveals now, on the caller's thread. */
    public void revealNow() {
        reveals.runOnce();
    }

    private void notice(String sentence) {
        synchronized (this) {
            notices.add(sentence);
            if (notices.size() > NOTICES_KEPT) {
                notices.remove(0);
            }
        }
        listeners.forEach(listener -> listener.accept(sentence));
    }

    @Override
    public void close() {
        reveals.close();
        // A pass in flight finishes its transaction rather than being cut off; only a stuck one is interrupted.
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** EIP-1559 fees from the latest block's base fee, read for every transaction. */
    private static final class ChainFees implements ContractEIP1559GasProvider {
        private static final BigInteger TIP = BigInteger.valueOf(1_000_000_000L);
        private static final BigInteger GAS_LIMIT = BigInteger.valueOf(6_000_000L);

        private final Web3j web3j;
        private final long chainId;

        ChainFees(Web3j web3j, long chainId) {
            this.web3j = web3j;
            this.chainId = chainId;
        }

        @Override
        public boolean isEIP1559Enabled() {
            return true;
        }

        @Override
        public long getChainId() {
            return chainId;
        }

        @Override
        public BigInteger getMaxFeePerGas(String contractFunc) {
            try {
                BigInteger base = web3j.ethGetBlockByNumber(DefaultBlockParameterName.LATEST, false).send()
                        .getBlock().getBaseFeePerGas();
                return (base == null ? BigInteger.ZERO : base.shiftLeft(1)).add(TIP);
            } catch (IOException e) {
                throw new LabelingException("The network does not answer; try again when it is back", e);
            }
        }

        @Override
        public BigInteger getMaxPriorityFeePerGas(String contractFunc) {
            return TIP;
        }

        @Override
        @Deprecated
        public BigInteger getGasPrice(String contractFunc) {
            return getMaxFeePerGas(contractFunc);
        }

        @Override
        @Deprecated
        public BigInteger getGasPrice() {
            return getMaxFeePerGas(null);
        }

        @Override
        public BigInteger getGasLimit(String contractFunc) {
            return GAS_LIMIT;
        }

        @Override
        @Deprecated
        public BigInteger getGasLimit() {
            return GAS_LIMIT;
        }
    }
}
