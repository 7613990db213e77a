package org.datagora.app.market;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.datagora.storage.cache.ListingDao;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.ReputationDao;
import org.datagora.storage.cache.SearchPage;
import org.datagora.storage.cache.SearchQuery;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidVerifyingInputStream;
import org.datagora.storage.store.ContentStore;

/**
 * Browsing the marketplace from the local cache, so it stays fast with many listings and works offline:
 * search with filters, sort and paging; a listing's detail with the seller's reputation; its preview.
 */
public final class SearchService {

    private final MarketCache cache;
    private final ListingSearch search;
    private final ContentStore store;

    public SearchService(MarketCache cache, ContentStore store) {
        this.cache = cache;
        this.search = new ListingSearch(cache.database());
        this.store = store;
    }

    /** One page of active listings matching {@code query} (see {@link SearchQuery#all()} and its with-methods). */
    public SearchPage search(SearchQuery query) {
        return search.search(query);
    }

    /** A query from the usual inputs: words, tags, license, a price range (wei, either end open), seller, sort. */
    public static SearchQuery query(String text, List<String> tags, String license, BigInteger minPrice,
                                    BigInteger maxPrice, String seller, SearchQuery.Sort sort, int page, int pageSize) {
        SearchQuery query = SearchQuery.all().withText(text).withTags(tags.toArray(String[]::new))
                .withPriceRange(minPrice, maxPrice).sortedBy(sort == null ? SearchQuery.Sort.NEWEST : sort)
                .page(page, pageSize);
        if (license != null && !license.isBlank()) {
            query = query.withLicense(Licenses.canonical(license));
        }
        if (seller != null && !seller.isBlank()) {
            query = query.withSeller(MarketCache.lower(seller.strip()));
        }
        return query;
    }

    /** A listing with its metadata and the seller's reputation, empty if the cache does not know it. */
    public Optional<ListingDetail> detail(long listingId) {
        return cache.database().dao(ListingDao.class).find(listingId).map(listing -> new ListingDetail(listing,
                cache.metadata(listing.metadataCid()).flatMap(SearchService::parse),
                cache.database().dao(ReputationDao.class).of(listing.seller())));
    }

    private static Optional<DatasetMetadata> parse(byte[] json) {
        try {
            return Optional.of(DatasetMetadata.parse(json));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Opens a listing's public preview from the content store, checked against its CID as it is read.
     *
     * @throws ContentUnavailableException when the listing has no preview or the store cannot serve it
     */
    public InputStream openPreview(long listingId) {
        String cid = detail(listingId).flatMap(ListingDetail::metadata).flatMap(DatasetMetadata::previewCid)
                .orElseThrow(() -> new ContentUnavailableException("Listing " + listingId + " has no preview."));
        try {
            return new CidVerifyingInputStream(store.get(cid), Cid.parse(cid));
        } catch (IOException e) {
            throw new ContentUnavailableException("The preview of listing " + listingId + " cannot be fetched from the "
                    + "content store. Check that IPFS runs and try again.", e);
        }
    }
}
