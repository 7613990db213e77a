package org.datagora.app.ui.mydata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import org.datagora.app.AppServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.SignedInApp;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.storage.cache.SearchQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * The app is killed (SIGKILL) in the middle of a publish, then started again on the same data directory: the
 * My data view offers to finish the interrupted publish (the list transaction was out: finishing lists the
 * dataset exactly once; killed just after the dataset key was saved: finishing finds that key) or to undo it
 * (killed during the upload: nothing is listed, nothing is left half done).
 * The killed publish runs in a separate JVM (the command line over the same services), so the kill is real.
 */
@ExtendWith(LocalSandboxExtension.class)
class PublishCrashUiTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private AppServices app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aPublishKilledWhileListingIsResumedAfterTheRestartAndListedOnce(LocalSandbox sandbox, @TempDir Path temp)
            throws Exception {
        Credentials seller = sandbox.devAccount(2);
        Path dataset = Files.createDirectories(temp.resolve("rain"));
        Files.writeString(dataset.resolve("rain.csv"), "day,mm\n1,0.4\n2,12.0\n3,3.1\n");
        Path dataDir = temp.resolve("seller");

        sandbox.chain().setAutomine(false);
        Process killed;
        try {
            killed = startPublish(sandbox, dataDir, dataset, seller, "Rainfall, three days", "Waiting for confirmation");
            killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        } finally {
            sandbox.chain().setAutomine(true);
        }
        assertThat(killed.isAlive()).isFalse();
        // The list transaction the dead app had sent is mined while it is down, as on a real network.
        sandbox.chain().mine();

        app = SignedInApp.open(sandbox, dataDir, seller);
        try (TestWindow window = TestWindow.open(app)) {
            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-resume"));
            assertThat(window.text("#publish-interrupted")).contains("Rainfall, three days")
                    .contains("resume to finish it");
            assertThat(window.shows("#publish-roll-back")).as("a sent listing can only be finished").isFalse();
            window.screenshot("publish-crash-resume-light");
            window.click("#publish-resume");
            await().atMost(PATIENCE).until(() -> window.text("#publish-resume-message").startsWith("Listed as #"));
            assertThat(window.shows("#publish-resume")).isFalse();

            var session = app.sessions().current().orElseThrow();
            assertThat(session.newPublishWorkflow().unfinished()).isEmpty();
            await().atMost(PATIENCE).until(() -> {
                session.syncNow();
                return session.search().search(SearchQuery.all().withSeller(seller.getAddress())).listings().size() == 1;
            });
            ListView<?> mine = window.robot().lookup("#my-listings").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> mine.getItems().size() == 1);
        }
    }

    @Test
    void aPublishKilledRightAfterSavingItsKeyIsResumedWithThatKey(LocalSandbox sandbox, @TempDir Path temp)
            throws Exception {
        Credentials seller = sandbox.devAccount(3);
        Path dataset = Files.createDirectories(temp.resolve("tides"));
        Files.writeString(dataset.resolve("tides.csv"), "hour,metres\n0,1.2\n6,3.4\n12,1.1\n");
        Path dataDir = temp.resolve("seller");

        // The kill lands milliseconds after the dataset key was saved, within the database's write delay.
        Process killed = startPublish(sandbox, dataDir, dataset, seller, "Tide heights", "Encrypting");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        app = SignedInApp.open(sandbox, dataDir, seller);
        try (TestWindow window = TestWindow.open(app)) {
            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-resume"));
            assertThat(window.text("#publish-interrupted")).contains("Tide heights");
            window.click("#publish-resume");
            await().atMost(PATIENCE).until(() -> window.text("#publish-resume-message").startsWith("Listed as #")
                    || window.text("#publish-message").contains("missing from the vault"));
            assertThat(window.text("#publish-message")).as("the key saved before the kill").isEmpty();
            assertThat(window.text("#publish-resume-message")).startsWith("Listed as #");
        }
    }

    @Test
    void aPublishKilledDuringTheUploadIsUndoneAfterTheRestartAndNothingIsListed(LocalSandbox sandbox, @TempDir Path temp)
            throws Exception {
        Credentials seller = sandbox.devAccount(1);
        Path dataset = Files.createDirectories(temp.resolve("scans"));
        // Large enough that the upload is still running when the kill lands right after it began.
        byte[] block = new byte[1 << 20];
        new java.util.Random(7).nextBytes(block);
        try (var out = Files.newOutputStream(dataset.resolve("scans.bin"))) {
            for (int i = 0; i < 48; i++) {
                out.write(block);
            }
        }
        Path dataDir = temp.resolve("seller");

        Process killed = startPublish(sandbox, dataDir, dataset, seller, "Scanned pages", "Adding to IPFS");
        killed.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(killed.isAlive()).isFalse();

        app = SignedInApp.open(sandbox, dataDir, seller);
        try (TestWindow window = TestWindow.open(app)) {
            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-roll-back"));
            assertThat(window.text("#publish-interrupted")).contains("Scanned pages").contains("undo what it did");
            window.screenshot("publish-crash-undo-light");
            window.click("#publish-roll-back");
            await().atMost(PATIENCE).until(() -> window.text("#publish-resume-message")
                    .equals("The interrupted publish was undone; nothing was listed."));
            assertThat(window.shows("#publish-resume")).isFalse();

            var session = app.sessions().current().orElseThrow();
            assertThat(session.newPublishWorkflow().unfinished()).isEmpty();
            session.syncNow();
            assertThat(session.search().search(SearchQuery.all().withSeller(seller.getAddress())).listings()).isEmpty();
        }
    }

    /**
     * Starts {@code datagora publish} in a JVM of its own and returns it once it prints the step {@code killAt}
     * (the moment the test kills it).
     */
    private static Process startPublish(LocalSandbox sandbox, Path dataDir, Path dataset, Credentials seller,
                                        String title, String killAt) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "org.datagora.app.Main",
                "--data-dir", dataDir.toString(), "publish", dataset.toString(), "--title", title,
                "--license", "CC0-1.0", "--price", "2",
                "--private-key-env", "DATAGORA_KEY", "--rpc-url", sandbox.rpcUrl().toString(),
                "--ipfs-url", sandbox.ipfs().apiUrl().toString(), "--networks-file", sandbox.networksFile().toString())
                .redirectErrorStream(true);
        builder.environment().put("DATAGORA_KEY", TestWindow.privateKeyOf(seller));
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> waiting = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.add(line);
                    if (line.startsWith(killAt)) {
                        waiting.complete(null);
                    }
                }
                waiting.completeExceptionally(new AssertionError("the publish ended before the kill: " + output));
            } catch (java.io.IOException e) {
                waiting.completeExceptionally(e);
            }
        }, "publish-output");
        reader.setDaemon(true);
        reader.start();
        try {
            waiting.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }
}
