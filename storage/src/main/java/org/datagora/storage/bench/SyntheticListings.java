package org.datagora.storage.bench;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Random;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingMetadata;
import org.datagora.storage.cache.ListingSearch;
import org.jdbi.v3.core.Handle;

/**
 * Fills a cache with generated listings for the search benchmark: a fixed seed, a skewed vocabulary (a few
 * words are very common, most are rare, as in real titles), ten sellers, four licenses, random prices.
 */
public final class SyntheticListings {
    static final String[] LICENSES = {"CC0-1.0", "CC-BY-4.0", "CC-BY-SA-4.0", "ODbL-1.0"};
    static final String[] TAGS = {"images", "text", "audio", "tabular", "video", "medical", "finance", "weather",
        "spam", "cats", "traffic", "speech", "receipts", "satellite", "genomics", "sports"};
    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ra", "te", "vu", "sen", "dor", "pha", "qui",
        "bel", "nix", "or", "tan", "gre", "zu", "cat", "dat", "lab", "set"};

    private final List<String> vocabulary = new ArrayList<>();
    private final Random random;

    public SyntheticListings(long seed) {
        random = new Random(seed);
        for (String a : SYLLABLES) {
            for (String b : SYLLABLES) {
                for (String c : new String[] {"", "s", "ion", "er", "al"}) {
                    vocabulary.add(a + b + c);
                }
            }
        }
    }

    /** A word drawn with a skew: the first words of the vocabulary come up far more often. */
    public String word() {
        double u = random.nextDouble();
        return vocabulary.get((int) (u * u * u * vocabulary.size()));
    }

    /** Inserts listings with ids from {@code firstId}, indexed for search, in large transactions. */
    public void fill(CacheDatabase db, long firstId, int count) {
        int batch = 2000;
        for (int start = 0; start < count; start += batch) {
            int end = Math.min(count, start + batch);
            long from = firstId + start;
            long to = firstId + end;
            db.jdbi().useTransaction(h -> insert(h, from, to));
        }
    }

    private void insert(Handle h, long from, long to) {
        ListingDao dao = h.attach(ListingDao.class);
        Map<Long, ListingMetadata> metadata = new HashMap<>();
        for (long id = from; id < to; id++) {
            String seller = String.format("0x%040x", 1 + random.nextInt(10));
            BigInteger price = BigInteger.valueOf(1 + random.nextInt(1_000_000)).multiply(BigInteger.TEN.pow(12));
            dao.insertListed(id, seller, "bafycontent" + id, "bafymeta" + id, "0x" + "ab".repeat(32), price,
                    LICENSES[random.nextInt(LICENSES.length)], 86_400, null, id / 10, 1_700_000_000L + id);
            metadata.put(id, new ListingMetadata(sentence(3 + random.nextInt(5)),
                    sentence(20 + random.nextInt(40)), List.of(TAGS[random.nextInt(TAGS.length)],
                            TAGS[random.nextInt(TAGS.length)])));
            if (random.nextInt(4) == 0) {
                dao.addRating(id, 1 + random.nextInt(5), id / 10);
            }
        }
        ListingSearch.indexAll(h, metadata);
    }

    private String sentence(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            text.append(i == 0 ? "" : " ").append(word());
        }
        return text.toString();
    }
}
