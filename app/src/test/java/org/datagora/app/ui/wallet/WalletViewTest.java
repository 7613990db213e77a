package org.datagora.app.ui.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Duration;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.main.Area;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** The Wallet area on the local sandbox: faucet, sending exactly the amount, and refusing what cannot be paid. */
@ExtendWith(LocalSandboxExtension.class)
class WalletViewTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final BigInteger DGT = BigInteger.TEN.pow(18);

    private AppServices services;
    private TestWindow app;
    private String owner;

    @BeforeEach
    void openWithANewWallet(LocalSandbox sandbox, @TempDir Path dataDir) throws Exception {
        services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        Credentials fresh = Credentials.create(Keys.createEcKeyPair());
        owner = services.wallets().importPrivateKey(TestWindow.privateKeyOf(fresh), "wallet password".toCharArray()).address();
        services.attach(sandbox);
        app = TestWindow.open(services);
        app.click("#" + Area.WALLET.navigationId());
        await().atMost(PATIENCE).until(() -> app.text("#wallet-dgt").equals("0"));
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        services.close();
    }

    @Test
    void theFaucetRaisesTheBalanceShownAndSendingMovesExactlyTheAmount(LocalSandbox sandbox) throws Exception {
        assertThat(app.text("#wallet-address")).isEqualTo(owner);
        assertThat(app.text("#wallet-eth")).isEqualTo("0");

        app.click("#wallet-faucet");
        await().atMost(PATIENCE).until(() -> app.text("#wallet-dgt").equals("1000"));
        assertThat(app.text("#wallet-eth")).isEqualTo("1");
        assertThat(sandbox.tokenBalance(owner)).isEqualTo(DGT.multiply(BigInteger.valueOf(1000)));
        app.screenshot("wallet-light");

        String recipient = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());
        app.fill("#send-to", recipient);
        app.fill("#send-amount", "12.5");
        app.click("#send-review");
        await().atMost(PATIENCE).until(() -> app.shows("#send-confirm"));
        assertThat(app.text("#send-summary")).isEqualTo("Send 12.5 DGT to " + recipient + "?");
        assertThat(app.text("#send-fee")).matches("Network fee: at most about 0\\.\\d+ ETH, usually less\\.");
        app.screenshot("wallet-confirm-light");
        app.theme(Theme.DARK);
        app.screenshot("wallet-confirm-dark");
        app.theme(Theme.LIGHT);
        app.click("#send-confirm");

        await().atMost(PATIENCE).until(() -> app.text("#wallet-dgt").equals("987.5"));
        assertThat(sandbox.tokenBalance(recipient)).isEqualTo(new BigInteger("12500000000000000000"));
        assertThat(sandbox.tokenBalance(owner)).isEqualTo(new BigInteger("987500000000000000000"));
        assertThat(app.text("#send-message")).startsWith("Sent 12.5 DGT to " + recipient.substring(0, 6) + "…");
        app.theme(Theme.DARK);
        app.screenshot("wallet-dark");
    }

    @Test
    void aSendLargerThanTheBalanceOrToABadAddressGetsOneClearSentence(LocalSandbox sandbox) throws Exception {
        String recipient = Keys.toChecksumAddress(Credentials.create(Keys.createEcKeyPair()).getAddress());
        app.fill("#send-to", recipient.substring(0, 20));
        app.fill("#send-amount", "1");
        app.click("#send-review");
        assertThat(app.text("#send-message")).isEqualTo("Enter the recipient's address: 0x followed by 40 hexadecimal characters.");

        app.fill("#send-to", recipient);
        app.fill("#send-amount", "one");
        app.click("#send-review");
        assertThat(app.text("#send-message")).isEqualTo("Enter the amount as a number, like 12 or 0.5.");

        app.fill("#send-amount", "5000");
        app.click("#send-review");
        await().atMost(PATIENCE).until(() -> app.text("#send-message")
                .equals("You have 0 DGT but this needs 5000 DGT. Get more DGT or enter a smaller amount."));
        assertThat(app.shows("#send-confirm")).isFalse();
        assertThat(sandbox.tokenBalance(recipient)).isZero();
        app.screenshot("wallet-insufficient-light");
    }
}
