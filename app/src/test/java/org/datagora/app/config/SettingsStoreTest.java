package org.datagora.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsStoreTest {

    @TempDir
    Path root;

    @Test
    void firstStartUsesTheLocalSandboxTheEmbeddedStoreAndTheLightTheme() {
        Settings settings = new SettingsStore(new DataDirectory(root)).load();
        assertThat(settings.network().kind()).isEqualTo(Settings.NetworkKind.LOCAL_SANDBOX);
        assertThat(settings.contentStore().kind()).isEqualTo(Settings.ContentStoreKind.EMBEDDED);
        assertThat(settings.theme()).isEqualTo(Settings.ThemeChoice.LIGHT);
    }

    @Test
    void savedSettingsComeBackAfterARestart() throws Exception {
        Path networks = Files.writeString(root.resolve("networks.json"), "{}");
        Settings chosen = Settings.defaults()
                .withNetwork(new Settings.Network(Settings.NetworkKind.JSON_RPC, "https://rpc.example.org", 11155111L,
                        networks.toString()))
                .withContentStore(new Settings.ContentStore(Settings.ContentStoreKind.KUBO, "http://127.0.0.1:5001"))
                .withTheme(Settings.ThemeChoice.DARK);
        new SettingsStore(new DataDirectory(root)).save(chosen);

        assertThat(new SettingsStore(new DataDirectory(root)).load()).isEqualTo(chosen);
        assertThat(Files.readString(root.resolve("settings.json"))).contains("\"rpcUrl\" : \"https://rpc.example.org\"");
    }

    @Test
    void invalidEntriesAreRefusedWithOneSentenceEachAndNothingIsWritten() {
        SettingsStore store = new SettingsStore(new DataDirectory(root));
        Settings bad = Settings.defaults()
                .withNetwork(new Settings.Network(Settings.NetworkKind.JSON_RPC, "ftp://x", 0L, root.resolve("none.json").toString()))
                .withContentStore(new Settings.ContentStore(Settings.ContentStoreKind.KUBO, "localhost:5001"));

        assertThat(SettingsValidator.problems(bad)).containsExactly(
                "The JSON-RPC URL must start with http:// or https://.",
                "Enter the chain id as a positive whole number (for example 1 for Ethereum, 11155111 for Sepolia).",
                "The networks file " + root.resolve("none.json") + " does not exist or cannot be read.",
                "The Kubo RPC URL must start with http:// or https://.");
        assertThatThrownBy(() -> store.save(bad)).isInstanceOf(SettingsException.class)
                .hasMessage("The JSON-RPC URL must start with http:// or https://.");
        assertThat(store.file()).doesNotExist();
    }

    @Test
    void anUnreadableFileIsKeptAsideAndTheDefaultsAreUsed() throws Exception {
        Files.writeString(root.resolve("settings.json"), "{ not json");
        assertThat(new SettingsStore(new DataDirectory(root)).load()).isEqualTo(Settings.defaults());
        assertThat(root.resolve("settings.json.unreadable")).hasContent("{ not json");
    }
}
