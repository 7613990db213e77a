package org.datagora.app.cli.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.datagora.storage.bench.CryptoBench;
import org.datagora.storage.bench.IndexerBench;
import org.datagora.storage.bench.SearchBench;
import org.datagora.storage.ipfs.IpfsNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datagora bench ...}: benchmarks that print the figures of docs/PERFORMANCE.md. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks; they print figures.",
        subcommands = BenchCommand.Storage.class)
public final class BenchCommand {

    /** {@code datagora bench storage}: the storage figures issue 4 asks for, on this machine. */
    @Command(name = "storage", mixinStandardHelpOptions = true,
            description = {"Measures, on this machine: encrypt-and-add against a plain add of the same random file "
                    + "on a js-ipfs node it starts in a temporary repository; the CID against `sha256sum` of the "
                    + "same file; the chain indexer's events per second on an anvil it starts; search latency over "
                    + "cached listings.",
                    "Needs Node.js with the js-ipfs package, anvil, sha256sum and about three times --size-mib of "
                    + "free space in --work-dir."})
    static final class Storage implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--size-mib", paramLabel = "N", defaultValue = "256",
                description = "Size of the random file for the encryption, IPFS and CID figures (default: ${DEFAULT-VALUE}).")
        int sizeMiB;

        @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
                description = "Timed runs per figure after one warm-up; the best counts (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--indexer-listings", paramLabel = "N", defaultValue = "10000",
                description = "Listings published on anvil for the indexer figure (default: ${DEFAULT-VALUE}).")
        int indexerListings;

        @Option(names = "--search-listings", paramLabel = "N", defaultValue = "100000",
                description = "Listings in the cache for the search figure (default: ${DEFAULT-VALUE}).")
        int searchListings;

        @Option(names = "--queries", paramLabel = "N", defaultValue = "2000",
                description = "Timed search queries (default: ${DEFAULT-VALUE}).")
        int queries;

        @Option(names = "--work-dir", paramLabel = "DIR",
                description = "Where the temporary files go (default: the system's temporary folder).")
        Path workDir;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            if (sizeMiB < 1 || runs < 1 || indexerListings < 1 || searchListings < 1 || queries < 1) {
                spec.commandLine().getErr().println("--size-mib, --runs, --indexer-listings, --search-listings and "
                        + "--queries must be at least 1.");
                return 2;
            }
            Path base = workDir != null ? workDir : Path.of(System.getProperty("java.io.tmpdir"));
            Path work = Files.createTempDirectory(base, "datagora-bench-storage-");
            long bytes = (long) sizeMiB << 20;
            try (PrintStream report = new PrintStream(new WriterStream(out), true, StandardCharsets.UTF_8)) {
                out.printf("datagora bench storage: %d MiB, best of %d runs, %d cores%n%n", sizeMiB, runs,
                        Runtime.getRuntime().availableProcessors());
                CryptoBench crypto = new CryptoBench(report);
                CryptoBench.Results cid = crypto.run(work, bytes, runs);
                out.println();
                double addRatio;
                try (IpfsNode node = IpfsNode.start(work.resolve("ipfs-repo"))) {
                    addRatio = crypto.runWithIpfs(work, bytes, runs, node.client());
                }
                out.println();
                out.println("Chain indexer:");
                IndexerBench.Result indexer = new IndexerBench(report).run(work.resolve("indexer"), indexerListings);
                out.println();
                out.println("Search:");
                SearchBench.Result search = new SearchBench(report).run(work.resolve("search"), searchListings, queries);
                out.println();
                out.println("Summary:");
                out.printf("  encrypt-and-add / plain add (%d MiB, same IPFS node): %.2f (goal: at least 0.8)%n",
                        sizeMiB, addRatio);
                out.printf("  CID / sha256sum (%d MiB): %.2f wall clock, %.2f CPU time (goal: at least 0.7)%n",
                        sizeMiB, cid.cidRatio(), cid.cidCpuRatio());
                out.printf("  indexer: %,.0f events/s (%,d events)%n", indexer.eventsPerSecond(), indexer.events());
                out.printf("  search over %,d cached listings: p50 %.2f ms, p95 %.2f ms; CPU time p50 %.2f ms,"
                        + " p95 %.2f ms (goal: p95 under 50 ms)%n", search.listings(), search.p50Millis(),
                        search.p95Millis(), search.p50CpuMillis(), search.p95CpuMillis());
                out.flush();
                return 0;
            } catch (Exception e) {
                // One sentence for the user; the nodes it started were closed on the way out.
                spec.commandLine().getErr().println("The storage benchmark stopped: " + e.getMessage());
                return 1;
            } finally {
                deleteRecursively(work);
            }
        }
    }

    /** Lets the benches, which print to a PrintStream, write to picocli's PrintWriter as they go. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
