package org.datagora.storage.cache;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.LongStream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Full-text search over active listings' titles, descriptions and tags, with filters and sort, backed by a
 * word table in H2 (docs/decisions/0003-search-in-h2.md says why not H2's FullText).
 */
public final class ListingSearch {
    /** How a page was found; counted for the benchmark and the tests. */
    public enum Plan {
        /** A narrow condition's ids drove. */
        NARROW,
        /** Listings were read in the sort's index order. */
        INDEX_ORDER,
        /** The page was found among the top listings of the sort's index. */
        WINDOW,
        /** The conditions' ids were intersected. */
        INTERSECTION
    }

    /**
     * A condition (a word, a tag, the seller, or the license with the price range) drives the query when it
     * matches fewer listings than this: its ids come from its index, and the listings they name are filtered
     * and sorted in memory.
     */
    static final int NARROW_MATCHES = 2000;

    /**
     * With only broad conditions, the matches are first looked for among this many listings at the top of
     * the sort's index; that answers a page unless the conditions together are rare, when their ids are
     * intersected instead.
     */
    static final int WINDOW = 4000;

    private final Jdbi jdbi;
    private final int narrowMatches;
    private final int window;
    private final Map<Plan, LongAdder> plans = new EnumMap<>(Plan.class);

    public ListingSearch(CacheDatabase database) {
        this(database, NARROW_MATCHES, WINDOW);
    }

    /** With other thresholds, so that tests reach every plan over a few thousand listings. */
    ListingSearch(CacheDatabase database, int narrowMatches, int window) {
        this.narrowMatches = narrowMatches;
        this.window = window;
        this.jdbi = database.jdbi();
        jdbi.registerRowMapper(ConstructorMapper.factory(Listing.class));
        for (Plan plan : Plan.values()) {
            plans.put(plan, new LongAdder());
        }
    }

    /** How often each plan answered a search of this instance. */
    public Map<Plan, Long> plansUsed() {
        Map<Plan, Long> used = new EnumMap<>(Plan.class);
        plans.forEach((plan, count) -> used.put(plan, count.sum()));
        return used;
    }

    /**
     * One page of active listings matching every word and filter of the query. The plan depends on how
     * many listings the conditions match (docs/decisions/0003-search-in-h2.md): a narrow condition drives;
     * otherwise the top of the sort's index is searched, and if the matches are too rare there, the
     * intersection of every condition's ids (read from their indexes alone) drives.
     */
    public SearchPage search(SearchQuery query) {
        List<Listing> rows = jdbi.withHandle(h -> {
            List<Condition> sets = conditions(query);
            Optional<Condition> narrow = smallest(h, sets, narrowMatches);
            if (narrow.isPresent()) {
                plans.get(Plan.NARROW).increment();
                return list(h, query, sets, narrow, Optional.empty());
            }
            long offset = (long) query.page() * query.pageSize();
            Optional<Object> edge = sets.isEmpty() ? Optional.empty()
                    : windowEdge(h, query.sort(), Math.max(window, offset + query.pageSize()));
            if (edge.isEmpty()) {
                // No filter, or fewer listings than the window holds: reading in index order is cheap either way.
                plans.get(Plan.INDEX_ORDER).increment();
                return list(h, query, sets, Optional.empty(), Optional.empty());
            }
            List<Listing> windowed = list(h, query, sets, Optional.empty(), edge);
            if (windowed.size() > query.pageSize()) {
                // Every listing outside the window sorts after it, so a full page found inside is the page.
                plans.get(Plan.WINDOW).increment();
                return windowed;
            }
            plans.get(Plan.INTERSECTION).increment();
            long[] ids = intersection(h, sets);
            return ids.length == 0 ? List.<Listing>of()
                    : list(h, query, List.of(), Optional.of(Condition.ofIds(ids)), Optional.empty());
        });
        boolean hasMore = rows.size() > query.pageSize();
        return new SearchPage(hasMore ? rows.subList(0, query.pageSize()) : rows, query.page(), query.pageSize(),
                hasMore);
    }

    /**
     * The ids of the listings every condition matches, read from the conditions' indexes alone and
     * intersected here (H2 evaluates an INTERSECT inside an IN again for every row). All conditions are
     * broad by now, so counting them first to order them would cost about as much as reading them.
     */
    private static long[] intersection(Handle h, List<Condition> sets) {
        long[] ids = null;
        for (Condition set : sets) {
            long[] these = set.ids(h);
            Arrays.sort(these);
            ids = ids == null ? these : intersect(ids, these);
            if (ids.length == 0) {
                break;
            }
        }
        return ids;
    }

    private static long[] intersect(long[] a, long[] b) {
        long[] both = new long[Math.min(a.length, b.length)];
        int n = 0;
        for (int i = 0, j = 0; i < a.length && j < b.length; ) {
            if (a[i] < b[j]) {
                i++;
            } else if (a[i] > b[j]) {
                j++;
            } else {
                if (n == 0 || both[n - 1] != a[i]) {
                    both[n++] = a[i];
                }
                i++;
                j++;
            }
        }
        return Arrays.copyOf(both, n);
    }

    /** The condition that matches fewest listings, if one matches fewer than {@code cap}. */
    private static Optional<Condition> smallest(Handle h, List<Condition> sets, int cap) {
        Condition fewest = null;
        int least = cap;
        for (Condition set : sets) {
            int matches = set.countAtMost(h, least);
            if (matches < least) {
                least = matches;
                fewest = set;
            }
        }
        return Optional.ofNullable(fewest);
    }

    /**
     * The value of the sort's first column at the listing {@code size} places down the sort's index, if
     * there are that many: the listings before it and those tied with it are a prefix of the order.
     */
    private static Optional<Object> windowEdge(Handle h, SearchQuery.Sort sort, long size) {
        return h.createQuery("SELECT " + firstColumn(sort) + " FROM listing WHERE status = 'ACTIVE' ORDER BY status, "
                        + order(sort) + " LIMIT 1 OFFSET :size")
                .bind("size", size).map((rs, ctx) -> rs.getObject(1)).findOne();
    }

    private static String firstColumn(SearchQuery.Sort sort) {
        return switch (sort) {
            case NEWEST -> "created_block";
            case PRICE_ASC, PRICE_DESC -> "price";
            case RATING -> "rating_avg";
        };
    }

    private static String order(SearchQuery.Sort sort) {
        return switch (sort) {
            case NEWEST -> "created_block DESC, listing_id DESC";
            case PRICE_ASC -> "price, listing_id";
            case PRICE_DESC -> "price DESC, listing_id DESC";
            case RATING -> "rating_avg DESC, rating_count DESC, listing_id DESC";
        };
    }

    /**
     * One page plus one row. With a {@code driver}, the listings it names are filtered and sorted; without,
     * listings are read in the sort's index order until the page is full, only as far as {@code edge} if
     * one is given.
     */
    private static List<Listing> list(Handle h, SearchQuery query, List<Condition> sets, Optional<Condition> driver,
            Optional<Object> edge) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ListingDao.COLUMNS)
                .append(" FROM listing l WHERE l.status = 'ACTIVE'");
        edge.ifPresent(v -> sql.append(" AND l.").append(firstColumn(query.sort()))
                .append(query.sort() == SearchQuery.Sort.PRICE_ASC ? " <= :edge" : " >= :edge"));
        driver.ifPresent(d -> sql.append(" AND ").append(d.driver()));
        for (Condition set : sets) {
            if (driver.isEmpty() || set != driver.get()) {
                sql.append(" AND ").append(set.filter());
            }
        }
        // Leading with the status that the WHERE clause fixes lets H2 walk the sort's index and stop after a
        // page: it does not skip an index's leading column on its own. A driver's few matches sort in memory.
        sql.append(" ORDER BY ").append(driver.isEmpty() ? "l.status, " : "").append(order(query.sort()))
                .append(" LIMIT :limit OFFSET :offset");

        Query q = h.createQuery(sql.toString());
        sets.forEach(set -> set.bind(q));
        driver.ifPresent(d -> d.bind(q));
        edge.ifPresent(v -> q.bind("edge", v));
        // One row more than a page tells whether another page follows, without counting every match.
        return q.bind("limit", query.pageSize() + 1).bind("offset", (long) query.page() * query.pageSize())
                .mapTo(Listing.class).list();
    }

    /** The query's words, tags, seller, and license with price range: each a set of ids an index answers. */
    private static List<Condition> conditions(SearchQuery query) {
        List<Condition> sets = new ArrayList<>();
        List<String> terms = new ArrayList<>(SearchTokens.of(query.text()));
        for (int i = 0; i < terms.size(); i++) {
            // A range on the primary key (token, listing_id) is a prefix match the index answers directly.
            String range = "token >= :lo" + i + " AND token < :hi" + i;
            String term = terms.get(i);
            String lo = "lo" + i;
            String hi = "hi" + i;
            sets.add(new Condition("SELECT listing_id FROM listing_token WHERE " + range,
                    "EXISTS (SELECT 1 FROM listing_token t WHERE t.listing_id = l.listing_id AND t." + range + ")",
                    q -> q.bind(lo, term).bind(hi, term + Character.MAX_VALUE)));
        }
        for (int i = 0; i < query.tags().size(); i++) {
            String name = "tag" + i;
            String tag = query.tags().get(i).trim().toLowerCase(Locale.ROOT);
            sets.add(new Condition("SELECT listing_id FROM listing_tag WHERE tag = :" + name,
                    "EXISTS (SELECT 1 FROM listing_tag t WHERE t.listing_id = l.listing_id AND t.tag = :" + name + ")",
                    q -> q.bind(name, tag)));
        }
        query.seller().ifPresent(seller -> sets.add(new Condition(
                "SELECT listing_id FROM listing WHERE seller = :seller", "l.seller = :seller",
                q -> q.bind("seller", seller.toLowerCase(Locale.ROOT)))));
        if (query.license().isPresent() || query.minPrice().isPresent() || query.maxPrice().isPresent()) {
            // One range scan of the index (status, license, price), or (status, price) without a license.
            List<String> where = new ArrayList<>();
            query.license().ifPresent(v -> where.add("license = :license"));
            query.minPrice().ifPresent(v -> where.add("price >= :minPrice"));
            query.maxPrice().ifPresent(v -> where.add("price <= :maxPrice"));
            sets.add(new Condition("SELECT listing_id FROM listing WHERE status = 'ACTIVE' AND "
                    + String.join(" AND ", where), "l." + String.join(" AND l.", where), q -> {
                        query.license().ifPresent(v -> q.bind("license", v));
                        query.minPrice().ifPresent(v -> q.bind("minPrice", v));
                        query.maxPrice().ifPresent(v -> q.bind("maxPrice", v));
                    }));
        }
        return sets;
    }

    /**
     * A condition on listings that an index can answer as a set of ids ({@code matching}, a SELECT of
     * listing_id) or that can be checked on one listing {@code l} ({@code filter}); {@code binds} sets the
     * parameters both share.
     */
    private record Condition(String matching, String driver, String filter, Consumer<SqlStatement<?>> binds) {

        Condition(String matching, String filter, Consumer<SqlStatement<?>> binds) {
            this(matching, "l.listing_id IN (" + matching + ")", filter, binds);
        }

        /** Listings named by id: drives only. */
        static Condition ofIds(long[] ids) {
            Long[] boxed = Arrays.stream(ids).boxed().toArray(Long[]::new);
            return new Condition("", "l.listing_id = ANY(:ids)", "",
                    q -> q.bindArray("ids", Long.class, (Object[]) boxed));
        }

        long[] ids(Handle h) {
            Query select = h.createQuery(matching);
            binds.accept(select);
            return select.scanResultSet((results, context) -> {
                ResultSet rows = results.get();
                LongStream.Builder ids = LongStream.builder();
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
                return ids.build().toArray();
            });
        }

        int countAtMost(Handle h, int cap) {
            Query count = h.createQuery("SELECT COUNT(*) FROM (" + matching + " LIMIT :cap)");
            binds.accept(count);
            return count.bind("cap", cap).mapTo(Integer.class).one();
        }

        void bind(Query q) {
            binds.accept(q);
        }
    }

    /**
     * Copies verified metadata onto a listing and indexes its words and tags, inside the caller's
     * transaction. Re-indexing replaces what was there.
     */
    public static void index(Handle handle, long listingId, ListingMetadata metadata) {
        indexAll(handle, Map.of(listingId, metadata));
    }

    /** {@link #index} for many listings at once, in a few batched statements. */
    public static void indexAll(Handle handle, Map<Long, ListingMetadata> metadata) {
        if (metadata.isEmpty()) {
            return;
        }
        PreparedBatch apply = handle.prepareBatch("UPDATE listing SET title = :title, description = :description,"
                + " tags = :tags, metadata_state = 'VERIFIED' WHERE listing_id = :id");
        PreparedBatch clearWords = handle.prepareBatch("DELETE FROM listing_token WHERE listing_id = :id");
        PreparedBatch clearTags = handle.prepareBatch("DELETE FROM listing_tag WHERE listing_id = :id");
        PreparedBatch words = handle.prepareBatch("INSERT INTO listing_token (token, listing_id) VALUES (:t, :id)");
        PreparedBatch tags = handle.prepareBatch("INSERT INTO listing_tag (tag, listing_id) VALUES (:t, :id)");
        boolean anyWord = false;
        boolean anyTag = false;
        for (Map.Entry<Long, ListingMetadata> entry : metadata.entrySet()) {
            long id = entry.getKey();
            ListingMetadata m = entry.getValue();
            apply.bind("title", m.title()).bind("description", m.description()).bind("tags", m.joinedTags())
                    .bind("id", id).add();
            clearWords.bind("id", id).add();
            clearTags.bind("id", id).add();
            for (String token : SearchTokens.of(m.title(), m.description(), String.join(" ", m.tags()))) {
                words.bind("t", token).bind("id", id).add();
                anyWord = true;
            }
            for (String tag : m.tags()) {
                tags.bind("t", tag).bind("id", id).add();
                anyTag = true;
            }
        }
        apply.execute();
        clearWords.execute();
        clearTags.execute();
        if (anyWord) {
            words.execute();
        }
        if (anyTag) {
            tags.execute();
        }
    }
}
