package org.datagora.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.storage.cache.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;

/**
 * Takes the pictures of docs/USER_GUIDE.md by walking a new user's first steps through the window on a
 * fresh local sandbox: onboarding, filling the sandbox with the samples, finding, buying and downloading
 * a sample dataset, the publish form, the wallet, settings and the about box. Each picture is written to
 * target/screenshots and copied into docs/images, so the guide shows the app as it is.
 */
@ExtendWith(LocalSandboxExtension.class)
class UserGuideScreenshotsTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    /** The guide's pictures, next to the guide (tests run in the app module's folder). */
    private static final Path GUIDE_IMAGES = Path.of("..", "docs", "images");

    private AppServices app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aNewUserSeedsTheSandboxBuysASampleAndFindsTheSettings(LocalSandbox sandbox, @TempDir Path temp) throws Exception {
        try (AppServices fresh = new AppServices(new DataDirectory(temp.resolve("fresh")), KeystoreKdf.LIGHT);
             TestWindow window = TestWindow.open(fresh)) {
            await().atMost(PATIENCE).until(() -> window.shows("#onboarding-create"));
            shoot(window, "onboarding");
        }

        Credentials buyer = sandbox.devAccount(6);
        DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider())
                .mint(buyer.getAddress(), DGT.multiply(BigInteger.valueOf(1_000))).send();
        app = new AppServices(new DataDirectory(temp.resolve("user")), KeystoreKdf.LIGHT);
        app.attach(sandbox);
        String address = app.wallets().importPrivateKey(TestWindow.privateKeyOf(buyer), "wallet password".toCharArray())
                .address();
        app.wallets().unlock(address, "wallet password".toCharArray());
        await().atMost(PATIENCE).until(() -> app.sessions().current().isPresent());

        try (TestWindow window = TestWindow.open(app)) {
            window.click("#nav-marketplace");
            await().atMost(PATIENCE).until(() -> window.shows("#samples-fill"));
            shoot(window, "samples-offer");
            window.click("#samples-fill");
            ListView<?> results = window.robot().lookup("#market-results").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> !window.shows("#samples-offer") && results.getItems().size() == 4);
            assertThat(app.samples().orElseThrow().isSeeded()).isTrue();
            shoot(window, "marketplace");

            int iris = indexOf(results, "Iris");
            window.robot().clickOn(window.robot().lookup("#market-results .list-cell").nth(iris).<Node>query());
            await().atMost(PATIENCE).until(() -> window.shows("#buy-button"));
            shoot(window, "listing-detail");
            window.click("#buy-button");
            await().atMost(PATIENCE).until(() -> window.shows("#buy-confirm"));
            shoot(window, "buy-confirm");
            window.click("#buy-confirm");
            await().atMost(PATIENCE).until(() -> window.text("#buy-message").startsWith("Bought"));

            window.click("#nav-purchases");
            ListView<?> purchases = window.robot().lookup("#purchase-list").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> !purchases.getItems().isEmpty());
            window.robot().clickOn(window.robot().lookup("#purchase-list .list-cell").nth(0).<Node>query());
            // The sample seller's agent, running inside this app, delivers the key.
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                window.robot().interact(() -> { });
                if (!window.shows("#download-button")) {
                    window.robot().interact(() -> ((org.datagora.app.ui.purchases.PurchasesView)
                            window.robot().lookup("#purchases").query()).refresh());
                    return false;
                }
                return true;
            });
            window.fill("#download-folder", temp.resolve("downloads").toString());
            window.click("#download-button");
            await().atMost(PATIENCE).until(() -> window.text("#purchase-message").contains("decrypted and verified"));
            shoot(window, "purchase-downloaded");
            assertThat(temp.resolve("downloads/iris/iris.csv")).exists();

            window.click("#nav-labeling");
            await().atMost(PATIENCE).until(() -> window.shows("#open-tasks"));
            javafx.scene.control.TableView<?> tasks = window.robot().lookup("#open-tasks")
                    .queryAs(javafx.scene.control.TableView.class);
            await().atMost(PATIENCE).until(() -> !tasks.getItems().isEmpty());
            shoot(window, "labeling-open-tasks");
            window.robot().clickOn(window.robot().lookup("#open-tasks .table-row-cell").nth(0).<Node>query());
            window.click("#claim-button");
            await().atMost(PATIENCE).until(() -> window.text("#claim-summary").startsWith("Claim batch"));
            shoot(window, "labeling-claim");
            window.click("#claim-confirm");
            await().atMost(PATIENCE).until(() -> window.text("#claim-message").startsWith("Claimed batch"));

            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-source"));
            window.fill("#publish-source", temp.resolve("downloads/iris").toString());
            window.fill("#publish-title", "Iris measurements, cleaned");
            window.fill("#publish-description", "The Iris table with a unit column added.");
            window.fill("#publish-tags", "tabular, csv, biology");
            window.fill("#publish-price", "3");
            shoot(window, "publish-form");

            window.click("#nav-wallet");
            shoot(window, "wallet");

            window.click("#nav-settings");
            await().atMost(PATIENCE).until(() -> window.shows("#settings-rpc-url"));
            shoot(window, "settings");
            ScrollPane settings = window.robot().lookup(".settings-view").queryAs(ScrollPane.class);
            Node about = window.robot().lookup("#about").query();
            window.robot().interact(() -> {
                double content = settings.getContent().getBoundsInLocal().getHeight();
                double viewport = settings.getViewportBounds().getHeight();
                double top = about.getBoundsInParent().getMinY() - 40;
                settings.setVvalue(Math.min(1, top / Math.max(1, content - viewport)) * settings.getVmax());
            });
            assertThat(window.text("#about-version")).startsWith("Datagora");
            shoot(window, "about");
        }
    }

    private static int indexOf(ListView<?> results, String title) {
        for (int i = 0; i < results.getItems().size(); i++) {
            if (((Listing) results.getItems().get(i)).title().contains(title)) {
                return i;
            }
        }
        throw new AssertionError("No listing titled " + title + " in " + results.getItems());
    }

    /** Saves the window under target/screenshots and as the guide's picture docs/images/{name}.png. */
    private static void shoot(TestWindow window, String name) throws IOException {
        window.screenshot("guide-" + name);
        Files.createDirectories(GUIDE_IMAGES);
        Files.copy(Screenshots.DIRECTORY.resolve("guide-" + name + ".png"), GUIDE_IMAGES.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
