package org.datagora.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.concurrent.Task;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import org.controlsfx.control.TaskProgressView;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.market.PaymentMethod;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.Screenshots;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.main.MainWindow;
import org.datagora.app.ui.mydata.MyDataView;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.contracts.generated.DatagoraToken;
import org.datagora.storage.cache.Listing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;
import org.web3j.crypto.Credentials;

/**
 * Pictures of every main view, each in the light and the dark theme, under target/screenshots/views-*:
 * the marketplace with results and with a listing open, My data (publish form, a publish running, listings,
 * sales), purchases with a downloaded purchase, labeling, wallet, settings, the activity panel and a notification.
 * They are for people to look at; the test asserts that each view holds what the picture is meant to show.
 */
@ExtendWith(LocalSandboxExtension.class)
class ViewScreenshotsTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private final List<Path> shots = new ArrayList<>();
    private AppServices app;

    @AfterEach
    void close() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyMainViewInBothThemes(LocalSandbox sandbox, @TempDir Path temp) throws Exception {
        Credentials user = sandbox.devAccount(6);
        DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider())
                .mint(user.getAddress(), DGT.multiply(BigInteger.valueOf(500))).send();
        app = new AppServices(new DataDirectory(temp.resolve("user")), KeystoreKdf.LIGHT);
        app.attach(sandbox);
        String address = app.wallets().importPrivateKey(TestWindow.privateKeyOf(user), "wallet password".toCharArray())
                .address();
        app.wallets().unlock(address, "wallet password".toCharArray());
        await().atMost(PATIENCE).until(() -> app.sessions().current().isPresent());

        try (TestWindow window = TestWindow.open(app)) {
            window.click("#nav-marketplace");
            await().atMost(PATIENCE).until(() -> window.shows("#samples-fill"));
            shoot(window, "marketplace-empty");
            window.click("#samples-fill");
            ListView<?> results = window.robot().lookup("#market-results").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> !window.shows("#samples-offer") && results.getItems().size() == 4);
            shoot(window, "marketplace-results");

            int iris = indexOf(results, "Iris");
            window.robot().clickOn(window.robot().lookup("#market-results .list-cell").nth(iris).<Node>query());
            await().atMost(PATIENCE).until(() -> window.shows("#buy-button") && window.shows("#detail-reputation"));
            shoot(window, "marketplace-detail");
            window.click("#buy-button");
            await().atMost(PATIENCE).until(() -> window.shows("#buy-confirm"));
            shoot(window, "marketplace-buy-confirm");
            window.click("#buy-confirm");
            await().atMost(PATIENCE).until(() -> window.text("#buy-message").startsWith("Bought"));
            // "Purchase confirmed" pops up in the corner for 5 s: a window of its own, pictured on its own.
            await().atMost(Duration.ofSeconds(4)).until(() -> notification().isPresent());
            shootNotification(window, notification().orElseThrow(), "notification");

            window.click("#nav-purchases");
            ListView<?> purchases = window.robot().lookup("#purchase-list").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> !purchases.getItems().isEmpty());
            window.robot().clickOn(window.robot().lookup("#purchase-list .list-cell").nth(0).<Node>query());
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
            shoot(window, "purchases");

            window.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> window.shows("#publish-source"));
            window.fill("#publish-source", temp.resolve("downloads/iris").toString());
            window.fill("#publish-title", "Iris measurements, cleaned");
            window.fill("#publish-description", "The Iris table with a unit column added.");
            window.fill("#publish-tags", "tabular, csv, biology");
            window.fill("#publish-price", "3");
            shoot(window, "my-data-publish-form");
            MainWindow main = window.robot().lookup(".main-window").queryAs(MainWindow.class);
            sandbox.chain().setAutomine(false);
            try {
                window.click("#publish-start");
                await().atMost(PATIENCE).until(() -> activityText(window).equals("1 running"));
                // The "Downloaded" notification may still cover the status bar's corner: open the panel as its button does.
                window.robot().interact(() -> main.showActivity(true));
                TaskProgressView<?> activity = window.robot().lookup("#activity-tasks").queryAs(TaskProgressView.class);
                await().atMost(PATIENCE).until(() -> WaitForAsyncUtils.asyncFx(() -> activity.getTasks().size() == 1
                        && ((Task<?>) activity.getTasks().get(0)).getMessage().startsWith("Waiting for confirmation"))
                        .get());
                shoot(window, "my-data-publishing-with-activity");
            } finally {
                sandbox.chain().setAutomine(true);
            }
            sandbox.chain().mine();
            await().atMost(PATIENCE).until(() -> window.text("#publish-resume-message").startsWith("Listed as #"));
            await().atMost(PATIENCE).until(() -> activityText(window).equals("Nothing running"));
            shoot(window, "activity-panel-idle");
            window.robot().interact(() -> main.showActivity(false));

            TabPane myData = window.robot().lookup("#my-data").queryAs(TabPane.class);
            window.robot().interact(() -> myData.getSelectionModel().select(1));
            ListView<?> mine = window.robot().lookup("#my-listings").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> mine.getItems().size() == 1);
            shoot(window, "my-data-listings");
            window.robot().interact(() -> myData.getSelectionModel().select(2));
            shoot(window, "my-data-sales-empty");
            Listing listed = (Listing) mine.getItems().get(0);
            buyAsAnotherWallet(sandbox, temp, listed);
            TableView<?> sales = window.robot().lookup("#sales-table").queryAs(TableView.class);
            // This app's delivery agent delivers the key on its own; the sale then shows as delivered.
            await().atMost(PATIENCE).until(() -> sales.getItems().size() == 1
                    && ((MyDataView.SaleRow) sales.getItems().get(0)).getState().equals("delivered"));
            shoot(window, "my-data-sales");

            window.click("#nav-labeling");
            await().atMost(PATIENCE).until(() -> window.shows("#open-tasks"));
            TableView<?> tasks = window.robot().lookup("#open-tasks").queryAs(TableView.class);
            await().atMost(PATIENCE).until(() -> !tasks.getItems().isEmpty());
            shoot(window, "labeling-open-tasks");
            TabPane labeling = window.robot().lookup("#labeling-tabs").queryAs(TabPane.class);
            window.robot().interact(() -> labeling.getSelectionModel().select(1));
            shoot(window, "labeling-my-work");

            window.click("#nav-wallet");
            await().atMost(PATIENCE).until(() -> !window.text("#wallet-dgt").equals("—"));
            shoot(window, "wallet");

            window.click("#nav-settings");
            await().atMost(PATIENCE).until(() -> window.shows("#settings-rpc-url"));
            shoot(window, "settings");
        }
        assertThat(shots).hasSize(2 * 16).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
    }

    /** A second wallet, in an app of its own, buys {@code listing} (through the same service the Buy button uses). */
    private static void buyAsAnotherWallet(LocalSandbox sandbox, Path temp, Listing listing) throws Exception {
        Credentials buyer = sandbox.devAccount(5);
        DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider())
                .mint(buyer.getAddress(), DGT.multiply(BigInteger.valueOf(50))).send();
        try (AppServices other = new AppServices(new DataDirectory(temp.resolve("buyer")), KeystoreKdf.LIGHT)) {
            other.attach(sandbox);
            String address = other.wallets().importPrivateKey(TestWindow.privateKeyOf(buyer),
                    "buyer password".toCharArray()).address();
            other.wallets().unlock(address, "buyer password".toCharArray());
            await().atMost(PATIENCE).until(() -> other.sessions().current().isPresent());
            var session = other.sessions().current().orElseThrow();
            await().atMost(PATIENCE).until(() -> {
                session.syncNow();
                return session.search().detail(listing.listingId()).isPresent();
            });
            session.purchases().buy(listing.listingId(), listing.price(), PaymentMethod.PERMIT);
        }
    }

    /** The ControlsFX notification popup on screen, if one shows. */
    private static java.util.Optional<javafx.scene.Scene> notification() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing() && w.getScene() != null)
                .map(javafx.stage.Window::getScene)
                .filter(scene -> scene.getRoot().lookup(".notification-bar") != null)
                .findFirst()).get();
    }

    private void shootNotification(TestWindow window, javafx.scene.Scene popup, String name) {
        MainWindow main = window.robot().lookup(".main-window").queryAs(MainWindow.class);
        for (Theme theme : Theme.values()) {
            window.robot().interact(() -> main.useTheme(theme));
            String file = "views-" + name + "-" + theme.name().toLowerCase(java.util.Locale.ROOT);
            shots.add(Screenshots.save(window.robot(), popup, file));
        }
        window.robot().interact(() -> main.useTheme(Theme.LIGHT));
    }

    private static String activityText(TestWindow window) {
        return window.robot().lookup("#activity-button").queryAs(javafx.scene.control.ToggleButton.class).getText();
    }

    /** Saves the window as views-{name}-light.png and views-{name}-dark.png, and leaves the light theme on. */
    private void shoot(TestWindow window, String name) {
        MainWindow main = window.robot().lookup(".main-window").queryAs(MainWindow.class);
        for (Theme theme : Theme.values()) {
            window.robot().interact(() -> main.useTheme(theme));
            window.screenshot("views-" + name + "-" + theme.name().toLowerCase(java.util.Locale.ROOT));
            shots.add(Screenshots.DIRECTORY.resolve("views-" + name + "-" + theme.name().toLowerCase(java.util.Locale.ROOT) + ".png"));
        }
        window.robot().interact(() -> main.useTheme(Theme.LIGHT));
    }

    private static int indexOf(ListView<?> results, String title) {
        for (int i = 0; i < results.getItems().size(); i++) {
            if (((Listing) results.getItems().get(i)).title().contains(title)) {
                return i;
            }
        }
        throw new AssertionError("No listing titled " + title + " in " + results.getItems());
    }
}
