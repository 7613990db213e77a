package org.datagora.app.cli.market;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.datagora.app.market.ChainUnavailableException;
import org.datagora.app.market.SearchService;
import org.datagora.app.market.TokenAmounts;
import org.datagora.storage.cache.Listing;
import org.datagora.storage.cache.SearchPage;
import org.datagora.storage.cache.SearchQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code datagora search}: finds listings in the local cache, brought up to date from the chain first. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Searches the marketplace's listings (words in title, description and tags), with filters.")
public final class SearchCommand extends MarketCommand {

    @Parameters(arity = "0..*", paramLabel = "QUERY", description = "Words every result must contain.")
    List<String> words = new ArrayList<>();

    @Option(names = "--tag", description = "A tag every result must have; repeatable.")
    List<String> tags = new ArrayList<>();

    @Option(names = "--license", description = "Only listings under this license.")
    String license;

    @Option(names = "--min-price", paramLabel = "DGT", description = "The lowest price.")
    String minPrice;

    @Option(names = "--max-price", paramLabel = "DGT", description = "The highest price.")
    String maxPrice;

    @Option(names = "--seller", paramLabel = "ADDRESS", description = "Only this seller's listings.")
    String seller;

    @Option(names = "--sort", defaultValue = "NEWEST", description = "NEWEST, PRICE_ASC, PRICE_DESC or RATING.")
    SearchQuery.Sort sort;

    @Option(names = "--page", defaultValue = "0", description = "The page, from 0.")
    int page;

    @Option(names = "--page-size", defaultValue = "20", description = "Listings per page.")
    int pageSize;

    @Override
    int run(MarketSession session, PrintWriter out) {
        try {
            session.sync();
        } catch (ChainUnavailableException offline) {
            out.println("The chain does not answer; showing the listings cached so far.");
        }
        SearchPage results = session.search().search(SearchService.query(String.join(" ", words), tags, license,
                minPrice == null ? null : TokenAmounts.parse(minPrice), maxPrice == null ? null : TokenAmounts.parse(maxPrice),
                seller, sort, page, pageSize));
        if (results.listings().isEmpty()) {
            out.println("No listings match.");
            return 0;
        }
        out.printf("%-6s  %-40s  %-16s  %-6s  %-42s  %s%n", "ID", "TITLE", "PRICE", "RATING", "SELLER", "TAGS");
        for (Listing listing : results.listings()) {
            out.printf("%-6d  %-40s  %-16s  %-6s  %-42s  %s%n", listing.listingId(), clip(listing.title()),
                    TokenAmounts.format(listing.price()), listing.ratingCount() == 0 ? "-"
                            : String.format("%.1f", listing.rating()), listing.seller(), listing.tags());
        }
        if (results.hasMore()) {
            out.printf("More results: --page %d%n", page + 1);
        }
        return 0;
    }

    private static String clip(String text) {
        String value = text == null ? "(metadata pending)" : text;
        return value.length() <= 40 ? value : value.substring(0, 39) + "…";
    }
}
