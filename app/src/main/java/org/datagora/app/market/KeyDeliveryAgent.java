package org.datagora.app.market;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.KeyDeliveryContext;
import org.datagora.storage.crypto.KeyWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Delivers dataset keys for the seller's wallet: finds the purchases of the seller's listings in the
 * marketplace's Purchased events (catching up from a cursor kept in the data directory after time
 * offline), wraps the listing's key from the vault to each buyer's public key and sends deliverKey.
 * It never delivers twice: each sale's state and signed transaction are recorded before sending, the
 * chain's purchase status is checked first, and refunded or expired purchases are skipped. The records
 * feed the Sales view and the earnings chart.
 */
public final class KeyDeliveryAgent {

    private static final Logger LOG = LoggerFactory.getLogger(KeyDeliveryAgent.class);
    private static final long BLOCKS_PER_QUERY = 5_000;

    private final MarketChain chain;
    private final MarketCache cache;
    private final SecretVault vault;
    private final Credentials seller;
    private final StateFile<AgentState> state;
    private final KeyWrapper wrapper = new KeyWrapper();

    /** The agent's state: the last block scanned and every sale seen, by purchase id. */
    record AgentState(long cursor, Map<Long, SaleRecord> sales) {
        AgentState {
            sales = new TreeMap<>(sales);
        }
    }

    /**
     * @param stateDirectory where the agent keeps its cursor and sales records (one file per chain and seller)
     */
    public KeyDeliveryAgent(MarketChain chain, MarketCache cache, SecretVault vault, Credentials seller,
                            Path stateDirectory) {
        this.chain = chain;
        this.cache = cache;
        this.vault = vault;
        this.seller = seller;
        String name = "delivery-" + chain.chainId() + "-" + chain.addresses().marketplace().toLowerCase(Locale.ROOT)
                + "-" + seller.getAddress().toLowerCase(Locale.ROOT) + ".json";
        this.state = new StateFile<>(stateDirectory.resolve(name), AgentState.class,
                () -> new AgentState(chain.addresses().deployedAtBlock() - 1, Map.of()));
    }

    /** Finds new purchases and delivers every pending key it can; safe to call at any time, any number of times. */
    public synchronized DeliveryReport deliverPending() {
        AgentState current = scan(state.read());
        List<Long> delivered = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        Map<Long, SaleRecord> sales = new TreeMap<>(current.sales());
        for (SaleRecord sale : current.sales().values()) {
            if (sale.state() != SaleRecord.State.PENDING && sale.state() != SaleRecord.State.SENDING) {
                continue;
            }
            SaleRecord after;
            try {
                after = deliver(sale, sales, current.cursor());
            } catch (MarketException e) {
                LOG.warn("Could not deliver the key of purchase {}: {}", sale.purchaseId(), e.getMessage(), e);
                // Keep what deliver() recorded before failing (a signed transaction), so a restart finds it.
                after = state.read().sales().getOrDefault(sale.purchaseId(), sale).failed(e.getMessage());
                failed.add("Purchase " + sale.purchaseId() + ": " + e.getMessage());
            }
            sales.put(sale.purchaseId(), after);
            state.write(new AgentState(current.cursor(), sales));
            if (after.state() == SaleRecord.State.DELIVERED && sale.state() != SaleRecord.State.DELIVERED) {
                delivered.add(sale.purchaseId());
            }
        }
        int pending = (int) sales.values().stream().filter(s -> s.state() == SaleRecord.State.PENDING
                || s.state() == SaleRecord.State.SENDING).count();
        return new DeliveryReport(delivered, failed, pending);
    }

    /** Runs {@link #deliverPending()} every {@code period} until the returned handle is closed. */
    public AutoCloseable watch(ScheduledExecutorService scheduler, Duration period, Consumer<DeliveryReport> onPass,
                               Consumer<RuntimeException> onError) {
        ScheduledFuture<?> task = scheduler.scheduleWithFixedDelay(() -> {
            try {
                onPass.accept(deliverPending());
            } catch (RuntimeException e) {
                onError.accept(e);
            }
        }, 0, period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    private AgentState scan(AgentState current) {
        long latest = chain.latestBlock();
        long from = current.cursor() + 1;
        Map<Long, SaleRecord> sales = new TreeMap<>(current.sales());
        Map<Long, Boolean> mine = new HashMap<>();
        String topic = EventEncoder.encode(DataMarketplace.PURCHASED_EVENT);
        while (from <= latest) {
            long to = Math.min(latest, from + BLOCKS_PER_QUERY - 1);
            for (Log log : chain.marketplaceLogs(from, to, topic)) {
                DataMarketplace.PurchasedEventResponse e = DataMarketplace.getPurchasedEventFromLog(log);
                long listingId = e.listingId.longValueExact();
                if (mine.computeIfAbsent(listingId, this::isMine) && !sales.containsKey(e.purchaseId.longValueExact())) {
                    long block = log.getBlockNumber().longValueExact();
                    sales.put(e.purchaseId.longValueExact(), new SaleRecord(e.purchaseId.longValueExact(), listingId,
                            e.buyer, Numeric.toHexString(e.buyerPublicKey), e.price, e.deadline.longValueExact(),
                            chain.blockTime(block), SaleRecord.State.PENDING, null, null, null, null, null, null));
                }
            }
            from = to + 1;
        }
        AgentState next = new AgentState(latest, sales);
        state.write(next);
        return next;
    }

    private boolean isMine(long listingId) {
        String listingSeller = cache.database().dao(ListingDao.class).find(listingId).map(l -> l.seller())
                .orElseGet(() -> ChainListing.read(chain, listingId).seller());
        return listingSeller.equalsIgnoreCase(seller.getAddress());
    }

    private SaleRecord deliver(SaleRecord sale, Map<Long, SaleRecord> sales, long cursor) {
        if (sale.state() == SaleRecord.State.SENDING && sale.txHash() != null) {
            Optional<TransactionReceipt> receipt = chain.receipt(sale.txHash());
            if (receipt.isPresent() && receipt.get().isStatusOK()) {
                return delivered(sale, receipt.get());
            }
        }
        DataMarketplace.Purchase purchase = chain.call(() -> chain.marketplace()
                .getPurchase(BigInteger.valueOf(sale.purchaseId())).send(), "read purchase " + sale.purchaseId());
        switch (purchase.status.intValue()) {
            case 2 -> {
                return deliveredEarlier(sale);
            }
            case 3 -> {
                return sale.with(SaleRecord.State.REFUNDED, sale.txHash(), null, null, null, null, null);
            }
            default -> { }
        }
        if (chain.latestTime() > purchase.deadline.longValue()) {
            return sale.with(SaleRecord.State.EXPIRED, sale.txHash(), null, null, null, null, null);
        }
        SignedTransaction tx;
        if (sale.state() == SaleRecord.State.SENDING && sale.rawTx() != null && !forgottenByNode(sale)) {
            tx = new SignedTransaction(seller.getAddress(), null, sale.txHash(), sale.rawTx());
        } else {
            tx = chain.sign(seller, chain.addresses().marketplace(), deliverCall(sale), action(sale));
            SaleRecord sending = sale.with(SaleRecord.State.SENDING, tx.hash(), tx.raw(), null, null, null, null);
            Map<Long, SaleRecord> updated = new TreeMap<>(sales);
            updated.put(sale.purchaseId(), sending);
            // Recorded before sending, so a restart looks for this transaction instead of sending another.
            state.write(new AgentState(cursor, updated));
        }
        return delivered(sale, chain.sendAndWait(tx, action(sale)));
    }

    private boolean forgottenByNode(SaleRecord sale) {
        return chain.receipt(sale.txHash()).isEmpty() && !chain.isKnown(sale.txHash());
    }

    private static String action(SaleRecord sale) {
        return "deliver the key of purchase " + sale.purchaseId();
    }

    private String deliverCall(SaleRecord sale) {
        byte[] raw = vault.get(DatasetKeys.KIND, DatasetKeys.listingRef(chain, sale.listingId())).orElseThrow(() ->
                new MarketException("The key of listing " + sale.listingId() + " is not in this app's vault, so "
                        + "purchase " + sale.purchaseId() + " cannot be delivered from here. Open the app that "
                        + "published the listing."));
        DatasetKey key = DatasetKey.fromBytes(raw);
        java.util.Arrays.fill(raw, (byte) 0);
        try {
            byte[] wrapped = wrapper.wrap(key, Numeric.hexStringToByteArray(sale.buyerKey()),
                    new KeyDeliveryContext(BigInteger.valueOf(sale.listingId()), sale.buyer())).toBytes();
            return chain.marketplace().deliverKey(BigInteger.valueOf(sale.purchaseId()), wrapped).encodeFunctionCall();
        } finally {
            key.destroy();
        }
    }

    private SaleRecord delivered(SaleRecord sale, TransactionReceipt receipt) {
        DataMarketplace.KeyDeliveredEventResponse event = DataMarketplace.getKeyDeliveredEvents(receipt).stream()
                .findFirst().orElseThrow(() -> new TransactionFailedException("The delivery transaction "
                        + receipt.getTransactionHash() + " was mined but delivered nothing."));
        return recordDelivered(sale, event, receipt.getTransactionHash());
    }

    /** The purchase was delivered without this record knowing how (another device, an agent, a lost receipt). */
    private SaleRecord deliveredEarlier(SaleRecord sale) {
        String topic = EventEncoder.encode(DataMarketplace.KEYDELIVERED_EVENT);
        String id = Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(sale.purchaseId()), 64);
        List<Log> logs = chain.marketplaceLogs(chain.addresses().deployedAtBlock(), chain.latestBlock(), topic, id);
        if (logs.isEmpty()) {
            return sale.with(SaleRecord.State.DELIVERED, sale.txHash(), null, null, null, null, null);
        }
        Log log = logs.get(0);
        return recordDelivered(sale, DataMarketplace.getKeyDeliveredEventFromLog(log), log.getTransactionHash());
    }

    private SaleRecord recordDelivered(SaleRecord sale, DataMarketplace.KeyDeliveredEventResponse event, String txHash) {
        long block = event.log.getBlockNumber().longValueExact();
        long time = chain.blockTime(block);
        cache.recordDelivery(sale.purchaseId(), event.wrappedKey, block, time);
        LOG.info("Delivered the key of purchase {} (listing {}) in {}", sale.purchaseId(), sale.listingId(), txHash);
        return sale.with(SaleRecord.State.DELIVERED, txHash, null, event.sellerAmount, event.fee, time, null);
    }

    /** Every sale of the seller's listings the agent has seen, newest first. */
    public List<SaleRecord> sales() {
        return state.read().sales().values().stream()
                .sorted(Comparator.comparingLong(SaleRecord::purchaseId).reversed()).toList();
    }

    /** The seller's earnings per day (delivered sales' seller amounts), oldest day first, for a chart. */
    public List<EarningsPoint> earnings(ZoneId zone) {
        Map<LocalDate, BigInteger> byDay = new TreeMap<>();
        for (SaleRecord sale : state.read().sales().values()) {
            if (sale.state() == SaleRecord.State.DELIVERED && sale.sellerAmount() != null && sale.deliveredTime() != null) {
                LocalDate day = Instant.ofEpochSecond(sale.deliveredTime()).atZone(zone).toLocalDate();
                byDay.merge(day, sale.sellerAmount(), BigInteger::add);
            }
        }
        return byDay.entrySet().stream().map(e -> new EarningsPoint(e.getKey(), e.getValue())).toList();
    }

    /** The seller's earnings on one day. */
    public record EarningsPoint(LocalDate day, BigInteger amount) {
    }
}
