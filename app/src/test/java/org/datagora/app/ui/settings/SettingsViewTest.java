package org.datagora.app.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.datagora.app.AppServices;
import org.datagora.app.config.DataDirectory;
import org.datagora.app.config.Settings;
import org.datagora.app.ui.common.TestWindow;
import org.datagora.app.ui.main.Area;
import org.datagora.app.wallet.KeystoreKdf;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.Keys;

/** Settings: choosing another network and content store, validation messages, and the theme. */
class SettingsViewTest {

    @TempDir
    Path dataDir;
    private AppServices services;
    private TestWindow app;

    @BeforeEach
    void open() throws Exception {
        services = new AppServices(new DataDirectory(dataDir), KeystoreKdf.LIGHT);
        services.wallets().importPrivateKey(TestWindow.privateKeyOf(Credentials.create(Keys.createEcKeyPair())),
                "wallet password".toCharArray());
        app = TestWindow.open(services);
        app.click("#" + Area.SETTINGS.navigationId());
    }

    @AfterEach
    void close() throws Exception {
        app.close();
        services.close();
    }

    @Test
    void aRemoteNetworkIsValidatedSavedAndNeedsARestart() throws Exception {
        assertThat(app.robot().lookup("#settings-network-local").queryAs(javafx.scene.control.RadioButton.class).isSelected()).isTrue();
        app.screenshot("settings-light");

        app.click("#settings-network-custom");
        app.fill("#settings-rpc-url", "localhost:8545");
        app.fill("#settings-chain-id", "11155111");
        app.click("#settings-save");
        assertThat(app.text("#settings-message")).isEqualTo("The JSON-RPC URL must start with http:// or https://.");

        Path networks = Files.writeString(dataDir.resolve("sepolia-networks.json"), "{\"chainId\":11155111}");
        app.fill("#settings-rpc-url", "https://rpc.sepolia.example.org");
        app.fill("#settings-chain-id", "eleven");
        app.fill("#settings-networks-file", networks.toString());
        app.click("#settings-save");
        assertThat(app.text("#settings-message")).startsWith("Enter the chain id as a positive whole number");

        app.fill("#settings-chain-id", "11155111");
        app.click("#settings-store-kubo");
        app.fill("#settings-kubo-url", "http://127.0.0.1:5001");
        app.click("#settings-save");
        assertThat(app.text("#settings-message")).isEqualTo("Saved. Restart Datagora to use the new network and content store.");
        app.screenshot("settings-saved-light");

        Settings saved = services.settings().load();
        assertThat(saved.network()).isEqualTo(new Settings.Network(Settings.NetworkKind.JSON_RPC,
                "https://rpc.sepolia.example.org", 11155111L, networks.toString()));
        assertThat(saved.contentStore()).isEqualTo(new Settings.ContentStore(Settings.ContentStoreKind.KUBO, "http://127.0.0.1:5001"));
    }

    @Test
    void theDarkThemeAppliesAtOnceAndIsRemembered() {
        app.click("#settings-theme-dark");
        app.click("#settings-save");
        assertThat(app.text("#settings-message")).isEqualTo("Saved.");
        assertThat(javafx.application.Application.getUserAgentStylesheet()).contains("primer-dark");
        assertThat(services.settings().load().theme()).isEqualTo(Settings.ThemeChoice.DARK);
        app.screenshot("settings-dark");
    }
}
