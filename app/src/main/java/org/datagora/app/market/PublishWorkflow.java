package org.datagora.app.market;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.LongConsumer;
import org.datagora.contracts.generated.DataMarketplace;
import org.datagora.storage.cache.SecretVault;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.crypto.KeyCommitment;
import org.datagora.storage.dataset.DatasetEncryptor;
import org.datagora.storage.dataset.DatasetManifest;
import org.datagora.storage.dataset.DatasetSource;
import org.datagora.storage.store.ContentStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * Publishes a file or folder as one resumable workflow: save a fresh dataset key in the vault, encrypt,
 * add the ciphertext (and preview) to the content store, add the metadata, send the list transaction,
 * wait for it, record the listing. A journal written after each step lets {@link #resume} finish a
 * publish after a crash or a failure, and {@link #rollBack} undo one whose transaction was never sent.
 * The order is what keeps promises: the key is in the vault before any byte leaves the machine, and the
 * content is in the store (checked again just before) before a listing can point at it.
 */
public final class PublishWorkflow {

    private static final Logger LOG = LoggerFactory.getLogger(PublishWorkflow.class);

    private final MarketChain chain;
    private final ContentStore store;
    private final MarketCache cache;
    private final SecretVault vault;
    private final Path journalDirectory;
    private final Credentials seller;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean cancelled;

    /**
     * @param journalDirectory where journals and ciphertext wait while a publish runs (in the data directory)
     * @param seller           the wallet that lists
     */
    public PublishWorkflow(MarketChain chain, ContentStore store, MarketCache cache, SecretVault vault,
                           Path journalDirectory, Credentials seller) {
        this.chain = chain;
        this.store = store;
        this.cache = cache;
        this.vault = vault;
        this.journalDirectory = journalDirectory;
        this.seller = seller;
    }

    /** Publishes {@code request}; on failure the journal stays for {@link #resume} or {@link #rollBack}. */
    public PublishResult publish(PublishRequest request, PublishListener listener) {
        if (!Files.exists(request.source())) {
            throw new MarketException("There is nothing to publish at " + request.source() + ".");
        }
        request.preview().ifPresent(p -> {
            if (!Files.isRegularFile(p)) {
                throw new MarketException("The preview " + p + " is not a file.");
            }
        });
        cancelled = false;
        PublishJournal journal = PublishJournal.create(journalDirectory, UUID.randomUUID().toString(), chain,
                seller.getAddress(), request);
        journal.save();
        return run(journal, listener);
    }

    /** The publishes that did not finish (crashed, failed or were interrupted), oldest id first. */
    public List<PublishJournal> unfinished() {
        return PublishJournal.all(journalDirectory).stream()
                .filter(j -> j.chainId == chain.chainId() && j.seller.equalsIgnoreCase(seller.getAddress()))
                .toList();
    }

    /** Continues an unfinished publish from its last recorded step. */
    public PublishResult resume(String publishId, PublishListener listener) {
        cancelled = false;
        return run(PublishJournal.load(journalDirectory, publishId), listener);
    }

    /**
     * Stops the running publish at the next chance. Before the list transaction is sent the publish is
     * rolled back; after, it is too late to undo and the publish completes.
     */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Undoes an unfinished publish whose list transaction was never sent (or can never be mined): unpins
     * what it stored, deletes its ciphertext and forgets its key.
     *
     * @throws MarketException when the transaction was sent; then only {@link #resume} can finish it
     */
    public void rollBack(String publishId) {
        PublishJournal journal = PublishJournal.load(journalDirectory, publishId);
        if (journal.listTx != null && !listTxDead(journal)) {
            throw new MarketException("The listing transaction of \"" + journal.title + "\" was already sent, so it "
                    + "cannot be undone; resume the publish to finish it.");
        }
        for (String cid : new String[] {journal.contentCid, journal.previewCid, journal.metadataCid}) {
            if (cid != null) {
                try {
                    store.unpin(cid);
                } catch (IOException e) {
                    throw new ContentUnavailableException("Could not undo the publish of \"" + journal.title
                            + "\": the content store does not answer. Try again when it runs.", e);
                }
            }
        }
        vault.delete(DatasetKeys.KIND, journal.keyRef());
        journal.delete();
        LOG.info("Rolled back publish {} ({})", journal.id, journal.title);
    }

    private boolean listTxDead(PublishJournal journal) {
        return chain.receipt(journal.listTx.hash()).isEmpty() && !chain.isKnown(journal.listTx.hash())
                && chain.minedNonce(journal.listTx.from()).compareTo(journal.listTx.nonce()) > 0;
    }

    private PublishResult run(PublishJournal journal, PublishListener listener) {
        try {
            if (journal.stage.compareTo(PublishJournal.Stage.KEY_SAVED) < 0) {
                saveKey(journal, listener);
            }
            if (journal.stage.compareTo(PublishJournal.Stage.ENCRYPTED) < 0) {
                encrypt(journal, listener);
            }
            if (journal.stage.compareTo(PublishJournal.Stage.CONTENT_ADDED) < 0) {
                addContent(journal, listener);
            }
            if (journal.stage.compareTo(PublishJournal.Stage.METADATA_ADDED) < 0) {
                addMetadata(journal, listener);
            }
            if (journal.stage.compareTo(PublishJournal.Stage.CONFIRMED) < 0) {
                list(journal, listener);
            }
            record(journal, listener);
            return new PublishResult(journal.id, journal.listingId, journal.contentCid, journal.metadataCid,
                    journal.keyCommitment, journal.listTx.hash());
        } catch (CancellationException e) {
            rollBack(journal.id);
            throw new PublishCancelledException("The publish of \"" + journal.title + "\" was cancelled and undone.", e);
        } catch (MarketException e) {
            noteFailure(journal, e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            noteFailure(journal, e.getMessage());
            throw e;
        }
    }

    private void noteFailure(PublishJournal journal, String message) {
        try {
            journal.lastError = message;
            journal.save();
        } catch (UncheckedIOException e) {
            LOG.warn("Could not note the failure in the publish journal {}", journal.id, e);
        }
    }

    private void checkCancelled(PublishJournal journal) {
        if (cancelled && journal.listTx == null) {
            throw new CancellationException();
        }
    }

    private void saveKey(PublishJournal journal, PublishListener listener) {
        listener.onProgress(PublishStep.SAVE_KEY, 0, 0);
        DatasetKey key = DatasetKey.generate(random);
        try {
            vault.put(DatasetKeys.KIND, journal.keyRef(), key.bytes());
            journal.keyCommitment = KeyCommitment.of(key).toHex();
        } finally {
            key.destroy();
        }
        journal.advance(PublishJournal.Stage.KEY_SAVED);
        listener.onProgress(PublishStep.SAVE_KEY, 1, 0);
        listener.onStepCompleted(PublishStep.SAVE_KEY);
    }

    private DatasetKey key(PublishJournal journal) {
        byte[] raw = vault.get(DatasetKeys.KIND, journal.keyRef()).orElseThrow(() -> new MarketException(
                "The dataset key of \"" + journal.title + "\" is missing from the vault; roll the publish back and "
                        + "publish again."));
        try {
            return DatasetKey.fromBytes(raw);
        } finally {
            java.util.Arrays.fill(raw, (byte) 0);
        }
    }

    private void encrypt(PublishJournal journal, PublishListener listener) {
        checkCancelled(journal);
        listener.onProgress(PublishStep.ENCRYPT, 0, 0);
        DatasetKey key = key(journal);
        Path ciphertext = journal.ciphertextFile();
        try {
            DatasetSource source = DatasetSource.of(Path.of(journal.source));
            long total = source.totalSize();
            Throughput speed = new Throughput();
            DatasetManifest manifest;
            try (OutputStream out = Files.newOutputStream(ciphertext)) {
                manifest = new DatasetEncryptor().encrypt(source, key, out, done -> {
                    checkCancelled(journal);
                    listener.onProgress(PublishStep.ENCRYPT, Throughput.fraction(done, total), speed.bytesPerSecond(done));
                });
            }
            journal.files = manifest.files().stream()
                    .map(f -> new DatasetMetadata.FileEntry(f.path(), f.size(), f.sha256Hex())).toList();
            journal.contentSize = Files.size(ciphertext);
        } catch (IOException e) {
            throw new MarketException("Could not encrypt " + journal.source + ": " + e.getMessage(), e);
        } finally {
            key.destroy();
        }
        journal.advance(PublishJournal.Stage.ENCRYPTED);
        listener.onStepCompleted(PublishStep.ENCRYPT);
    }

    private void addContent(PublishJournal journal, PublishListener listener) {
        checkCancelled(journal);
        Path ciphertext = journal.ciphertextFile();
        if (!Files.exists(ciphertext)) {
            // The ciphertext went missing between steps (cleaned up by hand): encrypt again with the same key.
            encrypt(journal, listener);
        }
        listener.onProgress(PublishStep.ADD_CONTENT, 0, 0);
        long total = journal.contentSize;
        Throughput speed = new Throughput();
        LongConsumer progress = done -> {
            checkCancelled(journal);
            listener.onProgress(PublishStep.ADD_CONTENT, Throughput.fraction(done, total), speed.bytesPerSecond(done));
        };
        try {
            journal.contentCid = canonical(store.put(ciphertext, progress));
            if (journal.preview != null) {
                journal.previewCid = canonical(store.put(Path.of(journal.preview), bytes -> { }));
            }
        } catch (IOException e) {
            throw storeDown(journal, e);
        }
        journal.advance(PublishJournal.Stage.CONTENT_ADDED);
        listener.onStepCompleted(PublishStep.ADD_CONTENT);
    }

    private void addMetadata(PublishJournal journal, PublishListener listener) {
        checkCancelled(journal);
        listener.onProgress(PublishStep.ADD_METADATA, 0, 0);
        byte[] json = metadata(journal).toJson();
        try {
            journal.metadataCid = canonical(store.put(new java.io.ByteArrayInputStream(json), bytes -> { }));
        } catch (IOException e) {
            throw storeDown(journal, e);
        }
        journal.advance(PublishJournal.Stage.METADATA_ADDED);
        listener.onProgress(PublishStep.ADD_METADATA, 1, 0);
        listener.onStepCompleted(PublishStep.ADD_METADATA);
    }

    private static DatasetMetadata metadata(PublishJournal journal) {
        return new DatasetMetadata(journal.title, journal.description, journal.tags, journal.license,
                Licenses.idOf(journal.license), journal.contentCid, journal.contentSize, journal.files,
                journal.keyCommitment, Optional.ofNullable(journal.previewCid),
                Optional.ofNullable(journal.preview).map(p -> Path.of(p).getFileName().toString()));
    }

    private void list(PublishJournal journal, PublishListener listener) {
        listener.onProgress(PublishStep.LIST, 0, 0);
        if (journal.listTx == null || listTxDead(journal)) {
            checkCancelled(journal);
            ensureStored(journal);
            journal.listTx = chain.sign(seller, chain.addresses().marketplace(), listCall(journal),
                    "list \"" + journal.title + "\"");
            // Recorded before it is sent: after a crash the same transaction is found or sent again, never a second one.
            journal.advance(PublishJournal.Stage.LIST_SENT);
        }
        listener.onProgress(PublishStep.LIST, 1, 0);
        listener.onStepCompleted(PublishStep.LIST);
        listener.onProgress(PublishStep.CONFIRM, 0, 0);
        TransactionReceipt receipt = chain.sendAndWait(journal.listTx, "list \"" + journal.title + "\"");
        DataMarketplace.ListedEventResponse listed = DataMarketplace.getListedEvents(receipt).stream().findFirst()
                .orElseThrow(() -> new TransactionFailedException("The list transaction " + receipt.getTransactionHash()
                        + " was mined but created no listing."));
        journal.listingId = listed.listingId.longValueExact();
        journal.listedBlock = receipt.getBlockNumber().longValueExact();
        journal.listedTime = chain.blockTime(journal.listedBlock);
        journal.advance(PublishJournal.Stage.CONFIRMED);
        listener.onProgress(PublishStep.CONFIRM, 1, 0);
        listener.onStepCompleted(PublishStep.CONFIRM);
    }

    /** Checks the store still holds the content and metadata right before a listing points at them. */
    private void ensureStored(PublishJournal journal) {
        try {
            if (!store.has(journal.contentCid) || !store.has(journal.metadataCid)
                    || (journal.previewCid != null && !store.has(journal.previewCid))) {
                throw new ContentUnavailableException("The content store lost the data of \"" + journal.title
                        + "\" before it was listed; resume the publish to add it again.");
            }
        } catch (IOException e) {
            throw storeDown(journal, e);
        }
    }

    private String listCall(PublishJournal journal) {
        Cid content = Cid.parse(journal.contentCid);
        Cid metadata = Cid.parse(journal.metadataCid);
        List<DataMarketplace.Contributor> contributors = journal.contributors.stream()
                .map(c -> new DataMarketplace.Contributor(c.account(), BigInteger.valueOf(c.shareBps()))).toList();
        DataMarketplace.ListingParams params = new DataMarketplace.ListingParams(content.digest(), metadata.digest(),
                Numeric.hexStringToByteArray(journal.keyCommitment), new BigInteger(journal.price),
                BigInteger.valueOf(content.codec()), BigInteger.valueOf(metadata.codec()),
                BigInteger.valueOf(Licenses.idOf(journal.license)), BigInteger.valueOf(journal.deliveryWindowSeconds),
                BigInteger.ZERO, contributors);
        return chain.marketplace().list(params).encodeFunctionCall();
    }

    private void record(PublishJournal journal, PublishListener listener) {
        if (journal.stage.compareTo(PublishJournal.Stage.LISTED) < 0) {
            // The key moves to the listing's name in the vault before the publish's name is forgotten.
            DatasetKey key = key(journal);
            try {
                vault.put(DatasetKeys.KIND, DatasetKeys.listingRef(chain, journal.listingId), key.bytes());
            } finally {
                key.destroy();
            }
            cache.recordListing(journal.listingId, journal.seller, journal.contentCid, journal.metadataCid,
                    journal.keyCommitment, new BigInteger(journal.price), Licenses.idOf(journal.license),
                    journal.deliveryWindowSeconds, null, journal.listedBlock,
                    journal.listedTime, metadata(journal).toJson());
            journal.advance(PublishJournal.Stage.LISTED);
        }
        vault.delete(DatasetKeys.KIND, journal.keyRef());
        journal.delete();
        listener.onProgress(PublishStep.LISTED, 1, 0);
        listener.onStepCompleted(PublishStep.LISTED);
        LOG.info("Published \"{}\" as listing {} (content {}, metadata {})", journal.title, journal.listingId,
                journal.contentCid, journal.metadataCid);
    }

    private ContentUnavailableException storeDown(PublishJournal journal, IOException e) {
        if (cancelled && journal.listTx == null) {
            // A cancel raised inside the store's progress callback may come back wrapped as an I/O failure.
            throw new CancellationException();
        }
        return new ContentUnavailableException("The content store (IPFS) does not answer, so \"" + journal.title
                + "\" was not uploaded. Start the IPFS node and resume the publish; nothing was lost.", e);
    }

    static String canonical(String cid) {
        return Cid.parse(cid).toV1().toString();
    }
}
