package org.datagora.storage.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.datagora.storage.bench.SyntheticListings;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Search picks a plan by how many listings each condition matches (a narrow condition drives, broad ones
 * are looked for at the top of the sort's index, rare combinations fall back to intersected ids). With
 * thresholds scaled to a few thousand generated listings, so that every plan is reached, each answer must
 * equal the one plain SQL gives.
 */
class ListingSearchPlansTest {
    private static final int LISTINGS = 3000;

    @TempDir
    static Path dir;
    static CacheDatabase db;
    static ListingSearch search;
    static SyntheticListings data;

    @BeforeAll
    static void fill() {
        db = CacheDatabase.open(dir, Optional.empty());
        data = new SyntheticListings(42);
        data.fill(db, 1, LISTINGS);
        // Thresholds scaled down with the number of listings, as the defaults are for a hundred thousand.
        search = new ListingSearch(db, 60, 200);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void everyPlanAnswersWhatPlainSqlAnswers() {
        Random random = new Random(3);
        List<SearchQuery> queries = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            SearchQuery.Sort sort = SearchQuery.Sort.values()[i % SearchQuery.Sort.values().length];
            int page = random.nextInt(4);
            queries.add(SearchQuery.all().sortedBy(sort).page(page, 20));
            queries.add(SearchQuery.all().withText(data.word()).sortedBy(sort).page(page, 20));
            queries.add(SearchQuery.all().withText(data.word() + " " + data.word()).sortedBy(sort));
            queries.add(SearchQuery.all().withText(data.word().substring(0, 2)).sortedBy(sort).page(page, 20));
            queries.add(SearchQuery.all().withTags(random.nextBoolean() ? "images" : "text").sortedBy(sort));
            queries.add(SearchQuery.all().withText(data.word()).withLicense("CC0-1.0")
                    .withPriceRange(BigInteger.TEN.pow(15), BigInteger.TEN.pow(17)).sortedBy(sort));
            queries.add(SearchQuery.all().withPriceRange(BigInteger.TEN.pow(14), BigInteger.TEN.pow(14).multiply(
                    BigInteger.valueOf(2))).sortedBy(sort).page(page, 20));
            queries.add(SearchQuery.all().withSeller(String.format("0x%040x", 1 + random.nextInt(10)))
                    .withText(data.word()).sortedBy(sort));
        }
        int nonEmpty = 0;
        for (SearchQuery query : queries) {
            List<Long> expected = plainSql(query);
            assertThat(search.search(query).listings()).as(query.toString())
                    .extracting(Listing::listingId).containsExactlyElementsOf(expected);
            nonEmpty += expected.isEmpty() ? 0 : 1;
        }
        assertThat(nonEmpty).as("queries with answers").isGreaterThan(queries.size() / 2);
        assertThat(search.plansUsed()).as("every plan was reached").allSatisfy((plan, used) -> assertThat(used).isPositive());
    }

    /** The answer without any plan: every condition as a filter, one sort. */
    private static List<Long> plainSql(SearchQuery query) {
        StringBuilder sql = new StringBuilder("SELECT listing_id FROM listing l WHERE status = 'ACTIVE'");
        List<String> terms = new ArrayList<>(SearchTokens.of(query.text()));
        for (int i = 0; i < terms.size(); i++) {
            sql.append(" AND listing_id IN (SELECT listing_id FROM listing_token WHERE token >= :lo").append(i)
                    .append(" AND token < :hi").append(i).append(')');
        }
        for (int i = 0; i < query.tags().size(); i++) {
            sql.append(" AND listing_id IN (SELECT listing_id FROM listing_tag WHERE tag = :tag").append(i).append(')');
        }
        query.license().ifPresent(v -> sql.append(" AND license = :license"));
        query.minPrice().ifPresent(v -> sql.append(" AND price >= :minPrice"));
        query.maxPrice().ifPresent(v -> sql.append(" AND price <= :maxPrice"));
        query.seller().ifPresent(v -> sql.append(" AND seller = :seller"));
        sql.append(switch (query.sort()) {
            case NEWEST -> " ORDER BY created_block DESC, listing_id DESC";
            case PRICE_ASC -> " ORDER BY price, listing_id";
            case PRICE_DESC -> " ORDER BY price DESC, listing_id DESC";
            case RATING -> " ORDER BY rating_avg DESC, rating_count DESC, listing_id DESC";
        }).append(" LIMIT :limit OFFSET :offset");
        return db.jdbi().withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            for (int i = 0; i < terms.size(); i++) {
                q.bind("lo" + i, terms.get(i)).bind("hi" + i, terms.get(i) + Character.MAX_VALUE);
            }
            for (int i = 0; i < query.tags().size(); i++) {
                q.bind("tag" + i, query.tags().get(i).toLowerCase(Locale.ROOT));
            }
            query.license().ifPresent(v -> q.bind("license", v));
            query.minPrice().ifPresent(v -> q.bind("minPrice", v));
            query.maxPrice().ifPresent(v -> q.bind("maxPrice", v));
            query.seller().ifPresent(v -> q.bind("seller", v));
            return q.bind("limit", query.pageSize()).bind("offset", (long) query.page() * query.pageSize())
                    .mapTo(Long.class).list();
        });
    }
}
