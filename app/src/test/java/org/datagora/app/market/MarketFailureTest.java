package org.datagora.app.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.contracts.devnet.FreePort;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsClientOptions;
import org.datagora.storage.store.IpfsContentStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.response.VoidResponse;
import org.web3j.protocol.http.HttpService;

/**
 * What the marketplace does when the world misbehaves: the IPFS node down during a publish, a crash at
 * any step, a cancel, too little DGT, a contract revert, a seller who never delivers, altered content and
 * the wrong wallet. Each failure says one clear sentence and loses nothing.
 */
@ExtendWith(LocalSandboxExtension.class)
class MarketFailureTest {

    private static final BigInteger PRICE = MarketFixture.DGT.multiply(BigInteger.valueOf(3));

    @TempDir
    static Path work;

    private static MarketFixture market;
    private static MarketFixture.App alice;
    private static MarketFixture.App bob;
    private static Path folder;

    @BeforeAll
    static void setUp(LocalSandbox sandbox) throws Exception {
        market = new MarketFixture(sandbox);
        alice = market.app(work.resolve("alice"), sandbox.devAccount(1), market.ipfsStore);
        bob = market.app(work.resolve("bob"), sandbox.devAccount(2), market.ipfsStore);
        market.fund(bob.wallet.getAddress(), MarketFixture.DGT.multiply(BigInteger.valueOf(100)));
        folder = MarketFixture.sampleFolder(work, "stations");
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
    }

    private static PublishRequest request(String title) {
        return PublishRequest.of(folder, title, "Readings", List.of("weather"), "ODbL-1.0", PRICE);
    }

    private static long listingCount() {
        return market.chain.call(() -> market.chain.marketplace().listingCount().send(), "count").longValueExact();
    }

    @Test
    void ipfsDownDuringPublishSaysSoAndTheJournalResumesOnceItIsBack() {
        IpfsContentStore down = new IpfsContentStore(new IpfsClient(URI.create("http://127.0.0.1:" + FreePort.pick()),
                IpfsClientOptions.defaults().withRetries(1, java.time.Duration.ofMillis(10))));
        long before = listingCount();

        assertThatThrownBy(() -> alice.publisher(down).publish(request("Offline publish"), PublishListener.NONE))
                .isInstanceOf(ContentUnavailableException.class)
                .hasMessageContaining("IPFS")
                .hasMessageContaining("resume the publish");

        PublishJournal journal = alice.publisher().unfinished().stream()
                .filter(j -> j.title().equals("Offline publish")).findFirst().orElseThrow();
        assertThat(journal.stage()).isEqualTo(PublishJournal.Stage.ENCRYPTED);
        assertThat(journal.lastError()).get().asString().contains("IPFS");
        assertThat(alice.vault.get(DatasetKeys.KIND, journal.keyRef())).as("the key is safe in the vault").isPresent();
        assertThat(listingCount()).isEqualTo(before);

        PublishResult result = alice.publisher().resume(journal.id(), PublishListener.NONE);
        assertThat(result.listingId()).isEqualTo(before + 1);
        assertThat(alice.publisher().unfinished()).noneMatch(j -> j.id().equals(journal.id()));
        assertThat(alice.vault.get(DatasetKeys.KIND, DatasetKeys.listingRef(market.chain, result.listingId()))).isPresent();
    }

    @Test
    void aCrashAfterTheListTransactionWasSignedSendsThatSameTransactionOnResumeNeverASecond() {
        PublishWorkflow crashing = alice.publisher();
        long before = listingCount();
        assertThatThrownBy(() -> crashing.publish(request("Crash at list"), crashAt(PublishStep.LIST)))
                .hasMessageContaining("simulated crash");
        PublishJournal journal = only("Crash at list");
        assertThat(journal.stage()).isEqualTo(PublishJournal.Stage.LIST_SENT);
        assertThatThrownBy(() -> alice.publisher().rollBack(journal.id()))
                .isInstanceOf(MarketException.class).hasMessageContaining("already sent");

        PublishResult result = alice.publisher().resume(journal.id(), PublishListener.NONE);
        assertThat(result.txHash()).isEqualTo(journal.listTx.hash());
        assertThat(listingCount()).isEqualTo(before + 1);
    }

    @Test
    void aCrashAfterConfirmationRecordsTheListingWithoutListingAgain() {
        long before = listingCount();
        assertThatThrownBy(() -> alice.publisher().publish(request("Crash at confirm"), crashAt(PublishStep.CONFIRM)))
                .hasMessageContaining("simulated crash");
        PublishJournal journal = only("Crash at confirm");
        assertThat(journal.stage()).isEqualTo(PublishJournal.Stage.CONFIRMED);

        PublishResult result = alice.publisher().resume(journal.id(), PublishListener.NONE);
        assertThat(listingCount()).isEqualTo(before + 1);
        assertThat(alice.search().detail(result.listingId())).isPresent();
    }

    @Test
    void aCrashBeforeListingRollsBackCleanly() throws Exception {
        assertThatThrownBy(() -> alice.publisher().publish(request("Crash at add"), crashAt(PublishStep.ADD_CONTENT)))
                .hasMessageContaining("simulated crash");
        PublishJournal journal = only("Crash at add");
        assertThat(journal.stage()).isEqualTo(PublishJournal.Stage.CONTENT_ADDED);
        IpfsClient ipfs = market.sandbox.ipfs().client();
        assertThat(ipfs.isPinned(journal.contentCid)).isTrue();

        alice.publisher().rollBack(journal.id());
        assertThat(alice.publisher().unfinished()).noneMatch(j -> j.id().equals(journal.id()));
        assertThat(alice.vault.get(DatasetKeys.KIND, journal.keyRef())).isEmpty();
        assertThat(ipfs.isPinned(journal.contentCid)).isFalse();
        assertThat(journal.ciphertextFile()).doesNotExist();
    }

    @Test
    void cancellingDuringEncryptionUndoesThePublish() {
        PublishWorkflow workflow = alice.publisher();
        long before = listingCount();
        assertThatThrownBy(() -> workflow.publish(request("Cancelled"), (step, fraction, speed) -> {
            if (step == PublishStep.ENCRYPT) {
                workflow.cancel();
            }
        })).isInstanceOf(PublishCancelledException.class).hasMessageContaining("cancelled and undone");
        assertThat(workflow.unfinished()).noneMatch(j -> j.title().equals("Cancelled"));
        assertThat(listingCount()).isEqualTo(before);
    }

    @Test
    void tooLittleDgtIsOneClearSentence() {
        long listingId = alice.publisher().publish(request("Too dear"), PublishListener.NONE).listingId();
        MarketFixture.App poor = market.app(work.resolve("poor"), market.sandbox.devAccount(5), market.ipfsStore);
        try (poor) {
            assertThatThrownBy(() -> poor.purchases().buy(listingId, PRICE, PaymentMethod.APPROVE))
                    .isInstanceOf(InsufficientFundsException.class)
                    .hasMessage("Buying listing " + listingId + " costs 3 DGT but the wallet holds only 0 DGT. "
                            + "Get more DGT and try again.");
        }
    }

    @Test
    void aContractRevertIsNamedInWords() {
        long listingId = alice.publisher().publish(request("Not yet"), PublishListener.NONE).listingId();
        long purchaseId = bob.purchases().buy(listingId, PRICE, PaymentMethod.APPROVE).purchaseId();
        assertThatThrownBy(() -> bob.purchases().rate(purchaseId, 4))
                .isInstanceOf(TransactionFailedException.class)
                .hasMessage("Could not rate purchase " + purchaseId + ": the key has not been delivered yet.")
                .satisfies(e -> assertThat(((TransactionFailedException) e).errorName()).contains("PurchaseNotDelivered"));
        assertThatThrownBy(() -> alice.downloads().download(purchaseId, work.resolve("x"), DownloadListener.NONE))
                .isInstanceOf(WrongWalletException.class).hasMessageContaining("Open the buyer's wallet");
        alice.agent().deliverPending();
    }

    @Test
    void aDeliveryStuckWhenTheAppClosedIsFoundAgainNotSentTwice() {
        long listingId = alice.publisher().publish(request("Stuck delivery"), PublishListener.NONE).listingId();
        long purchaseId = bob.purchases().buy(listingId, PRICE, PaymentMethod.APPROVE).purchaseId();
        MarketChain impatient = new MarketChain(market.chain.web3j(), market.addresses, java.time.Duration.ofSeconds(2));
        KeyDeliveryAgent closing = new KeyDeliveryAgent(impatient, alice.cache, alice.vault, alice.wallet,
                alice.dataDir.resolve("market"));
        BigInteger nonceBefore = market.chain.minedNonce(alice.wallet.getAddress());
        market.sandbox.chain().setAutomine(false);
        DeliveryReport stuck;
        try {
            stuck = closing.deliverPending();
        } finally {
            market.sandbox.chain().setAutomine(true);
        }
        assertThat(stuck.delivered()).doesNotContain(purchaseId);
        assertThat(stuck.failed()).anySatisfy(f -> assertThat(f).contains("was not mined within 2 seconds"));
        String sentHash = closing.sales().stream().filter(s -> s.purchaseId() == purchaseId).findFirst().orElseThrow()
                .txHash();
        market.sandbox.chain().mine();

        assertThat(alice.agent().deliverPending().delivered()).contains(purchaseId);
        assertThat(alice.agent().sales()).filteredOn(s -> s.purchaseId() == purchaseId).singleElement()
                .satisfies(s -> assertThat(s.txHash()).isEqualTo(sentHash));
        assertThat(market.chain.minedNonce(alice.wallet.getAddress())).isEqualTo(nonceBefore.add(BigInteger.ONE));
    }

    @Test
    void theBuyerGetsARefundAfterTheDeadlineAndTheAgentThenSkipsThePurchase() throws Exception {
        PublishRequest shortWindow = new PublishRequest(folder, "Slow seller", "", List.of(), "MIT", PRICE,
                Optional.empty(), List.of(), java.time.Duration.ofMinutes(10));
        long listingId = alice.publisher().publish(shortWindow, PublishListener.NONE).listingId();
        BigInteger bobBefore = market.balance(bob.wallet.getAddress());
        long purchaseId = bob.purchases().buy(listingId, PRICE, PaymentMethod.PERMIT).purchaseId();

        assertThatThrownBy(() -> bob.purchases().refund(purchaseId))
                .isInstanceOf(NotRefundableYetException.class).hasMessageContaining("a refund is possible after that");

        increaseTime(601);
        bob.purchases().refund(purchaseId);
        assertThat(market.balance(bob.wallet.getAddress())).isEqualTo(bobBefore);
        assertThat(alice.agent().deliverPending().delivered()).doesNotContain(purchaseId);
        assertThat(alice.agent().sales()).filteredOn(s -> s.purchaseId() == purchaseId).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(SaleRecord.State.REFUNDED));
    }

    @Test
    void alteredContentFailsItsCidCheckAndLeavesNoFiles() throws Exception {
        PublishResult published = alice.publisher().publish(request("Tampered"), PublishListener.NONE);
        long purchaseId = bob.purchases().buy(published.listingId(), PRICE, PaymentMethod.APPROVE).purchaseId();
        assertThat(alice.agent().deliverPending().delivered()).contains(purchaseId);

        byte[] firstLeaf;
        try (InputStream in = market.ipfsStore.get(published.contentCid())) {
            firstLeaf = in.readNBytes(256 * 1024);
        }
        Path block = blockFileHolding(market.sandbox.ipfs().repoDir(), firstLeaf);
        byte[] bytes = Files.readAllBytes(block);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(block, bytes);

        Path target = work.resolve("tampered-download");
        assertThatThrownBy(() -> bob.downloads().download(purchaseId, target, DownloadListener.NONE))
                .isInstanceOf(ContentCorruptedException.class)
                .hasMessageContaining("does not match its CID");
        assertThat(MarketFixture.relativeFiles(target)).isEmpty();
        assertThat(bob.downloads().downloaded(purchaseId)).isEmpty();
    }

    private static Path blockFileHolding(Path repo, byte[] leaf) throws IOException {
        try (Stream<Path> files = Files.walk(repo.resolve("blocks"))) {
            return files.filter(Files::isRegularFile).filter(f -> {
                try {
                    return Files.size(f) == leaf.length && java.util.Arrays.equals(Files.readAllBytes(f), leaf);
                } catch (IOException e) {
                    return false;
                }
            }).findFirst().orElseThrow(() -> new AssertionError("no block file holds the first leaf"));
        }
    }

    private static void increaseTime(long seconds) throws IOException {
        HttpService http = new HttpService(market.sandbox.rpcUrl().toString());
        new Request<>("evm_increaseTime", List.of(seconds), http, VoidResponse.class).send();
        new Request<>("evm_mine", List.of(), http, VoidResponse.class).send();
    }

    private static PublishJournal only(String title) {
        return alice.publisher().unfinished().stream().filter(j -> j.title().equals(title)).findFirst().orElseThrow();
    }

    /** A listener that "crashes" the app right after {@code step} was recorded in the journal. */
    private static PublishListener crashAt(PublishStep step) {
        return new PublishListener() {
            @Override
            public void onProgress(PublishStep s, double fraction, double bytesPerSecond) {
            }

            @Override
            public void onStepCompleted(PublishStep completed) {
                if (completed == step) {
                    throw new IllegalStateException("simulated crash after " + step);
                }
            }
        };
    }
}
