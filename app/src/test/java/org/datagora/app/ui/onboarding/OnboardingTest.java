package org.datagora.app.ui.onboarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.sandbox.LocalSandbox;
import org.datagora.app.testing.LocalSandboxExtension;
import org.datagora.app.ui.Theme;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Wallet;

/** First run (create or import a wallet) and later starts (unlock), through the real window. */
@ExtendWith(LocalSandboxExtension.class)
class OnboardingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private AppServices services;
    private TestWindow window;

    private TestWindow open(LocalSandbox sandbox) throws Exception {
        services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        services.attach(sandbox);
        window = TestWindow.open(services);
        return window;
    }

    @AfterEach
    void close() throws Exception {
        window.close();
        services.close();
    }

    @Test
    void creatingAWalletShowsItsPhraseThenOpensTheMainWindowWithItsAddress(LocalSandbox sandbox) throws Exception {
        TestWindow app = open(sandbox);
        assertThat(app.shows("#onboarding")).isTrue();
        app.screenshot("onboarding-welcome-light");

        app.click("#onboarding-create");
        assertThat(app.robot().lookup("#onboarding-mnemonic").queryAs(GridPane.class).getChildren()).hasSize(12);
        assertThat(app.robot().lookup("#onboarding-continue").queryAs(Button.class).isDisabled()).isTrue();
        app.screenshot("onboarding-phrase-light");
        app.click("#onboarding-backed-up");
        app.click("#onboarding-continue");

        app.fill("#onboarding-password", "short");
        app.fill("#onboarding-password-confirm", "short");
        app.click("#onboarding-finish");
        assertThat(app.text("#onboarding-message")).isEqualTo("Choose a password of at least 8 characters.");
        app.fill("#onboarding-password", "a good password");
        app.fill("#onboarding-password-confirm", "a good passw0rd");
        app.click("#onboarding-finish");
        assertThat(app.text("#onboarding-message")).isEqualTo("The two passwords differ. Type the same password twice.");
        app.screenshot("onboarding-password-light");
        app.fill("#onboarding-password", "a good password");
        app.fill("#onboarding-password-confirm", "a good password");
        app.click("#onboarding-finish");

        await().atMost(PATIENCE).until(() -> services.wallets().activeAddress().isPresent()
                && services.wallets().activeAddress().get().equals(app.statusAccount()));
        assertThat(services.wallets().wallets()).hasSize(1);
        assertThat(app.shows("#onboarding")).isFalse();
    }

    @Test
    void importingAPrivateKeyOpensThatAccount(LocalSandbox sandbox) throws Exception {
        TestWindow app = open(sandbox);
        app.click("#onboarding-import");
        app.click("#import-kind-key");
        app.fill("#import-private-key", "0x1234");
        app.click("#onboarding-continue");
        assertThat(app.text("#onboarding-message")).startsWith("That is not a private key");
        app.fill("#import-private-key", "0x" + TestWindow.privateKeyOf(sandbox.devAccount(3)));
        app.screenshot("onboarding-import-light");
        app.click("#onboarding-continue");
        app.fill("#onboarding-password", "password-3");
        app.fill("#onboarding-password-confirm", "password-3");
        app.click("#onboarding-finish");

        await().atMost(PATIENCE).until(() -> sandbox.devAccount(3).getAddress().equalsIgnoreCase(String.valueOf(app.statusAccount())));
    }

    @Test
    void importingAKeystoreFileNeedsItsOwnPasswordAndThenTheNewOneUnlocksIt(LocalSandbox sandbox) throws Exception {
        // A keystore V3 file as geth writes it, protected by the password it was exported with.
        Path exported = dataDir.resolveSibling(dataDir.getFileName() + "-geth-export.json");
        Files.writeString(exported, new ObjectMapper().writeValueAsString(
                Wallet.createLight("exported with", sandbox.devAccount(5).getEcKeyPair())));
        TestWindow app = open(sandbox);
        app.click("#onboarding-import");
        app.fill("#import-keystore-path", exported.toString());
        app.fill("#import-keystore-password", "not the one");
        app.click("#onboarding-continue");
        app.fill("#onboarding-password", "my new password");
        app.fill("#onboarding-password-confirm", "my new password");
        app.click("#onboarding-finish");
        await().atMost(PATIENCE).until(() -> app.text("#onboarding-message")
                .equals("The password is wrong for this keystore file. Use the password it was exported with."));
        assertThat(services.wallets().hasWallets()).isFalse();

        app.click("#onboarding-back");
        assertThat(app.fieldText("#import-keystore-path")).isEqualTo(exported.toString());
        app.fill("#import-keystore-password", "exported with");
        app.click("#onboarding-continue");
        app.fill("#onboarding-password", "my new password");
        app.fill("#onboarding-password-confirm", "my new password");
        app.click("#onboarding-finish");

        await().atMost(PATIENCE).until(() -> sandbox.devAccount(5).getAddress().equalsIgnoreCase(String.valueOf(app.statusAccount())));
        services.wallets().lock();
        services.wallets().unlock(services.wallets().wallets().get(0).address(), "my new password".toCharArray());
        assertThat(services.wallets().activeAddress().orElseThrow()).isEqualToIgnoringCase(sandbox.devAccount(5).getAddress());
    }

    @Test
    void importingARecoveryPhraseOpensItsFirstAccount(LocalSandbox sandbox) throws Exception {
        TestWindow app = open(sandbox);
        app.click("#onboarding-import");
        app.click("#import-kind-mnemonic");
        app.fill("#import-mnemonic", "test test test test test test test test test test test test");
        app.click("#onboarding-continue");
        assertThat(app.text("#onboarding-message")).startsWith("That recovery phrase is not valid.");
        app.fill("#import-mnemonic", "test test test test test test test test test test test junk");
        app.click("#onboarding-continue");
        app.fill("#onboarding-password", "password-0");
        app.fill("#onboarding-password-confirm", "password-0");
        app.click("#onboarding-finish");

        await().atMost(PATIENCE).until(() -> sandbox.devAccount(0).getAddress().equalsIgnoreCase(String.valueOf(app.statusAccount())));
    }

    @Test
    void onboardingInTheDarkTheme(LocalSandbox sandbox) throws Exception {
        TestWindow app = open(sandbox);
        app.theme(Theme.DARK);
        app.screenshot("onboarding-welcome-dark");
        app.click("#onboarding-create");
        app.screenshot("onboarding-phrase-dark");
        app.click("#onboarding-backed-up");
        app.click("#onboarding-continue");
        app.screenshot("onboarding-password-dark");
        app.click("#onboarding-back");
        assertThat(app.shows("#onboarding-mnemonic")).isTrue();
    }

    @Test
    void aWrongPasswordOnUnlockSaysSoAndTheRightOneOpensTheWallet(LocalSandbox sandbox) throws Exception {
        AppServices preparing = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        preparing.wallets().importPrivateKey(TestWindow.privateKeyOf(sandbox.devAccount(4)), "right password".toCharArray());
        preparing.close();
        TestWindow app = open(sandbox);
        assertThat(app.shows("#unlock")).isTrue();

        app.fill("#unlock-password", "wrong password");
        app.click("#unlock-button");
        await().atMost(PATIENCE).until(() -> app.text("#unlock-message")
                .equals("The password is wrong. Check Caps Lock and try again."));
        assertThat(app.fieldText("#unlock-password")).isEmpty();
        assertThat(services.wallets().active()).isEmpty();
        app.screenshot("unlock-wrong-password-light");
        app.theme(Theme.DARK);
        app.screenshot("unlock-wrong-password-dark");
        app.theme(Theme.LIGHT);

        app.fill("#unlock-password", "right password");
        app.click("#unlock-button");
        await().atMost(PATIENCE).until(() -> sandbox.devAccount(4).getAddress().equalsIgnoreCase(String.valueOf(app.statusAccount())));
    }
}
