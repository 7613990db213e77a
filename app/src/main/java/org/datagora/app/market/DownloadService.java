package org.datagora.app.market;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cache.PurchaseDao;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidMismatchException;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.crypto.BuyerKeyPair;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.KeyCommitment;
import org.datagora.storage.crypto.KeyDeliveryContext;
import org.datagora.storage.crypto.KeyUnwrapException;
import org.datagora.storage.crypto.KeyWrapper;
import org.datagora.storage.crypto.WrappedKey;
import org.datagora.storage.dataset.DatasetDecryptor;
import org.datagora.storage.dataset.DatasetManifest;
import org.datagora.storage.dataset.DatasetTamperedException;
import org.datagora.storage.dataset.WrongKeyException;
import org.datagora.storage.ipfs.IpfsException;
import org.datagora.storage.store.ContentNotFoundException;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.abi.EventEncoder;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.utils.Numeric;

/**
 * Downloads a delivered purchase: opens the wrapped key from the KeyDelivered event with the wallet's
 * derived X25519 key, checks it against the listing's key commitment, fetches the encrypted content from
 * the store into a hidden staging file while checking its CID, then decrypts into the chosen folder (all
 * or nothing) and records the purchase as downloaded and verified.
 */
public final class DownloadService {

    private static final Logger LOG = LoggerFactory.getLogger(DownloadService.class);
    private static final String STAGING_PREFIX = ".datagora-download-";

    private final MarketChain chain;
    private final ContentStore store;
    private final MarketCache cache;
    private final Credentials buyer;
    private final StateFile<Downloads> downloads;

    /** Verified downloads of one buyer, by purchase id. */
    record Downloads(Map<Long, DownloadResult> done) {
        Downloads {
            done = new TreeMap<>(done);
        }
    }

    /** @param stateDirectory where the record of verified downloads is kept (one file per chain and buyer) */
    public DownloadService(MarketChain chain, ContentStore store, MarketCache cache, Credentials buyer,
                           Path stateDirectory) {
        this.chain = chain;
        this.store = store;
        this.cache = cache;
        this.buyer = buyer;
        String name = "downloads-" + chain.chainId() + "-" + chain.addresses().marketplace().toLowerCase(Locale.ROOT)
                + "-" + buyer.getAddress().toLowerCase(Locale.ROOT) + ".json";
        this.downloads = new StateFile<>(stateDirectory.resolve(name), Downloads.class, () -> new Downloads(Map.of()));
    }

    /**
     * Downloads purchase {@code purchaseId} into {@code folder} (created if missing).
     *
     * @throws WrongWalletException         the open wallet did not make the purchase
     * @throws KeyMismatchException         the delivered key does not open or does not match the commitment
     * @throws ContentUnavailableException  the store does not answer or lacks the content
     * @throws ContentCorruptedException    the content does not match its CID (or fails authentication)
     */
    public DownloadResult download(long purchaseId, Path folder, DownloadListener listener) {
        DataMarketplace.Purchase purchase = chain.call(() -> chain.marketplace()
                .getPurchase(BigInteger.valueOf(purchaseId)).send(), "read purchase " + purchaseId);
        if (purchase.status.signum() == 0) {
            throw new MarketException("There is no purchase " + purchaseId + " on this network.");
        }
        if (!purchase.buyer.equalsIgnoreCase(buyer.getAddress())) {
            throw new WrongWalletException("Purchase " + purchaseId + " belongs to " + purchase.buyer
                    + "; the open wallet " + buyer.getAddress() + " cannot open its key. Open the buyer's wallet.");
        }
        if (purchase.status.intValue() == 1) {
            throw new MarketException("The seller has not delivered the key of purchase " + purchaseId
                    + " yet. Try again later, or ask for a refund once the deadline has passed.");
        }
        if (purchase.status.intValue() == 3) {
            throw new MarketException("Purchase " + purchaseId + " was refunded; there is nothing to download.");
        }
        long listingId = purchase.listingId.longValueExact();
        ChainListing listing = ChainListing.read(chain, listingId);
        listener.onProgress(DownloadStep.OPEN_KEY, 0, 0);
        DatasetKey key = openKey(purchaseId, listing);
        listener.onProgress(DownloadStep.OPEN_KEY, 1, 0);
        try {
            Files.createDirectories(folder);
            Path staging = folder.resolve(STAGING_PREFIX + purchaseId + ".part");
            try {
                fetch(listing, purchaseId, staging, listener);
                DatasetManifest manifest = decrypt(staging, key, folder, purchaseId, listener);
                DownloadResult result = new DownloadResult(purchaseId, folder.toAbsolutePath(), manifest.files().stream()
                        .map(f -> new DatasetMetadata.FileEntry(f.path(), f.size(), f.sha256Hex())).toList(),
                        System.currentTimeMillis() / 1000);
                Downloads current = downloads.read();
                Map<Long, DownloadResult> done = new TreeMap<>(current.done());
                done.put(purchaseId, result);
                downloads.write(new Downloads(done));
                listener.onProgress(DownloadStep.DONE, 1, 0);
                LOG.info("Downloaded purchase {} into {}: {} files verified", purchaseId, folder, result.files().size());
                return result;
            } finally {
                Files.deleteIfExists(staging);
            }
        } catch (IOException e) {
            throw new MarketException("Could not write into " + folder + ": " + e.getMessage(), e);
        } finally {
            key.destroy();
        }
    }

    /** The verified download of a purchase, if it was downloaded with this app. */
    public Optional<DownloadResult> downloaded(long purchaseId) {
        return Optional.ofNullable(downloads.read().done().get(purchaseId));
    }

    /** Every verified download of this wallet. */
    public List<DownloadResult> downloads() {
        return List.copyOf(downloads.read().done().values());
    }

    private DatasetKey openKey(long purchaseId, ChainListing listing) {
        byte[] wrapped = deliveredKey(purchaseId);
        BuyerKeyPair pair = BuyerKeyPair.fromWalletPrivateKey(buyer.getEcKeyPair().getPrivateKey());
        DatasetKey key;
        try {
            key = new KeyWrapper().unwrap(WrappedKey.fromBytes(wrapped), pair,
                    new KeyDeliveryContext(BigInteger.valueOf(listing.listingId()), buyer.getAddress()));
        } catch (KeyUnwrapException | IllegalArgumentException e) {
            throw new KeyMismatchException("The key the seller delivered for purchase " + purchaseId + " does not open "
                    + "with this wallet. Report it with \"flag key mismatch\" so it counts against the seller.", e);
        } finally {
            pair.destroy();
        }
        if (!KeyCommitment.fromHex(listing.keyCommitment()).matches(key)) {
            key.destroy();
            throw new KeyMismatchException("The key the seller delivered for purchase " + purchaseId + " is not the "
                    + "key the listing committed to. Report it with \"flag key mismatch\" so it counts against the seller.");
        }
        return key;
    }

    private byte[] deliveredKey(long purchaseId) {
        Optional<byte[]> cached = cache.database().dao(PurchaseDao.class).find(purchaseId)
                .map(p -> p.wrappedKey());
        if (cached.isPresent()) {
            return cached.get();
        }
        String topic = EventEncoder.encode(DataMarketplace.KEYDELIVERED_EVENT);
        String id = Numeric.toHexStringWithPrefixZeroPadded(BigInteger.valueOf(purchaseId), 64);
        List<Log> logs = chain.marketplaceLogs(chain.addresses().deployedAtBlock(), chain.latestBlock(), topic, id);
        if (logs.isEmpty()) {
            throw new MarketException("The chain shows purchase " + purchaseId + " as delivered but its KeyDelivered "
                    + "event cannot be found. Check the network settings.");
        }
        Log log = logs.get(0);
        DataMarketplace.KeyDeliveredEventResponse event = DataMarketplace.getKeyDeliveredEventFromLog(log);
        long block = log.getBlockNumber().longValueExact();
        if (cache.database().dao(PurchaseDao.class).find(purchaseId).isPresent()) {
            cache.recordDelivery(purchaseId, event.wrappedKey, block, chain.blockTime(block));
        }
        return event.wrappedKey;
    }

    private void fetch(ChainListing listing, long purchaseId, Path staging, DownloadListener listener) {
        String cid = listing.contentCid();
        long total = cache.metadata(listing.metadataCid()).map(m -> {
            try {
                return DatasetMetadata.parse(m).contentSize();
            } catch (IllegalArgumentException e) {
                return 0L;
            }
        }).orElse(0L);
        listener.onProgress(DownloadStep.FETCH, 0, 0);
        Throughput speed = new Throughput();
        try (InputStream in = new CidVerifyingInputStream(store.get(cid), Cid.parse(cid));
             OutputStream out = Files.newOutputStream(staging)) {
            byte[] buffer = new byte[1 << 16];
            long done = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                done += n;
                listener.onProgress(DownloadStep.FETCH, Throughput.fraction(done, total), speed.bytesPerSecond(done));
            }
        } catch (CidMismatchException e) {
            throw new ContentCorruptedException("The content fetched for purchase " + purchaseId + " does not match its "
                    + "CID " + cid + ": the store served altered data, and nothing was written. Try another content "
                    + "store or report the listing.", e);
        } catch (IOException e) {
            if (e.getCause() instanceof CidMismatchException mismatch) {
                throw new ContentCorruptedException("The content fetched for purchase " + purchaseId + " does not "
                        + "match its CID " + cid + ": the store served altered data, and nothing was written.", mismatch);
            }
            if (e instanceof IpfsException || e instanceof ContentNotFoundException) {
                throw new ContentUnavailableException("The content of purchase " + purchaseId + " (" + cid + ") cannot "
                        + "be fetched: the content store does not answer or does not have it. Check that IPFS runs and "
                        + "try again.", e);
            }
            throw new MarketException("Could not fetch the content of purchase " + purchaseId + ": " + e.getMessage()
                    + " Nothing was written.", e);
        }
    }

    private DatasetManifest decrypt(Path staging, DatasetKey key, Path folder, long purchaseId,
                                    DownloadListener listener) throws IOException {
        listener.onProgress(DownloadStep.DECRYPT, 0, 0);
        long total = Files.size(staging);
        Throughput speed = new Throughput();
        try (InputStream in = Files.newInputStream(staging)) {
            return new DatasetDecryptor().decrypt(in, key, folder, done -> listener.onProgress(DownloadStep.DECRYPT,
                    Throughput.fraction(done, total), speed.bytesPerSecond(done)));
        } catch (WrongKeyException e) {
            throw new KeyMismatchException("The delivered key does not decrypt purchase " + purchaseId + ". Report it "
                    + "with \"flag key mismatch\".", e);
        } catch (DatasetTamperedException e) {
            throw new ContentCorruptedException("The content of purchase " + purchaseId + " is damaged or was altered; "
                    + "nothing was written.", e);
        } catch (FileAlreadyExistsException e) {
            throw new MarketException("The folder " + folder + " already holds " + e.getFile() + "; choose an empty "
                    + "folder and download again.", e);
        }
    }
}
