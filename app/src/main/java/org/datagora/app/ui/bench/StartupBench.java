package org.datagora.app.ui.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Start-up time of Datagora's first window as a ratio to a bare JavaFX window on the same machine:
 * {@code xvfb-run -a java -cp app/target/datagora.jar org.datagora.app.ui.bench.StartupBench [runs]}.
 * Each start is a fresh JVM; the median of the runs is reported.
 */
public final class StartupBench {

    private StartupBench() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        long bare = median(measure("bare", runs));
        long app = median(measure("app", runs));
        System.out.printf("bare JavaFX window: %d ms (median of %d)%n", bare, runs);
        System.out.printf("Datagora first window: %d ms (median of %d)%n", app, runs);
        System.out.printf("ratio: %.2f (goal: at most 2)%n", (double) app / bare);
    }

    private static long[] measure(String kind, int runs) throws IOException, InterruptedException {
        long[] millis = new long[runs];
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        for (int i = 0; i < runs; i++) {
            List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                    StartupProbe.class.getName(), kind));
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            millis[i] = -1;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (line.startsWith("STARTUP_MS ")) {
                        millis[i] = Long.parseLong(line.split(" ")[2]);
                    }
                }
            }
            process.waitFor();
            if (millis[i] < 0) {
                throw new IllegalStateException("The " + kind + " window did not report its start-up time");
            }
        }
        return millis;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
