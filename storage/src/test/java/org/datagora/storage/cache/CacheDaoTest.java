package org.datagora.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDaoTest {
    @TempDir
    Path dir;
    CacheDatabase db;

    @BeforeEach
    void open() {
        db = CacheDatabase.open(dir, Optional.empty());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void purchasesAndSalesFeedTheSellersReputation() {
        ListingDao listings = db.dao(ListingDao.class);
        PurchaseDao purchases = db.dao(PurchaseDao.class);
        ReputationDao reputation = db.dao(ReputationDao.class);
        listings.insertListed(1, "0xseller", "c", "m", "0x00", BigInteger.TEN, "CC0-1.0", 86_400, null, 1, 1000);
        listings.insertListed(2, "0xseller", "c2", "m2", "0x00", BigInteger.TEN, "CC0-1.0", 86_400, 1L, 2, 1001);
        assertThat(listings.find(2)).get().extracting(Listing::version).isEqualTo(2);
        assertThat(listings.newerVersions(1)).extracting(Listing::listingId).containsExactly(2L);
        purchases.insertEscrowed(100, 1, "0xbuyer1", "0xseller", BigInteger.TEN, new byte[32], 2000 + 86_400, 2, 2000);
        purchases.insertEscrowed(101, 1, "0xbuyer2", "0xseller", BigInteger.TEN, new byte[32], 3000 + 86_400, 3, 3000);
        purchases.insertEscrowed(102, 1, "0xbuyer1", "0xseller", BigInteger.TEN, new byte[32], 4000 + 86_400, 4, 4000);
        purchases.markDelivered(100, new byte[] {9, 9}, 5, 2600);
        purchases.markDelivered(101, new byte[] {8}, 6, 3200);
        purchases.markRefunded(102, 7);
        purchases.rate(100, 5, 8);
        purchases.rate(101, 3, 8);
        reputation.flag(1, "0xbuyer2", "0xseller", "key mismatch", 9);
        purchases.flagKeyMismatch(101, 9);

        assertThat(purchases.purchasesOf("0xbuyer1")).extracting(Purchase::purchaseId).containsExactly(102L, 100L);
        assertThat(purchases.find(100)).get().satisfies(p -> {
            assertThat(p.status()).isEqualTo(Purchase.Status.DELIVERED);
            assertThat(p.wrappedKey()).containsExactly(9, 9);
        });
        assertThat(purchases.salesOf("0xseller")).hasSize(3);
        assertThat(reputation.of("0xseller")).isEqualTo(
                new SellerReputation("0xseller", 3, 2, 1, 400.0, 2, 4.0, 1));
        assertThat(reputation.of("0xnobody")).isEqualTo(new SellerReputation("0xnobody", 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void tasksAndClaimsFollowCommitAndReveal() {
        TaskDao tasks = db.dao(TaskDao.class);
        tasks.insertTask(5, "0xreq", "0x01", "0x02", 100, 10, 3, BigInteger.valueOf(1000), BigInteger.ZERO, 1, 1000);
        tasks.insertClaim(9, 5, "0xlab", 2, 2);
        tasks.commit(9, "0x" + "ab".repeat(32), 3);
        tasks.reveal(9, "bafylabels", 4);
        tasks.settleClaim(9, TaskClaim.Status.ACCEPTED, 5);
        tasks.updateTaskStatus(5, LabelingTask.Status.CLOSED, 5);

        assertThat(tasks.findTask(5)).get().extracting(LabelingTask::status).isEqualTo(LabelingTask.Status.CLOSED);
        assertThat(tasks.taskOf(9)).contains(5L);
        assertThat(tasks.claims(5)).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo(TaskClaim.Status.ACCEPTED);
            assertThat(c.labelsCid()).isEqualTo("bafylabels");
            assertThat(c.batchIndex()).isEqualTo(2);
        });
        assertThat(tasks.claimsOf("0xlab")).hasSize(1);
        assertThat(tasks.openTasks(10, 0)).isEmpty();
    }

    @Test
    void labelDraftsAreSavedAndReplacedAsTheUserTypes() {
        LabelDraftDao drafts = db.dao(LabelDraftDao.class);
        drafts.save(5, 0, "{\"label\":\"ca\"}", 1);
        drafts.save(5, 0, "{\"label\":\"cat\"}", 2);
        drafts.save(5, 1, "{\"label\":\"dog\"}", 3);
        assertThat(drafts.forTask(5)).extracting(LabelDraft::labelJson)
                .containsExactly("{\"label\":\"cat\"}", "{\"label\":\"dog\"}");
        drafts.discard(5);
        assertThat(drafts.forTask(5)).isEmpty();
    }

    @Test
    void metadataDocumentsAreParsedStrictly() {
        ListingMetadata m = ListingMetadata.parse(
                "{\"title\":\" Cats \",\"description\":\"d\",\"tags\":[\"Images\",\"images\",\" X \"]}".getBytes());
        assertThat(m).isEqualTo(new ListingMetadata("Cats", "d", java.util.List.of("images", "x")));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListingMetadata.parse("{\"title\":".getBytes()))
                .hasMessageStartingWith("The listing metadata is not valid JSON");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ListingMetadata.parse("{\"description\":\"x\"}".getBytes()))
                .hasMessage("The listing metadata has no title.");
    }
}
