package org.datagora.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.ListView;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.market.PublishListener;
import org.datagora.app.market.PublishRequest;
import org.datagora.app.sandbox.ContentStoreMode;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the chain's RPC endpoint goes down, the app says so in one sentence and browsing goes on from the cache. */
class OfflineTest {

    @Test
    void aStoppedChainShowsTheOfflineBannerAndSearchStillAnswers(@TempDir Path temp) throws Exception {
        try (LocalSandbox sandbox = LocalSandbox.start(temp.resolve("sandbox"), ContentStoreMode.EMBEDDED, s -> { });
             AppServices services = new AppServices(new DataDirectory(temp.resolve("data")), KeystoreKdf.LIGHT)) {
            services.attach(sandbox);
            String address = services.wallets().importPrivateKey(TestWindow.privateKeyOf(sandbox.devAccount(1)),
                    "wallet password".toCharArray()).address();
            services.wallets().unlock(address, "wallet password".toCharArray());
            await().atMost(Duration.ofSeconds(60)).until(() -> services.sessions().current().isPresent());
            var session = services.sessions().current().orElseThrow();
            Path file = Files.writeString(temp.resolve("weather.csv"), "city,temp\nOslo,3\n");
            session.newPublishWorkflow().publish(PublishRequest.of(file, "Weather in Oslo", "One reading",
                    List.of("weather"), "CC0-1.0", BigInteger.ONE), PublishListener.NONE);
            session.syncNow();

            try (TestWindow window = TestWindow.open(services)) {
                await().atMost(Duration.ofSeconds(20)).until(() -> window.text("#status-chain").equals("Chain 31337"));
                assertThat(window.shows("#offline-banner")).isFalse();

                sandbox.chain().close();

                await().atMost(Duration.ofSeconds(20)).until(() -> window.shows("#offline-banner"));
                assertThat(window.text("#offline-banner")).startsWith("You are offline")
                        .contains("Browsing goes on from this computer's cache");
                assertThat(window.text("#status-chain")).isEqualTo("Chain offline");
                window.click("#nav-marketplace");
                window.robot().clickOn("#market-search").write("Oslo");
                ListView<?> results = window.robot().lookup("#market-results").queryAs(ListView.class);
                await().atMost(Duration.ofSeconds(20)).until(() -> results.getItems().size() == 1);
                window.screenshot("offline-marketplace-light");
            }
        }
    }
}
