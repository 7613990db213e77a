package org.datagora.app.samples;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.datagora.app.labeling.TaskInfo;
import org.datagora.app.market.DownloadListener;
import org.datagora.app.market.DownloadResult;
import org.datagora.app.market.PaymentMethod;
import org.datagora.app.market.PurchaseResult;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeding a real local sandbox with the shipped samples: the listings and the labeling task appear on
 * chain, a second seeding does nothing, and a buyer buys a sample dataset that the sample seller's agent,
 * running inside the app, delivers.
 */
@ExtendWith(LocalSandboxExtension.class)
class SampleSandboxTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static ScheduledExecutorService scheduler;
    private static SampleSandbox samples;
    private static SeedRecord seeded;
    private static final List<String> steps = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void seed(LocalSandbox sandbox) {
        scheduler = Executors.newScheduledThreadPool(2);
        samples = new SampleSandbox(sandbox, scheduler, Duration.ofMillis(300));
        assertThat(samples.isSeeded()).isFalse();
        seeded = samples.seed((message, fraction) -> steps.add(message));
    }

    @AfterAll
    static void stop() {
        samples.close();
        scheduler.shutdownNow();
    }

    @Test
    void seedingPublishesTheListingsAndCreatesTheTask(LocalSandbox sandbox) {
        assertThat(seeded.complete).isTrue();
        assertThat(seeded.listings).containsOnlyKeys("spamassassin", "iris", "penguins", "seattle-weather");
        assertThat(steps).first().asString().contains("test DGT");
        assertThat(steps).last().asString().contains("in the marketplace");
        assertThat(Files.exists(sandbox.directory().resolve(SeedRecord.FILE))).isTrue();

        TaskInfo task = samples.runningPersonas().orElseThrow().requester().catalog().task(seeded.taskId);
        assertThat(task.itemCount()).isEqualTo(20);
        assertThat(task.requester()).isEqualToIgnoringCase(sandbox.devAccount(SamplePersonas.REQUESTER_ACCOUNT).getAddress());
        assertThat(samples.runningPersonas().orElseThrow().requester().catalog().openTasks())
                .extracting(TaskInfo::taskId).contains(seeded.taskId);
    }

    @Test
    void seedingTwiceChangesNothing(LocalSandbox sandbox) {
        BigInteger sellerBalance = sandbox.tokenBalance(sandbox.devAccount(SamplePersonas.SELLER_ACCOUNT).getAddress());
        SeedRecord again = samples.seed((message, fraction) -> { });
        assertThat(again.listings).isEqualTo(seeded.listings);
        assertThat(again.taskId).isEqualTo(seeded.taskId);
        assertThat(sandbox.tokenBalance(sandbox.devAccount(SamplePersonas.SELLER_ACCOUNT).getAddress()))
                .as("no second funding").isEqualTo(sellerBalance);
        // The app restarted: a new instance reads the marker and knows the sandbox is seeded.
        assertThat(SeedRecord.read(sandbox.directory()).complete).isTrue();
    }

    @Test
    void aBuyerBuysAndDownloadsASampleDatasetTheSampleSellerDelivers(LocalSandbox sandbox, @TempDir Path dir)
            throws Exception {
        DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider())
                .mint(sandbox.devAccount(5).getAddress(), DGT.multiply(BigInteger.valueOf(100))).send();
        try (WalletSession buyer = WalletSession.open(sandbox.devAccount(5), sandbox.chain().web3j(),
                sandbox.addresses(), sandbox.contentStore(), dir.resolve("cache"))) {
            buyer.syncNow();
            List<Listing> found = buyer.search().search(SearchQuery.all().withText("iris").page(0, 20)).listings();
            assertThat(found).extracting(Listing::listingId).containsExactly(seeded.listings.get("iris"));
            assertThat(new String(buyer.search().openPreview(found.get(0).listingId()).readAllBytes()))
                    .startsWith("sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,setosa");

            PurchaseResult purchase = buyer.purchases().buy(found.get(0).listingId(), DGT.multiply(BigInteger.TWO),
                    PaymentMethod.APPROVE);
            Path target = dir.resolve("downloads");
            DownloadResult result = Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> buyer.downloads().download(purchase.purchaseId(), target, DownloadListener.NONE),
                            r -> r != null);
            assertThat(result.files()).hasSize(1);
            try (Stream<Path> files = Files.walk(target)) {
                Path csv = files.filter(p -> p.getFileName().toString().equals("iris.csv")).findFirst().orElseThrow();
                assertThat(Files.mismatch(csv, samples.folder().resolve("files/iris/iris.csv"))).isEqualTo(-1L);
                assertThat(Files.readAllLines(csv)).hasSize(151);
            }
        }
    }
}
