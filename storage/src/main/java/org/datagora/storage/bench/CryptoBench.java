package org.datagora.storage.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.datagora.storage.cid.Cid;
import org.datagora.storage.cid.CidCalculator;
import org.datagora.storage.crypto.DatasetKey;
import org.datagora.storage.dataset.DatasetDecryptor;
import org.datagora.storage.dataset.DatasetEncryptor;
import org.datagora.storage.dataset.DatasetSource;
import org.datagora.storage.dataset.EncryptingInputStream;
import org.datagora.storage.ipfs.IpfsClient;
import org.datagora.storage.ipfs.IpfsNode;
import org.datagora.storage.ipfs.ProgressListener;

/**
 * Measures dataset encryption, decryption and CID throughput on one file, and the CID against
 * {@code sha256sum} of the same file. Each figure is the best of several runs, in wall-clock time and,
 * because a busy machine distorts wall-clock time, in CPU time too. Prints figures; asserts nothing.
 *
 * <p>Usage: {@code CryptoBench [sizeMiB=256] [runs=3] [workDir=system temp] [ipfs]}. With "ipfs", it also
 * starts a js-ipfs node and compares encrypt-and-add (encryption piped into the upload) with a plain add
 * of the same file.
 */
public final class CryptoBench {

    /** The figures of one benchmark run, in MB/s (10^6 bytes per second). */
    public record Results(long bytes, double encryptMBps, double decryptMBps, double cidMBps,
            double sha256sumMBps, double encryptCpuMBps, double decryptCpuMBps, double cidCpuMBps,
            double sha256sumCpuMBps, Cid cid) {

        /** CID throughput over sha256sum throughput, wall clock. */
        public double cidRatio() {
            return cidMBps / sha256sumMBps;
        }

        /** The same ratio in CPU time, which load from other processes does not skew. */
        public double cidCpuRatio() {
            return cidCpuMBps / sha256sumCpuMBps;
        }
    }

    private final PrintStream out;

    public CryptoBench(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long sizeMiB = args.length > 0 ? Long.parseLong(args[0]) : 256;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path work = args.length > 2 ? Path.of(args[2]) : Path.of(System.getProperty("java.io.tmpdir"));
        CryptoBench bench = new CryptoBench(System.out);
        bench.run(work, sizeMiB << 20, runs);
        if (args.length > 3 && args[3].equals("ipfs")) {
            Path repo = Files.createTempDirectory(work, "datagora-bench-ipfs-");
            try (IpfsNode node = IpfsNode.start(repo)) {
                bench.runWithIpfs(work, sizeMiB << 20, runs, node.client());
            } finally {
                deleteRecursively(repo);
            }
        }
    }

    /**
     * Encrypt-and-add against a plain add of the same random file on the same node, both best of
     * {@code runs} after a warm-up, unpinned blocks collected before each add. Returns the throughput
     * ratio (plain add time over encrypt-and-add time).
     */
    public double runWithIpfs(Path work, long bytes, int runs, IpfsClient ipfs) throws IOException {
        Path folder = Files.createTempDirectory(work, "datagora-bench-");
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "bench-encrypt"));
        try {
            Path file = folder.resolve("data.bin");
            writeRandom(file, bytes);
            DatasetKey key = DatasetKey.generate(new SecureRandom());
            Timing plain = best(runs, () -> {
                ipfs.repoGc();
                ipfs.add(file, false, ProgressListener.NONE);
            });
            Timing encrypted = best(runs, () -> {
                ipfs.repoGc();
                try (InputStream in = EncryptingInputStream.start(new DatasetEncryptor(), DatasetSource.of(file), key,
                        executor)) {
                    ipfs.add(in, false, ProgressListener.NONE);
                }
            });
            double ratio = (double) plain.wallNanos / encrypted.wallNanos;
            out.printf("IPFS (js-ipfs %s), %d MiB, best of %d runs:%n", ipfs.version().version(), bytes >> 20, runs);
            out.printf("  plain add:        %8.0f MB/s%n", mbps(bytes, plain.wallNanos));
            out.printf("  encrypt-and-add:  %8.0f MB/s (of plaintext)%n", mbps(bytes, encrypted.wallNanos));
            out.printf("  encrypt-and-add / plain add: %.2f (goal: at least 0.8)%n", ratio);
            return ratio;
        } finally {
            executor.shutdownNow();
            deleteRecursively(folder);
        }
    }

    /** Writes a random file of {@code bytes} in a fresh folder under {@code work}, measures, cleans up. */
    public Results run(Path work, long bytes, int runs) throws IOException, InterruptedException {
        Path folder = Files.createTempDirectory(work, "datagora-bench-");
        try {
            Path file = folder.resolve("data.bin");
            writeRandom(file, bytes);
            DatasetKey key = DatasetKey.generate(new SecureRandom());
            Path container = folder.resolve("data.dgds");
            Timing encrypt = best(runs, () -> {
                try (OutputStream o = Files.newOutputStream(container)) {
                    new DatasetEncryptor().encrypt(DatasetSource.of(file), key, o);
                }
            });
            Timing decrypt = best(runs, () -> {
                Path target = folder.resolve("out");
                try (InputStream in = Files.newInputStream(container)) {
                    new DatasetDecryptor().decrypt(in, key, target);
                }
                deleteRecursively(target);
            });
            Cid[] cid = new Cid[1];
            Timing cidTime = best(runs, () -> cid[0] = CidCalculator.of(file));
            Timing sha256sum = bestSha256sum(runs, file);
            Results results = new Results(bytes, mbps(bytes, encrypt.wallNanos), mbps(bytes, decrypt.wallNanos),
                    mbps(bytes, cidTime.wallNanos), mbps(bytes, sha256sum.wallNanos),
                    mbps(bytes, encrypt.cpuNanos), mbps(bytes, decrypt.cpuNanos), mbps(bytes, cidTime.cpuNanos), mbps(bytes, sha256sum.cpuNanos), cid[0]);
            print(results, runs);
            return results;
        } finally {
            deleteRecursively(folder);
        }
    }

    private void print(Results r, int runs) {
        out.printf("Storage crypto benchmark: %d MiB random file, best of %d runs, %d cores%n",
                r.bytes() >> 20, runs, Runtime.getRuntime().availableProcessors());
        out.printf("  encrypt (file -> container file, SHA-256 + AES-256-GCM): %8.0f MB/s  (CPU time: %.0f MB/s)%n",
                r.encryptMBps(), r.encryptCpuMBps());
        out.printf("  decrypt (container file -> folder, verified):            %8.0f MB/s  (CPU time: %.0f MB/s)%n",
                r.decryptMBps(), r.decryptCpuMBps());
        out.printf("  CID (CIDv1, raw leaves, 256 KiB chunks):                 %8.0f MB/s  (CPU time: %.0f MB/s)%n",
                r.cidMBps(), r.cidCpuMBps());
        out.printf("  sha256sum of the same file:                              %8.0f MB/s  (CPU time: %.0f MB/s)%n",
                r.sha256sumMBps(), r.sha256sumCpuMBps());
        out.printf("  CID / sha256sum: %.2f wall clock, %.2f CPU time (goal: at least 0.7)%n",
                r.cidRatio(), r.cidCpuRatio());
        out.printf("  CID: %s%n", r.cid());
    }

    private record Timing(long wallNanos, long cpuNanos) {
    }

    @FunctionalInterface
    private interface Work {
        void run() throws IOException;
    }

    /** One untimed run to warm the JIT and the page cache, then the fastest of {@code runs}. */
    private static Timing best(int runs, Work work) throws IOException {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        work.run();
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long wall0 = System.nanoTime();
            work.run();
            bestWall = Math.min(bestWall, System.nanoTime() - wall0);
            bestCpu = Math.min(bestCpu, threads.getCurrentThreadCpuTime() - cpu0);
        }
        return new Timing(bestWall, bestCpu);
    }

    /** Times {@code sha256sum FILE}; bash's {@code times} reports the child's user and system CPU time. */
    private static Timing bestSha256sum(int runs, Path file) throws IOException, InterruptedException {
        long bestWall = Long.MAX_VALUE;
        long bestCpu = Long.MAX_VALUE;
        for (int i = 0; i <= runs; i++) {
            long wall0 = System.nanoTime();
            Process p = new ProcessBuilder("bash", "-c", "sha256sum \"$1\" > /dev/null && times", "_", file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException("sha256sum failed: " + output);
            }
            long wall = System.nanoTime() - wall0;
            if (i > 0) { // the first run only warms the page cache
                bestWall = Math.min(bestWall, wall);
                bestCpu = Math.min(bestCpu, childCpuNanos(output));
            }
        }
        return new Timing(bestWall, bestCpu);
    }

    /** Parses the second line of bash's {@code times}: "0m1.002s 0m0.046s" (children's user, system). */
    static long childCpuNanos(String timesOutput) {
        List<String> lines = timesOutput.strip().lines().toList();
        String[] parts = lines.get(lines.size() - 1).trim().split("\\s+");
        return parseBashTime(parts[0]) + parseBashTime(parts[1]);
    }

    private static long parseBashTime(String t) {
        int m = t.indexOf('m');
        double minutes = Double.parseDouble(t.substring(0, m));
        double seconds = Double.parseDouble(t.substring(m + 1, t.length() - 1));
        return (long) ((minutes * 60 + seconds) * 1e9);
    }

    private static double mbps(long bytes, long nanos) {
        return bytes / 1e6 / (nanos / 1e9);
    }

    private static void writeRandom(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        byte[] buffer = new byte[1 << 20];
        try (OutputStream o = Files.newOutputStream(file)) {
            for (long done = 0; done < bytes; done += buffer.length) {
                random.nextBytes(buffer);
                o.write(buffer, 0, (int) Math.min(buffer.length, bytes - done));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
