package org.datagora.app.labeling.bench;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.ArrayList;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.LabelingSession;
import org.datagora.app.labeling.TaskItem;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.LabelDraftDao;

/**
 * Measures the service-level path from a keystroke to the next item being ready to show: choose a class,
 * autosave it to the H2 cache, move to the next item, and read what the view needs (its text and label),
 * over a batch of 100 text items, on a plain and on a password-encrypted cache. Prints figures only.
 * Run: see docs/PERFORMANCE.md, section Labeling.
 */
public final class LabelingSessionBenchmark {

    private static final int ITEMS = 100;
    private static final int WARM_UP_ROUNDS = 20;
    private static final int MEASURED_ROUNDS = 10;
    private static final LabelSchema SCHEMA = new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE,
            List.of("positive", "negative", "neutral"), "How does the sentence feel?");

    private LabelingSessionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf(Locale.ROOT, "Keystroke to next item, %d text items per batch, %d measured batches "
                + "after %d warm-up batches (Java %s, %d cores)%n", ITEMS, MEASURED_ROUNDS, WARM_UP_ROUNDS,
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors());
        run("plain cache", Optional.empty());
        run("encrypted cache (CIPHER=AES)", Optional.of("benchmark password".toCharArray()));
    }

    private static void run(String name, Optional<char[]> password) throws Exception {
        Path dir = Files.createTempDirectory("datagora-labeling-bench-");
        try (CacheDatabase db = CacheDatabase.open(dir, password)) {
            LabelDraftDao drafts = db.dao(LabelDraftDao.class);
            List<TaskItem> items = sentences(ITEMS);
            long[] samples = new long[ITEMS * MEASURED_ROUNDS];
            int n = 0;
            long sink = 0;
            for (int round = 0; round < WARM_UP_ROUNDS + MEASURED_ROUNDS; round++) {
                LabelingSession session = new LabelingSession(BigInteger.valueOf(round + 1), BigInteger.ONE, SCHEMA,
                        items, drafts, Clock.systemUTC());
                for (int i = 0; i < ITEMS; i++) {
                    long start = System.nanoTime();
                    session.chooseAndNext(i % 3);
                    TaskItem next = session.current();
                    sink += next.text().length() + session.currentLabel().map(l -> 1).orElse(0)
                            + session.progress().labeled();
                    long elapsed = System.nanoTime() - start;
                    if (round >= WARM_UP_ROUNDS) {
                        samples[n++] = elapsed;
                    }
                }
            }
            Arrays.sort(samples);
            double mean = Arrays.stream(samples).average().orElse(0) / 1e6;
            System.out.printf(Locale.ROOT, "%-30s mean %.3f ms, p50 %.3f ms, p95 %.3f ms, p99 %.3f ms, max %.3f ms"
                    + " (n=%d, check %d)%n", name, mean, pct(samples, 0.50), pct(samples, 0.95), pct(samples, 0.99),
                    samples[samples.length - 1] / 1e6, samples.length, sink % 10);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static List<TaskItem> sentences(int count) {
        List<TaskItem> items = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String weather = i % 2 == 0 ? "nice" : "bad";
            items.add(TaskItem.text(i, "s" + i, "Sentence number " + i + " says the weather is " + weather));
        }
        return items;
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }
}
