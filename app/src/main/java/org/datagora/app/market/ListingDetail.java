package org.datagora.app.market;

import java.util.Optional;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SellerReputation;

/**
 * What the detail view of a listing shows: the cached listing, its full metadata document (files, sizes,
 * preview) when it was fetched, and the seller's reputation.
 */
public record ListingDetail(Listing listing, Optional<DatasetMetadata> metadata, SellerReputation reputation) {
}
