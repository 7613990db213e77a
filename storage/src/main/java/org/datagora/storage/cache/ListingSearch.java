package org.datagora.storage.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * Full-text search over active listings' titles, descriptions and tags, with filters and sort, backed by a
 * word table in H2 (docs/decisions/0003-search-in-h2.md says why not H2's FullText).
 */
public final class ListingSearch {
    private final Jdbi jdbi;

    public ListingSearch(CacheDatabase database) {
        this.jdbi = database.jdbi();
        jdbi.registerRowMapper(ConstructorMapper.factory(Listing.class));
    }

    /** One page of active listings matching every word and filter of the query. */
    public SearchPage search(SearchQuery query) {
        StringBuilder sql = new StringBuilder("SELECT ").append(ListingDao.COLUMNS)
                .append(" FROM listing l WHERE l.status = 'ACTIVE'");
        List<String> terms = new ArrayList<>(SearchTokens.of(query.text()));
        for (int i = 0; i < terms.size(); i++) {
            // A range on the primary key (token, listing_id) is a prefix match the index answers directly.
            sql.append(" AND l.listing_id IN (SELECT listing_id FROM listing_token WHERE token >= :lo").append(i)
                    .append(" AND token < :hi").append(i).append(')');
        }
        for (int i = 0; i < query.tags().size(); i++) {
            sql.append(" AND l.listing_id IN (SELECT listing_id FROM listing_tag WHERE tag = :tag").append(i).append(')');
        }
        query.license().ifPresent(v -> sql.append(" AND l.license = :license"));
        query.minPrice().ifPresent(v -> sql.append(" AND l.price >= :minPrice"));
        query.maxPrice().ifPresent(v -> sql.append(" AND l.price <= :maxPrice"));
        query.seller().ifPresent(v -> sql.append(" AND l.seller = :seller"));
        sql.append(switch (query.sort()) {
            case NEWEST -> " ORDER BY l.created_block DESC, l.listing_id DESC";
            case PRICE_ASC -> " ORDER BY l.price, l.listing_id";
            case PRICE_DESC -> " ORDER BY l.price DESC, l.listing_id DESC";
            case RATING -> " ORDER BY l.rating_avg DESC, l.rating_count DESC, l.listing_id DESC";
        });
        sql.append(" LIMIT :limit OFFSET :offset");

        List<Listing> rows = jdbi.withHandle(h -> {
            Query q = h.createQuery(sql.toString());
            for (int i = 0; i < terms.size(); i++) {
                q.bind("lo" + i, terms.get(i)).bind("hi" + i, terms.get(i) + Character.MAX_VALUE);
            }
            for (int i = 0; i < query.tags().size(); i++) {
                q.bind("tag" + i, query.tags().get(i).trim().toLowerCase(Locale.ROOT));
            }
            query.license().ifPresent(v -> q.bind("license", v));
            query.minPrice().ifPresent(v -> q.bind("minPrice", v));
            query.maxPrice().ifPresent(v -> q.bind("maxPrice", v));
            query.seller().ifPresent(v -> q.bind("seller", v.toLowerCase(Locale.ROOT)));
            // One row more than a page tells whether another page follows, without counting every match.
            return q.bind("limit", query.pageSize() + 1)
                    .bind("offset", (long) query.page() * query.pageSize())
                    .mapTo(Listing.class).list();
        });
        boolean hasMore = rows.size() > query.pageSize();
        return new SearchPage(hasMore ? rows.subList(0, query.pageSize()) : rows, query.page(), query.pageSize(),
                hasMore);
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
