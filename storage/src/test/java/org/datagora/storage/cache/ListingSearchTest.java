package org.datagora.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ListingSearchTest {
    @TempDir
    static Path dir;
    static CacheDatabase db;
    static ListingSearch search;

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(dir, Optional.empty());
        search = new ListingSearch(db);
        add(1, "0xaaa", 100, "CC-BY-4.0", 10, "Street cats of Lisbon", "Photos of cats, labeled by breed.", "images", "cats");
        add(2, "0xbbb", 50, "CC0-1.0", 11, "Spam and ham mails", "The SpamAssassin corpus, cleaned.", "text", "spam");
        add(3, "0xaaa", 300, "CC-BY-4.0", 12, "Catalan weather", "Hourly weather in Catalonia, 2010 to 2020.", "tabular", "weather");
        add(4, "0xccc", 200, "CC-BY-4.0", 13, "Café receipts", "Scanned receipts from cafés, labelled totals.", "images", "text");
        db.jdbi().useHandle(h -> {
            ListingDao dao = h.attach(ListingDao.class);
            dao.addRating(1, 5, 20);
            dao.addRating(3, 4, 20);
            dao.addRating(3, 2, 21);
        });
        // A delisted listing and one whose metadata is not fetched yet never show up for words.
        add(5, "0xaaa", 10, "CC0-1.0", 14, "Delisted cats", "gone", "cats");
        db.dao(ListingDao.class).updateStatus(5, Listing.Status.DELISTED, 15);
        db.dao(ListingDao.class).insertListed(6, "0xddd", "c6", "m6", "0x00", BigInteger.ONE, "CC0-1.0", 86_400, null, 16, 0);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void matchesWordPrefixesInTitleDescriptionAndTags() {
        assertThat(ids(SearchQuery.all().withText("cat"))).containsExactly(3L, 1L);
        assertThat(ids(SearchQuery.all().withText("CATS lisbon"))).containsExactly(1L);
        assertThat(ids(SearchQuery.all().withText("spamassassin"))).containsExactly(2L);
        assertThat(ids(SearchQuery.all().withText("cafe"))).containsExactly(4L);
        assertThat(ids(SearchQuery.all().withText("weather"))).containsExactly(3L);
        assertThat(ids(SearchQuery.all().withText("nothing-like-this"))).isEmpty();
    }

    @Test
    void filtersByTagsLicensePriceAndSeller() {
        assertThat(ids(SearchQuery.all().withTags("images"))).containsExactly(4L, 1L);
        assertThat(ids(SearchQuery.all().withTags("images", "text"))).containsExactly(4L);
        assertThat(ids(SearchQuery.all().withLicense("CC0-1.0"))).containsExactly(6L, 2L);
        assertThat(ids(SearchQuery.all().withPriceRange(BigInteger.valueOf(100), BigInteger.valueOf(200))))
                .containsExactly(4L, 1L);
        assertThat(ids(SearchQuery.all().withSeller("0xAAA"))).containsExactly(3L, 1L);
        assertThat(ids(SearchQuery.all().withText("cat").withSeller("0xaaa").withLicense("CC-BY-4.0")
                .withPriceRange(null, BigInteger.valueOf(150)))).containsExactly(1L);
    }

    @Test
    void sortsByNewestPriceAndRating() {
        assertThat(ids(SearchQuery.all())).containsExactly(6L, 4L, 3L, 2L, 1L);
        assertThat(ids(SearchQuery.all().sortedBy(SearchQuery.Sort.PRICE_ASC))).containsExactly(6L, 2L, 1L, 4L, 3L);
        assertThat(ids(SearchQuery.all().sortedBy(SearchQuery.Sort.PRICE_DESC))).containsExactly(3L, 4L, 1L, 2L, 6L);
        assertThat(ids(SearchQuery.all().sortedBy(SearchQuery.Sort.RATING)).subList(0, 2)).containsExactly(1L, 3L);
    }

    @Test
    void pagesThroughResults() {
        SearchPage first = search.search(SearchQuery.all().page(0, 2));
        SearchPage last = search.search(SearchQuery.all().page(2, 2));
        assertThat(first.listings()).extracting(Listing::listingId).containsExactly(6L, 4L);
        assertThat(first.hasMore()).isTrue();
        assertThat(last.listings()).extracting(Listing::listingId).containsExactly(1L);
        assertThat(last.hasMore()).isFalse();
    }

    @Test
    void returnsTheVerifiedMetadataWithTheListing() {
        Listing listing = search.search(SearchQuery.all().withText("receipts")).listings().get(0);
        assertThat(listing.title()).isEqualTo("Café receipts");
        assertThat(listing.tagList()).containsExactly("images", "text");
        assertThat(listing.metadataState()).isEqualTo(Listing.MetadataState.VERIFIED);
        assertThat(listing.price()).isEqualTo(BigInteger.valueOf(200));
    }

    private static List<Long> ids(SearchQuery query) {
        return search.search(query).listings().stream().map(Listing::listingId).toList();
    }

    private static void add(long id, String seller, long price, String license, long block, String title,
            String description, String... tags) {
        db.jdbi().useTransaction(h -> {
            h.attach(ListingDao.class).insertListed(id, seller, "content" + id, "meta" + id, "0x00", BigInteger.valueOf(price),
                    license, 86_400, null, block, 1_700_000_000L + block);
            ListingSearch.index(h, id, new ListingMetadata(title, description, List.of(tags)));
        });
    }
}
