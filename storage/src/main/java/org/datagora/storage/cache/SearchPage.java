package org.datagora.storage.cache;

import java.util.List;

/** One page of search results, and whether another page follows. */
public record SearchPage(List<Listing> listings, int page, int pageSize, boolean hasMore) {
    public SearchPage {
        listings = List.copyOf(listings);
    }
}
