package org.datagora.storage.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Prints the cache's figures for docs/PERFORMANCE.md: search latency p50/p95 over generated listings and
 * chain indexer throughput against a local anvil. Usage: {@code CacheBench [search|indexer|all]
 * [--listings N] [--queries N] [--indexed N]}; defaults 100,000 listings, 2,000 queries, 10,000 indexed.
 */
public final class CacheBench {
    private CacheBench() {
    }

    public static void main(String[] args) throws Exception {
        String what = args.length > 0 && !args[0].startsWith("--") ? args[0] : "all";
        int listings = option(args, "--listings", 100_000);
        int queries = option(args, "--queries", 2_000);
        int indexed = option(args, "--indexed", 10_000);
        run(what, listings, queries, indexed, System.out);
    }

    /** Runs the chosen benchmarks in a temporary folder it deletes afterwards. */
    public static void run(String what, int listings, int queries, int indexed, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("datagora-cache-bench");
        try {
            out.printf("cache benchmark, %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
            if (what.equals("all") || what.equals("indexer")) {
                new IndexerBench(out).run(dir.resolve("indexer"), indexed);
            }
            if (what.equals("all") || what.equals("search")) {
                new SearchBench(out).run(dir.resolve("search"), listings, queries);
            }
        } finally {
            delete(dir);
        }
    }

    private static int option(String[] args, String name, int fallback) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1].replace("_", "").replace(",", ""));
            }
        }
        return fallback;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
