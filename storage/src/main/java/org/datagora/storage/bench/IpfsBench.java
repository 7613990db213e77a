package org.datagora.storage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNode;
import org.datagora.storage.ipfs.ProgressListener;
import org.datagora.storage.store.EmbeddedContentStore;

/**
 * Measures plain IPFS throughput on this machine: add of a file to the node (pinned, CIDv1, raw leaves,
 * 256 KiB chunks) and cat back, plus the embedded store's put and get of the same bytes. These are the
 * baselines the encrypt-and-add figure is compared with. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code IpfsBench [--mib N] [--runs N] [--api http://127.0.0.1:5001]}; without --api it
 * starts its own node in a temporary repository.
 */
public final class IpfsBench {

    private static final int MIB = 1024 * 1024;

    /**
     * One measured run.
     *
     * @param bytes the payload size
     * @param addSeconds time of add through the RPC API, until the node answered with the CID
     * @param catSeconds time to stream the content back through cat
     * @param embeddedPutSeconds time of the embedded store's put of the same bytes
     * @param embeddedGetSeconds time of the embedded store's get of the same bytes
     */
    public record Run(long bytes, double addSeconds, double catSeconds, double embeddedPutSeconds,
                      double embeddedGetSeconds) {

        static double mbPerSecond(long bytes, double seconds) {
            return bytes / 1e6 / seconds;
        }

        @Override
        public String toString() {
            return String.format("add %7.1f MB/s   cat %7.1f MB/s   embedded put %7.1f MB/s   embedded get %7.1f MB/s",
                    mbPerSecond(bytes, addSeconds), mbPerSecond(bytes, catSeconds),
                    mbPerSecond(bytes, embeddedPutSeconds), mbPerSecond(bytes, embeddedGetSeconds));
        }
    }

    private final IpfsClient client;
    private final Path workDir;

    /** A benchmark against the node behind {@code client}, keeping its files in {@code workDir}. */
    public IpfsBench(IpfsClient client, Path workDir) {
        this.client = client;
        this.workDir = workDir;
    }

    /** Adds, cats, puts and gets {@code bytes} fresh random bytes once and returns the timings. */
    public Run run(long bytes, long seed) throws IOException {
        Path file = workDir.resolve("payload-" + seed + ".bin");
        writeRandom(file, bytes, seed);
        try {
            long start = System.nanoTime();
            String cid = client.add(file, true, ProgressListener.NONE).cid();
            double add = seconds(start);

            start = System.nanoTime();
            long read;
            try (InputStream in = client.cat(cid)) {
                read = in.transferTo(OutputStream.nullOutputStream());
            }
            double cat = seconds(start);
            if (read != bytes) {
                throw new IOException("cat returned " + read + " bytes instead of " + bytes);
            }
            client.pinRm(cid);

            EmbeddedContentStore embedded = new EmbeddedContentStore(workDir.resolve("embedded-" + seed));
            start = System.nanoTime();
            String embeddedCid = embedded.put(file, n -> { });
            double put = seconds(start);
            start = System.nanoTime();
            try (InputStream in = embedded.get(embeddedCid)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            double get = seconds(start);
            if (!embeddedCid.equals(cid)) {
                throw new IOException("The embedded store computed " + embeddedCid + ", the node " + cid);
            }
            deleteRecursively(workDir.resolve("embedded-" + seed));
            return new Run(bytes, add, cat, put, get);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    public static void main(String[] args) throws Exception {
        int mib = 256;
        int runs = 3;
        URI api = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mib" -> mib = Integer.parseInt(args[++i]);
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--api" -> api = URI.create(args[++i]);
                default -> throw new IllegalArgumentException("Unknown option " + args[i]
                        + "; usage: IpfsBench [--mib N] [--runs N] [--api URL]");
            }
        }
        Path work = Files.createTempDirectory("datagora-ipfs-bench");
        IpfsNode node = api == null ? IpfsNode.start(work.resolve("repo")) : null;
        try {
            IpfsClient client = node != null ? node.client() : new IpfsClient(api);
            System.out.println("IPFS node " + client.apiUrl() + " (" + client.id().agentVersion() + "), "
                    + mib + " MiB of random data per run, " + runs + " runs after one 32 MiB warm-up");
            IpfsBench bench = new IpfsBench(client, work);
            bench.run(32L * MIB, 0);
            List<Run> results = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Run result = bench.run((long) mib * MIB, run);
                results.add(result);
                System.out.println("run " + run + ": " + result);
            }
            System.out.println("median: " + median(results));
        } finally {
            if (node != null) {
                node.close();
            }
            deleteRecursively(work);
        }
    }

    private static Run median(List<Run> runs) {
        return new Run(runs.get(0).bytes(),
                median(runs.stream().mapToDouble(Run::addSeconds).toArray()),
                median(runs.stream().mapToDouble(Run::catSeconds).toArray()),
                median(runs.stream().mapToDouble(Run::embeddedPutSeconds).toArray()),
                median(runs.stream().mapToDouble(Run::embeddedGetSeconds).toArray()));
    }

    private static double median(double[] values) {
        java.util.Arrays.sort(values);
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }

    private static void writeRandom(Path file, long bytes, long seed) throws IOException {
        Random random = new Random(seed);
        byte[] buffer = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= buffer.length) {
                random.nextBytes(buffer);
                out.write(buffer, 0, (int) Math.min(buffer.length, left));
            }
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(each);
            }
        }
    }
}
