package org.datagora.app.ui.labeling.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javafx.event.Event;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.datagora.app.labeling.LabelSchema;
import org.datagora.app.labeling.TaskItem;
import org.datagora.app.ui.labeling.Workspace;
import org.datagora.app.ui.labeling.WorkspaceStage;
import org.datagora.storage.cache.CacheDatabase;
import org.datagora.storage.cache.LabelDraftDao;
import org.junit.jupiter.api.Test;

/**
 * Keystroke to next item shown, in the real workspace on a real session over an H2 cache: a digit key is
 * dispatched through the scene to the workspace (label saved, next item set), then the scene's CSS and layout
 * are brought up to date (what the next pulse does before painting); separately, the same plus a full
 * software render of the window (scene snapshot), an upper bound on the paint. Prints figures; asserts nothing.
 * Run: mvn -B -pl app -am verify -Dtest=WorkspaceKeystrokeBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 */
class WorkspaceKeystrokeBenchmark {

    private static final int ITEMS = 100;
    private static final int WARM_UP_BATCHES = 20;
    private static final int MEASURED_BATCHES = 10;
    private static final LabelSchema SENTIMENT = new LabelSchema(LabelSchema.Kind.SINGLE_CHOICE,
            List.of("positive", "negative", "neutral"), "The tone of the sentence.");

    @Test
    void keystrokeToNextItemShown() throws Exception {
        Path dir = Files.createTempDirectory("workspace-bench-");
        try (CacheDatabase cache = CacheDatabase.open(dir, Optional.empty())) {
            LabelDraftDao drafts = cache.dao(LabelDraftDao.class);
            List<TaskItem> items = new java.util.ArrayList<>();
            for (int i = 0; i < ITEMS; i++) {
                items.add(TaskItem.text(i, "s" + i, "Sentence " + i + ": the service was " + (i % 2 == 0 ? "quick and kind"
                        : "slow, and the soup arrived cold") + ". Would you come back?"));
            }
            WorkspaceStage window = new WorkspaceStage();
            long task = 1;
            for (int b = 0; b < WARM_UP_BATCHES; b++) {
                run(window, window.show(task++, SENTIMENT, items, drafts, s -> { }), false);
            }
            double[] layout = new double[MEASURED_BATCHES * (ITEMS - 1)];
            double[] rendered = new double[MEASURED_BATCHES * (ITEMS - 1)];
            for (int b = 0; b < MEASURED_BATCHES; b++) {
                double[] batch = run(window, window.show(task++, SENTIMENT, items, drafts, s -> { }), false);
                System.arraycopy(batch, 0, layout, b * (ITEMS - 1), ITEMS - 1);
            }
            for (int b = 0; b < MEASURED_BATCHES; b++) {
                double[] batch = run(window, window.show(task++, SENTIMENT, items, drafts, s -> { }), true);
                System.arraycopy(batch, 0, rendered, b * (ITEMS - 1), ITEMS - 1);
            }
            window.close();
            System.out.println("Workspace keystroke to next item, " + ITEMS + " text items per batch, "
                    + MEASURED_BATCHES + " measured batches after " + WARM_UP_BATCHES + " warm-up batches");
            print("key + save + CSS + layout", layout);
            print("key + save + CSS + layout + software render", rendered);
        }
    }

    /** Labels one batch with key 1 on the FX thread, timing each keystroke until the next item is laid out. */
    private static double[] run(WorkspaceStage window, Workspace workspace, boolean render) {
        double[] millis = new double[ITEMS - 1];
        window.robot().interact(() -> {
            Scene scene = workspace.getScene();
            Parent root = scene.getRoot();
            for (int i = 0; i < ITEMS - 1; i++) {
                long start = System.nanoTime();
                Event.fireEvent(workspace, new KeyEvent(KeyEvent.KEY_PRESSED, "1", "1", KeyCode.DIGIT1,
                        false, false, false, false));
                root.applyCss();
                root.layout();
                if (render) {
                    scene.snapshot(null);
                }
                millis[i] = (System.nanoTime() - start) / 1e6;
                if (workspace.session().position() != i + 1) {
                    throw new IllegalStateException("The workspace did not move to item " + (i + 2));
                }
            }
        });
        return millis;
    }

    private static void print(String what, double[] millis) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(millis).average().orElse(0);
        System.out.println(String.format(Locale.ROOT, "%-45s mean %.2f ms  p50 %.2f  p95 %.2f  p99 %.2f  max %.2f  (n=%d)",
                what, mean, at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99), sorted[sorted.length - 1], sorted.length));
    }

    private static double at(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
