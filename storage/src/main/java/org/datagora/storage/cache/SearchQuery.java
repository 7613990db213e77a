package org.datagora.storage.cache;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * What a user searches for: words (each must start a word of the title, description or tags), filters
 * and an order, one page at a time. Build it with {@link #all()} and the {@code with...} methods.
 */
public record SearchQuery(
        String text,
        List<String> tags,
        Optional<String> license,
        Optional<BigInteger> minPrice,
        Optional<BigInteger> maxPrice,
        Optional<String> seller,
        Sort sort,
        int page,
        int pageSize) {

    public static final int MAX_PAGE_SIZE = 200;

    /** The order of results; ties fall back to the newest listing first. */
    public enum Sort { NEWEST, PRICE_ASC, PRICE_DESC, RATING }

    public SearchQuery {
        text = text == null ? "" : text;
        tags = List.copyOf(tags);
        if (page < 0) {
            throw new IllegalArgumentException("The page number cannot be negative.");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page holds from 1 to " + MAX_PAGE_SIZE + " listings.");
        }
    }

    /** Every active listing, newest first, 20 a page. */
    public static SearchQuery all() {
        return new SearchQuery("", List.of(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Sort.NEWEST, 0, 20);
    }

    public SearchQuery withText(String value) {
        return new SearchQuery(value, tags, license, minPrice, maxPrice, seller, sort, page, pageSize);
    }

    public SearchQuery withTags(String... values) {
        return new SearchQuery(text, List.of(values), license, minPrice, maxPrice, seller, sort, page, pageSize);
    }

    /** Only listings under this license (its name in the app's license table, e.g. "CC-BY-4.0"). */
    public SearchQuery withLicense(String value) {
        return new SearchQuery(text, tags, Optional.of(value), minPrice, maxPrice, seller, sort, page, pageSize);
    }

    public SearchQuery withPriceRange(BigInteger min, BigInteger max) {
        return new SearchQuery(text, tags, license, Optional.ofNullable(min), Optional.ofNullable(max), seller, sort,
                page, pageSize);
    }

    public SearchQuery withSeller(String value) {
        return new SearchQuery(text, tags, license, minPrice, maxPrice, Optional.of(value), sort, page, pageSize);
    }

    public SearchQuery sortedBy(Sort value) {
        return new SearchQuery(text, tags, license, minPrice, maxPrice, seller, value, page, pageSize);
    }

    public SearchQuery page(int number, int size) {
        return new SearchQuery(text, tags, license, minPrice, maxPrice, seller, sort, number, size);
    }
}
