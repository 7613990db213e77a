package org.datagora.storage.bench;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.ListingSearch;
import org.datagora.storage.cache.SearchQuery;

/** Measures search latency over a cache of generated listings: p50 and p95 over a mix of real-looking queries. */
public final class SearchBench {
    /** The figures one run produced. */
    public record Result(int listings, double fillSeconds, int queries, double p50Millis, double p95Millis,
            double maxMillis, double p50CpuMillis, double p95CpuMillis) {
    }

    private final PrintStream out;

    public SearchBench(PrintStream out) {
        this.out = out;
    }

    public Result run(Path dir, int listings, int queries) {
        SyntheticListings data = new SyntheticListings(20261125L);
        try (CacheDatabase db = CacheDatabase.open(dir, Optional.empty())) {
            long fillStart = System.nanoTime();
            data.fill(db, 1, listings);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;
            out.printf("filled %,d listings in %.1f s%n", listings, fillSeconds);
            ListingSearch search = new ListingSearch(db);
            List<Shape> mix = mix(data, new Random(7));
            for (int i = 0; i < 200; i++) {
                search.search(mix.get(i % mix.size()).query().get());
            }
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double[] millis = new double[queries];
            double[] cpuMillis = new double[queries];
            double[][] byShape = new double[mix.size()][(queries + mix.size() - 1) / mix.size()];
            for (int i = 0; i < queries; i++) {
                SearchQuery query = mix.get(i % mix.size()).query().get();
                long cpuStart = threads.getCurrentThreadCpuTime();
                long start = System.nanoTime();
                search.search(query);
                millis[i] = (System.nanoTime() - start) / 1e6;
                cpuMillis[i] = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6;
                byShape[i % mix.size()][i / mix.size()] = millis[i];
            }
            for (int s = 0; s < mix.size(); s++) {
                double[] times = Arrays.copyOf(byShape[s], (queries - s + mix.size() - 1) / mix.size());
                Arrays.sort(times);
                out.printf("  %-44s p50 %7.2f ms  p95 %7.2f ms%n", mix.get(s).name(), percentile(times, 50),
                        percentile(times, 95));
            }
            out.printf("  plans used: %s%n", search.plansUsed());
            Arrays.sort(millis);
            Arrays.sort(cpuMillis);
            Result result = new Result(listings, fillSeconds, queries, percentile(millis, 50), percentile(millis, 95),
                    millis[millis.length - 1], percentile(cpuMillis, 50), percentile(cpuMillis, 95));
            // CPU time of the searching thread: what a search costs, whatever else the machine is doing.
            out.printf("search over %,d listings, %,d queries: p50 %.2f ms, p95 %.2f ms, max %.2f ms"
                    + " (CPU time of the searching thread: p50 %.2f ms, p95 %.2f ms)%n", listings, queries,
                    result.p50Millis(), result.p95Millis(), result.maxMillis(), result.p50CpuMillis(),
                    result.p95CpuMillis());
            return result;
        }
    }

    /** One kind of query a browsing user makes, named for the report. */
    private record Shape(String name, Supplier<SearchQuery> query) {
    }

    /** The query shapes a browsing user makes, each drawing fresh words and values. */
    private static List<Shape> mix(SyntheticListings data, Random random) {
        List<Shape> mix = new ArrayList<>();
        mix.add(new Shape("everything, newest first", SearchQuery::all));
        mix.add(new Shape("one word", () -> SearchQuery.all().withText(data.word())));
        mix.add(new Shape("two words", () -> SearchQuery.all().withText(data.word() + " " + data.word())));
        mix.add(new Shape("a 3-letter prefix", () -> SearchQuery.all().withText(data.word().substring(0, 3))));
        mix.add(new Shape("one word, cheapest first",
                () -> SearchQuery.all().withText(data.word()).sortedBy(SearchQuery.Sort.PRICE_ASC)));
        mix.add(new Shape("a tag, best rated first", () -> SearchQuery.all()
                .withTags(pick(SyntheticListings.TAGS, random)).sortedBy(SearchQuery.Sort.RATING)));
        mix.add(new Shape("one word, license and price range", () -> SearchQuery.all().withText(data.word())
                .withLicense(pick(SyntheticListings.LICENSES, random))
                .withPriceRange(BigInteger.TEN.pow(15), BigInteger.TEN.pow(17))));
        mix.add(new Shape("a seller, dearest first", () -> SearchQuery.all()
                .withSeller(String.format("0x%040x", 1 + random.nextInt(10))).sortedBy(SearchQuery.Sort.PRICE_DESC)));
        mix.add(new Shape("one word, page 3", () -> SearchQuery.all().withText(data.word()).page(2, 20)));
        mix.add(new Shape("best rated, a page up to 50", () -> SearchQuery.all().sortedBy(SearchQuery.Sort.RATING)
                .page(random.nextInt(50), 20)));
        return mix;
    }

    private static String pick(String[] values, Random random) {
        return values[random.nextInt(values.length)];
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
