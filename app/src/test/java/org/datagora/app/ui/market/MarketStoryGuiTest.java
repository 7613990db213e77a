package org.datagora.app.ui.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import org.datagora.app.AppServices;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.testing.SignedInApp;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.contracts.NetworkAddresses;
import org.datagora.contracts.generated.DatagoraToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.tx.ReadonlyTransactionManager;

/**
 * The marketplace story through the GUI with two wallets on the local sandbox: A publishes a folder, B finds
 * it, buys it, A's app delivers the key on its own, B downloads and decrypts; every token is accounted for.
 */
@ExtendWith(LocalSandboxExtension.class)
class MarketStoryGuiTest {

    private static final BigInteger DGT = BigInteger.TEN.pow(18);
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private AppServices sellerApp;
    private AppServices buyerApp;

    @AfterEach
    void closeApps() {
        if (sellerApp != null) {
            sellerApp.close();
        }
        if (buyerApp != null) {
            buyerApp.close();
        }
    }

    @Test
    void aPublishesBFindsBuysAndDecryptsTheFolderAndTheTokensAddUp(LocalSandbox sandbox, @TempDir Path temp)
            throws Exception {
        Credentials seller = sandbox.devAccount(4);
        Credentials buyer = sandbox.devAccount(5);
        NetworkAddresses addresses = sandbox.addresses();
        DatagoraToken faucet = DatagoraToken.load(addresses.token(), sandbox.chain().web3j(),
                sandbox.chain().transactionManager(sandbox.faucetAccount()), sandbox.chain().gasProvider());
        faucet.transfer(buyer.getAddress(), DGT.multiply(BigInteger.valueOf(100))).send();
        BigInteger sellerBefore = balance(sandbox, seller.getAddress());
        BigInteger buyerBefore = balance(sandbox, buyer.getAddress());
        BigInteger treasuryBefore = balance(sandbox, addresses.treasury());

        Path dataset = Files.createDirectories(temp.resolve("spam-sample"));
        Files.writeString(dataset.resolve("ham.txt"), "Lunch at noon? The usual place.\n");
        Files.writeString(dataset.resolve("spam.txt"), "WIN A PRIZE!!! Click now to claim your reward.\n");
        Files.createDirectories(dataset.resolve("labels"));
        Files.writeString(dataset.resolve("labels/labels.csv"), "file,label\nham.txt,ham\nspam.txt,spam\n");

        sellerApp = SignedInApp.open(sandbox, temp.resolve("seller-data"), seller);
        try (TestWindow a = TestWindow.open(sellerApp)) {
            a.click("#nav-my-data");
            await().atMost(PATIENCE).until(() -> a.shows("#publish-source"));
            a.fill("#publish-source", dataset.toString());
            a.fill("#publish-title", "Spam and ham sample");
            a.fill("#publish-description", "Two mails and their labels.");
            a.fill("#publish-tags", "spam, email");
            a.fill("#publish-price", "25");
            a.screenshot("publish-form-light");
            a.click("#publish-start");
            await().atMost(PATIENCE).until(() -> a.text("#publish-resume-message").startsWith("Listed as #"));
            a.screenshot("publish-done-light");
        }

        buyerApp = SignedInApp.open(sandbox, temp.resolve("buyer-data"), buyer);
        Path downloads = temp.resolve("downloads");
        try (TestWindow b = TestWindow.open(buyerApp)) {
            b.click("#nav-marketplace");
            await().atMost(PATIENCE).until(() -> b.shows("#market-search"));
            b.robot().clickOn("#market-search").write("spam");
            ListView<?> results = b.robot().lookup("#market-results").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> results.getItems().size() == 1);
            b.robot().clickOn(b.robot().lookup("#market-results .list-cell").nth(0).<Node>query());
            await().atMost(PATIENCE).until(() -> b.shows("#buy-button") && !button(b, "#buy-button").isDisabled());
            b.screenshot("marketplace-detail-light");
            b.click("#buy-button");
            await().atMost(PATIENCE).until(() -> b.shows("#buy-confirm"));
            assertThat(b.text("#buy-summary")).contains("You pay 25 DGT").contains("0.625 DGT (2.50%)");
            b.click("#buy-confirm");
            await().atMost(PATIENCE).until(() -> b.text("#buy-message").startsWith("Bought"));

            b.click("#nav-purchases");
            ListView<?> purchases = b.robot().lookup("#purchase-list").queryAs(ListView.class);
            await().atMost(PATIENCE).until(() -> !purchases.getItems().isEmpty());
            b.robot().clickOn(b.robot().lookup("#purchase-list .list-cell").nth(0).<Node>query());
            await().atMost(PATIENCE).pollInterval(Duration.ofSeconds(1)).until(() -> {
                b.robot().interact(() -> { });
                if (!b.shows("#download-button")) {
                    b.robot().interact(() -> ((org.datagora.app.ui.purchases.PurchasesView)
                            b.robot().lookup("#purchases").query()).refresh());
                    return false;
                }
                return true;
            });
            b.fill("#download-folder", downloads.toString());
            b.click("#download-button");
            await().atMost(PATIENCE).until(() -> b.text("#purchase-message").contains("decrypted and verified"));
            b.screenshot("purchase-downloaded-light");
        }

        for (String file : new String[] {"ham.txt", "spam.txt", "labels/labels.csv"}) {
            // A folder arrives as a folder of the same name inside the chosen one.
            assertThat(downloads.resolve("spam-sample").resolve(file)).hasSameBinaryContentAs(dataset.resolve(file));
        }
        BigInteger price = DGT.multiply(BigInteger.valueOf(25));
        BigInteger fee = price.multiply(BigInteger.valueOf(250)).divide(BigInteger.valueOf(10_000));
        assertThat(balance(sandbox, buyer.getAddress())).isEqualTo(buyerBefore.subtract(price));
        assertThat(balance(sandbox, seller.getAddress())).isEqualTo(sellerBefore.add(price).subtract(fee));
        assertThat(balance(sandbox, addresses.treasury())).isEqualTo(treasuryBefore.add(fee));
    }

    private static Button button(TestWindow window, String query) {
        Node node = window.robot().lookup(query).query();
        return (Button) node;
    }

    private static BigInteger balance(LocalSandbox sandbox, String address) throws Exception {
        return DatagoraToken.load(sandbox.addresses().token(), sandbox.chain().web3j(),
                new ReadonlyTransactionManager(sandbox.chain().web3j(), address), sandbox.chain().gasProvider())
                .balanceOf(address).send();
    }
}
