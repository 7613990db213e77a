package org.datagora.app.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.HexFormat;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.ReputationDao;
import org.datagora.storage.cache.Purchase;
import org.datagora.storage.cache.SearchPage;
import org.datagora.storage.cache.SearchQuery;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The marketplace story through the services, with two wallets on the local sandbox: A publishes a folder,
 * B finds it by search and buys it, A's agent delivers the key, B downloads and gets the same files; the
 * DGT moves by exactly the price and the fee.
 */
@ExtendWith(LocalSandboxExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MarketStoryTest {

    private static final BigInteger PRICE = MarketFixture.DGT.multiply(BigInteger.valueOf(12));

    @TempDir
    static Path work;

    private static MarketFixture market;
    private static MarketFixture.App alice;
    private static MarketFixture.App bob;
    private static Path folder;
    private static long listingId;
    private static long petListingId;
    private static long petPurchaseId;

    @BeforeAll
    static void setUp(LocalSandbox sandbox) throws Exception {
        market = new MarketFixture(sandbox);
        alice = market.app(work.resolve("alice"), sandbox.devAccount(1), market.ipfsStore);
        bob = market.app(work.resolve("bob"), sandbox.devAccount(2), market.ipfsStore);
        market.fund(bob.wallet.getAddress(), MarketFixture.DGT.multiply(BigInteger.valueOf(100)));
        folder = MarketFixture.sampleFolder(work, "weather-stations");
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
    }

    @Test
    @Order(1)
    void alicePublishesAFolderStepByStep() {
        List<PublishStep> completed = new ArrayList<>();
        List<Double> throughputs = new ArrayList<>();
        PublishResult result = alice.publisher().publish(new PublishRequest(folder, "Weather stations 2024",
                "Hourly temperature readings of 17 stations", List.of("weather", "climate", "csv"), "CC-BY-4.0",
                PRICE, java.util.Optional.of(folder.resolve("README.md")), List.of(), null), new PublishListener() {
                    @Override
                    public void onProgress(PublishStep step, double fraction, double bytesPerSecond) {
                        if (bytesPerSecond > 0) {
                            throughputs.add(bytesPerSecond);
                        }
                    }

                    @Override
                    public void onStepCompleted(PublishStep step) {
                        completed.add(step);
                    }
                });
        listingId = result.listingId();

        assertThat(completed).containsExactly(PublishStep.values());
        assertThat(throughputs).isNotEmpty();
        assertThat(alice.publisher().unfinished()).isEmpty();
        ChainListing onChain = ChainListing.read(market.chain, listingId);
        assertThat(onChain.seller()).isEqualToIgnoringCase(alice.wallet.getAddress());
        assertThat(onChain.contentCid()).isEqualTo(result.contentCid());
        assertThat(onChain.keyCommitment()).isEqualTo(result.keyCommitment());
        assertThat(onChain.licenseId()).isEqualTo(Licenses.idOf("CC-BY-4.0"));
        assertThat(alice.search().detail(listingId)).get().satisfies(detail -> {
            assertThat(detail.listing().title()).isEqualTo("Weather stations 2024");
            assertThat(detail.metadata()).get().satisfies(m -> {
                assertThat(m.files()).extracting(DatasetMetadata.FileEntry::path).containsExactly(
                        "weather-stations/README.md", "weather-stations/data/raw.bin",
                        "weather-stations/data/readings.csv");
                assertThat(m.previewCid()).isPresent();
            });
        });
    }

    @Test
    @Order(2)
    void bobFindsItBuysItGetsTheKeyAndDownloadsTheSameFiles() throws Exception {
        BigInteger aliceBefore = market.balance(alice.wallet.getAddress());
        BigInteger bobBefore = market.balance(bob.wallet.getAddress());
        BigInteger treasuryBefore = market.balance(market.addresses.treasury());

        assertThat(bob.sync()).isPositive();
        SearchPage found = bob.search().search(SearchService.query("weather", List.of("climate"), null, null,
                PRICE, null, SearchQuery.Sort.NEWEST, 0, 20));
        assertThat(found.listings()).extracting(Listing::listingId).containsExactly(listingId);
        assertThat(bob.search().search(SearchService.query("weather", List.of(), null, null,
                PRICE.subtract(BigInteger.ONE), null, SearchQuery.Sort.NEWEST, 0, 20)).listings()).isEmpty();
        assertThat(new String(bob.search().openPreview(listingId).readAllBytes())).contains("Weather stations");

        PurchaseQuote quote = bob.purchases().quote(listingId);
        BigInteger fee = PRICE.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        assertThat(quote.price()).isEqualTo(PRICE);
        assertThat(quote.fee()).isEqualTo(fee);
        assertThat(quote.sellerAmount()).isEqualTo(PRICE.subtract(fee));
        assertThat(quote.describe()).contains("12 DGT").contains("0.3 DGT");
        PurchaseResult purchase = bob.purchases().buy(listingId, quote.price(), PaymentMethod.APPROVE);
        assertThat(bob.purchases().purchases()).extracting(Purchase::purchaseId).contains(purchase.purchaseId());

        DeliveryReport report = alice.agent().deliverPending();
        assertThat(report.delivered()).containsExactly(purchase.purchaseId());
        assertThat(alice.agent().deliverPending().delivered()).as("never delivers twice").isEmpty();
        assertThat(alice.agent().sales()).singleElement().satisfies(sale -> {
            assertThat(sale.state()).isEqualTo(SaleRecord.State.DELIVERED);
            assertThat(sale.fee()).isEqualTo(fee);
            assertThat(sale.sellerAmount()).isEqualTo(PRICE.subtract(fee));
        });
        assertThat(alice.agent().earnings(java.time.ZoneOffset.UTC)).singleElement()
                .satisfies(point -> assertThat(point.amount()).isEqualTo(PRICE.subtract(fee)));

        Path target = work.resolve("bob-downloads");
        List<DownloadStep> steps = new ArrayList<>();
        DownloadResult result = bob.downloads().download(purchase.purchaseId(), target,
                (step, fraction, speed) -> steps.add(step));
        assertThat(steps).contains(DownloadStep.OPEN_KEY, DownloadStep.FETCH, DownloadStep.DECRYPT, DownloadStep.DONE);
        assertThat(result.files()).hasSize(3);
        Path downloaded = target.resolve("weather-stations");
        assertThat(MarketFixture.relativeFiles(target)).containsExactly("weather-stations/README.md",
                "weather-stations/data/raw.bin", "weather-stations/data/readings.csv");
        for (String file : MarketFixture.relativeFiles(folder)) {
            assertThat(Files.mismatch(folder.resolve(file), downloaded.resolve(file))).as(file).isEqualTo(-1L);
        }
        assertThat(bob.downloads().downloaded(purchase.purchaseId())).isPresent();

        assertThat(market.balance(bob.wallet.getAddress())).isEqualTo(bobBefore.subtract(PRICE));
        assertThat(market.balance(alice.wallet.getAddress())).isEqualTo(aliceBefore.add(PRICE).subtract(fee));
        assertThat(market.balance(market.addresses.treasury())).isEqualTo(treasuryBefore.add(fee));

        bob.purchases().rate(purchase.purchaseId(), 5);
        bob.sync();
        assertThat(bob.search().detail(listingId)).get().satisfies(d -> {
            assertThat(d.reputation().deliveries()).isEqualTo(1);
            // Recorded at once by the rating, then seen again as the Rated event: counted once.
            assertThat(d.listing().ratingCount()).isEqualTo(1);
            assertThat(d.listing().ratingSum()).isEqualTo(5);
            assertThat(d.listing().license()).isEqualTo("CC-BY-4.0");
        });
        assertThat(bob.purchases().purchases()).filteredOn(p -> p.purchaseId() == purchase.purchaseId())
                .singleElement().satisfies(p -> {
                    assertThat(p.status()).isEqualTo(Purchase.Status.DELIVERED);
                    assertThat(p.rating()).isEqualTo(5);
                    assertThat(p.seller()).isEqualTo(alice.wallet.getAddress().toLowerCase(Locale.ROOT));
                });
    }

    @Test
    @Order(3)
    void aPermitBuysInOneTransactionAndContributorsGetTheirShare() throws Exception {
        Path single = Files.writeString(work.resolve("labels.json"), "{\"labels\":[\"cat\",\"dog\"]}");
        String carol = market.sandbox.devAccount(4).getAddress();
        PublishResult published = alice.publisher().publish(new PublishRequest(single, "Pet labels", "Two labels",
                List.of("labels"), "CC0-1.0", PRICE, java.util.Optional.empty(),
                List.of(new PublishRequest.ContributorShare(carol, 1_000)), null), PublishListener.NONE);
        BigInteger carolBefore = market.balance(carol);
        BigInteger aliceBefore = market.balance(alice.wallet.getAddress());
        BigInteger nonceBefore = market.chain.minedNonce(bob.wallet.getAddress());

        PurchaseResult purchase = bob.purchases().buy(published.listingId(), PRICE, PaymentMethod.PERMIT);
        petListingId = published.listingId();
        petPurchaseId = purchase.purchaseId();
        assertThat(market.chain.minedNonce(bob.wallet.getAddress())).isEqualTo(nonceBefore.add(BigInteger.ONE));
        assertThat(alice.agent().deliverPending().delivered()).containsExactly(purchase.purchaseId());

        BigInteger fee = PRICE.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        BigInteger share = PRICE.subtract(fee).multiply(BigInteger.valueOf(1_000)).divide(BigInteger.valueOf(10_000));
        assertThat(market.balance(carol)).isEqualTo(carolBefore.add(share));
        assertThat(market.balance(alice.wallet.getAddress())).isEqualTo(aliceBefore.add(PRICE).subtract(fee).subtract(share));
        DownloadResult result = bob.downloads().download(purchase.purchaseId(), work.resolve("pets"), DownloadListener.NONE);
        assertThat(Files.readString(work.resolve("pets/labels.json"))).isEqualTo(Files.readString(single));
        assertThat(result.files()).singleElement().satisfies(f -> assertThat(f.path()).isEqualTo("labels.json"));
    }

    @Test
    @Order(4)
    void everyOtherMarketplaceEventReachesTheCacheAndReplayingThemChangesNothing() {
        String seller = alice.wallet.getAddress();
        BigInteger newPrice = PRICE.multiply(BigInteger.TWO);
        market.chain.send(alice.wallet, market.addresses.marketplace(), market.chain.marketplace()
                .setPrice(BigInteger.valueOf(petListingId), newPrice).encodeFunctionCall(), "change the price");
        market.chain.send(alice.wallet, market.addresses.marketplace(), market.chain.marketplace()
                .setPaused(BigInteger.valueOf(petListingId), true).encodeFunctionCall(), "pause");
        market.chain.send(alice.wallet, market.addresses.marketplace(), market.chain.marketplace()
                .delist(BigInteger.valueOf(listingId)).encodeFunctionCall(), "delist");
        bob.purchases().flagKeyMismatch(petPurchaseId);

        assertThat(bob.sync()).isPositive();
        Listing pets = bob.search().detail(petListingId).orElseThrow().listing();
        assertThat(pets.price()).isEqualTo(newPrice);
        assertThat(pets.status()).isEqualTo(Listing.Status.PAUSED);
        assertThat(pets.license()).isEqualTo("CC0-1.0");
        assertThat(bob.search().detail(listingId).orElseThrow().listing().status()).isEqualTo(Listing.Status.DELISTED);
        assertThat(bob.purchases().purchases()).filteredOn(p -> p.purchaseId() == petPurchaseId).singleElement()
                .satisfies(p -> assertThat(p.keyMismatch()).isTrue());
        assertThat(bob.database.dao(ReputationDao.class).of(seller.toLowerCase(Locale.ROOT)).flags()).isEqualTo(1);
        assertThat(bob.sync()).as("nothing new").isZero();

        // A cache filled before this indexer (by the app's former sync) has the rows but not the indexer's
        // cursor or event log: the indexer then reads from the deployment block again, over the same rows.
        List<String> before = rows(bob.database);
        bob.database.jdbi().useHandle(h -> {
            h.execute("DELETE FROM chain_event");
            h.execute("DELETE FROM indexer_block");
            h.execute("DELETE FROM indexer_cursor");
        });
        bob.restartIndexer();
        assertThat(bob.sync()).isPositive();
        assertThat(rows(bob.database)).isEqualTo(before);
    }

    /** Every chain-derived row of the cache, one line each, for comparing two states. */
    private static List<String> rows(CacheDatabase database) {
        List<String> rows = new ArrayList<>();
        for (String table : List.of("listing ORDER BY listing_id", "purchase ORDER BY purchase_id",
                "listing_flag ORDER BY listing_id, flagger", "listing_token ORDER BY listing_id, token",
                "listing_tag ORDER BY listing_id, tag")) {
            database.jdbi().useHandle(h -> h.createQuery("SELECT * FROM " + table).mapToMap().forEach(row -> {
                StringBuilder line = new StringBuilder(table.split(" ")[0]);
                for (Map.Entry<String, Object> column : row.entrySet()) {
                    Object value = column.getValue() instanceof byte[] bytes ? HexFormat.of().formatHex(bytes)
                            : column.getValue();
                    line.append(' ').append(column.getKey()).append('=').append(value);
                }
                rows.add(line.toString());
            }));
        }
        return rows;
    }
}
