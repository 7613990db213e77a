package org.datagora.app.ui.guide;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.labeling.ClaimInfo;
import org.datagora.app.labeling.Label;
import org.datagora.app.labeling.LabelingSession;
import org.datagora.app.samples.SampleData;
import org.datagora.app.samples.SampleSandbox;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.session.WalletSession;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.labeling.Workspace;
import org.datagora.app.wallet.KeystoreKdf;
import org.datagora.app.wallet.WalletService;
import org.datagora.storage.cache.Listing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's whole first session, through the window only, on a fresh local sandbox: onboarding with a
 * new wallet and its recovery phrase, test tokens from the Wallet view's faucet, the sample data from the
 * marketplace's offer, buying a sample dataset whose key the sample seller delivers, downloading and
 * decrypting it, then claiming a batch of the sample labeling task, labeling its five mails with the
 * keyboard and submitting. It asserts what the user relies on at each step and takes the pictures of
 * docs/USER_GUIDE.md on the way (see {@link GuidePictures}), so the guide shows the app as it is.
 */
@ExtendWith(LocalSandboxExtension.class)
class UserGuideScreenshotsTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static final String PASSWORD = "a long wallet password";

    @Test
    void aNewUserCreatesAWalletBuysASampleAndLabelsFiveItemsWithoutATerminal(LocalSandbox sandbox, @TempDir Path temp)
            throws Exception {
        try (AppServices app = new AppServices(new DataDirectory(temp.resolve("user")), KeystoreKdf.LIGHT)) {
            // The packaged app starts its own sandbox; the test's sandbox is the same kind, already running.
            app.attach(sandbox);
            try (TestWindow window = TestWindow.open(app)) {
                String address = createWallet(app, window, temp);
                getTestTokens(sandbox, window, address);
                Listing iris = seedAndBuyIris(app, sandbox, window, address);
                downloadPurchase(app, window, temp, iris);
                labelFiveMails(app, sandbox, window, address);
                lookAround(window, temp);
            }
        }
    }

    /** Onboarding: a new wallet, its twelve words written down, a password; the main window opens on it. */
    private static String createWallet(AppServices app, TestWindow window, Path temp) throws Exception {
        GuidePictures.await(() -> window.shows("#onboarding-create"));
        GuidePictures.shoot(window, "onboarding");
        window.click("#onboarding-create");
        GuidePictures.await(() -> window.shows("#onboarding-mnemonic"));
        List<String> words = window.robot().lookup("#onboarding-mnemonic .mnemonic-word")
                .queryAllAs(javafx.scene.control.Label.class).stream()
                .map(l -> l.getText().substring(l.getText().indexOf(' ') + 1)).toList();
        assertThat(words).hasSize(12);
        assertThat(WalletService.isValidMnemonic(String.join(" ", words))).isTrue();
        assertThat(window.robot().lookup("#onboarding-continue").query().isDisabled())
                .as("Continue waits until the user says the words are written down").isTrue();
        GuidePictures.shoot(window, "onboarding-recovery-phrase");
        window.click("#onboarding-backed-up");
        window.click("#onboarding-continue");
        GuidePictures.await(() -> window.shows("#onboarding-password"));
        window.fill("#onboarding-password", PASSWORD);
        window.fill("#onboarding-password-confirm", PASSWORD);
        GuidePictures.shoot(window, "onboarding-password");
        window.click("#onboarding-finish");
        GuidePictures.await(() -> window.shows("#nav-wallet") && app.sessions().current().isPresent());

        String address = app.wallets().activeAddress().orElseThrow();
        GuidePictures.await(() -> address.equals(window.statusAccount()));
        assertThat(app.wallets().wallets()).hasSize(1);
        // The twelve words on screen are the wallet: they restore the same address anywhere.
        WalletService elsewhere = new WalletService(temp.resolve("restored-wallets"), KeystoreKdf.LIGHT);
        assertThat(elsewhere.importMnemonic(String.join(" ", words), PASSWORD.toCharArray()).address())
                .isEqualToIgnoringCase(address);
        // What is stored is encrypted: neither the words nor the key appear in the wallet folder.
        try (var files = Files.walk(app.dataDirectory().wallets())) {
            String key = TestWindow.privateKeyOf(app.wallets().requireActive());
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file);
                assertThat(content).doesNotContain(key).doesNotContain(words.get(0) + " " + words.get(1));
            }
        }
        return address;
    }

    /** Wallet: the local faucet gives 1,000 DGT and ETH for fees to the empty new wallet. */
    private static void getTestTokens(LocalSandbox sandbox, TestWindow window, String address) throws Exception {
        window.click("#nav-wallet");
        GuidePictures.await(() -> window.shows("#wallet-faucet") && window.text("#wallet-dgt").equals("0"));
        assertThat(window.text("#wallet-address")).isEqualTo(address);
        window.click("#wallet-faucet");
        GuidePictures.await(() -> window.text("#wallet-message").startsWith("1000 test DGT arrived")
                && window.text("#wallet-dgt").equals("1000"));
        assertThat(sandbox.tokenBalance(address)).isEqualTo(DGT.multiply(BigInteger.valueOf(1_000)));
        assertThat(window.text("#wallet-eth")).isNotIn("—", "0");
        GuidePictures.shoot(window, "wallet");
    }

    /** Marketplace: the sample offer, the four sample listings, Iris's details and its purchase. */
    private static Listing seedAndBuyIris(AppServices app, LocalSandbox sandbox, TestWindow window, String address)
            throws Exception {
        window.click("#nav-marketplace");
        GuidePictures.await(() -> window.shows("#samples-fill"));
        GuidePictures.shoot(window, "samples-offer");
        window.click("#samples-fill");
        ListView<?> results = window.robot().lookup("#market-results").queryAs(ListView.class);
        GuidePictures.await(() -> !window.shows("#samples-offer") && results.getItems().size() == 4);
        assertThat(app.samples().orElseThrow().isSeeded()).isTrue();
        GuidePictures.shoot(window, "marketplace");

        window.fill("#market-search", "iris");
        GuidePictures.await(() -> results.getItems().size() == 1);
        Listing iris = (Listing) results.getItems().get(0);
        assertThat(iris.title()).startsWith("Iris flowers");
        window.robot().clickOn(window.robot().lookup("#market-results .list-cell").nth(0).<Node>query());
        GuidePictures.await(() -> window.shows("#buy-button"));
        GuidePictures.shoot(window, "listing-detail");
        window.click("#buy-button");
        GuidePictures.await(() -> window.shows("#buy-confirm"));
        GuidePictures.shoot(window, "buy-confirm");
        window.click("#buy-confirm");
        GuidePictures.await(() -> window.text("#buy-message").startsWith("Bought"));
        assertThat(sandbox.tokenBalance(address)).as("the price left the wallet for escrow")
                .isEqualTo(DGT.multiply(BigInteger.valueOf(1_000)).subtract(iris.price()));
        window.fill("#market-search", "");
        return iris;
    }

    /**
     * Purchases: the sample seller (played by this app on the sandbox) delivers the key on its own; the
     * list shows it without any refresh, and the download decrypts the very file the seller published.
     */
    private static void downloadPurchase(AppServices app, TestWindow window, Path temp, Listing iris) throws Exception {
        window.click("#nav-purchases");
        ListView<?> purchases = window.robot().lookup("#purchase-list").queryAs(ListView.class);
        GuidePictures.await(() -> !purchases.getItems().isEmpty());
        window.robot().clickOn(window.robot().lookup("#purchase-list .list-cell").nth(0).<Node>query());
        GuidePictures.await(() -> window.text("#purchase-state").equals("key delivered") && window.shows("#download-button"));
        window.fill("#download-folder", temp.resolve("downloads").toString());
        window.click("#download-button");
        GuidePictures.await(() -> window.text("#purchase-message").contains("decrypted and verified"));
        GuidePictures.shoot(window, "purchase-downloaded");
        Path published = app.samples().orElseThrow().folder().resolve("files/iris/iris.csv");
        Path downloaded;
        try (var files = Files.walk(temp.resolve("downloads"))) {
            downloaded = files.filter(p -> p.getFileName().toString().equals("iris.csv")).findFirst().orElseThrow();
        }
        assertThat(Files.mismatch(downloaded, published)).as("the decrypted file is the seller's file").isEqualTo(-1L);
        assertThat(Files.readAllLines(downloaded)).hasSize(151).first().asString().startsWith("sepal_length");
    }

    /**
     * Labeling: the sample task among the open tasks, a claim with its stake, the task key from the sample
     * requester, five mails labeled with the digit keys in the workspace and Enter to submit.
     */
    private static void labelFiveMails(AppServices app, LocalSandbox sandbox, TestWindow window, String address)
            throws Exception {
        SampleSandbox samples = app.samples().orElseThrow();
        SampleData data = SampleData.extractTo(samples.folder());
        BigInteger taskId = samples.record().taskId;
        window.click("#nav-labeling");
        TableView<?> tasks = window.robot().lookup("#open-tasks").queryAs(TableView.class);
        GuidePictures.await(() -> tasks.getItems().size() == 1);
        GuidePictures.shoot(window, "labeling-open-tasks");
        window.robot().clickOn(window.robot().lookup("#open-tasks .table-row-cell").nth(0).<Node>query());
        window.click("#claim-button");
        GuidePictures.await(() -> window.text("#claim-summary").startsWith("Claim batch 1 of 4"));
        GuidePictures.shoot(window, "labeling-claim");
        BigInteger before = sandbox.tokenBalance(address);
        window.click("#claim-confirm");
        GuidePictures.await(() -> window.text("#claim-message").startsWith("Claimed batch 1 of task #" + taskId));
        assertThat(sandbox.tokenBalance(address)).as("the stake is held").isEqualTo(before.subtract(DGT.multiply(BigInteger.TWO)));

        // The sample requester's app (inside this one) sends the task key; Refresh shows it arrived.
        window.click("#tab-my-work");
        GuidePictures.await(() -> {
            window.click("#my-work-refresh");
            return GuidePictures.cellTexts(window, "#my-claims").stream().anyMatch(t -> t.startsWith("To label"));
        });
        GuidePictures.shoot(window, "labeling-my-work");
        window.click("#open-workspace");
        GuidePictures.await(() -> window.shows("#labeling-workspace"));
        Workspace workspace = window.robot().lookup("#labeling-workspace").queryAs(Workspace.class);
        LabelingSession session = workspace.session();
        assertThat(session.size()).isEqualTo(5);
        for (int k = 0; k < session.size(); k++) {
            int truth = data.spamClassOf(session.current().name());
            window.robot().type(KeyCode.valueOf("DIGIT" + (truth + 1)));
            if (k == 1) {
                assertThat(window.text("#workspace-progress-text")).isEqualTo("2 of 5 labeled");
                GuidePictures.shoot(window, "labeling-workspace");
            }
        }
        assertThat(window.text("#workspace-progress-text")).isEqualTo("5 of 5 labeled");
        assertThat(session.labels()).hasSize(5).allSatisfy(l -> assertThat(l.choice()).isNotNull());
        List<Label> labels = session.labels();
        window.robot().type(KeyCode.ENTER);
        GuidePictures.await(() -> window.text("#my-work-message").startsWith("Submitted the labels of claim"));
        GuidePictures.await(() -> GuidePictures.cellTexts(window, "#my-claims").stream().anyMatch(t -> t.startsWith("Submitted")));
        GuidePictures.shoot(window, "labeling-submitted");
        WalletSession mine = app.sessions().current().orElseThrow();
        ClaimInfo claim = mine.labeling().services().labeler().myClaims().get(0);
        assertThat(claim.committedNotRevealed()).as("the labels' hash is committed on chain").isTrue();
        for (int k = 0; k < labels.size(); k++) {
            int item = session.firstItem() + k;
            assertThat(labels.get(k).choice()).as("item %d", item)
                    .isEqualTo(data.spamClassOf(session.item(k).name()));
        }
    }

    /** The contributor's side (publishing the downloaded folder as a new listing), settings and the about box. */
    private static void lookAround(TestWindow window, Path temp) throws Exception {
        window.click("#nav-my-data");
        GuidePictures.await(() -> window.shows("#publish-source"));
        window.fill("#publish-source", temp.resolve("downloads").toString());
        window.fill("#publish-title", "Iris measurements, cleaned");
        window.fill("#publish-description", "The Iris table with a unit column added.");
        window.fill("#publish-tags", "tabular, csv, biology");
        window.fill("#publish-price", "3");
        GuidePictures.shoot(window, "publish-form");
        window.click("#publish-start");
        GuidePictures.await(() -> window.text("#publish-resume-message").startsWith("Listed as #"));
        GuidePictures.shoot(window, "publish-done");
        window.click("#nav-marketplace");
        ListView<?> results = window.robot().lookup("#market-results").queryAs(ListView.class);
        GuidePictures.await(() -> results.getItems().stream()
                .anyMatch(l -> ((Listing) l).title().equals("Iris measurements, cleaned")));

        window.click("#nav-settings");
        GuidePictures.await(() -> window.shows("#settings-rpc-url"));
        GuidePictures.shoot(window, "settings");
        ScrollPane settings = window.robot().lookup(".settings-view").queryAs(ScrollPane.class);
        Node about = window.robot().lookup("#about").query();
        window.robot().interact(() -> {
            double content = settings.getContent().getBoundsInLocal().getHeight();
            double viewport = settings.getViewportBounds().getHeight();
            double top = about.getBoundsInParent().getMinY() - 40;
            settings.setVvalue(Math.min(1, top / Math.max(1, content - viewport)) * settings.getVmax());
        });
        assertThat(window.text("#about-version")).startsWith("Datagora ").doesNotContain("development build");
        GuidePictures.shoot(window, "about");
        window.robot().interact(() -> {
            ((javafx.scene.control.TitledPane) window.robot().lookup("#about-license-texts").query()).setExpanded(true);
        });
        window.robot().interact(() -> settings.setVvalue(settings.getVmax()));
        GuidePictures.await(() -> window.robot().lookup("#about-license-text").queryAs(javafx.scene.control.TextArea.class)
                .getText().contains("Apache License"));
        window.robot().interact(() -> settings.setVvalue(settings.getVmax()));
        GuidePictures.shoot(window, "about-licenses");
    }
}
